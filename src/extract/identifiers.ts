import identifiers from "./lexicon/identifiers.json" with { type: "json" };
import type { Token } from "./nlp.js";

const BEFORE = new Set(identifiers.before);
const AFTER = new Set(identifiers.after);
const STREET = new Set(identifiers.streetAfterCapital);
const EMERGENCY = new Set(identifiers.emergencyNumbers);
const EMERGENCY_VERBS = new Set(identifiers.emergencyVerbs);
const EMERGENCY_NOUNS = new Set(identifiers.emergencyNouns);
const AGE_WORDS = new Set(identifiers.ageWords);
const AGE_UNITS = new Set(identifiers.ageUnits);
const PERSON_NOUNS = new Set(identifiers.personNouns);
const AFTER_AGE = new Set(identifiers.afterAge);

const isDigits = (t: Token | undefined) => !!t && /^\d+$/.test(t.text);
const capitalised = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);

/** "4U 9525", "A320", "CN-235": a code of letters and digits, as tokens around the number show it. */
function isCode(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  // "4" "U" (joined) before the figure, or the figure joined to letters ("9525A", "U2")
  if (before && /^[A-Z]{1,4}$/.test(before.text) && (before.joined || isDigits(tokens[first - 2]))) return true;
  if (before && /^[A-Z]+\d+[A-Z]*$|^\d+[A-Z]+$/.test(before.text)) return true;
  if (after?.joined && /^[A-Za-z]/.test(after.text) && !/^(s|st|nd|rd|th|m|bn|k|km|kg|mph|am|pm|%)$/i.test(after.text)) return true;
  return tokens[first]!.joined && !!before && /^[A-Z]+$/.test(before.text);
}

/**
 * An age, not a count: "Jeremy Lewis, 27, of Fullerton", "a man, 25, was", "17 and 19 years old",
 * "aged 69", "ages 5 and 4". A figure in the apposition after a name or a person noun is that
 * person's age; so is one followed (through a list of figures) by "years old".
 */
export function isAge(tokens: readonly Token[], first: number, last: number): boolean {
  const figure = tokens[first]!;
  if (!/^\d{1,3}$/.test(figure.text) || Number(figure.text) > 120) return false;
  const before = tokens[first - 1];
  if (AGE_WORDS.has(before?.lower ?? "")) return true;
  // "ages 5 and 4": a figure listed after an age word
  if (/^(and|,|or)$/.test(before?.lower ?? "") && isDigits(tokens[first - 2]) && AGE_WORDS.has(tokens[first - 3]?.lower ?? "")) return true;
  // "17 and 19 years old", "5 years old": skip a list of figures to its unit
  let k = last + 1;
  while (/^(and|,|or)$/.test(tokens[k]?.lower ?? "") && isDigits(tokens[k + 1])) k += 2;
  if (AGE_UNITS.has(tokens[k]?.lower ?? "") && /^(old|of)$/.test(tokens[k + 1]?.lower ?? "")) return true;
  if (before?.text !== ",") return false;
  const holder = tokens[first - 2];
  // a name, not a date ("On Tuesday, 12 …") nor an opening adverb ("However, 12 …")
  const name = capitalised(holder) && holder!.entity === undefined && (holder!.pos === "PROPN" || first - 2 > 0);
  const nameOrPerson = name || PERSON_NOUNS.has(holder?.lower ?? "");
  const after = tokens[last + 1];
  return nameOrPerson && (!after || AFTER_AGE.has(after.lower));
}

/** "called 911", "a 911 dispatcher": an emergency line. */
function isEmergencyNumber(tokens: readonly Token[], first: number, last: number): boolean {
  if (first !== last || !EMERGENCY.has(tokens[first]!.text)) return false;
  return EMERGENCY_VERBS.has(tokens[first - 1]?.lower ?? "") || EMERGENCY_NOUNS.has(tokens[last + 1]?.lower ?? "") || tokens[last + 1]?.text === "-";
}

/**
 * Is the figure at tokens[first..last] something other than a quantity: an age, a code, a name's
 * number ("News Channel 11", "Flight 9525", "the 55 Freeway"), an address ("the 4400 block of",
 * "1234 Elm Street"), an emergency line ("called 911"), an abbreviated year ("in ’91")?
 */
export function isNotAQuantity(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  if (/^[’']$/.test(before?.text ?? "") && tokens[first]!.joined && /^\d\d$/.test(tokens[first]!.text)) return true;
  if (before && BEFORE.has(before.lower) && (capitalised(before) || before.lower === "#" || before.lower === "no.")) return true;
  if (after && AFTER.has(after.lower) && (capitalised(after) || after.lower === "block")) return true;
  // "outside Cloud 9 that", "Apollo 11 landed": a number that ends a name, with no noun of its own after it
  // (a list of results, "Farmers' League 15, Civic Renewal 131", gives counts)
  if (isDigits(tokens[first]) && before?.pos === "PROPN" && capitalised(before) && before.entity === undefined && first > 1 && after && /^(SCONJ|PRON|VERB|AUX)$/.test(after.pos)) return true;
  // "1234 Elm Street": a number before a capitalised name that ends in a street word
  if (isDigits(tokens[first]) && capitalised(after) && STREET.has(tokens[last + 2]?.lower ?? "") && capitalised(tokens[last + 2])) return true;
  return isEmergencyNumber(tokens, first, last) || isCode(tokens, first, last) || isAge(tokens, first, last);
}

/** "47th Street", "25th Avenue": an ordinal that is part of a street's name. */
export function isStreetOrdinal(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1];
  return !!next && capitalised(next) && (STREET.has(next.lower) || AFTER.has(next.lower));
}
