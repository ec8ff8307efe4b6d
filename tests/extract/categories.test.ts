import { describe, expect, it } from "vitest";
import { claimsOf } from "../helpers.js";

const counts = (text: string) => claimsOf(text).filter((c) => c.attribute === "count").map((c) => [c.value.normalized, c.context.about]);

describe("what a count counts, in a headline's verbs", () => {
  it("'kills 1, injures 2': the second figure is the injured", () => {
    expect(counts("Office shooting kills 1, injures 2")).toEqual([["1", "people dead"], ["2", "people injured"]]);
  });
});
