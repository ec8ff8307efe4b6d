import { describe, expect, it } from "vitest";
import { claimsOf, reportOn } from "../helpers.js";

describe("counts read in their context", () => {
  it("an elliptical figure counts what the paragraph's last count counted", () => {
    const claims = claimsOf(" date 2026-05-02 Headline\nTens of thousands of people marched through Velm. Police said about 40,000. Organisers said as many as 100,000.\n");
    const counts = claims.filter((c) => c.attribute === "count").map((c) => [c.value.normalized, c.context.about]);
    expect(counts).toEqual([
      ["tens of thousands", "crowd attendance"],
      ["40000", "crowd attendance"],
      ["100000", "crowd attendance"],
    ]);
  });

  it("a bare figure with no count before it says nothing", () => {
    const claims = claimsOf(" date 2026-05-02 Headline\nThe mayor said 40,000.\n");
    expect(claims.filter((c) => c.attribute === "count")).toEqual([]);
  });

  it("'the seven agreements signed' is a count; 'the two leaders' is not", () => {
    const claims = claimsOf(" date 2026-03-10 Headline\nThe two leaders said the seven agreements signed in Velm were a start.\n");
    expect(claims.filter((c) => c.attribute === "count").map((c) => [c.value.normalized, c.context.about])).toEqual([["7", "agreements"]]);
  });

  it("a place inside another backs the outer place too; what contains what may come from any mention", () => {
    const report = reportOn({
      "a.txt": " date 2026-03-10 Headline\nThe two-day state visit took place in Velm.\n",
      "b.txt": " date 2026-03-10 Headline\nThe state visit was held at the Sun Palace.\n",
      // this place names no event's place (the clause has no event word), but says the palace is in Velm
      "c.txt": " date 2026-03-10 Headline\nThe leaders signed seven agreements at the Sun Palace in Velm, closing the state visit.\n",
    });
    const where = report.findings.find((f) => f.attribute === "location" && f.kind === "agreement")!;
    expect(where.values.find((v) => v.normalized === "velm")!.sources).toEqual(["a.txt", "b.txt"]);
  });
});

/** The counts of a dated article's body as [value, what is counted]. */
const counted = (body: string) =>
  claimsOf(` date 2026-05-02 Headline\n${body}\n`)
    .filter((c) => c.attribute === "count")
    .map((c) => [c.value.normalized, c.context.about]);

describe("what a count counts fits the noun counted", () => {
  it("houses are damaged, not injured; villagers are injured, not damaged", () => {
    expect(counted("At least five people were reportedly injured and 10 houses were damaged.")).toEqual([
      ["5", "people injured"],
      ["10", "houses damaged"],
    ]);
    expect(counted("Many houses were damaged and dozens of villagers were injured.")).toEqual([["dozens of", "people injured"]]);
  });

  it("a tie in distance goes to the word after the figure", () => {
    expect(counted("Twelve people were killed and 70 others were injured.")).toEqual([
      ["12", "people dead"],
      ["70", "people injured"],
    ]);
  });

  it("what people are counted for may follow a long noun phrase in the clause", () => {
    expect(counted("About 4,500 people from the town and nearby villages whose homes were destroyed were staying in shelters.")).toEqual([["4500", "people evacuated"]]);
  });
});

describe("a capitalised noun may count people", () => {
  it("'136 Koreans and 47 Japanese died' are counts of the dead, and their sum one too", () => {
    expect(counted("In the 1942 flood, 136 Koreans and 47 Japanese died.")).toEqual([
      ["136", "koreans dead"],
      ["183", "people dead"],
      ["47", "japanese dead"],
    ]);
  });
});

describe("fact boxes and explainers", () => {
  it("a fact box's label says what its figure counts", () => {
    expect(counted("By the numbers\nDead: 19 | Missing: 9\nEvacuated: 41,500\nProvinces under a state of emergency: 5")).toEqual([
      ["19", "people dead"],
      ["9", "people missing"],
      ["41500", "people evacuated"],
      ["5", "provinces"],
    ]);
  });

  it("an explainer's answer counts what its question asks", () => {
    expect(counted("How many people were evacuated? More than 40,000, most of them from the coast.")).toEqual([["40000", "people evacuated"]]);
  });
});

describe("a part of a counted whole", () => {
  it("'Seven of the nine members' counts members, as a part", () => {
    expect(counted("Seven of the nine members of the board backed the plan.")[0]).toEqual(["7", "members in part"]);
  });
});
