import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progress, progressText, showsProgress } from "../../src/cli/progress.js";
import { articleFiles } from "../helpers.js";

/**
 * One progress line on stderr for every long run, on a terminal only: the built CLI on a
 * pseudo-terminal (util-linux `script`), stdout sent to /dev/null so that what is captured is the
 * progress line alone, drawn and redrawn in place ("\r\x1b[K") and cleared at the end.
 */

const HAS_SCRIPT = spawnSync("script", ["--version"]).status === 0;
const CLEAR = "\r\x1b[K";
const FRAME = /^factcheck: (?:\d+ articles analysed, \d+\/s|\d+\/(\d+) articles analysed)$/;

const corpus = mkdtempSync(join(tmpdir(), "factcheck-progress-"));
let articles = 0;
beforeAll(() => {
  // every article of the seeds and fixtures five times: a run whose extraction lasts well over the second before progress shows
  mkdirSync(join(corpus, "sources"));
  for (const copy of [1, 2, 3, 4, 5]) {
    for (const [i, file] of articleFiles().entries()) {
      copyFileSync(file, join(corpus, "sources", `${copy}-${i}-${basename(file)}`));
      articles++;
    }
  }
});
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

function environment(ci: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: "xterm-256color" };
  delete env.CI;
  if (ci) env.CI = "true";
  return env;
}

/** What the command writes to a terminal's stderr while its stdout goes to /dev/null. */
function stderrOnTerminal(args: string, ci = false): string {
  const r = spawnSync("script", ["-qfec", `exec node bin/factcheck.js ${args} > /dev/null`, "/dev/null"], { env: environment(ci), encoding: "utf8" });
  expect([0, 1], r.stderr).toContain(r.status);
  return r.stdout;
}

const draft = "fixtures/drafts/summit-three-errors/draft.md";
/** Each long run: its arguments and how many articles it analyses (check: the sources and the draft). */
const RUNS: [string, () => string, () => number][] = [
  ["the main command", () => `${corpus}/sources --jobs 1`, () => articles],
  ["check", () => `check ${draft} --against ${corpus}/sources`, () => articles + 1],
  ["extract", () => `extract ${corpus}/sources --jobs 1`, () => articles],
];

describe.skipIf(!HAS_SCRIPT)("progress on a terminal", () => {
  for (const [name, args, count] of RUNS) {
    it(`${name}: one line redrawn in place, a total that never changes, cleared at the end`, () => {
      const total = count();
      const out = stderrOnTerminal(args());
      expect(out.endsWith(CLEAR), JSON.stringify(out.slice(-80))).toBe(true);
      const frames = out.split(CLEAR).filter(Boolean);
      expect(frames.length).toBeGreaterThan(0);
      for (const frame of frames) expect(frame).toMatch(FRAME);
      // a total is shown only once it is known, and then it is the number of articles
      const totals = new Set(frames.map((f) => FRAME.exec(f)![1]).filter((t) => t !== undefined));
      expect([...totals]).toEqual([String(total)]);
      expect(frames.at(-1)).toBe(`factcheck: ${total}/${total} articles analysed`);
    });
  }

  it("nothing in CI, even on a terminal", () => {
    expect(stderrOnTerminal(`${corpus}/sources --jobs 1`, true)).not.toContain("analysed");
  });
});

describe("progress on a pipe", () => {
  it("nothing on stderr but what is said about the input", () => {
    const r = spawnSync("node", ["bin/factcheck.js", "seeds/", "fixtures/", "--jobs", "1"], { env: environment(false), encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain("analysed");
    expect(r.stderr).not.toContain("\r");
  });
});

describe("the progress line", () => {
  const sink = (isTTY: boolean) => {
    const written: string[] = [];
    return { stream: { isTTY, columns: 40, write: (text: string) => written.push(text) }, written };
  };

  it("a count and a rate until the total is known, then done/total", () => {
    expect(progressText(384, undefined, 2000, "articles analysed")).toBe("factcheck: 384 articles analysed, 192/s");
    expect(progressText(384, 496, 2000, "articles analysed")).toBe("factcheck: 384/496 articles analysed");
  });

  it("nothing in the first second, then at most every tenth of a second, and always the last", () => {
    let now = 0;
    const { stream, written } = sink(true);
    const bar = progress(stream, {}, "articles analysed", () => now);
    now = 500;
    bar.update(10);
    expect(written).toEqual([]);
    now = 1200;
    bar.update(20);
    now = 1250;
    bar.update(30);
    bar.update(30, 30);
    bar.end();
    expect(written).toEqual([`${CLEAR}factcheck: 20 articles analysed, 17/s`, `${CLEAR}factcheck: 30/30 articles analysed`, CLEAR]);
  });

  it("only on a terminal, not in CI, not on a dumb terminal", () => {
    expect(showsProgress({ isTTY: true, write: () => true }, {})).toBe(true);
    expect(showsProgress({ isTTY: false, write: () => true }, {})).toBe(false);
    expect(showsProgress({ isTTY: true, write: () => true }, { CI: "true" })).toBe(false);
    expect(showsProgress({ isTTY: true, write: () => true }, { CI: "false" })).toBe(true);
    expect(showsProgress({ isTTY: true, write: () => true }, { TERM: "dumb" })).toBe(false);
  });

  it("never wider than the terminal", () => {
    const { stream, written } = sink(true);
    let now = 0;
    const bar = progress({ ...stream, columns: 20 }, {}, "articles analysed", () => now);
    now = 2000;
    bar.update(5, 10);
    expect(written[0]!.slice(CLEAR.length).length).toBeLessThanOrEqual(19);
  });
});
