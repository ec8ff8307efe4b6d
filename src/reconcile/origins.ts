import { pushTo } from "../shared/group.js";
/**
 * Groups syndicated copies: two articles that share most of their word 8-grams are one text
 * (the same wire story in two outlets). Found through an index of shingles, never by comparing
 * every pair of articles. Returns each article's origin id: the smallest id of its group.
 */
const MAX_HOLDERS = 32;

export function findOrigins(fingerprints: readonly { id: string; shingles: readonly number[] }[]): Map<string, string> {
  // a passage a thousand articles carry (a wire text, a standard disclaimer) links each of them to
  // its first holders, enough for the union below: later holders are not compared with one another
  const holders = new Map<number, number[]>();
  fingerprints.forEach((f, i) => {
    for (const s of f.shingles) {
      const list = holders.get(s);
      if (!list) holders.set(s, [i]);
      else if (list.length < MAX_HOLDERS) list.push(i);
    }
  });
  const parent = fingerprints.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  fingerprints.forEach((f, i) => {
    const shared = new Map<number, number>();
    for (const s of f.shingles) for (const j of holders.get(s)!) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, count] of shared) {
      // a copy shares at least half of the shorter text
      if (count >= 0.5 * Math.min(f.shingles.length, fingerprints[j]!.shingles.length) && count >= 5) parent[root(j)] = root(i);
    }
  });
  const groups = new Map<number, string[]>();
  fingerprints.forEach((f, i) => pushTo(groups, root(i), f.id));
  const origins = new Map<string, string>();
  for (const ids of groups.values()) {
    const id = `origin:${[...ids].sort()[0]}`;
    for (const member of ids) origins.set(member, id);
  }
  return origins;
}
