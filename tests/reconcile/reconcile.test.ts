import { describe, expect, it } from "vitest";
import type { Attribute } from "../../src/model/claim.js";
import type { Finding, FindingKind } from "../../src/model/finding.js";
import { reportOn } from "../helpers.js";

const findingsOf = (texts: Record<string, string>, attribute: Attribute, kind?: FindingKind): Finding[] =>
  reportOn(texts).findings.filter((f) => f.attribute === attribute && (kind === undefined || f.kind === kind));

const contradictions = (texts: Record<string, string>, attribute: Attribute) => findingsOf(texts, attribute, "contradiction");

describe("reconcile: roles", () => {
  it("one source giving another exclusive office contradicts the three that agree", () => {
    const found = contradictions(
      {
        "a.txt": " date 2026-01-13 Summit opens\nPrime Minister Ana Ruiz met the delegates in Velm on Tuesday.\n",
        "b.txt": " date 2026-01-13 Summit opens\nPrime Minister Ana Ruiz opened the summit in Velm.\n",
        "c.txt": " date 2026-01-13 Summit opens\nThe summit was hosted by Prime Minister Ana Ruiz.\n",
        "d.txt": " date 2026-01-13 Summit opens\nPresident Ana Ruiz opened the summit.\n",
      },
      "role",
    );
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f.subject.name).toBe("Ana Ruiz");
    expect(f.consensus).toBe("prime minister");
    expect(f.values.map((v) => [v.normalized, v.sources])).toEqual([
      ["prime minister", ["a.txt", "b.txt", "c.txt"]],
      ["president", ["d.txt"]],
    ]);
    expect(f.message).toContain("d.txt");
  });

  it("a former office does not contradict the current one", () => {
    expect(
      contradictions(
        {
          "a.txt": " date 2026-01-13 Summit opens\nPrime Minister Ana Ruiz opened the summit.\n",
          "b.txt": " date 2026-01-13 Summit opens\nThe summit was opened by former President Ana Ruiz.\n",
        },
        "role",
      ),
    ).toEqual([]);
  });
});

describe("reconcile: dates and places", () => {
  it("the days of a two-day summit do not contradict each other", () => {
    expect(
      contradictions(
        {
          "a.txt": " date 2026-01-14 Summit\nThe two-day summit in Velm opened on Tuesday.\n",
          "b.txt": " date 2026-01-14 Summit\nThe summit in Velm ended on Wednesday.\n",
        },
        "date",
      ),
    ).toEqual([]);
  });

  it("a venue inside a place does not contradict the place", () => {
    expect(
      contradictions(
        {
          "a.txt": " date 2026-01-14 Visit\nPrime Minister Ana Ruiz made a visit to the Sun Temple in Velm.\n",
          "b.txt": " date 2026-01-14 Visit\nPrime Minister Ana Ruiz made a visit to Velm.\n",
        },
        "location",
      ),
    ).toEqual([]);
  });
});

describe("reconcile: figures", () => {
  it("'at least 12' does not contradict 15", () => {
    expect(
      contradictions(
        {
          "a.txt": " date 2026-01-14 Quake\nAt least 12 people were killed in the quake in Velm.\n",
          "b.txt": " date 2026-01-14 Quake\nThe quake in Velm left 15 people dead.\n",
        },
        "count",
      ),
    ).toEqual([]);
  });

  it("a toll that rises in a later day's report is an update to the later figure", () => {
    const found = findingsOf(
      {
        "a.txt": " date 2026-01-13 Quake\nThe quake in Velm killed 12 people.\n",
        "b.txt": " date 2026-01-14 Quake\nThe quake in Velm killed 15 people.\n",
      },
      "count",
    );
    expect(found.map((f) => f.kind)).toEqual(["update"]);
    expect(found[0]!.consensus).toBe("15");
    expect(found[0]!.values.map((v) => [v.normalized, v.sources])).toEqual([
      ["12", ["a.txt"]],
      ["15", ["b.txt"]],
    ]);
    expect(found[0]!.message).toContain("updated from");
  });

  it("two exact figures of a fixed fact on one day contradict", () => {
    const found = contradictions(
      {
        "a.txt": " date 2026-01-14 Ferry sinks\nThe ferry sank off Velm on Tuesday. 312 people were aboard.\n",
        "b.txt": " date 2026-01-14 Ferry sinks\nThe ferry sank off Velm on Tuesday. 321 people were aboard.\n",
      },
      "count",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.values.map((v) => [v.normalized, v.sources]).sort()).toEqual([
      ["312", ["a.txt"]],
      ["321", ["b.txt"]],
    ]);
  });

  it("a figure only one source gives is uncorroborated", () => {
    const found = findingsOf(
      {
        "a.txt": " date 2026-01-14 Ferry sinks\nThe ferry sank off Velm on Tuesday. 312 people were aboard.\n",
        "b.txt": " date 2026-01-14 Ferry sinks\nThe ferry sank off Velm on Tuesday.\n",
      },
      "count",
    );
    expect(found.map((f) => [f.kind, f.consensus, f.values.map((v) => v.sources)])).toEqual([["uncorroborated", "312", [["a.txt"]]]]);
  });

  it("ordinals of meetings between different pairs do not contradict", () => {
    expect(
      contradictions(
        {
          "a.txt": " date 2026-01-14 Talks\nIt was the third meeting between Prime Minister Ana Ruiz and President Jon Holm.\n",
          "b.txt": " date 2026-01-14 Talks\nIt was the second meeting between President Jon Holm and Chancellor Eva Lund.\n",
        },
        "ordinal",
      ),
    ).toEqual([]);
  });

  it("police and organisers' crowd estimates are each their own", () => {
    const police = " date 2026-01-18 Protest in Velm\nThousands marched through Velm on Saturday. Police said about 40,000 people took part in the march.\n";
    expect(
      contradictions({ "a.txt": police, "b.txt": " date 2026-01-18 Protest in Velm\nThousands marched through Velm on Saturday. Organisers said as many as 100,000 people took part in the march.\n" }, "count"),
    ).toEqual([]);
    expect(
      contradictions({ "a.txt": police, "b.txt": " date 2026-01-18 Protest in Velm\nThousands marched through Velm on Saturday. Organisers said 100,000 people took part in the march.\n" }, "count"),
    ).toEqual([]);
  });
});

describe("reconcile: tolls in syndicated copies and related blurbs", () => {
  const wire = "ODRIN, March 2 (Norwire) - A passenger train derailed near Pellory on Monday evening, killing two people and injuring 12 people, police said.\n";
  it("a copy published a day later reports the wire's toll as of the wire's day: a rising toll is an update", () => {
    const report = reportOn({
      "a.txt": ` date 2026-03-02 Headline\n${wire}`,
      "b.txt": ` date 2026-03-03 Headline\n${wire}(With inputs from agencies.)\n`,
      "c.txt": " date 2026-03-03 Headline\nThe number of people injured in the derailment near Pellory has risen to 31, police said.\n",
    });
    expect(report.findings.filter((f) => f.attribute === "count" && /injured/.test(f.subject.name)).map((f) => f.kind)).toEqual(["update"]);
  });
});

describe("reconcile: related blurbs", () => {
  it("a blurb's figure backs the same figure but contradicts none; a blurb's title still does", () => {
    const report = reportOn({
      "a.txt": " date 2026-06-10 Headline\nAnnual inflation rose to 7.2% in May, the Velm Statistics Office said. President Ana Ruiz spoke.\n",
      "b.txt": " date 2026-06-10 Headline\nAnnual inflation stood at 7.2% in May, the Velm Statistics Office said.\nRelated\n- Ostria's central bank cuts rates as inflation falls to 2.1%\n- Prime Minister Ana Ruiz presents the budget\n",
    });
    expect(report.findings.filter((f) => f.kind === "contradiction").map((f) => f.attribute)).toEqual(["role"]);
  });
});
