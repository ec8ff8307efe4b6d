import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

const draftCase = "fixtures/drafts/summit-three-errors";

function runBin(args: string[]): { code: number; stdout: string } {
  try {
    return { code: 0, stdout: execFileSync("node", ["bin/factcheck.js", ...args], { encoding: "utf8" }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, stdout: e.stdout };
  }
}

it("the pre-commit hook's entry, with the args the README gives and the staged files, fails on a bad draft", () => {
  const hook = readFileSync(".pre-commit-hooks.yaml", "utf8");
  const entry = /^\s*entry:\s*(.+)$/m.exec(hook)![1]!.trim().split(/\s+/);
  expect(entry[0]).toBe("factcheck");
  const readmeArgs = /args: \[(--against=[^\]]+)\]/.exec(readFileSync("README.md", "utf8"))![1]!;
  expect(readmeArgs).toBe("--against=sources/");
  // pre-commit runs: entry, then args, then the file names
  const { code, stdout } = runBin([...entry.slice(1), `--against=${draftCase}/sources`, `${draftCase}/draft.md`]);
  expect(code).toBe(1);
  expect(stdout.trim().split("\n")).toHaveLength(3);
  // the hook takes the drafts, not every Markdown file of the repository (README.md is no draft)
  const files = new RegExp(/^\s*files:\s*(.+)$/m.exec(hook)![1]!.trim());
  expect(files.test("drafts/draft.md")).toBe(true);
  expect(files.test("README.md")).toBe(false);
});

it("the README's GitHub Actions step writes a SARIF file that code scanning can take", () => {
  const step = /run: npx --yes (factcheck check .+)$/m.exec(readFileSync("README.md", "utf8"))![1]!.split(/\s+/);
  expect(step).toEqual(["factcheck", "check", "drafts/", "--against", "sources/", "--format", "sarif", "--output", "factcheck.sarif", "--fail-on", "off"]);
  const out = join(mkdtempSync(join(tmpdir(), "factcheck-")), "factcheck.sarif");
  const args = step.slice(1).map((a) => (a === "drafts/" ? `${draftCase}/draft.md` : a === "sources/" ? `${draftCase}/sources` : a === "factcheck.sarif" ? out : a));
  const { code, stdout } = runBin(args);
  expect(code).toBe(0);
  expect(stdout).toBe("");
  const log = JSON.parse(readFileSync(out, "utf8")) as { version: string; runs: { results: unknown[] }[] };
  expect(log.version).toBe("2.1.0");
  expect(log.runs[0]!.results).toHaveLength(3);
});
