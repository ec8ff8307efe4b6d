import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleFiles } from "../helpers.js";

/**
 * Determinism across processes: two runs at once, and one or two extraction threads, give the
 * same bytes (tests/report/determinism.test.ts covers order and paths within one process).
 * Runs the real bin on dist/: `npm run build` first.
 */

const ARTICLES = 120;
const work = mkdtempSync(join(tmpdir(), "factcheck-determinism-"));
const folder = join(work, "articles");

/** The fixtures' and seeds' articles, copied under new names until there are 120, in an order unlike the originals'. */
beforeAll(() => {
  const sources = articleFiles();
  mkdirSync(folder);
  for (let i = 0; i < ARTICLES; i++) {
    const source = sources[(i * 37) % sources.length]!;
    // a name that sorts unlike the source: reversed counter, then the story
    const story = source.split("/").at(-3) ?? "seed";
    copyFileSync(source, join(folder, `${String(ARTICLES - i).padStart(3, "0")}-${story}-${i % 7}.txt`));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: readonly string[]): { child: ChildProcess; done: Promise<{ code: number | null; stdout: Buffer; stderr: string }> } {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...env } = process.env;
  const child = spawn(process.execPath, ["bin/factcheck.js", ...args], { stdio: ["ignore", "pipe", "pipe"], env });
  const out: Buffer[] = [];
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => out.push(d));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return { child, done: new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out), stderr }))) };
}

describe("the JSON report is the same bytes across processes and thread counts", () => {
  let parallel: { code: number | null; stdout: Buffer; stderr: string }[] = [];

  beforeAll(async () => {
    expect(readdirSync(folder)).toHaveLength(ARTICLES);
    // two processes at once, each with two extraction threads
    parallel = await Promise.all([run([folder, "--json", "--jobs", "2"]).done, run([folder, "--json", "--jobs", "2"]).done]);
  }, 60_000);

  it("two runs in parallel (two child processes at once) give the same bytes", () => {
    const [first, second] = parallel;
    expect(first!.code).toBe(0);
    expect(second!.code).toBe(0);
    expect(first!.stdout.length).toBeGreaterThan(100_000);
    expect(second!.stdout.equals(first!.stdout)).toBe(true);
    const report = JSON.parse(first!.stdout.toString("utf8")) as { sources: unknown[]; claims: unknown[] };
    expect(report.sources).toHaveLength(ARTICLES);
    expect(report.claims.length).toBeGreaterThan(ARTICLES);
  });

  it("--jobs 1 gives the same bytes as --jobs 2 (worker threads, batches finishing in any order)", async () => {
    const single = await run([folder, "--json", "--jobs", "1"]).done;
    expect(single.code).toBe(0);
    expect(single.stderr).toBe(parallel[0]!.stderr);
    expect(single.stdout.equals(parallel[0]!.stdout)).toBe(true);
  }, 60_000);
});
