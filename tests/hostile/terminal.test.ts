import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { safeText } from "../../src/report/safe.js";
import { visibleWidth } from "../../src/report/layout.js";

/**
 * Terminal safety: article text (and a file's name, a record's id, title and outlet) may hold
 * escape sequences that clear the screen, plant links, retitle the window, or reorder what is
 * shown. No output format may pass them on raw; the pretty format's own colour codes are the only
 * escapes it writes.
 */

const ESC = "\x1b";
const HOSTILE = [
  "\x1b[2J", // clear the screen
  "\x1b[1;1H", // move the cursor
  "\x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\", // OSC 8 hyperlink
  "\x1b]0;pwned\x07", // window title, ended by BEL
  "\x9b31m", // C1 CSI
  "\ud800", // a lone surrogate
  "\u202e", // right-to-left override
  "\u2066\u2069", // isolates
  "\u061c", // Arabic letter mark
  "\u200b", // zero width space
  "\x00", // NUL
  "\x07", // BEL alone
].join(" ");

/** Characters no output may carry raw. */
const FORBIDDEN: [string, string][] = [
  ["ESC", "\x1b"],
  ["BEL", "\x07"],
  ["C1 CSI", "\x9b"],
  ["RLO", "\u202e"],
  ["LRI", "\u2066"],
  ["PDI", "\u2069"],
  ["ALM", "\u061c"],
  ["ZWSP", "\u200b"],
  ["NUL", "\x00"],
];

class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  constructor(readonly isTTY = false) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }
  /** what reached the "terminal", decoded as a terminal would */
  get text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([]), env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const folder = mkdtempSync(join(tmpdir(), "factcheck-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

beforeAll(() => {
  // JSON records: the only way NUL and lone surrogates survive decoding into an article's text
  const records = [
    {
      id: `r1${HOSTILE}`,
      title: `Ferry sinks ${HOSTILE}`,
      outlet: `Courier ${HOSTILE}`,
      published: "2026-01-13",
      text: `Ferry sinks ${HOSTILE}\nPrime Minister Sanae Takaichi ${HOSTILE} said on Tuesday that 12 people ${HOSTILE} died in Nara.\n`,
    },
    {
      id: `r2${HOSTILE}`,
      title: `Ferry ${HOSTILE} sinks`,
      published: "2026-01-13",
      text: `Ferry ${HOSTILE} sinks\nPresident Sanae Takaichi${HOSTILE} said on Tuesday that 15 people died ${HOSTILE} in Nara.\n`,
    },
  ];
  writeFileSync(join(folder, "records.json"), JSON.stringify(records));
  // a file whose very name is hostile
  writeFileSync(join(folder, `name\x1b[2J\x1b]0;pwned\x07\u202e.txt`), "Prime Minister Sanae Takaichi said on Tuesday, January 13, 2026 that 14 people died in Nara.\n");
});

function expectNoRaw(format: string, text: string, allowSgr = false): void {
  for (const [name, char] of FORBIDDEN) {
    if (allowSgr && char === ESC) continue;
    expect(text.includes(char), `${format}: raw ${name} in the output`).toBe(false);
  }
}

describe("escape sequences in articles are neutralised in every text format", () => {
  it("pretty, colour forced to level 3: the only escapes are the reporter's own SGR colour codes", async () => {
    const r = await run([folder, "--format", "pretty"], { FORCE_COLOR: "3" });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("\x1b[");
    // every ESC starts an SGR sequence: ESC [ digits and semicolons m
    const stray = [...r.stdout.matchAll(/\x1b(?!\[[0-9;]*m)/g)].map((m) => JSON.stringify(r.stdout.slice(m.index, m.index + 12)));
    expect(stray).toEqual([]);
    expectNoRaw("pretty (colour)", r.stdout, true);
    // the hostile text reached the report, made visible
    expect(r.stdout).toContain("\\u001b[2J");
    expect(r.stdout).toContain("\\u202e");
  });

  it("pretty, colour off: no escape at all", async () => {
    const r = await run([folder, "--format", "pretty", "--no-color"], { FORCE_COLOR: "3" });
    expect(r.code).toBe(0);
    expectNoRaw("pretty (no colour)", r.stdout);
    expect(r.stdout).toContain("\\u001b]0;pwned\\u0007");
    expect(r.stdout).toContain("\\u009b31m");
  });

  for (const format of ["unix", "markdown", "sarif", "html"]) {
    it(`${format}: no raw ESC, BEL, C1, bidi, zero-width or NUL`, async () => {
      const r = await run([folder, "--format", format], { FORCE_COLOR: "3" });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expectNoRaw(format, r.stdout);
      // the hostile source names reached the output, made visible
      expect(r.stdout).toMatch(/\\+u001b/);
      if (format === "sarif") expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    });
  }

  it("json: valid JSON, control characters escaped, lone surrogates as \\ud800", async () => {
    const r = await run([folder, "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { sources: { id: string; title: string | null }[]; claims: { evidence: { quote: string } }[] };
    // what JSON.stringify escapes itself: C0 controls, and lone surrogates (well-formed JSON.stringify)
    for (const [name, char] of [["ESC", "\x1b"], ["BEL", "\x07"], ["NUL", "\x00"]] as const) expect(r.stdout.includes(char), `json: raw ${name}`).toBe(false);
    expect(r.stdout).toContain("\\ud800");
    expect(r.stdout).not.toMatch(/\ufffd/);
    // the data itself is the article's, unchanged
    expect(report.sources.map((s) => s.id)).toContain(`records.json#r1${HOSTILE}`);
    expect(report.claims.some((c) => c.evidence.quote.includes(HOSTILE))).toBe(true);
  });
});

describe("safeText", () => {
  it("shows every control, bidi and zero-width character as a visible escape", () => {
    expect(safeText("a\x1b[2Jb")).toBe("a\\u001b[2Jb");
    expect(safeText("\x1b]0;pwned\x07")).toBe("\\u001b]0;pwned\\u0007");
    expect(safeText("\x1b]8;;http://x\x1b\\")).toBe("\\u001b]8;;http://x\\u001b\\\\");
    expect(safeText("\x9b31m")).toBe("\\u009b31m");
    expect(safeText("\u202e\u2066\u2069\u200b\u200f\u061c\x00\x7f")).toBe("\\u202e\\u2066\\u2069\\u200b\\u200f\\u061c\\u0000\\u007f");
  });

  it("leaves text, tabs, line breaks and non-Latin scripts as they are", () => {
    const text = "Prime Minister 高市早苗 said: “12 dead” — café\tok\nnext line, Москва, مرحبا 😀";
    expect(safeText(text)).toBe(text);
  });

  it("an unterminated OSC sequence is escaped, not left to swallow what follows", () => {
    expect(safeText("\x1b]0;pwned and the rest")).toBe("\\u001b]0;pwned and the rest");
  });
});

/**
 * The real screen: the built CLI on a pseudo-terminal (util-linux `script`) of a given width, with
 * colour. What a person sees is the output with its escape sequences taken off; that text must not
 * hold a fragment of one, and a report wrapped to 80 columns must say word for word what the same
 * report says unwrapped on a wide terminal: no word, number or file:line:col cut in two.
 */
const HAS_SCRIPT = spawnSync("script", ["--version"]).status === 0;

function onTerminal(args: string, columns: number): string {
  const env: NodeJS.ProcessEnv = { ...process.env, COLUMNS: String(columns), TERM: "xterm-256color", CI: "1" };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const command = `stty cols ${columns} rows 50; exec node bin/factcheck.js ${args} --color`;
  const r = spawnSync("script", ["-qfec", command, "/dev/null"], { env, encoding: "utf8" });
  expect([0, 1], r.stderr).toContain(r.status);
  return r.stdout.replace(/\r\n/g, "\n");
}

/** What the terminal shows: complete CSI sequences (colour, cursor) removed. */
const shown = (raw: string): string => raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");

const isTableLine = (line: string) => /^[┌│├└]/.test(line);
const normal = (text: string) => text.replace(/\s+/g, " ").trim();
/** A cell's lines as one text: a path too wide for its column is cut after a slash, and joined back there. */
const joinCell = (parts: readonly string[]) => normal(parts.map((p) => p.trim()).filter(Boolean).join("\n").replace(/(\S\/)\n/g, "$1"));

/** Each table's cells, row by row, a cell's wrapped lines joined by a space. */
function tablesOf(lines: readonly string[]): string[][][] {
  const tables: string[][][] = [];
  let rows: string[][] = [];
  let row: string[][] = [];
  const endRow = () => {
    if (row.length > 0) rows.push(row.map(joinCell));
    row = [];
  };
  for (const line of [...lines, ""]) {
    if (line.startsWith("│")) {
      line.slice(1, -1).split("│").forEach((cell, i) => (row[i] ??= []).push(cell));
      continue;
    }
    endRow();
    if (!isTableLine(line) && rows.length > 0) {
      tables.push(rows);
      rows = [];
    }
  }
  return tables;
}

/** The lines outside tables, each wrapped line joined back to the line it continues. */
function proseOf(lines: readonly string[], wide: readonly string[]): { joined: string[]; continuations: string[] } {
  const joined: string[] = [];
  const continuations: string[] = [];
  const narrow = lines.filter((l) => !isTableLine(l));
  let at = 0;
  for (const target of wide.filter((l) => !isTableLine(l))) {
    let text = narrow[at++] ?? "";
    while (normal(text) !== normal(target) && normal(target).startsWith(normal(text)) && at < narrow.length) {
      continuations.push(narrow[at]!);
      text += ` ${narrow[at++]!.trim()}`;
    }
    joined.push(normal(text));
  }
  return { joined, continuations };
}

describe.skipIf(!HAS_SCRIPT)("the pretty report on a real terminal (a pseudo-terminal of 80 columns)", () => {
  const cases: [string, string][] = [
    ["a fixture cluster", "fixtures/ferry-sinking/articles"],
    ["the seeds, named file by file", "seeds/*.txt"],
    ["check on a draft", "check fixtures/drafts/summit-three-errors/draft.md --against fixtures/drafts/summit-three-errors/sources"],
  ];
  for (const [name, args] of cases) {
    it(`${name}: no escape fragment, nothing wider than 80 columns, nothing cut in two`, () => {
      const raw = onTerminal(args, 80);
      expect(raw).toContain("\x1b[");
      const screen = shown(raw);
      // a cut sequence leaves an ESC or its tail ("[22m", "2m" at the start of a cell) behind
      expect(screen).not.toContain("\x1b");
      expect(screen).not.toMatch(/\[[0-9;]*m/);
      expect(screen).not.toMatch(/│ [0-9;]+m /);
      const lines = screen.split("\n");
      expect(lines.filter((l) => visibleWidth(l) > 80)).toEqual([]);
      const wide = shown(onTerminal(args, 400)).split("\n");
      // the same cells, word for word, as on a terminal wide enough for no cell to wrap
      expect(tablesOf(lines)).toEqual(tablesOf(wide));
      const prose = proseOf(lines, wide);
      expect(prose.joined).toEqual(wide.filter((l) => !isTableLine(l)).map(normal));
      // every file:line:col stays whole on one line
      for (const place of wide.join("\n").match(/[\w./-]+:\d+:\d+/g) ?? []) expect(screen, place).toMatch(new RegExp(`(^|[\\s│])${place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
      // a wrapped line is indented: a quote's under its opening mark, deeper than the place it follows
      expect(prose.continuations.filter((l) => !/^ {2,}\S/.test(l))).toEqual([]);
    });
  }

  it("a quote longer than the window wraps with its lines indented under the quote", () => {
    const lines = shown(onTerminal("fixtures/ferry-sinking/articles", 80)).split("\n");
    const quote = lines.findIndex((l) => /^ {6}a02\.txt:6:63  “/.test(l));
    expect(quote).toBeGreaterThan(-1);
    expect(lines[quote + 1]).toMatch(/^ {8,}\S/);
    expect(lines[quote + 1]).not.toMatch(/^ {6}\S/);
  });
});
