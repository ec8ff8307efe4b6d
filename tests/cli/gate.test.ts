import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, expectRefused, lines } from "./bin.js";

/**
 * The pre-publish gate fails safe, and nothing is lost or overwritten: through the real bin
 * (node bin/factcheck.js, on dist/), its exit status, its stderr and the files it leaves.
 */

const DRAFT_CASE = "fixtures/drafts/summit-three-errors";
const DRAFT = join(DRAFT_CASE, "draft.md");
const SOURCES = join(DRAFT_CASE, "sources");

const work = mkdtempSync(join(tmpdir(), "factcheck-gate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const folder = (name: string) => {
  const path = join(work, name);
  mkdirSync(path, { recursive: true });
  return path;
};

describe("the gate fails safe: a draft or sources it cannot read stop it with exit 2", () => {
  const pdf = join(folder("pdf"), "draft.pdf");
  writeFileSync(pdf, Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0, 1, 2, 3, 0, 255, 0])]));
  const empty = folder("empty");

  const drafts: [string, string, RegExp][] = [
    ["a missing draft", "missing-draft.md", /^factcheck: no readable draft: missing-draft\.md: no such file or folder$/],
    ["a PDF", pdf, /^factcheck: no readable draft: .*draft\.pdf: binary file skipped$/],
    ["an empty folder", empty, /^factcheck: no readable draft: .*empty: no article files/],
    ["an unreachable URL", "http://127.0.0.1:9/draft.html", /^factcheck: no readable draft: http:\/\/127\.0\.0\.1:9\/draft\.html: cannot be fetched/],
  ];
  it.each(drafts)("%s as the draft", (_name, draft, line) => {
    expectRefused(bin(["check", draft, "--against", SOURCES]), line);
  });

  it("one unreadable draft among readable ones is enough to stop it", () => {
    expectRefused(bin(["check", DRAFT, "missing-draft.md", "--against", SOURCES, "--format", "unix"]), /^factcheck: no readable draft: missing-draft\.md: no such file or folder$/);
  });

  it("sources that give no readable article: named, exit 2", () => {
    expectRefused(bin(["check", DRAFT, "--against", "no/such/sources/"]), /^factcheck: no readable source: no\/such\/sources\/: no such file or folder$/);
    expectRefused(bin(["check", DRAFT, "--against", empty]), /^factcheck: no readable source: .*empty: no article files/);
  });

  it("--format sarif writes no empty, passing log: stdout stays empty and an -o file keeps its bytes", () => {
    expectRefused(bin(["check", "missing-draft.md", "--against", SOURCES, "--format", "sarif"]), /no readable draft/);
    const out = join(folder("sarif"), "factcheck.sarif");
    writeFileSync(out, "previous log\n");
    expectRefused(bin(["check", "missing-draft.md", "--against", SOURCES, "--format", "sarif", "-o", out]), /no readable draft/);
    expect(readFileSync(out, "utf8")).toBe("previous log\n");
    expect(readdirSync(join(work, "sarif"))).toEqual(["factcheck.sarif"]);
  });
});

describe("--against before or after the drafts", () => {
  it("check --format unix --against SOURCES draft.md is the same run as with the draft first", () => {
    const first = bin(["check", DRAFT, "--against", SOURCES, "--format", "unix"]);
    const after = bin(["check", "--format", "unix", "--against", SOURCES, DRAFT]);
    const equals = bin(["check", "--format", "unix", `--against=${SOURCES}`, DRAFT]);
    expect(first.code).toBe(1);
    expect(lines(first.stdout)).toHaveLength(3);
    for (const run of [after, equals]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(first.stdout);
      expect(run.stderr).toBe(first.stderr);
    }
  });

  it("--against is repeated for more than one source path", () => {
    const split = folder("split");
    const [one, ...rest] = readdirSync(SOURCES).sort();
    mkdirSync(join(split, "a"));
    mkdirSync(join(split, "b"));
    cpSync(join(SOURCES, one!), join(split, "a", one!));
    for (const name of rest) cpSync(join(SOURCES, name), join(split, "b", name));
    const whole = bin(["check", DRAFT, "--against", SOURCES, "--format", "unix"]);
    const both = bin(["check", DRAFT, "--against", join(split, "a"), "--against", join(split, "b"), "--format", "unix"]);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe(whole.stdout);
  });
});

describe("a Markdown draft on stdin", () => {
  it("is read as Markdown (front matter, headings): the same findings as the file", () => {
    const fromFile = bin(["check", DRAFT, "--against", SOURCES, "--format", "unix"]);
    const fromStdin = bin(["check", "-", "--against", SOURCES, "--format", "unix"], { input: readFileSync(DRAFT) });
    expect(lines(fromFile.stdout)).toHaveLength(3);
    expect(fromStdin.code).toBe(fromFile.code);
    expect(fromStdin.stdout).toBe(fromFile.stdout.split(DRAFT).join("<stdin>"));
  });

  it("--stdin-filename decides: a .txt name reads it as plain text, a .md name as Markdown", () => {
    const asMarkdown = bin(["check", "-", "--stdin-filename", "brief.md", "--against", SOURCES, "--format", "unix"], { input: readFileSync(DRAFT) });
    expect(lines(asMarkdown.stdout)).toHaveLength(3);
    const asText = bin(["check", "-", "--stdin-filename", "brief.txt", "--against", SOURCES, "--format", "unix"], { input: readFileSync(DRAFT) });
    // as plain text, "**Sanae Takaichi**" keeps its asterisks and the wrong title is not read
    expect(lines(asText.stdout).every((l) => l.startsWith("brief.txt:"))).toBe(true);
    expect(asText.stdout).not.toContain("Sanae Takaichi");
  });
});

describe("the pre-commit hook checks only drafts", () => {
  const hook = readFileSync(".pre-commit-hooks.yaml", "utf8");
  const files = new RegExp(/^\s*files:\s*(.+)$/m.exec(hook)![1]!.trim());

  it("its file pattern takes drafts/ and leaves README.md, the sources and other text alone", () => {
    const staged = ["README.md", "CHANGELOG.md", "docs/guide.md", "sources/000.txt", "notes.txt", "drafts/summit.md", "site/drafts/brief.markdown", "drafts/wire.txt", "drafts/photo.jpg"];
    expect(staged.filter((f) => files.test(f))).toEqual(["drafts/summit.md", "site/drafts/brief.markdown", "drafts/wire.txt"]);
  });

  it("run as pre-commit runs it (entry, args, then the staged drafts), it fails a bad draft and passes a good one", () => {
    const entry = /^\s*entry:\s*(.+)$/m.exec(hook)![1]!.trim().split(/\s+/).slice(1);
    const repo = folder("repo");
    cpSync(SOURCES, join(repo, "sources"), { recursive: true });
    mkdirSync(join(repo, "drafts"));
    cpSync(DRAFT, join(repo, "drafts", "summit.md"));
    cpSync("fixtures/drafts/summit-faithful/draft.md", join(repo, "drafts", "faithful.md"));
    writeFileSync(join(repo, "README.md"), "# Newsroom\n\nDrafts go in drafts/, sources in sources/.\n");
    const staged = (names: string[]) => names.filter((f) => files.test(f));
    const bad = bin([...entry, "--against=sources/", ...staged(["README.md", "drafts/summit.md"])], { cwd: repo });
    expect(bad.code).toBe(1);
    expect(lines(bad.stdout).every((l) => l.startsWith("drafts/summit.md:"))).toBe(true);
    const good = bin([...entry, "--against", "sources/", ...staged(["README.md", "drafts/faithful.md"])], { cwd: repo });
    expect(good.code).toBe(0);
    expect(good.stdout).toBe("");
  });
});

describe("check's terminal report", () => {
  const pretty = (args: string[] = [], draft = DRAFT, sources = SOURCES) => bin(["check", draft, "--against", sources, "--no-color", ...args]);

  it("ends with a verdict line that agrees with the exit status", () => {
    const bad = pretty();
    expect(bad.code).toBe(1);
    expect(lines(bad.stdout).at(-1)).toBe(`${DRAFT}: 3 errors, 0 warnings — fails the gate`);
    const good = pretty([], "fixtures/drafts/summit-faithful/draft.md", "fixtures/drafts/summit-faithful/sources");
    expect(good.code).toBe(0);
    expect(lines(good.stdout).at(-1)).toMatch(/^fixtures\/drafts\/summit-faithful\/draft\.md: 0 errors, \d+ warnings? — passes the gate$/);
    const off = pretty(["--fail-on", "off"]);
    expect(off.code).toBe(0);
    expect(lines(off.stdout).at(-1)).toBe(`${DRAFT}: 3 errors, 0 warnings — passes the gate`);
  });

  it("with two drafts, a verdict for each (a faithful draft is not blamed for its neighbour's errors) and one for both", () => {
    const faithful = "fixtures/drafts/summit-faithful/draft.md";
    const run = bin(["check", DRAFT, faithful, "--against", SOURCES, "--no-color"]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout).slice(-3)).toEqual([`${faithful}: 0 errors, 0 warnings — passes the gate`, `${DRAFT}: 3 errors, 0 warnings — fails the gate`, "2 drafts: 3 errors, 0 warnings — fails the gate"]);
  });

  it("lists the draft's problems in its line order, the draft's sentence first and the sources' after", () => {
    const out = lines(pretty().stdout);
    const heads = out.filter((l) => l.startsWith(`${DRAFT}:`) && !l.includes("the gate"));
    expect(heads.map((l) => /:(\d+:\d+) /.exec(l)![1])).toEqual(["7:10", "7:120", "9:78"]);
    // within each block: the heading, the message, the draft's sentence, then the sources' values and quotes
    const first = out.indexOf(heads[0]!);
    expect(out[first + 2]).toMatch(/^ {2}draft {2}“Japanese President Sanae Takaichi met/);
    expect(out[first + 3]).toMatch(/^ {2}✔ Prime Minister {2}5 sources: /);
    expect(out[first + 4]).toMatch(/^ {6}000_f1ce621cbbf0e95a\.txt:2:10 {2}“Japanese Prime Minister Sanae Takaichi/);
  });

  it("gives each finding the same id with and without --verbose", () => {
    const idsOf = (stdout: string) => new Map(lines(stdout).filter((l) => l.startsWith(`${DRAFT}:`)).map((l) => [/:(\d+:\d+) /.exec(l)?.[1] ?? l, / (f\d+)$/.exec(l)?.[1]]));
    const plain = idsOf(pretty().stdout);
    const verbose = idsOf(pretty(["--verbose"]).stdout);
    expect(verbose.size).toBeGreaterThan(plain.size);
    for (const [at, id] of plain) expect(verbose.get(at)).toBe(id);
    const json = (args: string[]) => (JSON.parse(bin(["check", DRAFT, "--against", SOURCES, "--json", ...args]).stdout) as { findings: { id: string; severity: string; message: string }[] }).findings;
    const problems = json([]).map((f) => [f.id, f.message]);
    expect(json(["--verbose"]).filter((f) => f.severity !== "info").map((f) => [f.id, f.message])).toEqual(problems);
  });
});

describe("the README says what check does, as it does it", () => {
  // each ``` block that opens with `$ factcheck check …`: the command, then what it prints
  const examples = [...readFileSync("README.md", "utf8").matchAll(/^```\n\$ (factcheck check [^\n]+)\n([\s\S]*?)^```$/gm)].map((m) => ({ command: m[1]!, shown: m[2]! }));

  it("has examples of check's unix report, its terminal report and an unreadable draft", () => {
    expect(examples.some((e) => e.command.includes("--format unix"))).toBe(true);
    expect(examples.some((e) => e.command.includes("missing-draft.md"))).toBe(true);
    expect(examples.some((e) => !e.command.includes("--format") && e.shown.includes("the gate"))).toBe(true);
  });

  it.each(examples.map((e) => [e.command, e] as const))("%s prints what the README shows", (_command, { command, shown }) => {
    const run = bin([...command.split(/\s+/).slice(1), "--no-color"]);
    const printed = `${run.stdout}${run.stderr}`;
    if (!shown.includes("…")) {
      expect(printed).toBe(shown);
      return;
    }
    // an abbreviated example: each line shown whole is printed, in the order shown
    let from = 0;
    for (const line of shown.split("\n").filter((l) => l !== "" && !l.endsWith("…") && l.trim() !== "…")) {
      const at = printed.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }
  });
});
