import calendar from "./lexicon/calendar-words.json" with { type: "json" };
import titles from "./lexicon/titles.json" with { type: "json" };
import type { Article } from "../model/article.js";

const SHINGLE = 8;

/** FNV-1a, 32 bits: a stable hash of a shingle, the same in every process. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The hashed word 8-grams of an article's title and body, sorted: its fingerprint for finding
 * copies. Each word is hashed once and each 8-gram's hash mixes its eight words' hashes, so no
 * 8-gram string is ever built.
 */
export function shinglesOf(article: Article): number[] {
  const words: number[] = [];
  for (const s of article.segments) {
    if (s.kind !== "body" && s.kind !== "title") continue;
    for (const m of article.text.slice(s.start, s.end).toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) words.push(hash(m[0]));
  }
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k++) h = Math.imul(h ^ words[k]!, 0x01000193) >>> 0;
    // 30 bits: small integers, which a JavaScript array stores unboxed
    out.add(h >>> 2);
  }
  return [...out].sort((a, b) => a - b);
}

const NOT_KEYS = new Set([...calendar.words, ...titles.titles.flatMap((t) => t.split(" ")), ...titles.notNames]);

/**
 * The names an article's own title and body use, as blocking keys for grouping articles into
 * stories: capitalised words of four letters or more, lower-cased, less weekdays, titles and the
 * words that open sentences.
 */
export function keysOf(article: Article): string[] {
  const keys = new Set<string>();
  for (const segment of article.segments) {
    // the text extract reads: another language's paragraph ("Auf Deutsch: …") names nothing new
    if ((segment.kind !== "body" && segment.kind !== "title") || segment.language !== "en") continue;
    for (const m of article.text.slice(segment.start, segment.end).matchAll(/(?<![.!?]\s|^)\b\p{Lu}[\p{Ll}'’-]{3,}/gmu)) {
      const word = m[0].toLowerCase().replace(/['’]s$/, "");
      if (!NOT_KEYS.has(word)) keys.add(word);
    }
  }
  return [...keys].sort();
}
