import { describe, expect, it } from "vitest";
import { findDates } from "../../src/shared/dates.js";
import { claimsOf, pairs } from "../helpers.js";

const dates = (text: string) => pairs(claimsOf(text), "date");

describe("extract: dates", () => {
  it("a bare weekday is the last such day on or before the dateline", () => {
    // 2026-01-18 is a Sunday
    expect(dates(" date 2026-01-18 Leaders meet\nThe leaders met on Tuesday.\n")).toEqual(["2026-01-13"]);
  });

  it("'yesterday afternoon' is the day before the dateline", () => {
    expect(dates(" date 2013-07-03 Quake hits coast\nThe quake struck yesterday afternoon.\n")).toEqual(["2013-07-02"]);
  });

  it("'April last year' is a month of the year before, a background period", () => {
    const claims = claimsOf(" date 2013-07-03 Quake hits coast\nIn April last year an 8.6-magnitude quake struck the coast.\n").filter((c) => c.attribute === "date");
    expect(claims.map((c) => [c.value.normalized, c.context.period])).toEqual([["2012-04", "2012"]]);
  });

  it("a bare year after 'in' is a date", () => {
    expect(dates(" date 2013-07-03 Quake hits coast\nThe quake struck in 1942.\n")).toEqual(["1942"]);
  });

  it("a weekday before a full date belongs to that date", () => {
    const claims = claimsOf(" date 2013-07-03 Quake hits coast\nThe quake struck on Friday evening, January 13, 2011, killing 12 people.\n").filter((c) => c.attribute === "date");
    expect(claims.map((c) => [c.value.text, c.value.normalized])).toEqual([["on Friday evening, January 13, 2011", "2011-01-13"]]);
  });

  it("with no dateline, a weekday is the first such day on or after the date the text gives", () => {
    // 2026-01-13 is a Tuesday
    expect(dates("Leaders gather in Velm\nThe leaders met in Velm on January 13, 2026.\nThey signed the treaty on Wednesday.\n")).toEqual(["2026-01-13", "2026-01-14"]);
  });

  it("'for around 15 seconds' is a duration, not a date", () => {
    const claims = claimsOf(" date 2013-07-03 Quake hits coast\nThe quake was felt for around 15 seconds.\n");
    expect(pairs(claims, "date")).toEqual([]);
    expect(pairs(claims, "duration")).toEqual(["PT15S"]);
  });

  it("'the march' in lower case is not the month", () => {
    expect(dates(" date 2026-01-18 Protest in Velm\nThousands joined the march on Saturday.\n")).toEqual(["2026-01-17"]);
    expect(dates(" date 2026-01-18 Protest in Velm\nThousands joined the march in the capital.\n")).toEqual([]);
  });
});

describe("findDates, remembered", () => {
  it("gives the same dates again, in an array of its own that a caller may change", () => {
    const anchor = { date: "2026-01-18", direction: "back" as const };
    const first = findDates("The leaders met on Tuesday in Nara.", anchor);
    expect(first.map((d) => d.iso)).toEqual(["2026-01-13"]);
    first.push({ index: 0, text: "x", iso: "1999", relative: false });
    expect(findDates("The leaders met on Tuesday in Nara.", anchor).map((d) => d.iso)).toEqual(["2026-01-13"]);
    // another anchor is another question
    expect(findDates("The leaders met on Tuesday in Nara.", { date: "2026-01-25", direction: "back" }).map((d) => d.iso)).toEqual(["2026-01-20"]);
  });
});
