import type { Slot, SlotClaim } from "../model/slot.js";
import { valueKey } from "./values.js";
import quantities from "../extract/lexicon/quantities.json" with { type: "json" };

const PEOPLE = new Set(quantities.peopleNouns);

/** At or above: a contradiction, an error. */
export const CONTRADICTION_THRESHOLD = 0.6;
/** At or above (and below the contradiction threshold): a possible discrepancy, info. */
export const DISCREPANCY_THRESHOLD = 0.3;

/**
 * How surely a claim is about the slot's own question, 0–1. A claim whose clause names no event
 * of its own may be about any event of the story; a date resolved against a date borrowed from
 * other articles is a guess; a count of "children" or "men" with no predicate (killed, injured,
 * aboard) says nothing of which children; a vague figure ("dozens") is hardly a figure.
 */
export function claimStrength(claim: SlotClaim): number {
  const x = claim.context;
  let strength = 1;
  if (!x.anchored) strength *= 0.55;
  if (claim.attribute === "date") strength *= x.resolution === "borrowed" ? 0.5 : x.resolution === "own" ? 0.9 : 1;
  if (claim.attribute === "count") {
    // "two men", "three children": people with nothing said of them are whichever men the
    // sentence means, not a figure of the event ("14 countries", "five bombs" are the event's)
    if (PEOPLE.has(x.about) && !x.holder) strength *= 0.6;
    if (claim.value.number === undefined && claim.value.low !== undefined) strength *= 0.7;
  }
  return strength;
}

/** How much a slot's many values say it mixes several questions: two values are one clash, four are noise. */
function distinctness(values: number): number {
  return values <= 2 ? 1 : values === 3 ? 0.75 : 0.5;
}

/**
 * A contradiction's confidence: the strongest clashing pair's strengths, times how few distinct
 * values the slot's firm claims clash with. Two weak claims never make an error, and a slot of
 * six different ordinals is not one question however firm each is.
 */
export function contradictionConfidence(slot: Slot, clashes: readonly (readonly [SlotClaim, SlotClaim])[]): number {
  let best = 0;
  for (const [a, b] of clashes) best = Math.max(best, claimStrength(a) * claimStrength(b));
  const firm = new Set<string>();
  for (const [a, b] of clashes) for (const c of [a, b]) if (claimStrength(c) >= 0.8) firm.add(valueKey(c));
  const score = best * distinctness(Math.max(2, firm.size));
  return Math.round(score * 100) / 100;
}
