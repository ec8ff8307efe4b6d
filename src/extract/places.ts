import places from "./lexicon/places.json" with { type: "json" };
import calendar from "./lexicon/calendar-words.json" with { type: "json" };
import titles from "./lexicon/titles.json" with { type: "json" };
import type { Sentence, Token } from "./nlp.js";

/** A place a sentence names as where something happened, and what the text says contains it. */
export interface PlaceMention {
  text: string;
  normalized: string;
  index: number;
  /** "Ostria's Velm Province", "Sun Temple in Velm": the place the text puts this one in */
  within?: string;
}

const ADMIN = new Set(places.adminNouns);
const VENUE = new Set(places.venueNouns);
const STOP = new Set([...calendar.words, ...titles.titles.flatMap((t) => t.split(" "))]);
const DEMONYMS = new Set(Object.values(places.countries).flat());
const PARTICLES = new Set(["del", "de", "di", "da", "la", "le", "van", "von", "al", "el", "du", "dos", "das"]);
const LOCATIVE = new Set(places.locatives);
const COMPASS = new Set(places.compassPoints);
const TRAVEL = new Set(places.travelWords);
const STRIKE_VERBS = new Set(places.strikeVerbs);

const isCapitalised = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);

/**
 * "on the eastern edge of the city of Velm", "on the outskirts of Velm": "on" names a place only
 * through such an "of"; the place is read from the token after it (-1: no such phrase).
 */
function onTheEdgeOf(tokens: readonly Token[], i: number): number {
  if (tokens[i]!.lower !== "on" || tokens[i + 1]?.lower !== "the") return -1;
  for (let k = i + 2; k < Math.min(tokens.length, i + 6); k++) if (tokens[k]!.lower === "of") return /^(edge|outskirts|outskirt|banks|bank|shores|shore|coast|fringes|slopes|side)$/.test(tokens[k - 1]!.lower) ? k : -1;
  return -1;
}

/** Lower-case place name without its article, admin or venue noun and punctuation: "Velm Province" → "velm". */
export function normalizePlace(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .split(/[\s-]+/)
    .filter((w) => w && w !== "the");
  while (words.length > 1 && (ADMIN.has(words.at(-1)!) || VENUE.has(words.at(-1)!))) words.pop();
  const joined = words.join(" ");
  return Object.hasOwn(places.countryAliases, joined) ? places.countryAliases[joined as keyof typeof places.countryAliases] : joined;
}

/** A run of capitalised words at token i that can name a place, with a trailing admin or venue noun. */
function readPlace(tokens: readonly Token[], i: number): { first: number; last: number } | null {
  let j = i;
  while (j < tokens.length && j - i < 5) {
    const t = tokens[j]!;
    if (t.text === "-" && t.joined && tokens[j + 1]?.joined && j > i) {
      j += 2;
      continue;
    }
    // "Isola del Velm", "Rio de Velm": a lower-case particle inside a name
    if (PARTICLES.has(t.text) && j > i && isCapitalised(tokens[j + 1])) {
      j++;
      continue;
    }
    if (!isCapitalised(t) || STOP.has(t.lower) || t.entity === "DATE" || /\d/.test(t.text)) break;
    if (DEMONYMS.has(t.lower) && !isCapitalised(tokens[j + 1])) break;
    j++;
  }
  if (j === i) return null;
  // "Velm province", "Sun temple"
  if (tokens[j] && (ADMIN.has(tokens[j]!.lower) || VENUE.has(tokens[j]!.lower)) && !isCapitalised(tokens[j])) j++;
  return { first: i, last: j - 1 };
}

function textOf(sentence: Sentence, first: number, last: number): string {
  return sentence.text.slice(sentence.tokens[first]!.start - sentence.start, sentence.tokens[last]!.end - sentence.start);
}

/**
 * Places named as where something happened: after "in", "at", "off", "near" (also "in her home
 * prefecture of Velm"), after a verb of striking ("hit Velm"), and a possessive place before
 * another ("Ostria's Velm Province", which also says Velm is in Ostria).
 */
export function findPlaces(sentence: Sentence, isPersonWord: (word: string) => boolean): PlaceMention[] {
  const tokens = sentence.tokens;
  const found: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let start = -1;
    // "to" names a place only after a word of travel ("a visit to the Sun Temple", "welcomed … to Ostria")
    const travel = t.lower === "to" && (tokens[i - 1]?.lower === "close" || tokens.slice(Math.max(0, i - 6), i).some((p) => TRAVEL.has(p.lower)));
    // a fact box: "Venue: Velm Stadium"
    const venue = /^(venue|location|place|where)$/.test(t.lower) && tokens[i + 1]?.text === ":";
    if (venue) {
      start = i + 2;
    } else if (LOCATIVE.has(t.lower) || STRIKE_VERBS.has(t.lower) || travel || (COMPASS.has(t.lower) && tokens[i + 1]?.lower === "of") || onTheEdgeOf(tokens, i) >= 0) {
      // "20 km southwest of the town of Velm": a compass point puts the place after its "of"
      start = COMPASS.has(t.lower) ? i + 2 : t.lower === "on" ? onTheEdgeOf(tokens, i) + 1 : i + 1;
      if (tokens[start]?.lower === "the") start++;
      // "in the mountainous Velm district": adjectives before the name
      while (tokens[start] && tokens[start]!.pos === "ADJ" && !isCapitalised(tokens[start]) && isCapitalised(tokens[start + 1])) start++;
      // "in her home prefecture of Velm", "off the coast of Ostria"
      let k = start;
      while (k < tokens.length && k - start < 4 && !isCapitalised(tokens[k]) && tokens[k]!.pos !== "PUNCT" && tokens[k]!.pos !== "VERB") k++;
      if (k > start && tokens[k - 1]?.lower === "of" && isCapitalised(tokens[k])) start = k;
      else if (k > start && tokens[k]?.lower === "of" && isCapitalised(tokens[k + 1]) && ADMIN.has(tokens[k - 1]!.lower)) start = k + 1;
    }
    if (start < 0 || !isCapitalised(tokens[start])) continue;
    const place = readPlace(tokens, start);
    if (!place) continue;
    let mention = textOf(sentence, place.first, place.last);
    let within: string | undefined;
    let first = place.first;
    // "Ostria's Velm Province": the possessive place contains the next one
    if (tokens[place.last + 1] && /^[’']s$/.test(tokens[place.last + 1]!.text)) {
      const inner = readPlace(tokens, place.last + 2);
      if (inner) {
        within = normalizePlace(mention);
        mention = textOf(sentence, inner.first, inner.last);
        first = inner.first;
        i = inner.last;
      }
    } else i = place.last;
    const words = mention.split(/[\s-]+/);
    if (words.some((w) => isPersonWord(w))) continue;
    // "the Velm summit", "the Star Queen ship": a name before a common noun names that thing, not a place
    const next = tokens[i + 1];
    // ("in Velm yesterday": a date after the name is no such noun)
    if (next && next.pos === "NOUN" && next.entity === undefined && !isCapitalised(next) && !ADMIN.has(next.lower) && !VENUE.has(next.lower)) continue;
    if (next && /^(summit|forum|meeting|agency|council|party|league|university|company|group|cup|guard|cruises|airlines|final|finals|semi-final|championship|championships|open|games|cup's|talks|conference|festival|award|awards|prize)$/i.test(next.lower)) continue;
    // "Sun Temple in Velm": the text says the first place is inside the second
    if (!within && tokens[i + 1]?.lower === "in" && isCapitalised(tokens[i + 2])) {
      const outer = readPlace(tokens, i + 2);
      if (outer) within = normalizePlace(textOf(sentence, outer.first, outer.last));
    }
    const normalized = normalizePlace(mention);
    if (!normalized || normalized.length < 2) continue;
    found.push({ text: mention, normalized, index: first, ...(within && within !== normalized ? { within } : {}) });
  }
  return found;
}
