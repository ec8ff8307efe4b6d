import { describe, expect, it } from "vitest";
import { claimsOf, reportOn } from "../helpers.js";

/** [value, holder] of the figures of one attribute in a dated article. */
function held(attribute: string, body: string): [string, string | undefined][] {
  return claimsOf(` date 2026-04-20 Headline\n${body}\n`)
    .filter((c) => c.attribute === attribute)
    .map((c) => [c.value.normalized, c.context.holder]);
}

describe("extract: whose figure it is", () => {
  it("the object a 'to' clause completes holds a sentence, not the judge who passed it", () => {
    expect(held("duration", "Judge Vera Holm also sentenced Marek Tull's former deputy, Ana Ruiz, to four years.")).toEqual([["P4Y", "Ana Ruiz"]]);
    expect(held("duration", "The Velm District Court sentenced Marek Tull, former head of the Velm Port Authority, to 12 years in prison.")).toEqual([["P12Y", "Marek Tull"]]);
  });

  it("a sentencing verb far before the figure says what the duration is", () => {
    const claims = claimsOf(" date 2026-04-20 Headline\nJudge Vera Holm also sentenced Marek Tull's former deputy, Ana Ruiz, to four years.\n");
    expect(claims.filter((c) => c.attribute === "duration").map((c) => c.context.about)).toEqual(["sentence"]);
  });

  it("a place after 'in' holds nothing; the person the clause opens with does", () => {
    expect(held("measure", "Chairman Jon Holm founded the company in a garage in Esterby in 1998 and still owns about 9% of it.")).toEqual([["9", "Jon Holm"]]);
  });

  it("in a list, the name right before a figure holds it", () => {
    expect(held("measure", "Final results gave Ruiz 52.4 percent, Holm 44.1 percent.")).toEqual([["52.4", "Ruiz"], ["44.1", "Holm"]]);
    expect(held("count", "In the assembly, Civic Renewal won 131 seats, the alliance 94 and the Farmers' League 15.")).toEqual([["131", "Civic Renewal"], ["94", "alliance"], ["15", "Farmers' League"]]);
  });

  it("the person a clause opens with holds its figure, though a place sits nearer", () => {
    const claims = claimsOf(" date 2026-04-20 Headline\nPresident-elect Ana Ruiz won the vote.\nRuiz wins Ostravia presidency with 52.4 percent\n");
    expect(claims.filter((c) => c.attribute === "measure").map((c) => c.context.holder)).toEqual(["Ana Ruiz"]);
  });

  it("a percentage's noun is in its clause: 'a comfortable margin: Ruiz took 52.4 percent' is no margin", () => {
    const claims = claimsOf(" date 2026-04-20 Headline\nThe race was decided by a comfortable margin: Ruiz took 52.4 percent.\n");
    expect(claims.filter((c) => c.attribute === "measure").map((c) => c.context.about)).toEqual(["share"]);
  });
});

describe("extract: sizes and bans", () => {
  it("'a 240-seat chamber' has 240 seats in total, like '131 of the 240 seats', and nobody holds them", () => {
    const claims = claimsOf(" date 2026-04-20 Headline\nVoters elected a new 240-seat National Assembly. Civic Renewal won 131 of the 240 seats.\n");
    expect(claims.filter((c) => c.attribute === "count").map((c) => [c.value.normalized, c.context.about, c.context.holder])).toEqual([
      ["240", "seats in total", undefined],
      ["131", "seats in part", "Civic Renewal"],
      ["240", "seats in total", undefined],
    ]);
  });

  it("'banned for 10 years after his release' is a ten-year ban; 'two days later' is no duration", () => {
    const claims = claimsOf(" date 2026-04-20 Headline\nThe court also banned him from holding public office for 10 years after his release. He left two days later.\n");
    expect(claims.filter((c) => c.attribute === "duration").map((c) => [c.value.text, c.value.normalized])).toEqual([["10 years", "P10Y"]]);
  });
});

describe("align: distances", () => {
  it("'140 km away' is the distance from the one place the other sources measure from; the value is shown as most sources write it", () => {
    const report = reportOn({
      "a.txt": " date 2026-05-12 Headline\nThe jet made an emergency landing at Velm, which was about 140 km away.\n",
      "b.txt": " date 2026-05-12 Headline\nThe jet was some 87 miles from Velm when the engine failed before the emergency landing.\n",
      "c.txt": " date 2026-05-12 Headline\nThe jet was about 140 km from Velm when the engine failed before the emergency landing.\n",
    });
    const distance = report.findings.filter((f) => f.attribute === "measure");
    expect(distance.map((f) => [f.kind, f.subject.name, f.values.map((v) => [v.text, v.sources])])).toEqual([
      ["agreement", "distance from velm (emergency landing)", [["140 km", ["a.txt", "b.txt", "c.txt"]]]],
    ]);
  });
});
