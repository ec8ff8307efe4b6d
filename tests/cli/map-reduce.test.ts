import { execFileSync, execSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const node = (args: string[], input?: string) => execFileSync("node", ["bin/factcheck.js", ...args], { encoding: "utf8", input, maxBuffer: 1 << 26 });
const hasParallel = (() => {
  try {
    execSync("command -v parallel", { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("extract | reconcile: the map and the reduce", () => {
  it("give byte for byte the report of the one-shot command", () => {
    const records = node(["extract", "seeds/"]);
    expect(records.trim().split("\n")).toHaveLength(5);
    for (const format of ["json", "unix", "sarif"]) {
      expect(node(["reconcile", "--format", format], records)).toBe(node(["seeds/", "--format", format]));
    }
  });

  it("a bad record line is a warning naming its line; the rest are read", () => {
    const records = node(["extract", "seeds/"]).trim().split("\n");
    let stderr = "";
    let stdout = "";
    try {
      stdout = execFileSync("node", ["bin/factcheck.js", "reconcile", "--json"], { encoding: "utf8", input: [records[0], "{not json", '{"id":"x"}', ...records.slice(1)].join("\n"), stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    const report = JSON.parse(stdout) as { sources: unknown[]; warnings: string[] };
    expect(report.sources).toHaveLength(5);
    expect(report.warnings).toEqual(["<stdin>:2: not JSON, skipped", "<stdin>:3: not a factcheck record (path: Invalid input: expected string, received undefined), skipped"]);
    expect(stderr).toBe("");
  });

  it.skipIf(!hasParallel)("sharded over processes by GNU parallel (as over --sshlogin hosts), the reduce gives the one-shot report", () => {
    if (!hasParallel) console.warn("GNU parallel is not installed: the sharded map-reduce test is skipped");
    const files = readdirSync("seeds").map((f) => `seeds/${f}`).sort();
    // one process per article, in any order: the map is pure
    const sharded = execSync(`printf '%s\\n' ${files.join(" ")} | parallel --will-cite -j3 node bin/factcheck.js extract {}`, { encoding: "utf8" });
    expect(sharded.trim().split("\n")).toHaveLength(5);
    expect(node(["reconcile", "--json"], sharded)).toBe(node([...files, "--json"]));
  });
});
