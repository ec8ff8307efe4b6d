import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers.js";
import { extract } from "../../src/extract/index.js";
import { toArticle } from "../../src/ingest/index.js";

// Each case here is a bug the hostile-input tests found, with the test that would have caught it.

const run = (args: string[]) => runCli(args);

describe("hostile-input regressions", () => {
  it("JSON output writes C1 controls, bidi overrides and zero-width characters as escapes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "factcheck-json-"));
    writeFileSync(join(dir, "a.txt"), " date 2026-01-13 Headline\nPrime Minister Ana\u202eRuiz met President Jon\u009bHolm\u200b in Velm on Tuesday.\n");
    const { stdout } = await run([dir, "--json"]);
    expect(stdout).not.toMatch(/[\u0080-\u009f\u202e\u200b]/);
    expect(stdout).toContain("\\u202e");
    expect(JSON.parse(stdout)).toHaveProperty("schemaVersion", 1);
  });

  it("a warning never carries a raw escape sequence from a file name to the terminal", async () => {
    const dir = mkdtempSync(join(tmpdir(), "factcheck-name-"));
    writeFileSync(join(dir, "x\u001b]0;pwned\u0007.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    writeFileSync(join(dir, "ok.txt"), " date 2026-01-13 Headline\nPrime Minister Ana Ruiz met in Velm.\n");
    const { stderr } = await run([dir, "--json"]);
    expect(stderr).toContain("binary file skipped");
    expect(stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it("a facts file naming a place 'constructor' or '__proto__' is a place like any other", async () => {
    const dir = mkdtempSync(join(tmpdir(), "factcheck-facts-"));
    writeFileSync(join(dir, "facts.json"), JSON.stringify({ event: { location: "constructor" }, places: [{ name: "__proto__", within: "toString" }] }));
    const { code, stderr } = await run(["seeds/", "--facts", join(dir, "facts.json"), "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("long runs without a space stay fast (wink is quadratic on them)", () => {
    for (const text of ["Ab-".repeat(50_000), "a".repeat(100_000), "a\u0301".repeat(50_000)]) {
      const started = Date.now();
      extract(toArticle({ id: "a.txt", path: "a.txt", text }));
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});
