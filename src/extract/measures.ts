import quantities from "./lexicon/quantities.json" with { type: "json" };
import { isProvisional } from "./hedges.js";
import type { Sentence } from "./nlp.js";
import { parseNumber, roundingTolerance, scaled } from "./numbers.js";
import { boxLabel, type Quantity } from "./quantity.js";

export const UNITS = new Map(Object.entries(quantities.units) as [string, [string, number]][]);
const UNIT_NAMES = quantities.unitNames as Record<string, string>;
const CURRENCIES = new Map(Object.entries(quantities.currencies));

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
    const currency = groups.currency ? CURRENCIES.get(groups.currency.toLowerCase()) : groups.curword ? CURRENCIES.get(groups.curword.toLowerCase()) : groups.scale && !groups.unit ? namedCurrency(sentence, m.index! + m[0].length) : undefined;
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
    // "from 5.50% to 5.75%", "rose to 7.2% from 6.8%": the figure after "from" is the one before the change
    const previous = sentence.tokens[index - 1]?.lower === "from" && /\bto\b/i.test(sentence.text);
    // the first token after the figure and its unit ("km/h" is three tokens)
    const after = tokenAt(m.index! + m[0].trimEnd().length);
    found.push({ kind: "measure", ...(provisional ? { provisional } : {}), ...(previous ? { previous } : {}), text: m[0].trim(), index, start, number: round(value), normalized: String(raw), unit, what: propertyOf(sentence, index, what, after), low: round(value - tolerance), high: round(value + tolerance) });
  }
  return found;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

const MONEY_WORDS = new Set([...(["price", "cost", "fine", "sum"] as const).flatMap((p) => quantities.measureProperties[p]), "fund", "funds", "budget", "spending"]);
/** words after "4 million" that count people or things, never money */
const NOT_CURRENCY = new Set([...quantities.peopleNouns, ...Object.values(quantities.categories).flat(), "tonnes", "tons", "barrels", "doses", "households", "homes", "votes", "shares", "viewers", "users", "visitors"]);

/**
 * A currency the lexicon does not know ("a fine of 4 million orvals", "a fund of 30 million
 * korvens"): the word after a scaled figure, when the sentence speaks of money and the word counts
 * no people or things the lexicon knows.
 */
function namedCurrency(sentence: Sentence, end: number): string | undefined {
  const word = /^\s+(\p{Ll}+)\b/u.exec(sentence.text.slice(end))?.[1];
  if (!word || UNITS.has(word) || NOT_CURRENCY.has(word)) return undefined;
  return sentence.tokens.some((t) => MONEY_WORDS.has(t.lower)) ? word : undefined;
}

const PROPERTIES = Object.entries(quantities.measureProperties).flatMap(([property, words]) => words.map((w) => [w, property] as const));
const PROPERTY_OF = new Map(PROPERTIES);
const SYNONYMS = new Map(Object.entries(quantities.nounSynonyms));
const PERCENT_KINDS = new Set(quantities.percentKinds);
const CLAUSE_END = /^[;:—–()]$/;
const QUALIFIERS = new Set(quantities.percentQualifiers);
const CHANGE_VERBS = new Set(quantities.changeVerbs);

/**
 * What a measure measures, from the words around it: a depth, a distance, a length, a price …
 * Measures of different things (a quake's depth and its distance from a town) are never compared.
 */
function propertyOf(sentence: Sentence, index: number, dimension: string, afterFigure: number): string {
  const tokens = sentence.tokens;
  let best: string | undefined;
  let bestDistance = Infinity;
  // "Maximum sustained winds at landfall (agency): 165 km/h": a fact box's label says what it measures
  const label = boxLabel(tokens, index);
  for (let k = label ? label[0] : Math.max(0, index - 5); k < Math.min(tokens.length, index + 9); k++) {
    const property = PROPERTY_OF.get(tokens[k]!.lower);
    if (!property) continue;
    // a depth, length or distance is in metres; a price or cost in money: the word must fit the unit
    const fits = dimension === "money" ? ["price", "cost", "fine", "sum"].includes(property) : dimension === "length" ? ["depth", "length", "width", "height", "distance", "rainfall", "radius"].includes(property) : dimension === "speed" ? property === "speed" || property === "limit" : dimension === "mass" ? property === "tonnage" : false;
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
    // within its clause: "a comfortable margin: Ruiz took 52.4 percent" is no margin of 52.4;
    // a unit ("by 25 basis points to 5.75%") or a date ("in May") names no kind
    const kindWord = (k: number) => tokens[k]!.pos === "NOUN" && tokens[k]!.entity === undefined && !UNITS.has(tokens[k]!.lower) && !/^(percent|cent|%|point|points|percentage|basis)$/.test(tokens[k]!.lower);
    // the nearest noun of a known kind ("rate rise to 5.75%" is a rate), else the nearest noun
    const known = (k: number) => PERCENT_KINDS.has(SYNONYMS.get(tokens[k]!.lower) ?? tokens[k]!.lower);
    const after = () => {
      let nearest: number | undefined;
      for (let k = index + 1; k < Math.min(tokens.length, index + 6) && !CLAUSE_END.test(tokens[k]!.text); k++) if (kindWord(k)) {
        if (known(k)) return k;
        nearest ??= k;
      }
      return nearest;
    };
    const before = () => {
      let nearest: number | undefined;
      for (let k = index - 1; k >= Math.max(0, index - 8) && !CLAUSE_END.test(tokens[k]!.text); k--) if (kindWord(k)) {
        if (known(k)) return k;
        nearest ??= k;
      }
      return nearest;
    };
    // "Policy rate: 5.75%", "Annual inflation (May): 7.2%": a fact box's label names the kind
    // "core inflation" is not inflation, "monthly inflation" not the annual rate
    const qualified = (k: number, named: string) => (QUALIFIERS.has(tokens[k - 1]?.lower ?? "") ? `${tokens[k - 1]!.lower} ${named}` : named);
    if (label) {
      for (let k = label[0]; k <= label[1]; k++) {
        const named = SYNONYMS.get(tokens[k]!.lower) ?? tokens[k]!.lower;
        if (PERCENT_KINDS.has(named)) return `share of ${qualified(k, named)}`;
      }
    }
    // "the krell rose 0.8%", "the index fell 1.3%", "the krell's 0.8% gain": what moved is the noun
    // before a verb of change, or the owner of the figure
    const moved = CHANGE_VERBS.has(tokens[index - 1]?.lower ?? "") || /^[’']s$/.test(tokens[index - 1]?.text ?? "");
    const mover = moved && tokens[index - 2]?.pos === "NOUN" ? tokens[index - 2]!.lower : undefined;
    if (mover && !PERCENT_KINDS.has(SYNONYMS.get(mover) ?? mover) && !UNITS.has(mover)) return `share of ${mover}`;
    const modifier = /^(a|an|the)$/.test(tokens[index - 1]?.lower ?? "");
    const ofPhrase = /^(percent|per|%)$/.test(tokens[index + 1]?.lower ?? "") && (tokens[index + 2]?.lower === "of" || tokens[index + 3]?.lower === "of");
    const at = modifier || ofPhrase ? (after() ?? before()) : (before() ?? after());
    const kind = at !== undefined ? (SYNONYMS.get(tokens[at]!.lower) ?? tokens[at]!.lower) : undefined;
    // only a known kind of share names it; any other noun near a percentage is noise
    return kind && PERCENT_KINDS.has(kind) ? `share of ${qualified(at!, kind)}` : "share";
  }
  // "$46 for each share", "$46 a share": a price per unit is not the price of the whole
  if (dimension === "money" && /^\s*-?\s*(per|for each|for every|a|an|each)[\s-]+(?:\p{Lu}\p{L}+\s+)?(share|unit|barrel|ticket|tonne|ton|item|head|person)\b/iu.test(sentence.text.slice(tokens[index]!.end - sentence.start).replace(/^[\d.,]+\s*(bn|billion|million|m)?/i, ""))) return `${best ?? "price"} per unit`;
  if (best) return best;
  // nothing says what it is: the noun it measures ("a 27-foot draft"), so unlike things stay apart;
  // an area is the burned or flooded area whatever noun is near
  if (dimension === "area" || dimension === "magnitude" || dimension === "speed") return dimension;
  const afterUnit = tokens.findIndex((t, k) => k >= afterFigure && k > index && !/^[\d.,-]+$/.test(t.text) && !UNITS.has(t.lower) && !/^(sq|square|metric|nautical|cubic)$/.test(t.lower));
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
