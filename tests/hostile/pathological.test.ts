import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { extract } from "../../src/extract/index.js";
import { ingest, toArticle } from "../../src/ingest/index.js";
import { DEFAULT_MAX_FILE_SIZE } from "../../src/ingest/read.js";

/**
 * Pathological text: long runs of one thing, which a backtracking pattern or a quadratic loop
 * turns into minutes. Each must be read and extracted in well under a second; the bound asserted
 * is a generous 2 s, so a slow machine does not fail it but a quadratic algorithm does.
 */

const BOUND_MS = 2000;
const N = 100_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const extractText = (text: string) => extract(toArticle({ id: "a.txt", path: "a.txt", text }));

beforeAll(() => {
  // the language model loads on first use: not part of any case's time
  extractText("Prime Minister Sanae Takaichi said on Tuesday that 12 people died in Nara.");
});

describe("pathological text is read in linear time", () => {
  const cases: [string, string][] = [
    ["100,000 repeated digits in one line", "7".repeat(N)],
    ["100,000 spaces", " ".repeat(N)],
    ['100,000 capitalised words ("Ab Ab Ab …")', "Ab ".repeat(N)],
    ["100,000 commas", ",".repeat(N)],
    ['100,000 " and "', " and ".repeat(N)],
    ["100,000 line feeds", "\n".repeat(N)],
    ["100,000 lone carriage returns", "\r".repeat(N)],
    ["100,000 full stops", ".".repeat(N)],
    ['100,000 digit groups ("1,1,1,…")', "1,".repeat(N)],
    ['100,000 "Mr. " (abbreviations)', "Mr. ".repeat(N / 4)],
    ["100,000 opening parentheses", "(".repeat(N)],
    ["100,000 bidi overrides", "\u202e".repeat(N)],
    ["100,000 astral characters", "😀".repeat(N)],
    ['10,000 titles in a row ("Prime Minister Prime Minister …")', "Prime Minister ".repeat(N / 10)],
    ['20,000 hedges in a row ("at least at least …")', "at least ".repeat(N / 5)],
    ['5,000 full dates ("Tuesday, January 13, 2026 …")', "Tuesday, January 13, 2026 ".repeat(N / 20)],
    ['4,000 "Name, the deputy chief of" (the role patterns)', "Ab Cd, the deputy chief of ".repeat(N / 25)],
    ["50,000 one-word sentences", "Ab. ".repeat(N / 2)],
    ["Markdown front matter of 5,000 lines", `---\n${"date: 2026-01-01\n".repeat(N / 20)}---\nThe ferry sank.`],
  ];
  for (const [what, text] of cases) {
    it(what, () => {
      const { value: claims, ms } = timed(() => extractText(text));
      expect(Array.isArray(claims)).toBe(true);
      expect(ms, `${what}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
    });
  }

  it('10,000 counts ("12 people died, …"): all found, not given up on', () => {
    const { value: claims, ms } = timed(() => extractText("12 people died, ".repeat(N / 10)));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(claims.length).toBe(N / 10);
    expect(claims.every((c) => c.attribute === "count" && c.value.text === "12")).toBe(true);
  });
});

describe("a 5 MB single line of words", () => {
  const folder = mkdtempSync(join(tmpdir(), "factcheck-huge-"));
  const file = join(folder, "huge.txt");
  const small = join(folder, "small.txt");
  const WORDS = ["the", "Minister", "said", "on", "Tuesday", "that", "12", "people", "died", "in", "Nara", "and", "President", "Lee", "visited", "Tokyo,"];
  let line = "";

  beforeAll(() => {
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 5 * 1024 * 1024; i++) {
      const word = WORDS[(i * 7 + 3) % WORDS.length]!;
      parts.push(word);
      length += word.length + 1;
    }
    line = parts.join(" ");
    writeFileSync(file, line);
    writeFileSync(small, "Prime Minister Sanae Takaichi said on January 13, 2026 that 12 people died in Nara.\n");
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("is under the default limit of 10 MiB, so it is read, whole, on one line", async () => {
    expect(line.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(line.length).toBeLessThan(DEFAULT_MAX_FILE_SIZE);
    const { value: pending, ms } = timed(() => ingest([file]));
    const { articles, warnings } = await pending;
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.text).toBe(line);
    expect(articles[0]!.lineStarts).toEqual([0]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("past --max-file-size it is skipped with a warning that names it, and the run goes on", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const sink = (into: string[]) =>
      new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
          into.push(chunk.toString());
          callback();
        },
      });
    const started = performance.now();
    const code = await main([file, small, "--max-file-size", "4M", "--format", "json"], { stdout: sink(out), stderr: sink(err), stdin: Readable.from([]), env: {} });
    const ms = performance.now() - started;
    expect(code).toBe(0);
    expect(err.join("")).toBe(`factcheck: warning: ${file}: ${line.length} bytes, over the limit of 4 MiB, skipped\n`);
    const report = JSON.parse(out.join("")) as { sources: { path: string }[] };
    expect(report.sources.map((s) => s.path)).toEqual([small]);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
