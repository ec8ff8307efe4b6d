import type { Facts } from "../model/facts.js";
import type { RawClaim } from "../model/claim.js";
import { lineColumnOf, lineStartsOf } from "../shared/positions.js";
import { normalizePlace } from "./places.js";

/**
 * Claims of a reference facts file: each person's role, each place's container, the story's date
 * and place. Every claim points at the line of the file that states it.
 */
export function factClaims(facts: Facts, fileText: string, source: string): RawClaim[] {
  const starts = lineStartsOf(fileText);
  const at = (needle: string, from = 0) => {
    const offset = Math.max(0, fileText.indexOf(JSON.stringify(needle).slice(1, -1), from));
    return { offset, ...lineColumnOf(starts, offset) };
  };
  const claims: RawClaim[] = [];
  const add = (claim: Omit<RawClaim, "source" | "evidence" | "context"> & { context: Omit<RawClaim["context"], "offset"> }, needle: string) => {
    const { offset, line, column } = at(needle);
    claims.push({ ...claim, source, evidence: { quote: `${source}: ${needle}`, line, column, segment: "body" }, context: { ...claim.context, offset } });
  };
  for (const person of facts.people ?? []) {
    const role = person.role.toLowerCase();
    add({
      attribute: "role",
      subject: { id: "", name: person.name },
      value: { text: person.former ? `former ${person.role}` : person.role, normalized: person.former ? `former ${role}` : role },
      context: { event: "person", period: "current", participants: [person.name], about: person.name, ...(person.former ? { qualifier: "former" } : {}) },
    }, person.name);
  }
  for (const place of facts.places ?? []) {
    add({
      attribute: "location",
      subject: { id: "", name: place.name },
      value: { text: place.name, normalized: normalizePlace(place.name) },
      context: { event: "reference", period: "reference", participants: [], about: `within:${normalizePlace(place.within)}` },
    }, place.name);
  }
  if (facts.event?.date) {
    add({ attribute: "date", subject: { id: "", name: "date" }, value: { text: facts.event.date, normalized: facts.event.date }, context: { event: "main", main: true, period: "current", participants: [], about: "date" } }, facts.event.date);
  }
  if (facts.event?.location) {
    const place = facts.event.location;
    add({ attribute: "location", subject: { id: "", name: place }, value: { text: place, normalized: normalizePlace(place) }, context: { event: "main", main: true, period: "current", participants: [], about: "place" } }, place);
  }
  return claims;
}
