import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.js";
import { formatPretty } from "../../src/report/pretty.js";
import { reportOn, runCli } from "../helpers.js";

/**
 * Four outlets on one tavern shooting, all dated the same Tuesday, each giving the shooting
 * another weekday: four firm values in one slot are not one question, so the tool says "possible
 * discrepancy" (info), not "contradiction".
 */
const FOUR_DATES: Record<string, string> = {
  "a.txt": " date 2026-03-10 Two dead in Velmont tavern shooting\nVELMONT, Ohio — Sunday's shooting at the Corbel Tavern in Velmont left two men dead, Sheriff Dana Pruitt said, and her deputies in Orrin Falls were looking for a grey pickup.\n",
  "b.txt": " date 2026-03-10 Ohio tavern owner mourns regulars\nSaturday's shooting at the Corbel Tavern has shaken Velmont, where Dana Pruitt and deputies from Orrin Falls worked through the night.\n",
  "c.txt": " date 2026-03-10 Velmont vigil for tavern victims\nHundreds gathered in Velmont for a vigil, days after Friday's shooting at the Corbel Tavern, as Dana Pruitt's office in Orrin Falls named the dead.\n",
  "d.txt": " date 2026-03-10 Sheriff appeals for video\nThursday's shooting at the Corbel Tavern was the worst in Velmont in decades, Dana Pruitt told a news conference in Orrin Falls.\n",
};

/** Two of them: one firm clash, a contradiction. */
const TWO_DATES = { "a.txt": FOUR_DATES["a.txt"]!, "b.txt": FOUR_DATES["b.txt"]! };

let root: string;
let four: string;
let two: string;

function writeAll(dir: string, texts: Record<string, string>): void {
  mkdirSync(dir);
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "factcheck-unsure-"));
  four = join(root, "four");
  two = join(root, "two");
  writeAll(four, FOUR_DATES);
  writeAll(two, TWO_DATES);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("factcheck <dir>: possible discrepancies", () => {
  it("pretty output counts them on a line of their own and says --verbose lists them", async () => {
    const { code, stdout, stderr } = await runCli([four]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("factcheck: 4 sources, 14 claims — 0 contradictions, 1 agreement, 4 uncorroborated");
    expect(stdout).toMatch(/1 possible discrepancy not shown \(values that differ but may not be about one\s+event at one time\); --verbose lists them\./);
    expect(stdout).not.toContain("Possible discrepancies");
    expect(stdout).not.toContain("contradiction date");
  });

  it("--verbose lists them in a table with their values, sources and confidence", async () => {
    const { code, stdout } = await runCli([four, "--verbose"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Possible discrepancies (values differ, but may not be about one event at one time)");
    expect(stdout).not.toContain("not shown");
    const table = stdout.slice(stdout.indexOf("Possible discrepancies"), stdout.indexOf("Agreements"));
    expect(table).toMatch(/│ date\s+│ shooting\s+│ Friday \(c\.txt\) \/ Saturday \(b\.txt\) \//);
    expect(table).toMatch(/Thursday \(d\.txt\) \/ Sunday \(a\.txt\)/);
    expect(table).toMatch(/│ 0\.41\s+│/);
  });

  it("--format unix never prints a discrepancy, with or without --verbose", async () => {
    for (const args of [[four, "--format", "unix"], [four, "--format", "unix", "--verbose"]]) {
      const { code, stdout } = await runCli(args);
      expect(code).toBe(0);
      expect(stdout).not.toMatch(/discrepanc/i);
      expect(stdout).not.toMatch(/\[(contradiction|discrepancy)\/date\]/);
      // what it does print are the lone figures, one line each
      expect(stdout.trim().split("\n").every((line) => /: warning: .* \[uncorroborated\/(count|location)\]$/.test(line))).toBe(true);
    }
  });

  it("--format json counts them in the summary and gives the finding as info", async () => {
    const { code, stdout } = await runCli([four, "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.summary.discrepancies).toBe(1);
    expect(report.summary.contradictions).toBe(0);
    expect(report.findings.filter((f) => f.kind === "discrepancy").map((f) => [f.attribute, f.severity, f.confidence])).toEqual([["date", "info", 0.41]]);
  });

  it("--fail-on error: a discrepancy alone passes, a contradiction fails", async () => {
    expect((await runCli([four, "--fail-on", "error"])).code).toBe(0);
    const clash = await runCli([two, "--fail-on", "error"]);
    expect(clash.code).toBe(1);
    expect(clash.stdout.split("\n")[0]).toMatch(/— 1 contradiction, /);
    expect(clash.stdout).not.toContain("possible discrepanc");
  });
});

describe("formatPretty: discrepancies", () => {
  const options = { colorLevel: 0 as const, width: 100 };

  it("says how many are not shown, and lists them only when verbose", () => {
    const report = reportOn(FOUR_DATES);
    const plain = formatPretty(report, options);
    expect(plain).toContain("1 possible discrepancy not shown");
    expect(plain).not.toContain("Possible discrepancies");
    const verbose = formatPretty(report, { ...options, verbose: true });
    expect(verbose).toContain("Possible discrepancies (values differ, but may not be about one event at one time)");
    expect(verbose).not.toContain("not shown");
  });

  it("says nothing of discrepancies when there are none", () => {
    const report = reportOn(TWO_DATES);
    expect(report.summary.discrepancies).toBe(0);
    for (const verbose of [false, true]) expect(formatPretty(report, { ...options, verbose })).not.toMatch(/discrepanc/i);
  });
});
