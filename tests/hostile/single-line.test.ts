import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDates } from "../../src/shared/dates.js";

/**
 * A megabyte article on one line (a minified page, a JSON dump) costs linear time, a few seconds
 * per MB, and its claims keep their line and column. The bounds are generous (a loaded machine
 * passes them) but a step whose cost grows with the square of a line's length fails them.
 */

const folder = mkdtempSync(join(tmpdir(), "factcheck-line-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Sentences shaped like wire copy, each with its own figures and dates, none repeated. */
function proseOf(length: number): string {
  const places = ["Velm", "Nara", "Port Aris", "Ostria", "Kell"];
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const place = places[i % places.length]!;
    const sentence =
      i % 3 === 0
        ? `At least ${100 + (i % 9000)} people died in ${place} on March ${1 + (i % 28)}, 2026, officials said.`
        : i % 3 === 1
          ? `The ferry, which carried ${200 + (i % 700)} passengers, sank ${1 + (i % 40)} km off ${place} on Tuesday at 9 pm ET.`
          : `Minister Ana Lee said ${10 + (i % 90)} boats searched the bay for ${2 + (i % 20)} hours`;
    parts.push(sentence);
    total += sentence.length + 1;
  }
  return parts.join(" ");
}

interface Claim {
  attribute: string;
  value: { text: string; normalized: string };
  evidence: { line: number; column: number; quote: string };
}

function runJson(file: string): Promise<{ code: number | null; ms: number; claims: Claim[]; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/factcheck.js", file, "--json", "--jobs", "1"], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on("close", (code) => {
      const claims = code === 0 ? (JSON.parse(stdout) as { claims: Claim[] }).claims : [];
      resolve({ code, ms: performance.now() - started, claims, stderr });
    }),
  );
}

describe("a 1.5 MB article on a single line", () => {
  const file = join(folder, "one-line.txt");
  // figures no generated sentence holds
  const marker = "The harbour master said 98765 containers were lost.";
  let line = "";
  let second = "";

  beforeAll(() => {
    const prose = proseOf(1.5 * 1024 * 1024);
    // a sentence of its own near the end of the line, and one on the line after it
    line = `Ferry sinks off Velm\n${prose} The search went on. ${marker} ${proseOf(2000)}`;
    second = "Rescuers found 54321 survivors near Kell on Wednesday.";
    writeFileSync(file, `${line}\n${second}\n`);
  });

  it("is read and reported well inside a few seconds per MB, its claims at their own line and column", async () => {
    const r = await runJson(file);
    expect(r.code, r.stderr).toBe(0);
    // about 8 s here on a loaded machine; before align listed an event's words once per event it took 45 s
    expect(r.ms).toBeLessThan(30_000);
    expect(r.claims.length).toBeGreaterThan(10_000);
    expect(new Set(r.claims.map((c) => c.evidence.line))).toEqual(new Set([1, 2, 3]));

    const lost = r.claims.find((c) => c.attribute === "count" && c.value.text === "98765");
    expect(lost, "the count near the end of the long line").toBeDefined();
    const lineTwo = line.slice(line.indexOf("\n") + 1);
    expect(lost!.evidence.line).toBe(2);
    expect(lost!.evidence.column).toBe(lineTwo.indexOf(marker) + marker.indexOf("98765") + 1);
    expect(lost!.evidence.quote).toBe(marker);

    const found = r.claims.find((c) => c.attribute === "count" && c.value.text === "54321");
    expect(found!.evidence.line).toBe(3);
    expect(found!.evidence.column).toBe(second.indexOf("54321") + 1);
  }, 60_000);
});

describe("findDates on a long text", () => {
  it("costs linear time: 1 MB of dates in under 5 s (chrono alone, given it whole, takes the square)", () => {
    const text = "The ferry sank on Tuesday, March 3, 2026 at 9 pm and was raised on April 5, 2026 ".repeat(12_500);
    const started = performance.now();
    const mentions = findDates(text, { date: "2026-06-01", direction: "back" });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(mentions.filter((d) => d.iso === "2026-04-05")).toHaveLength(12_500);
    // every mention at the offset of its own words
    for (const d of mentions.slice(-50)) expect(text.slice(d.index, d.index + d.text.length)).toBe(d.text);
  }, 30_000);
});
