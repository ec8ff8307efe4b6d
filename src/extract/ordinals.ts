import quantities from "./lexicon/quantities.json" with { type: "json" };
import titles from "./lexicon/titles.json" with { type: "json" };
import roles from "./lexicon/roles.json" with { type: "json" };
import type { Sentence, Token } from "./nlp.js";
import type { Quantity } from "./quantity.js";
import { isStreetOrdinal } from "./identifiers.js";

/** Words for one series: a third cup, a third title and a third trophy are one count of wins. */
const SERIES = new Map(Object.entries(quantities.seriesSynonyms).flatMap(([series, words]) => words.map((w) => [w, series] as const)));

/**
 * What is done for the Nth time: the verb when it names a series ("raised rates for the third
 * time" is a third rise, "cut rates for the fifth time" a fifth cut), else its object ("lift the
 * Velm Cup for the third time" → "cup").
 */
function objectBefore(tokens: readonly Token[], ordinal: number): string | undefined {
  let k = ordinal - 1;
  while (k >= 0 && /^(the|for)$/.test(tokens[k]!.lower)) k--;
  const head = tokens[k];
  if (!head || !(head.pos === "NOUN" || head.pos === "PROPN") || head.entity !== undefined) return undefined;
  let verb = k - 1;
  while (verb >= 0 && /^(the|its|their|his|her|a|an)$/.test(tokens[verb]!.lower)) verb--;
  return tokens[verb] && SERIES.has(tokens[verb]!.lower) ? tokens[verb]!.lower : head.lower;
}

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
    // "second-floor", "first-ever": a hyphened compound names no series; "47th Street" is a name
    if ((tokens[i + 1]?.text === "-" && tokens[i + 1]!.joined) || isStreetOrdinal(tokens, i)) continue;
    let series: string | undefined;
    // "its third Velm Cup": a name with no common noun after it is the series
    let name: string | undefined;
    for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
      const next = tokens[k]!;
      // "for the fourth time yesterday": a date is no series
      if (next.pos === "NOUN" && next.entity === undefined) {
        series = next.lower;
        if (tokens[k + 1]?.pos === "NOUN" && tokens[k + 1]!.entity === undefined) series = tokens[k + 1]!.lower;
        break;
      }
      if (next.pos === "ADJ" && /est$/.test(next.lower)) {
        series = next.lower;
        break;
      }
      if (next.pos === "PROPN") name = next.lower;
      else if (next.pos !== "ADJ") break;
    }
    series ??= name;
    // "won the Velm Cup for the third time": the Nth time of winning it is its Nth cup; with no
    // object before it, "for the first time" says too little to check
    if (series === "time") series = objectBefore(tokens, i);
    // "the first leg", "the 34th minute": the ordinal names one member of a list, it claims nothing
    if (!series || ENUMERATIONS.has(series) || ENUMERATIONS.has(series.replace(/s$/, ""))) continue;
    const singular = series.replace(/s$/, "");
    found.push({ kind: "ordinal", text: t.text, index: i, start: t.start, number: value, normalized: String(value), what: SERIES.get(singular) ?? singular, noun: series });
  }
  return found;
}

// every title and occupation (WordNet's role nouns) names people: "the 14th warden" is someone's place
const PERSON_SERIES = new Set([...titles.titles, ...roles.roles, ...quantities.personSeries]);

/** "the 12th Doctor", "the 44th president": a series whose members are people. */
export const isPersonSeries = (series: string) => PERSON_SERIES.has(series);

/**
 * Whose place in a person-series an ordinal gives: the name in apposition before it ("Matt
 * Smith, the 11th Doctor"), before "(" ("Christopher Eccleston (9th Doctor)"), or in the same
 * clause ("Peter Capaldi revealed as 12th Doctor"). A name that holds the series' own word
 * ("Doctor Who") is the series, not its holder; across a clause boundary nobody is named.
 */
export function ordinalHolder(sentence: Sentence, index: number, series: string, known: ReadonlyMap<string, string>): string | undefined {
  const tokens = sentence.tokens;
  const capital = (t: Token | undefined) => !!t && /^\p{Lu}[\p{L}'’.-]*$/u.test(t.text) && t.entity === undefined;
  let k = index - 1;
  if (/^(the|a|an|its|their|his|her)$/.test(tokens[k]?.lower ?? "")) k--;
  // "Matt Smith, the 11th Doctor", "Eccleston (9th Doctor)": one boundary, right before
  if (/^[,(]$/.test(tokens[k]?.text ?? "")) k--;
  for (; k >= Math.max(0, index - 14); k--) {
    const t = tokens[k]!;
    if (/^[.,;:!?()—–"“”]$/.test(t.text)) return undefined;
    const person = known.get(t.text);
    if (person) return person;
    if (!capital(t) || !capital(tokens[k - 1])) continue;
    let from = k - 1;
    while (from > 0 && capital(tokens[from - 1])) from--;
    const run = tokens.slice(from, k + 1);
    if (run.some((w) => w.lower === series || PERSON_SERIES.has(w.lower))) return undefined;
    return run.map((w) => w.text).join(" ");
  }
  return undefined;
}
