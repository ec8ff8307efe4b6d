import type { Token } from "./nlp.js";

/** Does the phrase `words` (lower case) start at token i? */
export function phraseAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

/**
 * A lexicon's phrases, looked up by their first word. Trying every phrase of a list at every
 * token was a tenth of extraction's own time; only the phrases whose first word is the token's
 * are tried, in the order the list gives them, so the answers are those of a scan of the list.
 */
export class PhraseList<T extends { readonly words: readonly string[] }> {
  private readonly byFirst = new Map<string, T[]>();

  constructor(entries: Iterable<T>) {
    for (const entry of entries) {
      const first = entry.words[0] ?? "";
      const bucket = this.byFirst.get(first);
      if (bucket) bucket.push(entry);
      else this.byFirst.set(first, [entry]);
    }
  }

  /** The first entry (that `accept` takes) whose phrase starts at token i. */
  find(tokens: readonly Token[], i: number, accept: (entry: T) => boolean = () => true): T | undefined {
    const bucket = this.byFirst.get(tokens[i]?.lower ?? "");
    if (bucket) for (const entry of bucket) if (phraseAt(tokens, i, entry.words) && accept(entry)) return entry;
    return undefined;
  }

  /** Every entry whose phrase starts at token i, in list order. */
  *startingAt(tokens: readonly Token[], i: number): Generator<T> {
    const bucket = this.byFirst.get(tokens[i]?.lower ?? "");
    if (bucket) for (const entry of bucket) if (phraseAt(tokens, i, entry.words)) yield entry;
  }
}

/** Phrases as lexicons write them ("expected to", "so far"), as a PhraseList. */
export const phraseList = (phrases: readonly string[]): PhraseList<{ words: string[] }> => new PhraseList(phrases.map((p) => ({ words: p.split(" ") })));
