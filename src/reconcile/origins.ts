import type { Article } from "../model/article.js";

const SHINGLE = 8;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(" "));
  return out;
}

/**
 * Groups syndicated copies: two articles that share most of their word 8-grams are one text
 * (the same wire story in two outlets). Found through an index of shingles, never by comparing
 * every pair of articles. Returns each article's origin id: the smallest id of its group.
 */
export function findOrigins(articles: readonly Article[]): Map<string, string> {
  const bodies = articles.map((a) =>
    shingles(a.segments.filter((s) => s.kind === "body" || s.kind === "title").map((s) => a.text.slice(s.start, s.end)).join("\n")),
  );
  const holders = new Map<string, number[]>();
  bodies.forEach((set, i) => {
    for (const s of set) holders.set(s, [...(holders.get(s) ?? []), i]);
  });
  const parent = articles.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  bodies.forEach((set, i) => {
    const shared = new Map<number, number>();
    for (const s of set) for (const j of holders.get(s)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, count] of shared) {
      // a copy shares at least half of the shorter text
      if (count >= 0.5 * Math.min(set.size, bodies[j]!.size) && count >= 5) parent[root(j)] = root(i);
    }
  });
  const groups = new Map<number, string[]>();
  articles.forEach((a, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), a.id]));
  const origins = new Map<string, string>();
  for (const ids of groups.values()) {
    const id = `origin:${[...ids].sort()[0]}`;
    for (const member of ids) origins.set(member, id);
  }
  return origins;
}
