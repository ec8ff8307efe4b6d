import { distance } from "fastest-levenshtein";
import places from "../extract/lexicon/places.json" with { type: "json" };
import type { RawClaim } from "../model/claim.js";
import type { PlaceKnowledge } from "./compatible.js";
import { countriesNamed } from "./gazetteer.js";

const COUNTRIES = new Set(Object.keys(places.countries));

/** Two spellings of one name (romanisations, transliterations): close in edit distance for their length. */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  return longest >= 6 && distance(a, b) / longest <= 0.3;
}

/**
 * What is known of places: containment the sources themselves state ("Sun Temple in Velm",
 * "Ostria's Velm Province"), followed transitively, and the countries a name can be in, from
 * the text first and from the gazetteer when the text says nothing.
 */
export function placeKnowledge(claims: readonly RawClaim[]): PlaceKnowledge {
  const parents = new Map<string, Set<string>>();
  {
    for (const claim of claims) {
      if (claim.attribute !== "location") continue;
      const within = /^within:(.+)$/.exec(claim.context.about)?.[1];
      if (!within) continue;
      const set = parents.get(claim.value.normalized) ?? new Set<string>();
      set.add(within);
      parents.set(claim.value.normalized, set);
    }
  }
  const containers = (place: string): string[] => {
    const seen: string[] = [];
    const queue = [...(parents.get(place) ?? [])].sort();
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.includes(next) || next === place) continue;
      seen.push(next);
      queue.push(...[...(parents.get(next) ?? [])].sort());
    }
    return seen;
  };
  const countriesOf = (place: string): ReadonlySet<string> => {
    // what the text says wins: a place the sources put inside a country is there
    const stated = [place, ...containers(place)].find((p) => COUNTRIES.has(p));
    if (stated) return countriesNamed(stated);
    for (const outer of containers(place)) {
      const found = countriesNamed(outer);
      if (found.size > 0) return found;
    }
    return countriesNamed(place);
  };
  // a story of a thousand articles asks about the same few places again and again
  const memo = <T>(f: (place: string) => T) => {
    const known = new Map<string, T>();
    return (place: string): T => {
      if (!known.has(place)) known.set(place, f(place));
      return known.get(place)!;
    };
  };
  return {
    containers: memo(containers),
    sameName,
    countriesOf: memo(countriesOf),
  };
}
