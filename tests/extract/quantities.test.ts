import { describe, expect, it } from "vitest";
import type { Attribute, RawClaim } from "../../src/model/claim.js";
import { claimsOf, pairs } from "../helpers.js";

const DATELINE = " date 2026-01-18 News from Velm\n";

/** The claims of one attribute in a dated one-sentence article. */
function of(attribute: Attribute, sentence: string): RawClaim[] {
  return claimsOf(`${DATELINE}${sentence}\n`).filter((c) => c.attribute === attribute);
}

/** The value fields that say how much: normalized, number, low, high, unit (absent fields left out). */
function amounts(attribute: Attribute, sentence: string) {
  return of(attribute, sentence).map(({ value }) => ({
    normalized: value.normalized,
    ...(value.number !== undefined ? { number: value.number } : {}),
    ...(value.low !== undefined ? { low: value.low } : {}),
    ...(value.high !== undefined ? { high: value.high } : {}),
    ...(value.unit !== undefined ? { unit: value.unit } : {}),
  }));
}

describe("extract: counts", () => {
  it("'some 136' is 136 with an interval around it", () => {
    const counts = of("count", "The ferry carried some 136 Koreans.");
    expect(counts).toHaveLength(1);
    const v = counts[0]!.value;
    expect([v.normalized, v.number]).toEqual(["136", 136]);
    expect(v.low).toBeLessThan(136);
    expect(v.high).toBeGreaterThan(136);
  });

  it("'as many as' is an upper bound", () => {
    expect(amounts("count", "As many as 10,000 workers joined the strike.")).toEqual([{ normalized: "10000", number: 10000, low: 0, high: 10000 }]);
  });

  it("'at least' is a lower bound with no upper one", () => {
    expect(amounts("count", "At least 12 people were killed in the quake.")).toEqual([{ normalized: "12", number: 12, low: 12 }]);
  });

  it("'dozens of' is 24 to 99", () => {
    const counts = of("count", "Dozens of people were injured in the quake.");
    expect(counts.map((c) => [c.value.low, c.value.high])).toEqual([[24, 99]]);
  });

  it("a hyphenated number word is a count", () => {
    expect(pairs(of("count", "Forty-seven people died in the quake."), "count")).toEqual(["47"]);
  });

  it("a capitalised number word starting a sentence is a count", () => {
    expect(pairs(of("count", "Twelve people were killed in the quake."), "count")).toEqual(["12"]);
  });

  it("'the two leaders' is not a count", () => {
    expect(of("count", "The two leaders met in Velm.")).toEqual([]);
  });
});

describe("extract: durations", () => {
  it("'a two-day visit' is P2D", () => {
    expect(pairs(of("duration", "Prime Minister Ana Ruiz began a two-day visit to Velm."), "duration")).toEqual(["P2D"]);
  });

  it("'spend two days' is P2D", () => {
    expect(pairs(of("duration", "Prime Minister Ana Ruiz will spend two days in Velm."), "duration")).toEqual(["P2D"]);
  });

  it("'for around 15 seconds' is PT15S", () => {
    expect(pairs(of("duration", "The quake was felt for around 15 seconds."), "duration")).toEqual(["PT15S"]);
  });
});

describe("extract: measures", () => {
  it.each(["A magnitude-6.1 earthquake struck Velm.", "A 6.1-magnitude quake struck Velm.", "The quake measured magnitude 6.1."])("%s is magnitude 6.1", (sentence) => {
    expect(of("measure", sentence).map((c) => [c.value.normalized, c.value.number, c.value.unit])).toEqual([["6.1", 6.1, "magnitude"]]);
  });

  it("'a 6,825-ton ferry' is 6825 t", () => {
    expect(of("measure", "A 6,825-ton ferry sank off Velm.").map((c) => [c.value.normalized, c.value.unit])).toEqual([["6825", "t"]]);
  });

  it("a bracketed conversion is not a second claim", () => {
    const claims = claimsOf(`${DATELINE}The quake struck 10 kilometers (six miles) from Velm.\n`);
    expect(claims.filter((c) => c.attribute === "measure").map((c) => [c.value.normalized, c.value.unit])).toEqual([["10", "km"]]);
    expect(claims.filter((c) => c.attribute === "count" || c.attribute === "measure")).toHaveLength(1);
  });

  it("'$1.2bn' is 1.2 billion USD", () => {
    expect(of("measure", "The company paid $1.2bn for the mine.").map((c) => [c.value.number, c.value.unit])).toEqual([[1_200_000_000, "USD"]]);
  });
});

describe("extract: ordinals", () => {
  it("'the third meeting' is ordinal 3 of a meeting series", () => {
    expect(of("ordinal", "It was the third meeting between the two leaders.").map((c) => [c.value.normalized, c.value.number, c.context.about])).toEqual([["3", 3, "meeting"]]);
  });

  it("'the second-floor room' and 'the first leg' are no ordinals", () => {
    expect(of("ordinal", "The fire started in the second-floor room.")).toEqual([]);
    expect(of("ordinal", "The visitors won the first leg.")).toEqual([]);
  });
});

describe("extract: ordinals of a series of wins", () => {
  const series = (sentence: string) => of("ordinal", sentence).map((c) => [c.value.normalized, c.context.about]);
  const cue = (sentence: string) => of("ordinal", sentence)[0]?.context.cue ?? "";

  it("'for the Nth time' counts what the verb's object names; a cup, a trophy and a title are one series", () => {
    expect(series("Velm Athletic won the Ostria Cup for the fourth time yesterday.")).toEqual([["4", "title"]]);
    expect(series("Velm claimed the trophy for the third time.")).toEqual([["3", "title"]]);
    expect(series("It was Velm's third cup title.")).toEqual([["3", "title"]]);
    expect(series("The win gave the club its third Ostria Cup.")).toEqual([["3", "title"]]);
  });

  it("the series as written and the words around it stay beside the series' name", () => {
    expect(cue("Velm claimed the trophy for the third time.").split(" ")).toContain("trophy");
    expect(cue("It was the bank's third consecutive rise.").split(" ")).toContain("consecutive");
  });

  it("'for the first time' with no object says nothing checkable", () => {
    expect(series("The two leaders met for the first time.")).toEqual([]);
  });
});

describe("extract: rain and surge", () => {
  it("millimetres of rain are a rainfall, in the one unit of length (km)", () => {
    expect(of("measure", "Forecasters said 320 millimetres of rain fell in 24 hours.").map((c) => [c.value.number, c.value.unit, c.context.about])).toEqual([[0.00032, "km", "rainfall"]]);
  });
});

describe("extract: measures in a fact box", () => {
  it("the label before the colon says what is measured", () => {
    expect(of("measure", "Maximum sustained winds at landfall (National Weather Agency): 165 km/h").map((c) => c.context.about)).toEqual(["speed"]);
    expect(of("measure", "Rain at the harbour in 24 hours: 320 mm").map((c) => c.context.about)).toEqual(["rainfall"]);
  });
});

describe("extract: speeds", () => {
  it("a speed with no word for it is the speed; a speed limit is another figure; 'km/h' is no noun", () => {
    expect(of("measure", "The train was travelling at 128 km/h on a stretch where the speed limit is 100 km/h.").map((c) => [c.value.normalized, c.context.about])).toEqual([
      ["128", "speed"],
      ["100", "limit"],
    ]);
  });
});

describe("extract: dates with a part of the day", () => {
  it("'on the evening of Sunday, March 1' is March 1", () => {
    expect(of("date", "The train derailed on the evening of Sunday, March 1.").map((c) => c.value.normalized)).toEqual(["2026-03-01"]);
  });
});

describe("extract: rates", () => {
  const rates = (sentence: string) => of("measure", sentence).map((c) => [c.value.normalized, c.context.about, c.context.holder, c.context.period]);

  it("a rate is nobody's: its kind is the noun before it, over units and basis points", () => {
    expect(rates("The Bank of Velm raised its main policy rate by 25 basis points to 5.75% on Wednesday.")).toEqual([
      ["25", "points of rate", undefined, "current"],
      ["5.75", "share of rate", undefined, "current"],
    ]);
  });

  it("the value a change started from is an earlier value, a question of its own", () => {
    expect(rates("Annual inflation rose to 7.2% in May from 6.8% in April.")).toEqual([
      ["7.2", "share of inflation", undefined, "current"],
      ["6.8", "share of inflation", undefined, "previous"],
    ]);
  });

  it("a fact box's label names the kind of a percentage", () => {
    expect(rates("Policy rate: 5.75%").map(([, about]) => about)).toEqual(["share of rate"]);
  });
});

describe("extract: 'for the Nth time' with a verb of a series", () => {
  it("raising rates for the third time is a third rise; cutting them for the fifth a fifth cut", () => {
    expect(of("ordinal", "The bank raised rates for the third consecutive time.").map((c) => [c.value.normalized, c.context.about])).toEqual([["3", "rise"]]);
    expect(of("ordinal", "The bank cuts rates for the fifth time this year.").map((c) => [c.value.normalized, c.context.about])).toEqual([["5", "cut"]]);
  });
});

describe("extract: what a percentage or a span is of", () => {
  it("what moved is the noun before a verb of change, or the figure's owner", () => {
    expect(of("measure", "The krell rose 0.8% against the dollar.").map((c) => c.context.about)).toEqual(["share of krell"]);
    expect(of("measure", "The krell's 0.8% gain suggests confidence.").map((c) => c.context.about)).toEqual(["share of krell"]);
  });

  it("core inflation is not inflation", () => {
    expect(of("measure", "Core inflation (May): 6.1%").map((c) => c.context.about)).toEqual(["share of core inflation"]);
  });

  it("'the highest level in 12 years' is a record over twelve years, nobody's", () => {
    expect(of("duration", "The Bank of Velm took the rate to its highest level in 12 years.").map((c) => [c.value.normalized, c.context.about, c.context.holder])).toEqual([["P12Y", "highest", undefined]]);
  });
});

describe("extract: zones, orders and quarantines", () => {
  it("a zone's size is its radius, in km or miles alike", () => {
    expect(of("measure", "Police sealed off an exclusion zone with a radius of 5 km.").map((c) => c.context.about)).toEqual(["radius"]);
    expect(of("measure", "Police say the 5 km exclusion zone will stay in place.").map((c) => c.context.about)).toEqual(["radius"]);
  });

  it("'a 48-hour stay-indoors order' is the order's length, and a quarantine is nobody's", () => {
    expect(of("duration", "Mayor Ana Ruiz issued a 48-hour stay-indoors order for the city.").map((c) => [c.value.normalized, c.context.about, c.context.holder])).toEqual([["PT48H", "stay-indoors order", undefined]]);
    expect(of("duration", "Residents will have to stay inside the zone for a 21-day quarantine.").map((c) => [c.context.about, c.context.holder])).toEqual([["quarantine", undefined]]);
  });

  it("'closed on Monday for two weeks' is a Monday and a span, not a date two weeks on", () => {
    expect(of("date", "Schools were closed on Monday for two weeks.").map((c) => c.value.normalized)).toEqual(["2026-01-12"]);
  });
});

describe("extract: money in a currency the lexicon does not know", () => {
  it("'a fine of 4 million orvals' is money; '4 million people' is not", () => {
    expect(of("measure", "The company paid a fine of 4 million orvals in 2021.").map((c) => [c.value.number, c.value.unit, c.context.about])).toEqual([[4000000, "orvals", "fine"]]);
    expect(of("measure", "The fund will pay for vaccines for 4 million people.")).toEqual([]);
  });

  it("a percentage takes the nearest noun of a known kind: 'rate rise to 5.75%' is a rate", () => {
    expect(of("measure", "The bank's quarter-point rate rise to 5.75% was expected.").map((c) => c.context.about)).toEqual(["share of rate"]);
  });
});
