import quantities from "./lexicon/quantities.json" with { type: "json" };
import { phraseAt, phraseList } from "./phrases.js";
import type { Token } from "./nlp.js";

export type HedgeKind = "atLeast" | "moreThan" | "about" | "nearly" | "atMost" | "lessThan";

const HEDGES = Object.entries(quantities.hedges).map(([phrase, kind]) => ({ words: phrase.split(" "), kind: kind as HedgeKind })).sort((a, b) => b.words.length - a.words.length);
const PROVISIONAL = phraseList(quantities.provisional);

/** Does the figure's clause say it is not final ("so far", "rose to", "partial results")? */
export function isProvisional(tokens: readonly Token[], first: number, last: number, hedge?: string): boolean {
  if (hedge === "atLeast" || hedge === "moreThan") return true;
  let from = first;
  while (from > 0 && !/^[;:]$/.test(tokens[from - 1]!.text) && first - from < 10) from--;
  let to = last;
  while (to < tokens.length - 1 && !/^[;:]$/.test(tokens[to + 1]!.text) && to - last < 10) to++;
  for (let k = from; k <= to; k++) if (PROVISIONAL.find(tokens, k)) return true;
  return false;
}

/** Adds hedges from a newsroom's config ("upwards of": "atLeast"). */
export function addHedges(extra: Readonly<Record<string, HedgeKind>>): void {
  for (const [phrase, kind] of Object.entries(extra)) HEDGES.push({ words: phrase.toLowerCase().split(" "), kind });
  HEDGES.sort((a, b) => b.words.length - a.words.length);
}

/** The interval a hedge puts around n: "at least 12" is [12, ∞), "about 3,000" is ±10 %. */
export function hedgeInterval(kind: HedgeKind | undefined, n: number): { low?: number; high?: number } {
  switch (kind) {
    case "atLeast":
      return { low: n };
    case "moreThan":
      return { low: Number.isInteger(n) ? n + 1 : n };
    case "about": {
      // "about 3,000" is rounded and loose; "some 136" is precise enough to be near 136
      const round = n >= 10 && n % 10 === 0;
      const spread = Math.max(1, Math.round(n * (round ? 0.1 : 0.05)));
      return { low: Math.max(0, n - spread), high: n + spread };
    }
    case "nearly":
      return { low: Math.floor(n * 0.9), high: n };
    case "atMost":
      return { low: 0, high: n };
    case "lessThan":
      return { low: 0, high: Number.isInteger(n) ? n - 1 : n };
    default:
      return { low: n, high: n };
  }
}

export function hedgeBefore(tokens: readonly Token[], i: number): HedgeKind | undefined {
  for (const hedge of HEDGES) {
    const start = i - hedge.words.length;
    if (start >= 0 && phraseAt(tokens, start, hedge.words)) return hedge.kind;
  }
  return undefined;
}

/** How many words the hedge of this kind ending just before token i takes (0 when none). */
export function hedgeLength(tokens: readonly Token[], i: number, kind: HedgeKind): number {
  return HEDGES.find((h) => h.kind === kind && phraseAt(tokens, i - h.words.length, h.words))?.words.length ?? 0;
}
