import { describe, expect, it } from "vitest";
import { findTriggers } from "../../src/extract/context.js";
import { analyse } from "../../src/extract/nlp.js";
import { claimsOf, reportOn } from "../helpers.js";

const triggers = (text: string) => analyse(text, 0).flatMap((s) => findTriggers(s).map((t) => `${t.words}:${t.eventClass}`));

describe("extract: event words", () => {
  it("a verb of a noun event names no event ('they race against time', 'lawmakers will vote')", () => {
    expect(triggers("They race against time to save the miners.")).toEqual([]);
    expect(triggers("Lawmakers will vote on the bill.")).toEqual([]);
  });

  it("a capitalised word inside a name after 'of' is the name's ('the Ministry of Emergency Situations')", () => {
    expect(triggers("The Ministry of Emergency Situations said on Thursday.")).toEqual(["said:statement"]);
  });

  it("a collapse with no cause named in the article is the event; beside an earthquake it is damage", () => {
    const dates = (text: string) => claimsOf(text).filter((c) => c.attribute === "date").map((c) => [c.value.normalized, c.context.event, c.context.about]);
    expect(dates(" date 2026-10-08 Headline\nThe mine has been shut since the collapse on Monday.\n")).toEqual([["2026-10-05", "collapse", "date"]]);
    expect(dates(" date 2026-10-08 Headline\nThe earthquake struck on Tuesday. The bridge collapsed on Monday.\n").map(([, event]) => event)).not.toContain("collapse");
  });

  it("'a rescue that began when the mine collapsed on Tuesday' dates the collapse, not the rescue's start", () => {
    const claims = claimsOf(" date 2026-10-09 Headline\nThe last miners were freed, ending a rescue that began when the mine collapsed on Tuesday, October 6.\n");
    expect(claims.filter((c) => c.attribute === "date").map((c) => [c.value.normalized, c.context.event, c.context.about])).toEqual([["2026-10-06", "collapse", "date"]]);
  });
});

describe("reconcile: statements", () => {
  it("officials speaking on two days is no contradiction", () => {
    const report = reportOn({
      "a.txt": " date 2026-10-07 Headline\nThirty miners are still trapped, officials said on Wednesday.\n",
      "b.txt": " date 2026-10-08 Headline\nTwelve miners are still trapped, officials said on Thursday.\n",
    });
    expect(report.findings.filter((f) => f.kind === "contradiction" && f.attribute === "date")).toEqual([]);
  });
});

describe("extract: related blurbs", () => {
  it("'hit' in a related blurb is the blurb's own event, not the article's", () => {
    const claims = claimsOf(" date 2026-03-03 Headline\nThe derailment injured 12 people.\nRelated\n- Ten years on: the Velm rail crash of September 2016 killed five people and injured 31 when an express hit a lorry.\n");
    expect(claims.filter((c) => c.attribute === "count").map((c) => [c.value.normalized, c.context.period])).toEqual([
      ["12", "current"],
      ["5", "2016"],
      ["31", "2016"],
    ]);
  });
});

describe("extract: passives and places on an edge", () => {
  it("'the first case was confirmed on Feb. 3' is no statement", () => {
    const claims = claimsOf(" date 2026-02-09 Headline\nThe outbreak spread fast. The first case was confirmed on Feb. 3 in the village.\n");
    expect(claims.filter((c) => c.attribute === "date").map((c) => [c.value.normalized, c.context.event])).toEqual([["2026-02-03", "outbreak"]]);
  });

  it("'on the eastern edge of the city of Velm' names Velm", () => {
    const claims = claimsOf(" date 2026-11-03 Headline\nAn explosion tore through a plant on the eastern edge of the city of Velm.\n");
    expect(claims.filter((c) => c.attribute === "location").map((c) => c.value.normalized)).toEqual(["velm"]);
  });
});
