import quantities from "./lexicon/quantities.json" with { type: "json" };
import type { Sentence } from "./nlp.js";
import type { Quantity } from "./quantity.js";

/** Ordinals of a series: "the third meeting", "29th largest": the number and the series noun. */
export function findOrdinals(sentence: Sentence): Quantity[] {
  const tokens = sentence.tokens;
  const found: Quantity[] = [];
  const ENUMERATIONS = new Set(quantities.enumerations);
  const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.entity !== "ORDINAL") continue;
    const word = ORDINALS.indexOf(t.lower);
    const digits = /^(\d+)(st|nd|rd|th)$/.exec(t.lower);
    const value = word >= 0 ? word + 1 : digits ? Number(digits[1]) : null;
    if (value === null) continue;
    // "second-floor", "first-ever": a hyphened compound names no series
    if (tokens[i + 1]?.text === "-" && tokens[i + 1]!.joined) continue;
    let series: string | undefined;
    for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
      const next = tokens[k]!;
      if (next.pos === "NOUN") {
        series = next.lower;
        if (tokens[k + 1]?.pos === "NOUN") series = tokens[k + 1]!.lower;
        break;
      }
      if (next.pos === "ADJ" && /est$/.test(next.lower)) {
        series = next.lower;
        break;
      }
      if (next.pos !== "ADJ" && next.pos !== "PROPN") break;
    }
    // "the first leg", "the 34th minute": the ordinal names one member of a list, it claims nothing
    if (!series || ENUMERATIONS.has(series) || ENUMERATIONS.has(series.replace(/s$/, ""))) continue;
    found.push({ kind: "ordinal", text: t.text, index: i, start: t.start, number: value, normalized: String(value), what: series.replace(/s$/, "") });
  }
  return found;
}
