import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `npm run bench -- --corpus DIR` builds its corpora from a folder of real articles too, and
 * prints those figures beside the fixtures'. Here DIR is a folder of text written for the test:
 * no test reads anything outside the project.
 */

const corpus = mkdtempSync(join(tmpdir(), "factcheck-bench-corpus-"));
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

beforeAll(() => {
  const stories: Record<string, string[]> = {
    "ferry/articles": [
      " date 2026-01-13 Ferry sinks off Velm\n\nVELM, Jan 13 (Wire) - A ferry carrying 212 passengers sank off Velm on Tuesday, the coastguard said. At least 14 people died.\n",
      "Ferry disaster off Velm\n\nAt least 15 people died when a ferry sank off Velm on Tuesday, January 13, 2026, officials said. It carried 212 passengers.\n",
    ],
    "quake/articles": [
      " date 2026-02-02 Quake strikes Nara\n\nA magnitude 6.1 earthquake struck near Nara on Monday, killing 31 people, the agency said.\n",
      "Nara quake toll rises\n\nThe toll from Monday's magnitude 6.2 earthquake near Nara rose to 35, officials said on February 3, 2026.\n",
    ],
  };
  for (const [folder, texts] of Object.entries(stories)) {
    mkdirSync(join(corpus, folder), { recursive: true });
    texts.forEach((text, i) => writeFileSync(join(corpus, folder, `a${i}.txt`), text));
  }
  // not an article: the bench reads .txt and .md only
  writeFileSync(join(corpus, "ferry", "truth.json"), "{}");
});

const bench = (args: readonly string[]) =>
  spawnSync(process.execPath, ["scripts/bench.mjs", ...args], { encoding: "utf8", env: { ...process.env, BENCH_SEEDS_RUNS: "1" }, timeout: 120_000 });

describe("npm run bench -- --corpus DIR", () => {
  it("benches the fixtures and the folder's articles, and prints their figures side by side", () => {
    const r = bench(["--corpus", corpus, "--sizes", "8"]);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toContain("\ncorpus: fixtures (");
    expect(out).toContain(`\ncorpus: ${corpus} (2 stories, 4 articles, varied to each size)`);
    expect(out).toMatch(/ {2}as given: 4 articles in 2 stories, 0\.00 MB \| --jobs 1 [\d.]+ s/);
    // one line per size for each corpus, and the table with both
    expect(out.match(/^8 articles: bare wink /gm)).toHaveLength(2);
    const table = out.slice(out.indexOf("side by side"));
    expect(table.split("\n")[1]).toMatch(new RegExp(`^articles\\s+fixtures\\s+${corpus.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(table.split("\n")[2]).toMatch(/^8\s+\d+\/s \| \d+\/s \| [\d.]+× wink \| (\d+ MiB|n\/a)\s+\d+\/s/);
  }, 120_000);

  it("refuses a folder that is not there, or an argument it does not know", () => {
    const missing = bench(["--corpus", join(corpus, "nope"), "--sizes", "8"]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("is not a folder");
    const unknown = bench(["--corpsu", corpus]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("unknown argument --corpsu");
  });
});
