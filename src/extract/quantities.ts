import quantities from "./lexicon/quantities.json" with { type: "json" };
import { isEventWord, phraseAt } from "./context.js";
import type { Sentence, Token } from "./nlp.js";
import { parseNumber, roundingTolerance, scaled } from "./numbers.js";

/** A figure as a sentence gives it, with the interval its hedge implies. */
export interface Quantity {
  kind: "count" | "measure" | "duration" | "ordinal";
  text: string;
  /** token index where the figure starts */
  index: number;
  /** offset in the article of the figure */
  start: number;
  number?: number;
  low?: number;
  high?: number;
  normalized: string;
  unit?: string;
  /** the dimension or series: "dead", "magnitude", "meeting" … */
  what: string;
  /** the counted noun, for counts ("children", "houses") */
  noun?: string;
  partial?: boolean;
  /** for a partial count, the part: a place, "part", "increment" */
  scope?: string;
  /** marked as not final: "at least", "so far", "rose to", "partial results" */
  provisional?: boolean;
  /** summed from a breakdown in the text */
  derived?: boolean;
}

export type HedgeKind = "atLeast" | "moreThan" | "about" | "nearly" | "atMost" | "lessThan";
const HEDGES = Object.entries(quantities.hedges).map(([phrase, kind]) => ({ words: phrase.split(" "), kind: kind as HedgeKind })).sort((a, b) => b.words.length - a.words.length);
const VAGUE = Object.entries(quantities.vague).map(([phrase, range]) => ({ words: phrase.split(" "), range: range as [number, number] })).sort((a, b) => b.words.length - a.words.length);
const CATEGORIES = Object.entries(quantities.categories).flatMap(([category, words]) => words.map((w) => ({ words: w.split(" "), category })));
const PEOPLE = new Set(quantities.peopleNouns);
const ZERO = quantities.zero.map((p) => p.split(" "));
const PROVISIONAL = quantities.provisional.map((p) => p.split(" "));

/** Does the figure's clause say it is not final ("so far", "rose to", "partial results")? */
export function isProvisional(tokens: readonly Token[], first: number, last: number, hedge?: string): boolean {
  if (hedge === "atLeast" || hedge === "moreThan") return true;
  let from = first;
  while (from > 0 && !/^[;:]$/.test(tokens[from - 1]!.text) && first - from < 10) from--;
  let to = last;
  while (to < tokens.length - 1 && !/^[;:]$/.test(tokens[to + 1]!.text) && to - last < 10) to++;
  for (let k = from; k <= to; k++) for (const words of PROVISIONAL) if (phraseAt(tokens, k, words)) return true;
  return false;
}
const GENERIC_PEOPLE = new Set(quantities.genericPeople);
const POPULATION = new Set(quantities.populationNouns);
const OWN_NOUN = new Map(Object.entries(quantities.ownNoun));
const UNITS = new Map(Object.entries(quantities.units) as [string, [string, number]][]);
const UNIT_NAMES = quantities.unitNames as Record<string, string>;
const CURRENCIES = new Map(Object.entries(quantities.currencies));

/** The interval a hedge puts around n: "at least 12" is [12, ∞), "about 3,000" is ±10 %. */
/** Adds hedges from a newsroom's config ("upwards of": "atLeast"). */
export function addHedges(extra: Readonly<Record<string, HedgeKind>>): void {
  for (const [phrase, kind] of Object.entries(extra)) HEDGES.push({ words: phrase.toLowerCase().split(" "), kind });
  HEDGES.sort((a, b) => b.words.length - a.words.length);
}

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

function hedgeBefore(tokens: readonly Token[], i: number): HedgeKind | undefined {
  for (const hedge of HEDGES) {
    const start = i - hedge.words.length;
    if (start >= 0 && phraseAt(tokens, start, hedge.words)) return hedge.kind;
  }
  return undefined;
}

/** What is counted: the nearest casualty or other category word within the clause. */
function categoryNear(tokens: readonly Token[], first: number, last: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const clauseEnd = (from: number, step: number) => {
    let k = from;
    while (k >= 0 && k < tokens.length && !(/^[;:—–()]$/.test(tokens[k]!.text) && !(k === last + 1 && step === 1)) && Math.abs(k - from) < 9) k += step;
    return k;
  };
  const lowBound = clauseEnd(first - 1, -1);
  const highBound = clauseEnd(last + 1, 1);
  for (let k = Math.max(0, lowBound); k < Math.min(tokens.length, highBound + 1); k++) {
    if (k >= first && k <= last) continue;
    for (const entry of CATEGORIES) {
      if (!phraseAt(tokens, k, entry.words)) continue;
      // words after the figure bind tighter ("24 dead") than words before it ("killing 24")
      const distance = k > last ? k - last : (first - k) * 1.5;
      if (distance < bestDistance) {
        best = entry.category;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** The head noun of the phrase after a figure: "10,000 Welsh forced labourers" → "labourers". */
function nounAfter(tokens: readonly Token[], k: number): string | undefined {
  let noun: string | undefined;
  for (let steps = 0; k < tokens.length && steps < 4; k++, steps++) {
    const t = tokens[k]!;
    if (t.pos === "NOUN" || t.pos === "PROPN") noun = t.lower;
    else if (t.pos === "ADJ" || (t.pos === "VERB" && /ed$/.test(t.lower) && tokens[k + 1]?.pos === "NOUN")) continue;
    else break;
    if (tokens[k + 1]?.pos !== "NOUN" && tokens[k + 1]?.pos !== "PROPN") break;
  }
  return noun;
}

/**
 * The part of the whole a count is limited to: a named subdivision ("in Velm district"), one
 * already named ("in the district"), hospitals, a subgroup ("25 of the injured"), or an
 * increment ("another two", "five more"). A part is another group than the whole: it never
 * contradicts the total.
 */
function scopeOf(tokens: readonly Token[], first: number, last: number): string | undefined {
  const before = tokens[first - 1]?.lower;
  // "around 30 people seriously injured": a subgroup of the injured
  for (let k = last + 1; k < Math.min(tokens.length, last + 4); k++) if (/^(seriously|critically|badly|severely|slightly|lightly)$/.test(tokens[k]!.lower)) return tokens[k]!.lower;
  // "In neighbouring Velm district, 10 people were killed, 140 were injured": the opening phrase scopes the sentence
  if (tokens[0]?.lower === "in") {
    const comma = tokens.findIndex((t) => t.text === ",");
    if (comma > 0 && comma < first) {
      const noun = tokens[comma - 1]!.lower;
      if (SUBDIVISIONS.test(noun)) {
        const names = tokens.slice(1, comma - 1).filter((t) => /^\p{Lu}/u.test(t.text)).map((t) => t.lower);
        return names.length > 0 ? names.join(" ") : noun;
      }
    }
  }
  if (before === "another" || tokens[last + 1]?.lower === "more") return "increment";
  // "131 of the 240 seats": the second figure is the whole the first is part of
  if ((before === "the" && tokens[first - 2]?.lower === "of" && tokens[first - 3]?.pos === "NUM") || (before === "of" && tokens[first - 2]?.lower === "out")) return "total";
  if (tokens[last + 1]?.lower === "of" && /^(the|them|those|these)$/.test(tokens[last + 2]?.lower ?? "")) return "part";
  let k = first - 1;
  while (k >= 0 && !/^[,;:]$/.test(tokens[k]!.text)) k--;
  const clauseStart = k + 1;
  k = last + 1;
  while (k < tokens.length && !/^[,;:]$/.test(tokens[k]!.text)) k++;
  const clauseEnd = k;
  // "In neighbouring Velm district, 10 people were killed": the clause before may name the place
  const searchFrom = clauseStart === first && tokens[first - 1]?.text === "," ? Math.max(0, clauseStart - 8) : clauseStart;
  for (let j = searchFrom; j < clauseEnd - 1; j++) {
    if (tokens[j]!.lower !== "in") continue;
    let n = j + 1;
    if (/^(the|his|her|their|that|this)$/.test(tokens[n]!.lower)) n++;
    if (/^(neighbouring|neighboring|nearby|mountainous|remote)$/.test(tokens[n]?.lower ?? "")) n++;
    let end = n;
    while (end < clauseEnd && /^\p{Lu}/u.test(tokens[end]!.text)) end++;
    const noun = tokens[end]?.lower ?? "";
    if (SUBDIVISIONS.test(noun)) return end > n ? tokens.slice(n, end).map((t) => t.lower).join(" ") : noun.replace(/s$/, "");
  }
  return undefined;
}

const SUBDIVISIONS = /^(district|province|village|city|town|county|region|area|municipality|prefecture|state|hospital|hospitals|clinic|camp|neighbourhood|neighborhood|hamlet)$/;

const UNIT_PATTERN = [...UNITS.keys()].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const MEASURE = new RegExp(
  String.raw`(?<currency>US\$|\$|€|£|¥)?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>bn|billion|million|mn|m|k|tn|trillion)\b)?(?:\s?-?\s?(?<unit>${UNIT_PATTERN})(?![\p{L}]))?(?:\s(?<curword>dollars|euros|pounds|crowns|yen|yuan|rupees|won|francs)\b)?`,
  "giu",
);
const MAGNITUDE = /\bmagnitude[- ](\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)[- ]magnitude\b|measuring (\d+(?:\.\d+)?) on the richter/giu;

/** Measures with units (magnitude 6.1, a 6,825-ton ferry, 20 km, $1.2bn, 18.4%), by pattern over the sentence. */
export function findMeasures(sentence: Sentence): Quantity[] {
  const found: Quantity[] = [];
  const tokenAt = (relative: number) => {
    const k = sentence.tokens.findIndex((t) => t.end > sentence.start + relative);
    return k < 0 ? sentence.tokens.length - 1 : k;
  };
  for (const m of sentence.text.matchAll(MAGNITUDE)) {
    const text = m[1] ?? m[2] ?? m[3]!;
    const start = sentence.start + m.index! + m[0].indexOf(text);
    const value = Number(text);
    found.push({ kind: "measure", text: m[0], index: tokenAt(start - sentence.start), start, number: value, normalized: String(value), unit: "magnitude", what: "magnitude", low: value, high: value });
  }
  for (const m of sentence.text.matchAll(MEASURE)) {
    const groups = m.groups!;
    const currency = groups.currency ? CURRENCIES.get(groups.currency.toLowerCase()) : groups.curword ? CURRENCIES.get(groups.curword.toLowerCase()) : undefined;
    const unitWord = groups.unit?.toLowerCase();
    if (!currency && (!unitWord || unitWord === "magnitude")) continue;
    // "m" after a number is metres unless money is in play ("$1,180m")
    const raw = parseNumber(groups.num!);
    if (raw === null) continue;
    const start = sentence.start + m.index! + m[0].indexOf(groups.num!);
    let value = raw;
    let unit: string;
    let what: string;
    if (currency) {
      value = scaled(raw, groups.scale ?? (unitWord === "m" ? "m" : undefined));
      unit = currency;
      what = "money";
    } else {
      const [dimension, factor] = UNITS.get(unitWord!)!;
      const scaleFactor = groups.scale && groups.scale.toLowerCase() !== "m" ? scaled(1, groups.scale) : 1;
      value = raw * scaleFactor * factor / (dimension === "length" ? 1000 : dimension === "mass" ? 1000 : dimension === "area" ? 10000 : 1);
      unit = UNIT_NAMES[dimension] ?? dimension;
      what = dimension;
    }
    const tolerance = roundingTolerance(groups.num!, value);
    const index = tokenAt(start - sentence.start);
    // "10 kilometres (six miles)": a conversion in brackets restates the figure before it
    const before = sentence.text.slice(0, m.index!).trimEnd();
    if (before.endsWith("(") && found.some((q) => q.start < start && start - q.start < 40)) continue;
    const provisional = isProvisional(sentence.tokens, index, index);
    found.push({ kind: "measure", ...(provisional ? { provisional } : {}), text: m[0].trim(), index, start, number: round(value), normalized: String(raw), unit, what: propertyOf(sentence, index, what), low: round(value - tolerance), high: round(value + tolerance) });
  }
  return found;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

const PROPERTIES = Object.entries(quantities.measureProperties).flatMap(([property, words]) => words.map((w) => [w, property] as const));
const PROPERTY_OF = new Map(PROPERTIES);
const SYNONYMS = new Map(Object.entries(quantities.nounSynonyms));
const PERCENT_KINDS = new Set(quantities.percentKinds);

/**
 * What a measure measures, from the words around it: a depth, a distance, a length, a price …
 * Measures of different things (a quake's depth and its distance from a town) are never compared.
 */
function propertyOf(sentence: Sentence, index: number, dimension: string): string {
  const tokens = sentence.tokens;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (let k = Math.max(0, index - 5); k < Math.min(tokens.length, index + 9); k++) {
    const property = PROPERTY_OF.get(tokens[k]!.lower);
    if (!property) continue;
    // a depth, length or distance is in metres; a price or cost in money: the word must fit the unit
    const fits = dimension === "money" ? property === "price" || property === "cost" : dimension === "length" ? ["depth", "length", "width", "height", "distance"].includes(property) : dimension === "speed" ? property === "speed" : dimension === "mass" ? property === "tonnage" : false;
    if (!fits) continue;
    const distance = Math.abs(k - index) + (k < index ? 0.5 : 0);
    if (distance < bestDistance) {
      best = property;
      bestDistance = distance;
    }
  }
  if (best === "distance") {
    // a distance is from somewhere: "55 kilometres west of the town of Velm", "from the provincial capital Velm"
    for (let k = index + 1; k < Math.min(tokens.length, index + 12); k++) {
      if (!/^(of|from|off)$/.test(tokens[k]!.lower)) continue;
      let start = k + 1;
      while (start < Math.min(tokens.length, k + 7) && !/^\p{Lu}/u.test(tokens[start]!.text) && tokens[start]!.pos !== "PUNCT" && tokens[start]!.pos !== "VERB") start++;
      let end = start;
      while (end < tokens.length && /^\p{Lu}/u.test(tokens[end]!.text)) end++;
      if (end > start) return `distance from ${tokens.slice(start, end).map((t) => t.lower).join(" ")}`;
      break;
    }
  }
  if (dimension === "percent") {
    // "a 31% premium": the figure modifies the noun after it; "shares closed up 18.4%",
    // "52.4 percent of the vote": the noun before it, or the one its "of" names
    const after = () => {
      for (let k = index + 1; k < Math.min(tokens.length, index + 6); k++) if (tokens[k]!.pos === "NOUN" && !/^(percent|cent|%)$/.test(tokens[k]!.lower)) return tokens[k]!.lower;
      return undefined;
    };
    const before = () => {
      for (let k = index - 1; k >= Math.max(0, index - 5); k--) if (tokens[k]!.pos === "NOUN") return tokens[k]!.lower;
      return undefined;
    };
    const modifier = /^(a|an|the)$/.test(tokens[index - 1]?.lower ?? "");
    const ofPhrase = /^(percent|per|%)$/.test(tokens[index + 1]?.lower ?? "") && (tokens[index + 2]?.lower === "of" || tokens[index + 3]?.lower === "of");
    const noun = modifier || ofPhrase ? (after() ?? before()) : (before() ?? after());
    const kind = noun ? (SYNONYMS.get(noun) ?? noun) : undefined;
    // only a known kind of share names it; any other noun near a percentage is noise
    return kind && PERCENT_KINDS.has(kind) ? `share of ${kind}` : "share";
  }
  // "$46 for each share", "$46 a share": a price per unit is not the price of the whole
  if (dimension === "money" && /^\s*-?\s*(per|for each|for every|a|an|each)[\s-]+(?:\p{Lu}\p{L}+\s+)?(share|unit|barrel|ticket|tonne|ton|item|head|person)\b/iu.test(sentence.text.slice(tokens[index]!.end - sentence.start).replace(/^[\d.,]+\s*(bn|billion|million|m)?/i, ""))) return `${best ?? "price"} per unit`;
  if (best) return best;
  // nothing says what it is: the noun it measures ("a 27-foot draft"), so unlike things stay apart;
  // an area is the burned or flooded area whatever noun is near
  if (dimension === "area" || dimension === "magnitude") return dimension;
  const afterUnit = tokens.findIndex((t, k) => k > index && !/^[\d.,-]+$/.test(t.text) && !UNITS.has(t.lower) && !/^(sq|square|metric|nautical|cubic)$/.test(t.lower));
  for (const k of [afterUnit, afterUnit + 1, afterUnit + 2]) {
    const t = tokens[k];
    if (t && t.pos === "NOUN" && !UNITS.has(t.lower)) return `${dimension} of ${t.lower}`;
  }
  // "a draft (below the waterline) of 27 feet": back over a parenthesis to the noun
  let depth = 0;
  for (let k = index - 1; k >= Math.max(0, index - 10); k--) {
    const t = tokens[k]!;
    if (t.text === ")") depth++;
    else if (t.text === "(") depth--;
    else if (depth === 0 && t.pos === "NOUN" && !UNITS.has(t.lower)) return `${dimension} of ${t.lower}`;
    else if (depth === 0 && t.pos === "VERB") break;
  }
  return dimension;
}

// "50 hours after the quake", "two days later": time elapsed since something, not how long it lasted
const DURATION = /\b(?:(about|around|some|nearly|almost|more than|over|at least|less than|under|up to|just)\s+)?(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)([- ]|: )(second|minute|hour|day|week|month|year)s?\b(?![- ]old)(?!\s+(?:ago|after|later|earlier|before|since|into|from))/giu;
const DURATION_CODES: Record<string, string> = { second: "TS", minute: "TM", hour: "TH", day: "D", week: "W", month: "M", year: "Y" };
const SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2629800, year: 31557600 };
const OWN_LENGTH = new Set(quantities.ownLength);
const DURATION_KIND = new Map(Object.entries(quantities.durationKinds).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)));

/**
 * Durations: "two-day visit", "spend two days", "for around 15 seconds", "11 years" → ISO 8601,
 * compared in seconds with the hedge's interval. What lasted is the noun of "a two-day visit" or
 * the word before "N days"; the event's own length when that word is one of lasting or visiting.
 */
export function findDurations(sentence: Sentence): Quantity[] {
  const found: Quantity[] = [];
  const tokens = sentence.tokens;
  for (const m of sentence.text.matchAll(DURATION)) {
    const value = parseNumber(m[2]!);
    if (value === null || value <= 0) continue;
    const unitWord = m[4]!.toLowerCase();
    const code = DURATION_CODES[unitWord]!;
    const iso = code.startsWith("T") ? `PT${value}${code[1]}` : `P${value}${code}`;
    const start = sentence.start + m.index! + (m[1] ? m[0].indexOf(m[2]!) : 0);
    const end = sentence.start + m.index! + m[0].length;
    const index = Math.max(0, tokens.findIndex((t) => t.start >= start));
    const last = Math.max(index, tokens.findIndex((t) => t.end >= end));
    // the thing that lasted: the noun after "two-day", else the nearest word before the figure
    let what: string | undefined;
    if (m[3] === "-" && tokens[last + 1] && (tokens[last + 1]!.pos === "NOUN" || tokens[last + 1]!.pos === "ADJ")) {
      // "a two-day state visit": the head is the last noun of the compound
      let k = last + 1;
      while (tokens[k] && tokens[k]!.pos === "ADJ") k++;
      while (tokens[k + 1]?.pos === "NOUN") k++;
      if (tokens[k]?.pos === "NOUN") what = tokens[k]!.lower;
    }
    if (!what) {
      for (let k = index - 1; k >= Math.max(0, index - 4); k--) {
        const t = tokens[k]!;
        if (t.pos === "VERB" || t.pos === "NOUN") {
          what = t.lower;
          break;
        }
      }
    }
    // "10: Years the captain has worked": a by-the-numbers line names it after the figure
    if (!what) for (let k = last + 1; k < Math.min(tokens.length, last + 4); k++) if (tokens[k]!.pos === "NOUN") { what = tokens[k]!.lower; break; }
    what ??= "time";
    const seconds = value * SECONDS[unitWord]!;
    const hedge = m[1]?.toLowerCase();
    const interval = hedgeInterval(hedge ? (quantities.hedges as Record<string, HedgeKind>)[hedge] : undefined, seconds);
    found.push({ kind: "duration", text: m[0], index, start, number: value, normalized: iso, unit: code.startsWith("T") ? "s" : "s", what: DURATION_KIND.get(what) ?? (OWN_LENGTH.has(what) || isEventWord(what) ? "length" : what), ...interval });
  }
  return found;
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

/**
 * A breakdown, "136 Koreans and 47 Japanese died": the parts are counts of their own groups, and
 * their sum is a count of everyone, which a source giving "183 workers" can be checked against.
 */
export function breakdownTotals(sentence: Sentence, counts: readonly Quantity[]): Quantity[] {
  const totals: Quantity[] = [];
  for (let i = 0; i + 1 < counts.length; i++) {
    const a = counts[i]!;
    const b = counts[i + 1]!;
    const between = sentence.text.slice(a.start + a.text.length - sentence.start, b.start - sentence.start);
    const category = (q: Quantity) => q.what;
    if (a.number === undefined || b.number === undefined || !/^\s*\p{L}*\s*(and|,)\s*$/u.test(between) || a.noun === b.noun || category(a) !== category(b)) continue;
    if (!PEOPLE.has(a.noun ?? "") && !/^\p{Lu}/u.test(sentence.text.slice(a.start + a.text.length - sentence.start).trim())) continue;
    const text = sentence.text.slice(a.start - sentence.start, b.start - sentence.start + b.text.length) + sentence.text.slice(b.start - sentence.start + b.text.length).split(/\s/).slice(0, 2).join(" ");
    totals.push({ kind: "count", text: text.trim(), index: a.index, start: a.start, number: a.number + b.number, low: (a.low ?? a.number) + (b.low ?? b.number), ...(a.high !== undefined && b.high !== undefined ? { high: a.high + b.high } : {}), normalized: String(a.number + b.number), what: a.what, noun: "people", derived: true });
  }
  return totals;
}

/**
 * Counts of people or things: wink's CARDINAL entities, spelled-out numbers, vague quantities
 * ("dozens", "hundreds of") and "no one", with the hedge before them as an interval.
 */
export function findCounts(sentence: Sentence, taken: ReadonlySet<number>): Quantity[] {
  const tokens = sentence.tokens;
  const found: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken.has(t.start)) continue;
    let first = i;
    let last = i;
    let n: number | null = null;
    let interval: { low?: number; high?: number } = {};
    let text = "";
    let hedgeKind: HedgeKind | undefined;
    const vague = VAGUE.find((v) => phraseAt(tokens, i, v.words));
    const zero = ZERO.find((z) => phraseAt(tokens, i, z));
    if (zero) {
      // "no one was killed", "no casualties": a count of 0
      last = i + zero.length - 1;
      n = 0;
      interval = { low: 0, high: 0 };
      text = sentence.text.slice(t.start - sentence.start, tokens[last]!.end - sentence.start);
    } else if (vague && (t.entity !== "CARDINAL" || /^(dozens|hundreds|thousands|tens|scores)$/.test(t.lower))) {
      last = i + vague.words.length - 1;
      interval = { low: vague.range[0], high: vague.range[1] };
      text = sentence.text.slice(t.start - sentence.start, tokens[last]!.end - sentence.start);
    } else if (t.entity === "CARDINAL" && (t.pos === "NUM" || /^\p{L}/u.test(t.text))) {
      // take the whole entity: "forty-seven", "1.2 million"; its first words may be a hedge wink kept
      while (tokens[last + 1]?.entity === "CARDINAL" && tokens[last + 1]!.entityIndex === t.entityIndex) last++;
      let numberStart = first;
      while (numberStart < last && tokens[numberStart]!.pos !== "NUM" && !/^\p{L}+(-\p{L}+)?$/u.test(tokens[numberStart]!.text)) numberStart++;
      while (numberStart < last && hedgeBefore(tokens, numberStart + 1) && tokens[numberStart]!.pos !== "NUM") numberStart++;
      const numberText = sentence.text.slice(tokens[numberStart]!.start - sentence.start, tokens[last]!.end - sentence.start);
      const parts = /^(.*?)(?:\s+(hundred|thousand|million|billion))?$/i.exec(numberText)!;
      const base = parseNumber(parts[1]!);
      if (base === null) continue;
      n = scaled(base, parts[2]);
      // the year in "in 2004", a clock time, a score ("3-1"), a code ("CN-235") are no counts
      if (/^(19|20)\d\d$/.test(tokens[numberStart]!.text) || tokens[last + 1]?.text === ":" && /^\d/.test(tokens[last + 2]?.text ?? "")) continue;
      if (tokens[first - 1]?.text === "-" && tokens[first - 1]!.joined) continue;
      if (tokens[last + 1]?.text === "-" && /^\d/.test(tokens[last + 2]?.text ?? "")) continue;
      const hedge = hedgeBefore(tokens, numberStart) ?? (numberStart === first ? hedgeBefore(tokens, first) : undefined);
      if (numberStart === first && hedge) first = first - HEDGES.find((h) => h.kind === hedge && phraseAt(tokens, first - h.words.length, h.words))!.words.length;
      interval = hedgeInterval(hedge, n);
      hedgeKind = hedge;
      text = sentence.text.slice(tokens[first]!.start - sentence.start, tokens[last]!.end - sentence.start);
      // "the two leaders": a definite small number refers, it does not claim
      if (n <= 10 && /^(the|their|these|those|its|his|her|both|all)$/.test(tokens[first - 1]?.lower ?? "")) continue;
      if (n === 1 && !hedge && !PEOPLE.has(nounAfter(tokens, last + 1) ?? "")) continue;
    } else continue;
    // "4,234: People on board …": the counted noun follows a colon in a by-the-numbers list
    const colon = tokens[last + 1]?.text === ":";
    // "a crew of 1,100": the noun comes before "of"
    // "a 21-gun salute": the compound's noun is what is counted
    const hyphened = tokens[last + 1]?.text === "-" && tokens[last + 1]!.joined && tokens[last + 2]?.joined && /^\p{L}/u.test(tokens[last + 2]!.text);
    // "a 52-year-old captain": an age, not a count of years
    if (hyphened && tokens[last + 3]?.text === "-" && tokens[last + 4]?.lower === "old") continue;
    const noun = hyphened
      ? `${tokens[last + 2]!.lower}${tokens[last + 3]?.pos === "NOUN" ? ` ${tokens[last + 3]!.lower}` : ""}`
      : (nounAfter(tokens, last + (colon ? 2 : 1)) ?? (tokens[first - 1]?.lower === "of" && tokens[first - 2]?.pos === "NOUN" ? tokens[first - 2]!.lower : undefined));
    const category = categoryNear(tokens, first, last);
    const scope = scopeOf(tokens, first, last);
    // "(six miles)": a figure with a unit is a measure, even one left out as a conversion
    if (noun && UNITS.has(noun)) continue;
    i = last;
    if (!noun && !category) continue;
    if (zero && !category) continue;
    // "a town of about 45,000 people": people counted for nothing in particular say nothing checkable
    if (!category && (!noun || GENERIC_PEOPLE.has(noun))) continue;
    // "15 seats", "a crowd of 41,236": the category says what is counted, whatever noun is near
    // "3,000 residents were evacuated" counts the same people as "3,000 people were evacuated"
    const nounClass = category && OWN_NOUN.has(category) ? OWN_NOUN.get(category)! : zero || !noun || GENERIC_PEOPLE.has(noun) || (category && POPULATION.has(noun)) ? (category ? "people" : noun ?? "people") : (SYNONYMS.get(noun) ?? noun);
    const what = category ?? nounClass;
    const value = n ?? undefined;
    found.push({
      kind: "count",
      text,
      index: first,
      start: tokens[first]!.start,
      ...(value !== undefined ? { number: value } : {}),
      ...interval,
      normalized: value !== undefined ? String(value) : text.toLowerCase(),
      what,
      noun: nounClass,
      ...(scope ? { partial: true, scope } : {}),
      ...(isProvisional(tokens, first, last, hedgeKind) ? { provisional: true } : {}),
    });
  }
  return found;
}
