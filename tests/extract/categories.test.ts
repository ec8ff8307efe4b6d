import { describe, expect, it } from "vitest";
import { claimsOf } from "../helpers.js";

const counts = (text: string) => claimsOf(text).filter((c) => c.attribute === "count").map((c) => [c.value.normalized, c.context.about]);

describe("what a count counts, in a headline's verbs", () => {
  it("'kills 1, injures 2': the second figure is the injured", () => {
    expect(counts("Office shooting kills 1, injures 2")).toEqual([["1", "people dead"], ["2", "people injured"]]);
  });
});

describe("a toll hangs on a harmful event", () => {
  it("'when authorities arrived, five victims were found dead': the dead are the shooting's, not the arrival's", () => {
    const claims = claimsOf(" date 2026-03-10 Shooting in Velmont\nThe shooting happened late Monday. When deputies arrived at the house, five victims were found dead.\n");
    const dead = claims.filter((c) => c.attribute === "count" && c.context.about === "people dead");
    expect(dead.map((c) => [c.value.normalized, c.context.event === "meeting"])).toEqual([["5", false]]);
  });
});
