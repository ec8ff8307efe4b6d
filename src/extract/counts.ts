import quantities from "./lexicon/quantities.json" with { type: "json" };
import { PhraseList, phraseList } from "./phrases.js";
import { hedgeBefore, hedgeInterval, hedgeLength, isProvisional, type HedgeKind } from "./hedges.js";
import { UNITS } from "./measures.js";
import type { Sentence, Token } from "./nlp.js";
import { parseNumber, scaled } from "./numbers.js";
import { boxLabel, type Quantity } from "./quantity.js";
import { isNotAQuantity } from "./identifiers.js";

const VAGUE = new PhraseList(Object.entries(quantities.vague).map(([phrase, range]) => ({ words: phrase.split(" "), range: range as [number, number] })).sort((a, b) => b.words.length - a.words.length));
const CATEGORIES = new PhraseList(Object.entries(quantities.categories).flatMap(([category, words]) => words.map((w) => ({ words: w.split(" "), category }))));
const PEOPLE = new Set(quantities.peopleNouns);
const ZERO = phraseList(quantities.zero);
const GENERIC_PEOPLE = new Set(quantities.genericPeople);
const POPULATION = new Set(quantities.populationNouns);
const OWN_NOUN = new Map(Object.entries(quantities.ownNoun));
const SYNONYMS = new Map(Object.entries(quantities.nounSynonyms));
const PARTIES = /^(leaders|sides|countries|nations|men|women|teams|clubs|companies|parties|governments|states|presidents|ministers|brothers|sisters|children|parents|victims|suspects|defendants)$/;

/** Categories only people can be in: houses are not injured, villagers are not damaged. */
const PEOPLE_CATEGORIES = new Set(quantities.peopleCategories);
const CATEGORY_WORDS = new Set(Object.values(quantities.categories).flat());
const THING_CATEGORIES = new Set(quantities.thingCategories);
const COORDINATORS = new Set(["and", "but", "while", "whereas"]);

/**
 * What is counted: the nearest casualty or other category word within the clause that fits the
 * noun counted ("10 houses were damaged", not injured, though "injured" comes first).
 */
function categoryNear(tokens: readonly Token[], first: number, last: number, noun: string | undefined): string | undefined {
  const people = !!noun && PEOPLE.has(noun);
  // "136 Koreans": a capitalised noun (a nationality, a name) may be people
  const named = /^\p{Lu}/u.test(tokens[last + 1]?.text ?? "");
  const thing = !!noun && !people && !named && !GENERIC_PEOPLE.has(noun) && !CATEGORY_WORDS.has(noun);
  let best: string | undefined;
  let bestDistance = Infinity;
  const clauseEnd = (from: number, step: number) => {
    let k = from;
    while (k >= 0 && k < tokens.length && !(/^[;:—–()|]$/.test(tokens[k]!.text) && !(k === last + 1 && step === 1)) && Math.abs(k - from) < 9) k += step;
    return k;
  };
  const lowBound = clauseEnd(first - 1, -1);
  const highBound = clauseEnd(last + 1, 1);
  for (let k = Math.max(0, lowBound); k < Math.min(tokens.length, highBound + 1); k++) {
    if (k >= first && k <= last) continue;
    // "Robinson died and the other five victims were taken to hospital": a category word before a
    // coordination is its own clause's, not that of the figure after it when the figure has a verb
    // of its own ("the alliance 94 and the League 15" shares the verb before it)
    if (k < first && ownClauseAfter(tokens, k, first)) continue;
    for (const entry of CATEGORIES.startingAt(tokens, k)) {
      if ((people && THING_CATEGORIES.has(entry.category)) || (thing && PEOPLE_CATEGORIES.has(entry.category))) continue;
      // words after the figure bind tighter ("24 dead") than words before it ("killing 24")
      const distance = k > last ? k - last : (first - k) * 1.5;
      // a tie goes to the word after: "12 were killed and 70 others were injured"
      if (distance < bestDistance || (distance === bestDistance && k > last)) {
        best = entry.category;
        bestDistance = distance;
      }
    }
  }
  // "4,500 people from Velm whose homes were destroyed were staying in shelters": what people
  // are counted for may come after a long noun phrase, within the clause
  if (!best && people) {
    for (let k = highBound; k < Math.min(tokens.length, last + 24) && !/^[,;:—–()]$/.test(tokens[k]!.text); k++) {
      const entry = CATEGORIES.find(tokens, k, (c) => PEOPLE_CATEGORIES.has(c.category));
      if (entry) return entry.category;
    }
  }
  return best;
}

/** Does a coordination between tokens k and the figure at `first` open a clause with its own verb? */
function ownClauseAfter(tokens: readonly Token[], k: number, first: number): boolean {
  const conjunction = tokens.slice(k + 1, first).findIndex((t) => COORDINATORS.has(t.lower));
  if (conjunction < 0) return false;
  for (let j = k + 2 + conjunction; j < tokens.length && !/^[;.]$/.test(tokens[j]!.text) && !COORDINATORS.has(tokens[j]!.lower); j++) {
    if (j !== first && (tokens[j]!.pos === "VERB" || tokens[j]!.pos === "AUX")) return true;
  }
  return false;
}

/** What a fact box's label counts: a category word in it, else its first noun ("Provinces under …"). */
function labelOf(tokens: readonly Token[], [from, to]: [number, number]): { category?: string; noun?: string } {
  for (let k = from; k <= to; k++) {
    const entry = CATEGORIES.find(tokens, k);
    if (entry) return { category: entry.category };
  }
  for (let k = from; k <= to; k++) if (tokens[k]!.pos === "NOUN" || tokens[k]!.pos === "PROPN") return { noun: tokens[k]!.lower };
  return {};
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
  // "no one else was hurt": nobody besides those named
  if (tokens[last + 1]?.lower === "else") return "part";
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

/** A figure that ends its sentence or clause: nothing after it says what it counts. */
function endsClause(tokens: readonly Token[], last: number): boolean {
  return !tokens[last + 1] || /^[.;,!?]$/.test(tokens[last + 1]!.text);
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
    const vague = VAGUE.find(tokens, i);
    const zero = ZERO.find(tokens, i)?.words;
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
      // an age, a flight or channel number, a street block, "called 911"
      if (isNotAQuantity(tokens, numberStart, last)) continue;
      // "One person died, not two": a figure the text denies is no claim
      if (/^(not|rather than|instead of)$/.test(tokens[first - 1]?.lower ?? "") || (tokens[first - 1]?.lower === "than" && tokens[first - 2]?.lower === "rather")) continue;
      const hedge = hedgeBefore(tokens, numberStart) ?? (numberStart === first ? hedgeBefore(tokens, first) : undefined);
      if (numberStart === first && hedge) first -= hedgeLength(tokens, first, hedge);
      interval = hedgeInterval(hedge, n);
      hedgeKind = hedge;
      text = sentence.text.slice(tokens[first]!.start - sentence.start, tokens[last]!.end - sentence.start);
      // "the two leaders", "both sides": a definite small number of parties refers, it does not
      // claim; "the seven agreements signed" still counts them
      const definite = /^(the|their|these|those|its|his|her|both|all)$/.test(tokens[first - 1]?.lower ?? "");
      if (definite && n <= 10 && (n <= 2 || PARTIES.test(nounAfter(tokens, last + 1) ?? ""))) continue;
      // "one of the", "the one who": a pronoun; but "kills 1, injures 2" counts the one killed
      const afterCasualty = /^\d+$/.test(t.text) && CATEGORIES.find(tokens, first - 1) !== undefined;
      if (n === 1 && !hedge && !afterCasualty && !PEOPLE.has(nounAfter(tokens, last + 1) ?? "")) continue;
    } else continue;
    // "4,234: People on board …": the counted noun follows a colon in a by-the-numbers list
    const colon = tokens[last + 1]?.text === ":";
    // "a crew of 1,100": the noun comes before "of"
    // "a 21-gun salute": the compound's noun is what is counted
    const hyphened = tokens[last + 1]?.text === "-" && tokens[last + 1]!.joined && tokens[last + 2]?.joined && /^\p{L}/u.test(tokens[last + 2]!.text);
    // "a 52-year-old captain": an age, not a count of years
    if (hyphened && tokens[last + 3]?.text === "-" && tokens[last + 4]?.lower === "old") continue;
    // "a 240-seat chamber" has 240 seats in total, as "131 of the 240 seats" says
    const size = hyphened && OWN_NOUN.has(`${tokens[last + 2]!.lower}s`);
    let noun = hyphened
      ? size ? `${tokens[last + 2]!.lower}s` : `${tokens[last + 2]!.lower}${tokens[last + 3]?.pos === "NOUN" ? ` ${tokens[last + 3]!.lower}` : ""}`
      : (nounAfter(tokens, last + (colon ? 2 : 1)) ?? (tokens[first - 1]?.lower === "of" && tokens[first - 2]?.pos === "NOUN" ? tokens[first - 2]!.lower : undefined));
    // "Seven of the nine members": the part counts what the whole counts
    if (!noun && tokens[last + 1]?.lower === "of" && tokens[last + 2]?.lower === "the" && tokens[last + 3]?.pos === "NUM") noun = nounAfter(tokens, last + 4);
    // "Dead: 19 | Missing: 9", "Provinces under a state of emergency: 5": a fact box's label says
    // what a figure with no noun of its own counts
    const label = noun ? undefined : boxLabel(tokens, first);
    const labelled = label ? labelOf(tokens, label) : undefined;
    const category = labelled ? labelled.category : categoryNear(tokens, first, last, noun);
    if (labelled?.noun) noun = labelled.noun;
    const scope = size ? "total" : scopeOf(tokens, first, last);
    // "(six miles)": a figure with a unit is a measure, even one left out as a conversion
    if (noun && UNITS.has(noun)) continue;
    i = last;
    // "Police said about 40,000.": a bare figure, elliptical; the caller may give it the last count's subject
    if (!noun && !category && endsClause(tokens, last)) {
      found.push({ kind: "count", text, index: first, start: tokens[first]!.start, ...(n !== null ? { number: n } : {}), ...interval, normalized: n !== null ? String(n) : text.toLowerCase(), what: "", bare: true });
      continue;
    }
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
    // "no one was killed or injured": a zero over a coordination counts each category
    if (zero) for (const other of coordinatedCategories(tokens, last, category)) found.push({ ...found.at(-1)!, what: other });
  }
  return found;
}

/** The other categories a coordination after a figure joins to its own: "killed or injured", "dead and wounded". */
function coordinatedCategories(tokens: readonly Token[], last: number, category: string | undefined): string[] {
  const others: string[] = [];
  for (let k = last + 1; k < Math.min(tokens.length, last + 5); k++) {
    if (!/^(or|and|nor)$/.test(tokens[k]!.lower)) continue;
    const before = CATEGORIES.find(tokens, k - 1);
    const after = CATEGORIES.find(tokens, k + 1);
    if (before?.category === category && after && after.category !== category && !others.includes(after.category)) others.push(after.category);
  }
  return others;
}

/**
 * What a question asks to count ("How many people were evacuated?"): the answer's bare figure
 * ("More than 40,000.") counts that. Undefined for any other sentence, or a question about people
 * in general.
 */
export function askedCount(sentence: Sentence): { what: string; noun: string } | undefined {
  const tokens = sentence.tokens;
  if (tokens[0]?.lower !== "how" || tokens[1]?.lower !== "many" || tokens.at(-1)?.text !== "?") return undefined;
  const asked = nounAfter(tokens, 2);
  const category = categoryNear(tokens, 1, 1, asked);
  if (!category && (!asked || GENERIC_PEOPLE.has(asked))) return undefined;
  const noun = !asked || GENERIC_PEOPLE.has(asked) ? "people" : (SYNONYMS.get(asked) ?? asked);
  return { what: category ?? noun, noun };
}
