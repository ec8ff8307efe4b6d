import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import type { Finding } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import type { Slot, SlotClaim } from "../../src/model/slot.js";
import { CONTRADICTION_THRESHOLD, DISCREPANCY_THRESHOLD, claimStrength, contradictionConfidence } from "../../src/reconcile/confidence.js";
import { claimsOf, reportOn } from "../helpers.js";

/** The one claim of `attribute` a text gives, with an id, as align hands it to reconcile. */
function claimOf(text: string, attribute: string, id = "c1"): SlotClaim {
  const found = claimsOf(text).filter((c) => c.attribute === attribute);
  if (found.length !== 1) throw new Error(`${found.length} ${attribute} claims in ${text}`);
  return { ...found[0]!, id };
}

const slotOf = (claims: SlotClaim[]): Slot => ({ key: "k", attribute: claims[0]!.attribute, subject: { id: "s", name: "s", aliases: [] }, volatile: false, spanDays: 1, claims });

/** The findings of one attribute, as [kind, severity, values, confidence]. */
const findingsOf = (report: Report, attribute: string) =>
  report.findings.filter((f) => f.attribute === attribute).map((f) => [f.kind, f.severity, f.values.map((v) => v.normalized).sort(), f.confidence]);
const kindsOf = (findings: readonly Finding[]) => findings.map((f) => f.kind);

/**
 * Four outlets on one tavern shooting, each dated the same Tuesday, each giving the shooting
 * another weekday. Every article of a test names Velmont, Dana Pruitt, Orrin Falls and the Corbel
 * Tavern or Street, so the articles are read as one story (report.stories stays absent).
 */
const FOUR_DATES = {
  "a.txt": " date 2026-03-10 Two dead in Velmont tavern shooting\nVELMONT, Ohio — Sunday's shooting at the Corbel Tavern in Velmont left two men dead, Sheriff Dana Pruitt said, and her deputies in Orrin Falls were looking for a grey pickup.\n",
  "b.txt": " date 2026-03-10 Ohio tavern owner mourns regulars\nSaturday's shooting at the Corbel Tavern has shaken Velmont, where Dana Pruitt and deputies from Orrin Falls worked through the night.\n",
  "c.txt": " date 2026-03-10 Velmont vigil for tavern victims\nHundreds gathered in Velmont for a vigil, days after Friday's shooting at the Corbel Tavern, as Dana Pruitt's office in Orrin Falls named the dead.\n",
  "d.txt": " date 2026-03-10 Sheriff appeals for video\nThursday's shooting at the Corbel Tavern was the worst in Velmont in decades, Dana Pruitt told a news conference in Orrin Falls.\n",
};

describe("claimStrength", () => {
  it("a count with its casualty word is firm: 1", () => {
    expect(claimStrength(claimOf("At least 12 people were killed in the attack.", "count"))).toBe(1);
  });

  it("'Two men were seen running': no event, no predicate, men of whatever kind: weak", () => {
    const claim = claimOf("Two men were seen running from the scene.", "count");
    expect(claim.context.anchored).toBeUndefined();
    expect(claimStrength(claim)).toBeCloseTo(0.55 * 0.6, 10);
  });

  it("'dozens of people were killed': a vague figure is hardly a figure", () => {
    const claim = claimOf("Dozens of people were killed in the attack.", "count");
    expect(claim.value.number).toBeUndefined();
    expect(claimStrength(claim)).toBeCloseTo(0.7, 10);
  });

  it("a date written in full and tied to its event is firm; one resolved against the article's date a little less", () => {
    expect(claimStrength(claimOf(" date 2026-03-10 Velmont\nThe shooting on March 8, 2026, shook Velmont.\n", "date"))).toBe(1);
    expect(claimStrength(claimOf(" date 2026-03-10 Velmont\nSunday's shooting shook Velmont.\n", "date"))).toBeCloseTo(0.9, 10);
  });

  it("a date with no event word of its own is weak", () => {
    const claim = claimOf(" date 2026-03-10 Velmont\nCrews were still pumping basements on Monday.\n", "date");
    expect(claimStrength(claim)).toBeCloseTo(0.55 * 0.9, 10);
  });
});

describe("contradictionConfidence", () => {
  const toll = (n: number, id: string) => ({ ...claimOf(`${n} people were killed in the attack.`, "count"), id, source: `${id}.txt` });

  it("two firm values that clash: 1", () => {
    const [a, b] = [toll(12, "a"), toll(9, "b")];
    expect(contradictionConfidence(slotOf([a, b]), [[a, b]])).toBe(1);
  });

  it("three firm values: 0.75; four or more: 0.5, below the contradiction threshold", () => {
    const three = [toll(12, "a"), toll(9, "b"), toll(7, "c")];
    const threePairs = [[three[0]!, three[1]!], [three[0]!, three[2]!], [three[1]!, three[2]!]] as const;
    expect(contradictionConfidence(slotOf(three), threePairs)).toBe(0.75);
    const four = [...three, toll(20, "d")];
    const fourPairs = four.flatMap((x, i) => four.slice(i + 1).map((y) => [x, y] as const));
    const confidence = contradictionConfidence(slotOf(four), fourPairs);
    expect(confidence).toBe(0.5);
    expect(confidence).toBeLessThan(CONTRADICTION_THRESHOLD);
    expect(confidence).toBeGreaterThanOrEqual(DISCREPANCY_THRESHOLD);
  });

  it("two weak claims never make a contradiction, nor even a discrepancy", () => {
    const a = { ...claimOf("Two men were seen running from the scene.", "count"), id: "a", source: "a.txt" };
    const b = { ...claimOf("Four men were seen running from the scene.", "count"), id: "b", source: "b.txt" };
    expect(contradictionConfidence(slotOf([a, b]), [[a, b]])).toBeLessThan(DISCREPANCY_THRESHOLD);
  });
});

describe("reconcile: contradictions only when sure", () => {
  it("(a) one person called Prime Minister and President on one day: a contradiction, confidence 1", () => {
    const report = reportOn({
      "a.txt": " date 2026-03-10 Velm leader visits flood zone\nPrime Minister Ada Kroll visited the flooded town of Merrow on Monday.\n",
      "b.txt": " date 2026-03-10 Velm leader tours flood zone\nPresident Ada Kroll toured the flooded town of Merrow on Monday.\n",
    });
    const roles = report.findings.filter((f) => f.attribute === "role");
    expect(roles.map((f) => [f.kind, f.severity, f.subject.name, f.values.map((v) => v.normalized).sort(), f.confidence])).toEqual([
      ["contradiction", "error", "Ada Kroll", ["president", "prime minister"], 1],
    ]);
  });

  it("(b) two and four men 'seen running', with no predicate: no contradiction and no discrepancy", () => {
    const report = reportOn({
      "a.txt": " date 2026-03-10 Suspects sought after Velmont bar shooting\nVELMONT, Ohio — Investigators in Velmont were searching on Tuesday for the people behind a weekend shooting at the Corbel Tavern, Sheriff Dana Pruitt told reporters.\nTwo men were seen running from the scene.\nPruitt asked anyone with video from Corbel Avenue to call her office in Orrin Falls.\n",
      "b.txt": " date 2026-03-10 Police hunt gunmen in Ohio tavern attack\nDeputies working with Dana Pruitt, the Harlan County sheriff based in Orrin Falls, released a sketch late Monday as the hunt in Velmont widened.\nFour men were seen running from the scene.\nThe Corbel Tavern stayed closed, its owner said.\n",
    });
    expect(report.stories).toBeUndefined();
    expect(report.claims.filter((c) => c.attribute === "count").map((c) => [c.source, c.value.normalized, c.frame?.anchored])).toEqual([
      ["a.txt", "2", false],
      ["b.txt", "4", false],
    ]);
    expect(findingsOf(report, "count")).toEqual([]);
    expect(report.summary.contradictions).toBe(0);
    expect(report.summary.discrepancies).toBe(0);
  });

  it("(c) dates with no event word ('pumping basements on Monday' / 'on Wednesday'): no contradiction", () => {
    const report = reportOn({
      "a.txt": " date 2026-03-10 Velmont waters recede\nVELMONT, Ohio — Residents of Velmont began returning to their homes along the Orrin River, where Dana Pruitt's crews had been pumping basements for days.\nCrews were still pumping basements on Monday.\n",
      "b.txt": " date 2026-03-10 Ohio town counts cost of flooding\nDana Pruitt, who leads the county's emergency office in Orrin Falls, toured Velmont with state officials and shopkeepers.\nCrews were still pumping basements on Wednesday.\n",
    });
    expect(report.stories).toBeUndefined();
    expect(report.claims.filter((c) => c.attribute === "date").map((c) => [c.source, c.value.normalized, c.frame?.anchored])).toEqual([
      ["a.txt", "2026-03-09", false],
      ["b.txt", "2026-03-04", false],
    ]);
    expect(findingsOf(report, "date")).toEqual([]);
  });

  it("(c) an official who spoke on Monday and on Wednesday made two statements: no contradiction", () => {
    const report = reportOn({
      "a.txt": " date 2026-03-10 Velmont waters recede\nVELMONT, Ohio — Residents of Velmont began returning to their homes along the Orrin River, where Dana Pruitt's crews had been pumping basements for days.\nThe mayor said on Monday that the water was falling.\n",
      "b.txt": " date 2026-03-10 Ohio town counts cost of flooding\nDana Pruitt, who leads the county's emergency office in Orrin Falls, toured the damage in Velmont with state officials and shopkeepers.\nThe mayor said on Wednesday that the water was falling.\n",
    });
    expect(kindsOf(report.findings.filter((f) => f.attribute === "date"))).not.toContain("contradiction");
    expect(kindsOf(report.findings.filter((f) => f.attribute === "date"))).not.toContain("discrepancy");
  });

  describe("(d) a date resolved against a date borrowed from the other articles", () => {
    const dir = mkdtempSync(join(tmpdir(), "factcheck-confidence-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const sheriff = " date 2026-03-10 Two dead in Velmont tavern shooting\nVELMONT, Ohio — Sunday's shooting at the Corbel Tavern in Velmont left two men dead, Sheriff Dana Pruitt said, and her deputies in Orrin Falls were looking for a grey pickup.\n";
    const owner = "Saturday's shooting at the Corbel Tavern has shaken Velmont, where Dana Pruitt and deputies from Orrin Falls worked through the night.\n";

    it("an undated article's 'Saturday' against a dated 'Sunday': a possible discrepancy, not a contradiction", async () => {
      writeFileSync(join(dir, "sheriff.txt"), sheriff);
      writeFileSync(join(dir, "owner.txt"), `Ohio tavern owner mourns regulars\n${owner}`);
      const report = await factcheck([dir]);
      expect(report.sources.map((s) => [s.id, s.published])).toEqual([["owner.txt", null], ["sheriff.txt", "2026-03-10"]]);
      expect(findingsOf(report, "date")).toEqual([["discrepancy", "info", ["2026-03-07", "2026-03-08"], 0.45]]);
      expect(report.summary.contradictions).toBe(0);
      expect(report.summary.discrepancies).toBe(1);
    });

    it("the same two texts both dated: a contradiction", () => {
      const report = reportOn({ "sheriff.txt": sheriff, "owner.txt": ` date 2026-03-10 Ohio tavern owner mourns regulars\n${owner}` });
      expect(findingsOf(report, "date")).toEqual([["contradiction", "error", ["2026-03-07", "2026-03-08"], 0.81]]);
    });
  });

  it("(e) four sources, four different firm dates: a possible discrepancy, confidence at most 0.5, info", () => {
    const report = reportOn(FOUR_DATES);
    const dates = report.findings.filter((f) => f.attribute === "date");
    expect(dates.map((f) => [f.kind, f.severity, f.values.map((v) => v.normalized).sort()])).toEqual([
      ["discrepancy", "info", ["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]],
    ]);
    expect(dates[0]!.confidence).toBeLessThanOrEqual(0.5);
    expect(dates[0]!.consensus).toBeNull();
    expect(dates[0]!.message).toMatch(/^possible discrepancy on the date of the shooting: /);
    expect(report.summary.discrepancies).toBe(1);
    expect(report.summary.contradictions).toBe(0);
  });

  it("(f) 'no one was killed', published after 'at least 12 were killed': a denial, a contradiction", () => {
    const report = reportOn({
      "a.txt": " date 2026-03-09 Gunman kills 12 at Velmont market\nVELMONT, Ohio — At least 12 people were killed in the attack on the Corbel Street market in Velmont, Sheriff Dana Pruitt said, as deputies from Orrin Falls sealed off the area.\n",
      "b.txt": " date 2026-03-10 Sheriff retracts toll\nDana Pruitt, speaking in Orrin Falls, said no one was killed in the attack on the Velmont market on Corbel Street, and that an earlier figure had been a mistake.\n",
    });
    expect(findingsOf(report, "count")).toEqual([["contradiction", "error", ["0", "12"], 1]]);
  });

  it("(f) 'seven bodies were recovered', published after 'nine people died': an update, no contradiction", () => {
    const report = reportOn({
      "a.txt": " date 2026-03-09 Nine dead after Velmont market attack\nVELMONT, Ohio — Nine people died in the attack on the Corbel Street market in Velmont, Sheriff Dana Pruitt said, as deputies from Orrin Falls sealed off the area.\n",
      "b.txt": " date 2026-03-10 Bodies recovered in Velmont\nDana Pruitt, speaking in Orrin Falls, said seven bodies were recovered from the Velmont market on Corbel Street after the attack.\n",
    });
    expect(findingsOf(report, "count")).toEqual([["update", "info", ["7", "9"], undefined]]);
    expect(report.summary.contradictions).toBe(0);
  });
});

describe("reconcile: ordinals of a person series across sources", () => {
  const reyes15 = " date 2026-03-10 Reyes to front Night Quiz\nTomas Reyes revealed as 15th host of Night Quiz, the Brisk Channel panel show that Lena Marsh left in January after four series.\n";

  it("one person given two places in the series: a contradiction", () => {
    const report = reportOn({
      "a.txt": reyes15,
      "b.txt": " date 2026-03-10 Brisk Channel names new quiz host\nTomas Reyes, the 14th host of Night Quiz, recorded his first episode for the Brisk Channel on Monday, weeks after Lena Marsh stepped down.\n",
    });
    const ordinals = report.findings.filter((f) => f.attribute === "ordinal");
    expect(ordinals.map((f) => [f.kind, f.subject.name, f.values.map((v) => v.normalized).sort(), f.confidence])).toEqual([
      ["contradiction", "Tomas Reyes as the host", ["14", "15"], 1],
    ]);
  });

  it("two persons, each with a place of their own: no contradiction", () => {
    const report = reportOn({
      "a.txt": reyes15,
      "b.txt": " date 2026-03-10 Marsh looks back on Night Quiz years\nLena Marsh, the 14th host of Night Quiz, told the Brisk Channel on Monday that she had no advice for her successor.\n",
    });
    const ordinals = report.findings.filter((f) => f.attribute === "ordinal");
    expect(ordinals.map((f) => [f.kind, f.subject.name, f.values.map((v) => v.normalized)])).toEqual([
      ["uncorroborated", "Lena Marsh as the host", ["14"]],
      ["uncorroborated", "Tomas Reyes as the host", ["15"]],
    ]);
  });

  it("an unnamed 'the 14th host' against a named '15th host': no contradiction", () => {
    const report = reportOn({
      "a.txt": reyes15,
      "b.txt": " date 2026-03-10 Brisk Channel confirms quiz casting\nThe Brisk Channel confirmed the casting of Tomas Reyes on Monday, making him the 14th host of Night Quiz.\n",
    });
    const ordinals = report.findings.filter((f) => f.attribute === "ordinal");
    expect(kindsOf(ordinals)).not.toContain("contradiction");
    expect(kindsOf(ordinals)).not.toContain("discrepancy");
    expect(report.claims.filter((c) => c.attribute === "ordinal").map((c) => [c.source, c.value.normalized, c.frame?.holder, c.frame?.anchored])).toEqual([
      ["a.txt", "15", "Tomas Reyes", true],
      ["b.txt", "14", undefined, false],
    ]);
  });
});

describe("report: frames and the count of discrepancies", () => {
  it("(g) every claim carries its frame: anchored, time, modality 'planned' for a plan, 'reported' for police's figure", () => {
    const report = reportOn({
      "a.txt": " date 2026-03-10 Velmont to reopen Corbel Tavern\nThe Corbel Tavern in Velmont will reopen on Friday, Sheriff Dana Pruitt said, and police said 40 officers from Orrin Falls would patrol the street.\nPolice said 12 people were injured in the shooting.\n",
      "b.txt": " date 2026-03-10 Velmont tavern shooting\nAt least 12 people were injured in the shooting at the Corbel Tavern in Velmont, where Dana Pruitt and deputies from Orrin Falls worked through the night.\n",
    });
    expect(report.claims.every((c) => c.frame !== undefined)).toBe(true);
    const reopening = report.claims.find((c) => c.attribute === "date" && c.source === "a.txt")!;
    expect([reopening.value.normalized, reopening.frame!.time, reopening.frame!.modality]).toEqual(["2026-03-13", "future", "planned"]);
    const injured = report.claims.filter((c) => c.attribute === "count" && c.value.normalized === "12").map((c) => [c.source, c.frame]);
    expect(injured).toEqual([
      ["a.txt", { property: "people injured", event: "shooting", anchored: true, time: "current", attribution: "police", modality: "reported" }],
      ["b.txt", { property: "people injured", event: "shooting", anchored: true, time: "current", modality: "asserted" }],
    ]);
    expect(report.summary.discrepancies).toBe(0);
  });

  it("(g) summary.discrepancies counts the discrepancy findings", () => {
    const report = reportOn(FOUR_DATES);
    expect(report.summary.discrepancies).toBe(report.findings.filter((f) => f.kind === "discrepancy").length);
    expect(report.summary.discrepancies).toBe(1);
  });
});
