import { describe, expect, it } from "vitest";
import { claimsOf } from "../helpers.js";

/** The location claims of a dated article as [text, normalized, about]. */
function locations(body: string): [string, string, string][] {
  return claimsOf(` date 2026-01-18 News from the region\n${body}\n`)
    .filter((c) => c.attribute === "location")
    .map((c) => [c.value.text, c.value.normalized, c.context.about]);
}

describe("extract: places", () => {
  it("a place in the clause of an event word is its location", () => {
    expect(locations("The leaders opened the summit in Velm.")).toEqual([["Velm", "velm", "place"]]);
  });

  it("a venue in a place is within that place", () => {
    const found = locations("Prime Minister Ana Ruiz made a visit to the Sun Temple in Velm.");
    expect(found.filter(([, , about]) => about === "within:velm").map(([text]) => text)).toEqual(["Sun Temple"]);
    expect(found.filter(([, , about]) => about === "place")).toEqual([["Velm", "velm", "place"]]);
  });

  it("a possessive country before a province puts the province within the country", () => {
    expect(locations("The quake struck Ostria's Velm Province.")).toEqual([["Velm Province", "velm", "within:ostria"]]);
  });

  it("a place in a future sentence is no location", () => {
    expect(locations("The leaders will meet in Velm.")).toEqual([]);
    expect(locations("The leaders met in Ostria on Tuesday. They will meet again in Velm in the spring.")).toEqual([["Ostria", "ostria", "place"]]);
  });
});

describe("extract: places, how news introduces them", () => {
  it("a date after a place name does not make it a compound ('in Velm yesterday')", () => {
    expect(locations("An engine failure forced an emergency landing in Velm yesterday.")).toEqual([["Velm", "velm", "place"]]);
  });

  it("a compass point with 'of', 'above', a verb of diverting all introduce a place", () => {
    expect(locations("The quake's epicentre was 20 km southwest of the town of Velm.")).toEqual([["Velm", "velm", "place"]]);
    expect(locations("A wildfire in the hills above Velm burned 8,000 hectares.")).toEqual([["Velm", "velm", "place"]]);
    expect(locations("After the engine failure the crew diverted to Velm.").map(([text]) => text)).toEqual(["Velm"]);
  });

  it("a relative clause belongs to the event word it follows", () => {
    expect(locations("Crews fought the fire, which started on Monday near the town of Velm.")).toEqual([["Velm", "velm", "place"]]);
  });
});
