import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";

/**
 * Bad arguments and bad config: exit status 2 and exactly one line on stderr that names the
 * problem, never a stack trace; with --debug, an internal error's stack is shown.
 */

const STACK = /^ {4}at /m;

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    callback();
  }
}

async function run(argv: readonly string[], stdin: NodeJS.ReadableStream = Readable.from([])): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(argv, { stdout, stderr, stdin, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const lines = (text: string) => text.split("\n").filter((line, i, all) => !(line === "" && i === all.length - 1));

const dir = mkdtempSync(join(tmpdir(), "factcheck-args-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const notJson = file("not-json.json", "{ format: unix,\n");
const unknownKey = file("unknown-key.json", JSON.stringify({ format: "unix", colour: true }));
const unknownLexiconKey = file("unknown-lexicon-key.json", JSON.stringify({ lexicon: { tittles: ["harbour master"] } }));
const wrongType = file("wrong-type.json", JSON.stringify({ failOn: 3 }));
const wrongNestedType = file("wrong-nested-type.json", JSON.stringify({ lexicon: { titles: "harbour master" } }));
const badEnum = file("bad-enum.json", JSON.stringify({ format: "yaml" }));
const arrayConfig = file("array.json", "[]");
const factsNotJson = file("facts-not-json.json", "people: []");
const factsBadSchema = file("facts-bad.json", JSON.stringify({ people: [{ name: "Sanae Takaichi" }] }));
const factsBadDate = file("facts-bad-date.json", JSON.stringify({ event: { date: "13 January 2026" } }));
const factsNoDay = file("facts-no-day.json", JSON.stringify({ event: { date: "2026-14-31" } }));
const missing = join(dir, "does-not-exist.json");

describe("bad arguments and config: exit 2, one line naming the problem, no stack", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown flag", ["seeds", "--frobnicate"], /^factcheck: unknown option '--frobnicate'/],
    ["an unknown flag of check", ["check", "seeds/000_f1ce621cbbf0e95a.txt", "--against", "seeds", "--frobnicate"], /^factcheck: unknown option '--frobnicate'/],
    ["a bad --format", ["seeds", "--format", "yaml"], /^factcheck: .*--format.*'yaml' is invalid/],
    ["a bad --fail-on", ["seeds", "--fail-on", "sometimes"], /^factcheck: .*--fail-on.*'sometimes' is invalid/],
    ["a config file that is not JSON", ["seeds", "--config", notJson], new RegExp(`^factcheck: ${notJson}: not JSON \\(`)],
    ["a config file with an unknown key", ["seeds", "--config", unknownKey], new RegExp(`^factcheck: ${unknownKey}: colour: unknown key$`)],
    ["a config file with an unknown lexicon key", ["seeds", "--config", unknownLexiconKey], new RegExp(`^factcheck: ${unknownLexiconKey}: lexicon\\.tittles: unknown key$`)],
    ["a config file with a wrong type", ["seeds", "--config", wrongType], new RegExp(`^factcheck: ${wrongType}: failOn: `)],
    ["a config file with a wrong nested type", ["seeds", "--config", wrongNestedType], new RegExp(`^factcheck: ${wrongNestedType}: lexicon\\.titles: `)],
    ["a config file with a value not allowed", ["seeds", "--config", badEnum], new RegExp(`^factcheck: ${badEnum}: format: `)],
    ["a config file that is an array", ["seeds", "--config", arrayConfig], new RegExp(`^factcheck: ${arrayConfig}: \\(top level\\): `)],
    ["a config file that does not exist", ["seeds", "--config", missing], new RegExp(`^factcheck: ${missing}: cannot be read \\(ENOENT\\)$`)],
    ["a facts file that is not JSON", ["seeds", "--facts", factsNotJson], new RegExp(`^factcheck: ${factsNotJson}: not JSON \\(`)],
    ["a facts file that fails its schema", ["seeds", "--facts", factsBadSchema], new RegExp(`^factcheck: ${factsBadSchema}: people\\.0\\.role: `)],
    ["a facts file with a date that is not ISO", ["seeds", "--facts", factsBadDate], new RegExp(`^factcheck: ${factsBadDate}: event\\.date: an ISO date`)],
    ["a facts file with a date of the right shape that is no day", ["seeds", "--facts", factsNoDay], new RegExp(`^factcheck: ${factsNoDay}: event\\.date: no date of the calendar`)],
    ["a facts file that does not exist", ["seeds", "--facts", missing], new RegExp(`^factcheck: ${missing}: cannot be read \\(ENOENT\\)$`)],
    ["--jobs 0", ["seeds", "--jobs", "0"], /^factcheck: --jobs takes a whole number of threads, not "0"$/],
    ["--jobs 1.5", ["seeds", "--jobs", "1.5"], /^factcheck: --jobs takes a whole number of threads, not "1\.5"$/],
    ["--max-warnings x", ["seeds", "--max-warnings", "x"], /^factcheck: --max-warnings takes a whole number, not "x"$/],
    ["--max-warnings -1", ["seeds", "--max-warnings=-1"], /^factcheck: --max-warnings takes a whole number, not "-1"$/],
    ["--max-file-size lots", ["seeds", "--max-file-size", "lots"], /^factcheck: --max-file-size takes a size in bytes \(e\.g\. 5M\), not "lots"$/],
    ["no inputs at all", [], /^factcheck: missing required argument 'inputs'/],
    ["check without --against", ["check", "seeds/000_f1ce621cbbf0e95a.txt"], /^factcheck: required option '--against <sources>' not specified/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(lines(r.stderr), r.stderr).toHaveLength(1);
      expect(lines(r.stderr)[0]).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe("");
    });
  }

  it("a path that does not exist, beside one that does: a warning naming it, and the run goes on", async () => {
    const r = await run(["seeds/000_f1ce621cbbf0e95a.txt", "seeds/no-such-article.txt", "--format", "unix"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("factcheck: warning: seeds/no-such-article.txt: no such file or folder\n");
  });

  it("a bad flag is reported before any input is read: stdin is never consumed", async () => {
    let read = false;
    const stdin = new Readable({
      read() {
        read = true;
        this.push(null);
      },
    });
    const r = await run(["-", "--format", "yaml"], stdin);
    expect(r.code).toBe(2);
    expect(read).toBe(false);
  });

  it("through the real bin, with a broken factcheck.config.json found upward from the working folder", () => {
    const project = mkdtempSync(join(dir, "project-"));
    writeFileSync(join(project, "factcheck.config.json"), '{"format": "unix",}');
    const r = spawnSync(process.execPath, [resolve("bin/factcheck.js"), resolve("seeds")], { cwd: project, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^factcheck: .*factcheck\.config\.json: not JSON \(/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe("");
  });
});

describe("an internal error: one line, and the stack with --debug", () => {
  /** stdin that fails mid-read, as a broken pipe or a device error would: an error no flag explains */
  const failingStdin = () =>
    new Readable({
      read() {
        this.destroy(new Error("device went away"));
      },
    });

  it("without --debug: one line, no stack", async () => {
    const r = await run(["-"], failingStdin());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("factcheck: device went away\n");
  });

  it("with --debug: the message, then the stack", async () => {
    const r = await run(["-", "--debug"], failingStdin());
    expect(r.code).toBe(2);
    const [first, second] = lines(r.stderr);
    expect(first).toBe("factcheck: device went away");
    expect(second).toBe("Error: device went away");
    expect(r.stderr).toMatch(STACK);
  });

  it("with --debug, a usage error is still one line: the stack is for internal errors only", async () => {
    const r = await run(["seeds", "--jobs", "0", "--debug"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['factcheck: --jobs takes a whole number of threads, not "0"']);
  });
});
