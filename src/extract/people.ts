import titles from "./lexicon/titles.json" with { type: "json" };
import calendar from "./lexicon/calendar-words.json" with { type: "json" };
import places from "./lexicon/places.json" with { type: "json" };
import roles from "./lexicon/roles.json" with { type: "json" };
import type { Sentence, Token } from "./nlp.js";

/** A person's title as one sentence gives it. */
export interface RoleMention {
  name: string;
  title: string;
  normalized: string;
  /** token index of the title, for the claim's position */
  titleIndex: number;
  qualifier?: string;
}

export interface NameSpan {
  name: string;
  first: number;
  last: number;
}

const TITLES = new Set(titles.titles);
/** Occupations (WordNet's role nouns): read only in lower case, as news writes them ("producer Steven Moffat"). */
const OCCUPATIONS = new Set(roles.roles.filter((r) => !TITLES.has(r)));
const OCCUPATION_FIRST_WORDS = new Set([...OCCUPATIONS].map((r) => r.split(/[ -]/)[0]!));

/** Adds titles from a newsroom's config to the lexicon (lower case, as "deputy harbour master"). */
export function addTitles(extra: readonly string[]): void {
  for (const title of extra) {
    TITLES.add(title.toLowerCase());
    for (const first of [title.toLowerCase().split(/[ -]/)[0]!, title.toLowerCase().split(" ")[0]!]) FIRST_WORDS.add(first);
    for (const word of title.toLowerCase().split(/[ -]/)) TITLE_WORDS.add(word);
  }
}
const ABBREVIATIONS = new Map(Object.entries(titles.abbreviations));
const PLURALS = new Map(Object.entries(titles.plurals));
const QUALIFIERS = new Map(Object.entries(titles.qualifiers));
const NOT_NAMES = new Set([...titles.notNames, ...calendar.words]);
const PLACE_WORDS = new Set([
  ...Object.keys(places.countries).flatMap((c) => c.split(" ")),
  ...Object.values(places.countries).flat().flatMap((d) => d.split(" ")),
  ...Object.keys(places.countryAliases),
]);
const TITLE_WORDS = new Set([...titles.titles.flatMap((t) => t.split(/[ -]/)), ...ABBREVIATIONS.keys()]);
// the words a title or its plural can start with: most tokens start none, and need no lookup
const FIRST_WORDS = new Set([...titles.titles, ...PLURALS.keys()].flatMap((t) => [t.split(/[ -]/)[0]!, t.split(" ")[0]!]));

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
const isInitial = (t: Token) => /^\p{Lu}\.$/u.test(t.text);

/**
 * A person's name starting at token i: capitalised words, hyphenated parts ("Ana-Maria") and
 * initials ("M."), never a title, weekday, month or country word.
 */
export function readName(tokens: readonly Token[], i: number): NameSpan | null {
  let j = i;
  const parts: string[] = [];
  while (j < tokens.length && parts.length < 5) {
    const t = tokens[j]!;
    if (t.text === "-" && t.joined && tokens[j + 1]?.joined && parts.length > 0 && /^\p{L}/u.test(tokens[j + 1]!.text)) {
      parts[parts.length - 1] += `-${tokens[j + 1]!.text}`;
      j += 2;
      continue;
    }
    if (!(isCapitalised(t) || isInitial(t)) || NOT_NAMES.has(t.lower) || TITLE_WORDS.has(t.lower.replace(/\.$/, ""))) break;
    if (PLACE_WORDS.has(t.lower) || t.entity === "DATE" || /\d/.test(t.text)) break;
    if (t.text.length < 2 && !isInitial(t)) break;
    parts.push(t.text);
    j++;
  }
  if (parts.length === 0) return null;
  return { name: parts.join(" "), first: i, last: j - 1 };
}

/** The title (longest first) that starts at token i, with how many tokens it takes. */
function titleAt(sentence: Sentence, i: number): { title: string; normalized: string; length: number; plural: boolean } | null {
  const tokens = sentence.tokens;
  if (!FIRST_WORDS.has(tokens[i]!.lower) && !ABBREVIATIONS.has(tokens[i]!.lower.replace(/\.$/, "")) && !OCCUPATION_FIRST_WORDS.has(tokens[i]!.text)) return null;
  for (let length = Math.min(5, tokens.length - i); length >= 1; length--) {
    const last = tokens[i + length - 1]!;
    const phrase = sentence.text.slice(tokens[i]!.start - sentence.start, last.end - sentence.start);
    const lower = phrase.toLowerCase();
    if (TITLES.has(lower) || (OCCUPATIONS.has(phrase) && !/^\p{Lu}/u.test(phrase))) return { title: phrase, normalized: lower, length, plural: false };
    const plural = PLURALS.get(lower);
    if (plural) return { title: phrase, normalized: plural, length, plural: true };
    if (length === 1) {
      const bare = lower.replace(/\.$/, "");
      const abbreviation = ABBREVIATIONS.get(bare);
      // an abbreviation needs its full stop ("Capt.") or a capital ("PM"), else "gen" or "rep" in prose would match
      if (abbreviation && (tokens[i + 1]?.text === "." && tokens[i + 1]!.joined ? true : /\.$/.test(phrase) || phrase === phrase.toUpperCase())) {
        const withStop = tokens[i + 1]?.text === "." && tokens[i + 1]!.joined;
        return { title: withStop ? `${phrase}.` : phrase, normalized: abbreviation, length: withStop ? 2 : 1, plural: false };
      }
    }
  }
  return null;
}

/** "former", "then-", "ex-", "outgoing" just before a title. */
function qualifierBefore(tokens: readonly Token[], i: number): string | undefined {
  const previous = tokens[i - 1];
  if (!previous) return undefined;
  if (previous.text === "-" && previous.joined) return QUALIFIERS.get(tokens[i - 2]?.lower ?? "");
  return QUALIFIERS.get(previous.lower);
}

/** The qualifier as written just before the title at i ("former", "then-", "ex-"). */
function qualifierWord(tokens: readonly Token[], i: number): string | undefined {
  const hyphened = /^(ex|then|former)-/i.exec(tokens[i]!.text);
  if (hyphened) return undefined;
  const previous = tokens[i - 1];
  if (previous?.text === "-" && previous.joined) return `${tokens[i - 2]?.text}-`;
  return previous?.text;
}

/** Splits "ex-president" (one token in wink) into its qualifier and title. */
function hyphenQualified(token: Token): { qualifier: string; rest: string } | null {
  const match = /^(ex|then|former)-(.+)$/i.exec(token.text);
  if (!match || !TITLES.has(match[2]!.toLowerCase())) return null;
  return { qualifier: QUALIFIERS.get(match[1]!.toLowerCase())!, rest: match[2]! };
}

/** Every role a sentence gives a named person. */
export function findRoles(sentence: Sentence): RoleMention[] {
  const tokens = sentence.tokens;
  const roles: RoleMention[] = [];
  const add = (name: string, title: string, normalized: string, titleIndex: number, qualifier?: string) => {
    // an occupation is a common noun too ("on the other hand Teldavia"): before a full name only
    if (OCCUPATIONS.has(normalized) && name.split(" ").length < 2) return;
    const elect = /-elect$/i.test(title) ? "incoming" : undefined;
    // the value says what the text says: "former president", "outgoing President"
    const word = qualifier ? qualifierWord(tokens, titleIndex) : undefined;
    const shown = word ? `${word} ${title}` : title;
    const shownNormalized = word ? `${word.toLowerCase().replace(/-$/, "")} ${normalized}` : normalized;
    roles.push({ name, title: shown, normalized: shownNormalized, titleIndex, ...(qualifier ?? elect ? { qualifier: qualifier ?? elect } : {}) });
  };
  for (let i = 0; i < tokens.length; i++) {
    const hyphened = hyphenQualified(tokens[i]!);
    if (hyphened) {
      const name = readName(tokens, i + 1);
      if (name) add(name.name, tokens[i]!.text, `${hyphened.qualifier} ${hyphened.rest.toLowerCase()}`, i, hyphened.qualifier);
      continue;
    }
    const title = titleAt(sentence, i);
    if (!title) continue;
    const after = i + title.length;
    const qualifier = qualifierBefore(tokens, i);
    // Pattern 1: Title Name ("Prime Minister Ana Ruiz"), or a fact box's "Referee: Ana Ruiz"; a plural title governs a coordination
    const boxed = tokens[after]?.text === ":" && /^\p{Lu}/u.test(tokens[i]!.text) && (i === 0 || /^[.;|]$/.test(tokens[i - 1]!.text));
    const name = readName(tokens, boxed ? after + 1 : after);
    if (name) {
      add(name.name, title.plural ? title.title.replace(/s$/i, "") : title.title, title.normalized, i, qualifier);
      if (title.plural) {
        let k = name.last + 1;
        while (tokens[k] && (tokens[k]!.lower === "and" || tokens[k]!.text === ",")) {
          k++;
          const own = titleAt(sentence, k);
          if (own) k += own.length;
          const next = readName(tokens, k);
          if (!next) break;
          add(next.name, title.title.replace(/s$/i, ""), title.normalized, i, qualifier);
          k = next.last + 1;
        }
      }
      i = name.last;
      continue;
    }
    // Pattern 2: Name, the (adjectives) title ("Jon P. Holm, the deputy district chief of …")
    const appositive = appositiveNameBefore(tokens, i);
    if (appositive && !title.plural) {
      // "the head of the national emergency service": the office is named with what it heads
      let end = after;
      if (tokens[after]?.lower === "of") {
        end = after + 1;
        while (end < tokens.length && end < after + 8 && /^\p{L}/u.test(tokens[end]!.text) && tokens[end]!.pos !== "VERB" && tokens[end]!.pos !== "AUX") end++;
        if (end === after + 1 || /^(the|a|an|of)$/.test(tokens[end - 1]!.lower)) end = after;
      }
      const text = end > after ? sentence.text.slice(tokens[i]!.start - sentence.start, tokens[end - 1]!.end - sentence.start) : title.title;
      add(appositive, text, title.normalized, i, qualifier);
      i = after - 1;
      continue;
    }
    // Pattern 3: the title (of place), Name, ("The chief prosecutor in the city of X, Jane Roe, said")
    const following = appositiveNameAfter(tokens, after);
    // "the chief prosecutor in Velm, Ana Ruiz,", "the ship's captain, Jon Holm,"
    if (following && !title.plural && determined(tokens, i)) {
      add(following, title.title, title.normalized, i, qualifier);
    }
    i = after - 1;
  }
  return roles;
}

/** For a title at token i, the name of "Name, the … title": up to three modifiers between article and title. */
function appositiveNameBefore(tokens: readonly Token[], i: number): string | null {
  let k = i - 1;
  let modifiers = 0;
  // "Jon Holm, head of the agency": no article at all
  if (tokens[k]?.text === ",") k++;
  // "Jon Holm, the captain", "Jon Holm, Velm's captain"
  else while (k >= 0 && modifiers < 5 && !/^(the|a|an|its|their|his|her|’s|'s)$/.test(tokens[k]!.lower)) {
    if (tokens[k]!.pos === "VERB" || tokens[k]!.pos === "PUNCT" && tokens[k]!.text !== "-") return null;
    k--;
    modifiers++;
  }
  // a possessive ("Velm's") stands where the article would: step over its owner
  if (/^(’s|'s)$/.test(tokens[k]?.lower ?? "")) {
    k--;
    while (k > 0 && /^\p{Lu}/u.test(tokens[k - 1]!.text) && tokens[k - 1]!.text !== ",") k--;
  }
  if (k < 2 || tokens[k - 1]?.text !== ",") return null;
  let end = k - 2;
  let start = end;
  while (start > 0 && (isCapitalised(tokens[start - 1]!) || isInitial(tokens[start - 1]!) || tokens[start - 1]!.text === "-" || tokens[start]!.text === "-")) start--;
  const name = readName(tokens, start);
  if (!name || name.last !== end) {
    // the run may start with a word that is no name ("Officials said Holm, an official …")
    for (start = start + 1; start <= end; start++) {
      const inner = readName(tokens, start);
      if (inner && inner.last === end) return inner.name.includes(" ") || tokens.slice(inner.first, inner.last + 1).some((t) => t.pos === "PROPN") ? inner.name : null;
    }
    return null;
  }
  return tokens.slice(name.first, name.last + 1).some((t) => t.pos === "PROPN") ? name.name : null;
}

/** An article or a possessive before the title at i, over an age or adjectives ("the 47-year-old driver"). */
function determined(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 7); k--) {
    const t = tokens[k]!;
    if (/^(the|a|an|’s|'s)$/.test(t.lower)) return true;
    if (!(t.pos === "ADJ" || t.pos === "NUM" || t.text === "-" || /^(year|years|old)$/.test(t.lower))) return false;
  }
  return false;
}

/** For "the title in …, Name," the name after the first comma within eight tokens. */
function appositiveNameAfter(tokens: readonly Token[], k: number): string | null {
  for (let steps = 0; k < tokens.length && steps < 9; k++, steps++) {
    const t = tokens[k]!;
    if (t.pos === "VERB" || t.pos === "AUX") return null;
    if (t.text === ",") {
      const name = readName(tokens, k + 1);
      if (!name || !name.name.includes(" ")) return null;
      const next = tokens[name.last + 1];
      return !next || /^[,.;]$/.test(next.text) || next.pos === "VERB" || next.pos === "AUX" ? name.name : null;
    }
  }
  return null;
}
