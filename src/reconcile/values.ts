import type { FindingValue } from "../model/finding.js";
import type { SlotClaim } from "../model/slot.js";
import { canonicalTitle } from "./compatible.js";
import { sameName } from "./places.js";

// one value per normalised figure: "three" and "at least three" are the same figure, however hedged
export const valueKey = (c: SlotClaim) => (c.attribute === "role" ? canonicalTitle(c.value.normalized) : `${c.value.normalized}|${c.value.unit ?? ""}`);

/**
 * Place names in one slot that contain another's words are one value under the shorter name:
 * "Isola del Velm", "Isola Velm" and "Velm" are one place.
 */
function placeFamilies(claims: readonly SlotClaim[]): Map<string, string> {
  const names = [...new Set(claims.map((c) => c.value.normalized))].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const family = new Map<string, string>();
  for (const name of names) family.set(name, names.find((other) => other !== name && (other.length < name.length && ` ${name} `.includes(` ${other} `) || sameName(other, name) && other < name)) ?? name);
  return family;
}

export interface ValueContext {
  originOf: (source: string) => string;
  /** the places the text puts a place in: a source naming a palace in a city also says the city */
  containers?: (place: string) => string[];
  /** a source's weight after truth discovery, 0–1 */
  trust: (source: string) => number;
}

/** How much a value is believed: its independent origins, each counted by its most reliable copy. */
export function weightOf(value: FindingValue, ctx: ValueContext): number {
  const best = new Map<string, number>();
  for (const s of value.sources) best.set(ctx.originOf(s), Math.max(best.get(ctx.originOf(s)) ?? 0, ctx.trust(s)));
  return [...best.values()].reduce((a, b) => a + b, 0);
}

/**
 * Measures that are one figure rounded two ways are one value under the more precise figure:
 * "$1.2bn" and "$1,180m", "18%" and "18.4%".
 */
function roundingFamilies(claims: readonly SlotClaim[]): Map<string, string> {
  const width = (c: SlotClaim) => (c.value.high ?? Infinity) - (c.value.low ?? -Infinity);
  const ordered = [...claims].sort((a, b) => width(a) - width(b) || (valueKey(a) < valueKey(b) ? -1 : 1));
  const family = new Map<string, string>();
  const heads: SlotClaim[] = [];
  for (const c of ordered) {
    if (family.has(valueKey(c))) continue;
    const head = heads.find((h) => h.value.unit === c.value.unit && h.value.number !== undefined && (c.value.low ?? -Infinity) <= h.value.number && h.value.number <= (c.value.high ?? Infinity));
    if (head) family.set(valueKey(c), valueKey(head));
    else {
      heads.push(c);
      family.set(valueKey(c), valueKey(c));
    }
  }
  return family;
}

/** The distinct values of a set of claims, each with the sources, claims and origins behind it; best backed first. */
export function valuesOf(claims: readonly SlotClaim[], ctx: ValueContext): FindingValue[] {
  const byKey = new Map<string, { sources: Set<string>; members: SlotClaim[] }>();
  const attribute = claims[0]?.attribute;
  const families = attribute === "location" ? placeFamilies(claims) : undefined;
  const rounded = attribute === "measure" ? roundingFamilies(claims) : undefined;
  for (const c of claims) {
    const key = families ? families.get(c.value.normalized)! : rounded ? rounded.get(valueKey(c))! : valueKey(c);
    const entry = byKey.get(key) ?? { sources: new Set<string>(), members: [] };
    entry.sources.add(c.source);
    entry.members.push(c);
    byKey.set(key, entry);
  }
  // "the Sun Palace in Velm" says the event was in Velm too: its source backs that value as well
  if (families && ctx.containers) {
    for (const c of claims) {
      for (const outer of ctx.containers(c.value.normalized)) {
        const entry = byKey.get(families.get(outer) ?? outer);
        if (entry && !entry.sources.has(c.source)) entry.sources.add(c.source);
      }
    }
  }
  const values = [...byKey.values()].map(({ sources, members }) => {
    // one figure written two ways ("140 km", "87 miles") is shown as most sources write it
    const shown = rounded ? mostWritten(members) : members[0]!;
    return {
      text: shown.value.text,
      normalized: shown.attribute === "role" ? canonicalTitle(shown.value.normalized) : shown.value.normalized,
      ...(shown.value.number !== undefined ? { number: shown.value.number } : {}),
      ...(shown.value.low !== undefined ? { low: shown.value.low } : {}),
      ...(shown.value.high !== undefined ? { high: shown.value.high } : {}),
      ...(shown.value.unit ? { unit: shown.value.unit } : {}),
      sources: [...sources].sort(),
      claims: members.map((c) => c.id),
      origins: new Set([...sources].map(ctx.originOf)).size,
    };
  });
  return values.sort((a, b) => weightOf(b, ctx) - weightOf(a, ctx) || b.sources.length - a.sources.length || (a.normalized < b.normalized ? -1 : a.normalized > b.normalized ? 1 : 0));
}

/** The claim whose figure the most sources write, the earliest of those tied. */
function mostWritten(members: readonly SlotClaim[]): SlotClaim {
  const sourcesByKey = new Map<string, Set<string>>();
  for (const c of members) sourcesByKey.set(valueKey(c), (sourcesByKey.get(valueKey(c)) ?? new Set()).add(c.source));
  return members.reduce((best, c) => (sourcesByKey.get(valueKey(c))!.size > sourcesByKey.get(valueKey(best))!.size ? c : best));
}
