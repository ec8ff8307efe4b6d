import { describe, expect, it } from "vitest";
import { claimsOf } from "../helpers.js";
import type { RawClaim } from "../../src/model/claim.js";

const of = (claims: readonly RawClaim[], attribute: string) => claims.filter((c) => c.attribute === attribute);
const counts = (text: string) => of(claimsOf(text), "count").map((c) => [c.value.normalized, c.context.about]);

/** A text dated Tuesday 2026-03-10, as the feed writes it. */
const dated = (body: string, headline = "Two killed in Velmont tavern shooting") => ` date 2026-03-10 ${headline}\n${body}\n`;
/** The date claims of a dated text, as [date, anchored, resolution]. */
const datesOf = (body: string) => of(claimsOf(dated(body)), "date").map((c) => [c.value.normalized, c.context.anchored, c.context.resolution]);

describe("frames: counts", () => {
  it("'One person died in the shooting, not two': only the one", () => {
    expect(counts("One person died in the shooting, not two.")).toEqual([["1", "people dead"]]);
  });

  it("'no one was killed or injured in the attack': a zero for each category", () => {
    const claims = of(claimsOf("Police said no one was killed or injured in the attack."), "count");
    expect(claims.map((c) => [c.value.normalized, c.value.low, c.value.high, c.context.about, c.context.anchored])).toEqual([
      ["0", 0, 0, "people dead", true],
      ["0", 0, 0, "people injured", true],
    ]);
  });

  it("'Robinson died at the scene and the other five victims were taken to hospitals': the five are not dead", () => {
    const claims = counts("Robinson died at the scene and the other five victims were taken to hospitals.");
    expect(claims.filter(([, about]) => /dead/.test(about!))).toEqual([]);
    // said as it is, nothing here is checkable
    expect(claims).toEqual([]);
  });

  it("'12 were killed and 70 others were injured': 12 dead, 70 injured", () => {
    expect(counts("In the attack, 12 were killed and 70 others were injured.")).toEqual([
      ["12", "people dead"],
      ["70", "people injured"],
    ]);
  });
});

describe("frames: durations", () => {
  it("'at 17:06 hours local time' is a clock time, no duration", () => {
    const claims = claimsOf(" date 2026-03-10 Quake shakes Orrin coast\nThe quake struck at 17:06 hours local time.\n");
    expect(of(claims, "duration")).toEqual([]);
  });

  it("a clock time beside a real duration leaves the duration alone", () => {
    const claims = claimsOf(" date 2026-03-10 Quake shakes Orrin coast\nThe quake struck at 17:06 hours local time and the shaking lasted for about 20 seconds.\n");
    expect(of(claims, "duration").map((c) => [c.value.normalized, c.context.about])).toEqual([["PT20S", "length"]]);
  });
});

describe("frames: a date is anchored when it dates the event word", () => {
  it("'Sunday's shooting' dates the shooting", () => {
    expect(datesOf("Sunday's shooting at the Corbel Tavern left two men dead.")).toEqual([["2026-03-08", true, "own"]]);
  });

  it("'killed in the shooting on Tuesday' dates the shooting", () => {
    expect(datesOf("Two men were killed in the shooting on Tuesday.")).toEqual([["2026-03-10", true, "own"]]);
  });

  it("'The attack on Sunday killed two' dates the attack", () => {
    expect(datesOf("The attack on Sunday killed two men.")).toEqual([["2026-03-08", true, "own"]]);
  });

  it("'A suspect was being sought Saturday in the shooting deaths': Saturday dates the search, not the shooting", () => {
    const claims = of(claimsOf(dated("A suspect was being sought Saturday in the shooting deaths of four people.", "Four dead in Velmont")), "date");
    expect(claims.map((c) => [c.value.normalized, c.context.resolution])).toEqual([["2026-03-07", "own"]]);
    expect(claims[0]!.context.anchored).toBeUndefined();
  });

  it("'Six remained in critical condition Tuesday': no event word, nothing anchored", () => {
    const claims = of(claimsOf(dated("Six remained in critical condition Tuesday.", "Four dead in Velmont")), "date");
    expect(claims.map((c) => [c.value.normalized, c.context.resolution, c.context.loose])).toEqual([["2026-03-10", "own", true]]);
    expect(claims[0]!.context.anchored).toBeUndefined();
  });
});

describe("frames: how a date was resolved", () => {
  it("'March 8, 2026' is explicit", () => {
    expect(datesOf("The shooting happened on March 8, 2026, outside a bar.")).toEqual([["2026-03-08", true, "explicit"]]);
  });

  it("'on Tuesday' in a dated article is resolved against its own date", () => {
    const claims = of(claimsOf(dated("The shooting happened on Tuesday outside a bar.", "Four dead in Velmont")), "date");
    expect(claims.map((c) => [c.value.normalized, c.context.resolution])).toEqual([["2026-03-10", "own"]]);
  });
});

describe("frames: ordinals of a person series", () => {
  const ordinals = (text: string) => of(claimsOf(text), "ordinal");

  it("'Lena Marsh, the 14th host of Night Quiz': her place in the series", () => {
    const [claim, ...rest] = ordinals("Lena Marsh, the 14th host of Night Quiz, will return for the anniversary special.");
    expect(rest).toEqual([]);
    expect([claim!.value.normalized, claim!.context.about, claim!.context.holder, claim!.context.anchored]).toEqual(["14", "host", "Lena Marsh", true]);
  });

  it("'Tomas Reyes revealed as 15th host': the name in the same clause holds it", () => {
    const [claim, ...rest] = ordinals("Tomas Reyes revealed as 15th host of Night Quiz.");
    expect(rest).toEqual([]);
    expect([claim!.value.normalized, claim!.context.holder, claim!.context.anchored]).toEqual(["15", "Tomas Reyes", true]);
  });

  it("'Ivo Brandt (13th Doctor)': a name before the bracket holds it", () => {
    const [claim] = ordinals("Ivo Brandt (13th Doctor) also appears in the special.");
    expect([claim!.value.normalized, claim!.context.about, claim!.context.holder]).toEqual(["13", "doctor", "Ivo Brandt"]);
  });

  it("'making him the 14th host': a pronoun names nobody, so the claim holds nothing and is not anchored", () => {
    const claims = ordinals("The Brisk Channel confirmed the casting of Tomas Reyes on Sunday, making him the 14th host.");
    expect(claims.map((c) => [c.value.normalized, c.context.about])).toEqual([["14", "host"]]);
    expect(claims[0]!.context.holder).toBeUndefined();
    expect(claims[0]!.context.anchored).toBeUndefined();
  });

  it("a series of events ('their third meeting') needs no holder and stays anchored", () => {
    const claims = ordinals("The two leaders held their third meeting in Velm.");
    expect(claims.map((c) => [c.value.normalized, c.context.about, c.context.holder, c.context.anchored])).toEqual([["3", "meeting", undefined, true]]);
  });
});
