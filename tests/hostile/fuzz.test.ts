import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import type { Report } from "../../src/model/report.js";

/**
 * A fuzz test over ingest and the whole pipeline: random bytes, and the fixture files with bytes
 * flipped, inserted, deleted, duplicated and spliced (a seeded PRNG, so every run is the same
 * run), written to a folder and read with factcheck([dir]). It must never throw and always return
 * a report, in bounded time. The run stops after 3 s or 300 cases, whichever comes first.
 */

const SEED = 42;
const MAX_CASES = 300;
const BUDGET_MS = 3000;
/** no single case may take longer than this (the largest fixture takes a few tens of ms) */
const CASE_LIMIT_MS = 2000;

/** mulberry32: a small, fast, seeded PRNG */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const listFiles = (folder: string, keep: (name: string) => boolean): string[] =>
  readdirSync(folder)
    .filter(keep)
    .sort()
    .map((name) => join(folder, name));

/** The corpus: every kind of input ingest reads (text, Markdown, HTML, JSON records, NDJSON). */
const CORPUS: { name: string; bytes: Buffer }[] = [
  ...listFiles("seeds", (n) => n.endsWith(".txt")),
  ...listFiles("tests/ingest/data", () => true),
  "fixtures/drafts/summit-three-errors/draft.md",
  ...listFiles("fixtures/ferry-sinking/articles", (n) => n.endsWith(".txt")).slice(0, 3),
].map((file) => ({ name: basename(file), bytes: readFileSync(file) }));

const EXTENSIONS = [".txt", ".md", ".html", ".json", ".ndjson", ".text"];
/** byte sequences that change how a file is decoded or parsed */
const SPECIAL: readonly Buffer[] = [
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0x00]),
  Buffer.from([0xc3]),
  Buffer.from([0xe2, 0x80]),
  Buffer.from([0xed, 0xa0, 0x80]), // a UTF-8-encoded lone surrogate
  Buffer.from([0x1b, 0x5b, 0x32, 0x4a]),
  Buffer.from([0x9b]),
  Buffer.from("\r"),
  Buffer.from("\r\n"),
  Buffer.from("<html><body>"),
  Buffer.from('{"text":'),
  Buffer.from("---\n"),
  Buffer.from("]]}}"),
  Buffer.from("89504e470d0a1a0a", "hex"),
];

function mutate(random: () => number, source: Buffer, other: Buffer): Buffer {
  const int = (n: number) => Math.floor(random() * n);
  let bytes = Buffer.from(source);
  const rounds = 1 + int(8);
  for (let r = 0; r < rounds; r++) {
    const at = int(bytes.length + 1);
    switch (int(7)) {
      case 0: {
        // flip bits in a few bytes
        for (let k = 0; k < 1 + int(4) && bytes.length > 0; k++) {
          const i = int(bytes.length);
          bytes[i] = bytes[i]! ^ (1 << int(8));
        }
        break;
      }
      case 1: {
        // insert random bytes
        const noise = Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256)));
        bytes = Buffer.concat([bytes.subarray(0, at), noise, bytes.subarray(at)]);
        break;
      }
      case 2: {
        // delete a range
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + int(64)))]);
        break;
      }
      case 3: {
        // duplicate a range in place
        const piece = bytes.subarray(at, at + int(256));
        bytes = Buffer.concat([bytes.subarray(0, at), piece, piece, bytes.subarray(at)]);
        break;
      }
      case 4: {
        // splice in a piece of another file
        const from = int(other.length + 1);
        bytes = Buffer.concat([bytes.subarray(0, at), other.subarray(from, from + int(512)), bytes.subarray(at)]);
        break;
      }
      case 5: {
        // a byte sequence that changes how the file decodes or parses, at the start or anywhere
        const special = SPECIAL[int(SPECIAL.length)]!;
        const where = random() < 0.3 ? 0 : at;
        bytes = Buffer.concat([bytes.subarray(0, where), special, bytes.subarray(where)]);
        break;
      }
      default: {
        // truncate
        bytes = bytes.subarray(0, at);
      }
    }
  }
  return bytes;
}

function randomBytes(random: () => number): Buffer {
  const int = (n: number) => Math.floor(random() * n);
  const length = [0, 1, 2, 3, 7, 64, 1024, 9000][int(8)]!;
  const kind = int(3);
  // uniform bytes; printable ASCII with some high bytes; UTF-16-looking (every other byte zero)
  return Buffer.from(
    Array.from({ length }, (_, i) => (kind === 0 ? int(256) : kind === 1 ? (random() < 0.9 ? 32 + int(95) : 128 + int(128)) : i % 2 === 1 ? 0 : 32 + int(95))),
  );
}

const root = mkdtempSync(join(tmpdir(), "factcheck-fuzz-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("fuzzing ingest: random and mutated bytes in a folder", () => {
  it("factcheck([dir]) never throws and always returns a report, in bounded time", async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(10);
    const random = prng(SEED);
    const int = (n: number) => Math.floor(random() * n);
    const started = Date.now();
    let cases = 0;
    let sourcesRead = 0;
    let warnings = 0;
    while (cases < MAX_CASES && Date.now() - started < BUDGET_MS) {
      const dir = join(root, `case-${cases}`);
      mkdirSync(dir);
      const files = 1 + int(3);
      const written: string[] = [];
      for (let f = 0; f < files; f++) {
        const base = CORPUS[int(CORPUS.length)]!;
        const ext = random() < 0.7 ? extname(base.name) : EXTENSIONS[int(EXTENSIONS.length)]!;
        const bytes = random() < 0.2 ? randomBytes(random) : mutate(random, base.bytes, CORPUS[int(CORPUS.length)]!.bytes);
        const name = `f${f}${ext}`;
        writeFileSync(join(dir, name), bytes);
        written.push(name);
      }
      const caseStarted = Date.now();
      let report: Report;
      try {
        report = await factcheck([dir]);
      } catch (error) {
        throw new Error(`case ${cases} (${dir}: ${written.join(", ")}) threw: ${(error as Error).stack ?? String(error)}`);
      }
      const took = Date.now() - caseStarted;
      expect(took, `case ${cases} took ${took} ms`).toBeLessThan(CASE_LIMIT_MS);
      expect(report.schemaVersion).toBe(1);
      expect(Array.isArray(report.sources) && Array.isArray(report.claims) && Array.isArray(report.findings)).toBe(true);
      expect(report.summary.sources).toBe(report.sources.length);
      expect(report.summary.claims).toBe(report.claims.length);
      // every file is either a source or named in a warning; JSON met in a folder that holds no
      // article data (a config, a gold file) is skipped quietly by design, so .json and .ndjson are not held to it
      for (const name of written.filter((n) => !/\.(nd)?json$/.test(n))) {
        const read = report.sources.some((s) => s.path.includes(name));
        const warned = (report.warnings ?? []).some((w) => w.includes(name));
        expect(read || warned, `case ${cases}: ${name} is neither read nor warned about`).toBe(true);
      }
      sourcesRead += report.sources.length;
      warnings += report.warnings?.length ?? 0;
      rmSync(dir, { recursive: true, force: true });
      cases++;
    }
    const elapsed = Date.now() - started;
    // bounded: the budget plus at most one case
    expect(elapsed).toBeLessThan(BUDGET_MS + CASE_LIMIT_MS);
    // the fuzzer reached both outcomes: articles read and inputs turned down
    expect(cases).toBeGreaterThan(10);
    expect(sourcesRead).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(0);
  });
});
