import places from "../extract/lexicon/places.json" with { type: "json" };
import type { Slot } from "../model/slot.js";
import type { PlaceKnowledge } from "./compatible.js";

const COUNTRIES = new Set(Object.keys(places.countries));

/**
 * Containment the sources themselves state ("Sun Temple in Velm", "Ostria's Velm Province"),
 * gathered over all location claims, and followed transitively.
 */
export function placeKnowledge(slots: readonly Slot[]): PlaceKnowledge {
  const parents = new Map<string, Set<string>>();
  for (const slot of slots) {
    if (slot.attribute !== "location") continue;
    for (const claim of slot.claims) {
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
  return {
    containers,
    countryOf: (place) => (COUNTRIES.has(place) ? place : containers(place).find((p) => COUNTRIES.has(p))),
  };
}
