import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The command line as a new user meets it, through the built CLI: help for a command, a mistyped
 * command, a mistyped option, a name for stdin, and what is said about an article with no date.
 */

const BIN = resolve("bin/factcheck.js");
const dir = mkdtempSync(join(tmpdir(), "factcheck-commands-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bin(args: readonly string[], options: { cwd?: string; input?: string } = {}): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? process.cwd(), input: options.input ?? "", encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string) => text.split("\n").filter((line, i, all) => !(line === "" && i === all.length - 1));

describe("help and mistyped commands", () => {
  it("factcheck help check: check's help, exit 0", () => {
    const r = bin(["help", "check"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Usage: factcheck check \[options\] <drafts\.\.\.>/);
    expect(r.stdout).toContain("--against <sources>");
  });

  it("factcheck help chek: not a command, and which one was meant", () => {
    const r = bin(["help", "chek"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(["factcheck: 'chek' is not a command (did you mean check?)"]);
  });

  it("factcheck chek: did you mean check?, one line, exit 2", () => {
    const r = bin(["chek", "draft.md", "--against", "seeds/"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual(["factcheck: 'chek' is not a command, file or folder (did you mean check?)"]);
  });

  it("a real folder named like a command is still an input", () => {
    const project = join(dir, "project");
    mkdirSync(project, { recursive: true });
    cpSync("fixtures/ferry-sinking/articles", join(project, "chek"), { recursive: true });
    const r = bin(["chek", "--format", "unix"], { cwd: project });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^chek\/a0\d\.txt:\d+:\d+: /m);
  });

  it("--ouput: the suggestion on the same line, one line on stderr, exit 2", () => {
    for (const args of [["seeds/", "--ouput", "r.txt"], ["check", "d.md", "--against", "seeds/", "--ouput", "r.txt"]]) {
      const r = bin(args);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual(["factcheck: unknown option '--ouput' (did you mean --output?)"]);
    }
  });
});

describe("--stdin-filename on the main command", () => {
  const article = "---\ntitle: Depot fire\ndate: 2026-03-03\n---\n# Depot fire\n\nFirefighters said on Tuesday that 12 people were hurt at the depot.\n";

  it("names the article read from stdin, as for check", () => {
    const r = bin(["-", "--stdin-filename", "brief.md", "--format", "unix"], { input: article });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^brief\.md:7:\d+: /m);
    expect(r.stdout).not.toContain("<stdin>");
  });
});

describe("an article with no date to resolve its relative dates against", () => {
  const text = "Depot fire\n\nFirefighters said on Tuesday that 12 people were hurt. Yesterday the mayor said 14 were hurt, and last week 3.\n";
  const file = join(dir, "undated.txt");
  writeFileSync(file, text);

  it("one warning, in the article's own words, with line and column", () => {
    const r = bin([file, "--format", "unix"]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([`factcheck: warning: ${file}:3:19: no date to resolve "on Tuesday" and 2 other relative dates ("Yesterday", "last week") against; left out`]);
  });

  it("check with the draft among its sources: still one warning for it", () => {
    const r = bin(["check", file, "--against", file, "--format", "unix"]);
    expect(lines(r.stderr).filter((l) => l.includes("no date to resolve"))).toHaveLength(1);
  });
});
