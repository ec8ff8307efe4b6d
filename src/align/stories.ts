import { pushTo } from "../shared/group.js";
import places from "../extract/lexicon/places.json" with { type: "json" };
import type { ArticleRecord } from "../model/record.js";

const COUNTRY_WORDS = new Set([...Object.keys(places.countries), ...Object.values(places.countries).flat()].flatMap((n) => n.split(" ")));
const KINDS = new Set([...places.adminNouns, ...places.venueNouns]);

export interface Story {
  id: string;
  label: string;
  sources: string[];
}

/**
 * Groups articles into stories by the names they use: two articles that share three rare names
 * are about one story. Found through an index of keys, never by comparing all pairs; a key most
 * articles share says nothing. An article that shares three names with no other joins the story
 * it shares most names with, else the largest.
 */
export function groupStories(records: readonly ArticleRecord[]): Story[] {
  const keys = records.map((r) => new Set(r.keys.filter((k) => !COUNTRY_WORDS.has(k) && !KINDS.has(k))));
  const holders = new Map<string, number[]>();
  keys.forEach((set, i) => {
    for (const k of set) pushTo(holders, k, i);
  });
  // a name in more than one article in twenty (and more than ten) is a common word, not a story's
  const common = records.length >= 10 ? Math.max(10, records.length / 20) : Infinity;
  const parent = records.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  keys.forEach((set, i) => {
    const shared = new Map<number, number>();
    for (const k of set) {
      const list = holders.get(k)!;
      if (list.length > common) continue;
      for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, count] of shared) if (count >= Math.min(3, set.size, keys[j]!.size)) parent[root(j)] = root(i);
  });
  // a lone article (a short piece naming few people) is read with the story it shares the most
  // names with, else with the largest story, rather than alone
  const sizes = new Map<number, number>();
  records.forEach((_, i) => sizes.set(root(i), (sizes.get(root(i)) ?? 0) + 1));
  const largest = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const lone = records.map((_, i) => i).filter((i) => sizes.get(root(i)) === 1);
  const homes = lone.map((i) => {
    const shared = new Map<number, number>();
    for (const k of keys[i]!) {
      const list = holders.get(k)!;
      if (list.length <= common) for (const j of list) if (sizes.get(root(j))! > 1) shared.set(root(j), (shared.get(root(j)) ?? 0) + 1);
    }
    const best = [...shared].sort((a, b) => b[1] - a[1] || sizes.get(b[0])! - sizes.get(a[0])! || a[0] - b[0])[0]?.[0];
    return best ?? (largest !== undefined && sizes.get(largest)! > 1 ? largest : undefined);
  });
  lone.forEach((i, n) => {
    if (homes[n] !== undefined) parent[root(i)] = homes[n]!;
  });
  const groups = new Map<number, number[]>();
  records.forEach((_, i) => pushTo(groups, root(i), i));
  const stories = [...groups.values()].map((members) => {
    const counts = new Map<string, number>();
    for (const i of members) for (const k of keys[i]!) counts.set(k, (counts.get(k) ?? 0) + 1);
    const label = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([k]) => k).join(", ");
    return { label, sources: members.map((i) => records[i]!.id).sort() };
  });
  stories.sort((a, b) => (a.sources[0]! < b.sources[0]! ? -1 : 1));
  return stories.map((s, i) => ({ id: `s${i + 1}`, ...s }));
}
