import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isRealDate } from "../../src/shared/calendar.js";
import { findDates } from "../../src/shared/dates.js";

/**
 * Dates that are no day of the calendar ("date 2026-14-31", "Published: 2013-07-45"), as a copy
 * with every number shifted makes them: never used, never written, and never handed to chrono as
 * its reference (chrono-node 2.10.3 loops forever on an Invalid Date when the text names "ET").
 */

const folder = mkdtempSync(join(tmpdir(), "factcheck-dates-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The real bin, killed after 20 s: a hang is a failure, not a test run that never ends. */
function runBin(args: readonly string[]): Run {
  const r = spawnSync(process.execPath, ["bin/factcheck.js", ...args], { encoding: "utf8", timeout: 20_000, maxBuffer: 1 << 26 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const FERRY = "The ferry sank off Velm on Tuesday at 9 pm ET, the coastguard said. At least 12 people died.\n";

describe("a dateline that is no date", () => {
  it('" date 2026-14-31": the run ends, the date is not written, a warning names the file and line', () => {
    const file = join(folder, "shifted.txt");
    writeFileSync(file, ` date 2026-14-31 Ferry sinks off Velm\n\n${FERRY}`);
    const r = runBin([file, "--json"]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { sources: { published: string | null; title: string | null }[] };
    expect(report.sources[0]!.published).toBeNull();
    expect(r.stdout).not.toContain("2026-14-31\"");
    // the machine dateline is still no part of the text
    expect(report.sources[0]!.title).toBe("Ferry sinks off Velm");
    expect(r.stderr).toContain(`factcheck: warning: ${file}:1: 2026-14-31 is no date of the calendar; ignored\n`);
  });

  it("a dateline of month 13 beside an article with a real date: the run over both ends, and the real one anchors the other", () => {
    const dir = join(folder, "pair");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.txt"), ` date 2024-13-26 Ferry sinks\n\n${FERRY}`);
    writeFileSync(join(dir, "b.txt"), ` date 2024-12-26 Ferry sinks\n\n${FERRY}`);
    const r = runBin([dir, "--json", "--jobs", "1"]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { sources: { id: string; published: string | null }[] };
    expect(report.sources.map((s) => [s.id, s.published])).toEqual([
      ["a.txt", null],
      ["b.txt", "2024-12-26"],
    ]);
    expect(r.stderr).toContain(`${join(dir, "a.txt")}:1: 2024-13-26 is no date of the calendar; ignored`);
  });

  it("front matter's date: 2013-07-45 is ignored with the line it is on; Published: 2013-07-45 is no dateline", () => {
    const file = join(folder, "front.md");
    writeFileSync(file, `---\ntitle: Ferry\ndate: 2013-07-45\n---\n# Ferry sinks\n\nPublished: 2013-07-45\n\n${FERRY}`);
    const r = runBin([file, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { sources: { published: string | null }[] };
    expect(report.sources[0]!.published).toBeNull();
    expect(r.stderr).toContain(`${file}:3: 2013-07-45 is no date of the calendar; ignored`);
  });
});

describe("findDates never gives chrono an anchor that is no date", () => {
  it("an anchor of month 13 is no anchor: the weekday is left unresolved (with “ET” it would never return: see the bin tests above)", () => {
    const mentions = findDates("The vote closed on Tuesday.", { date: "2024-13-26", direction: "back" });
    expect(mentions).toEqual([]);
  });

  it("a full date is still read with a real anchor", () => {
    const mentions = findDates("The vote closed on Tuesday, March 3, 2026 at 9 pm ET.", { date: "2026-03-04", direction: "back" });
    expect(mentions.map((d) => d.iso)).toEqual(["2026-03-03"]);
  });

  it("text past one call's limit is read in windows, each mention at its own offset", () => {
    const filler = "and the ferry sailed on ".repeat(400);
    const text = `${filler}on March 3, 2026 it sank, ${filler}on April 5, 2026 it was raised.`;
    const mentions = findDates(text, { date: "2026-06-01", direction: "back" });
    expect(mentions.map((d) => [d.iso, text.slice(d.index, d.index + d.text.length)])).toEqual([
      ["2026-03-03", "March 3, 2026"],
      ["2026-04-05", "April 5, 2026"],
    ]);
  });
});

describe("isRealDate", () => {
  it("takes days of the calendar and nothing else", () => {
    for (const real of ["2026-01-31", "2024-02-29", "2000-02-29", "1999-12-31"]) expect(isRealDate(real), real).toBe(true);
    for (const not of ["2026-14-31", "2026-02-30", "2023-02-29", "1900-02-29", "2013-07-45", "2026-00-10", "2026-04-31", "20135-01-01", "0000-01-01", "2026-1-1", ""]) expect(isRealDate(not), not).toBe(false);
  });

  it("with partial: a year or a month of one too", () => {
    expect(["2026", "2026-12", "2026-12-31"].map((d) => isRealDate(d, true))).toEqual([true, true, true]);
    expect(["20135", "2026-13", "2026-12-32"].map((d) => isRealDate(d, true))).toEqual([false, false, false]);
  });
});
