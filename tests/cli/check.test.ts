import { readdirSync, readFileSync } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { runCli } from "../helpers.js";
import { check } from "../../src/index.js";

// Draft cases are folders: sources/ + draft.md + expected.json (the errors at draft line:column).
interface Expected {
  exit: number;
  errors: { line: number; column: number; attribute: string; value: string }[];
}
const cases = readdirSync("fixtures/drafts").sort();

const run = (args: string[]) => runCli(args);

const positions = (expected: Expected) => expected.errors.map((e) => `${e.line}:${e.column}`).sort();

describe.each(cases)("factcheck check on fixtures/drafts/%s", (name) => {
  const dir = `fixtures/drafts/${name}`;
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, "utf8")) as Expected;
  const args = ["check", `${dir}/draft.md`, "--against", `${dir}/sources`];

  it("the library reports exactly the expected errors, at the draft's own line and column", async () => {
    const report = await check([`${dir}/draft.md`], [`${dir}/sources`]);
    const claims = new Map(report.claims.map((c) => [c.id, c]));
    const draft = report.sources.find((s) => s.draft)!;
    const errors = report.findings
      .filter((f) => f.severity === "error")
      .map((f) => {
        const own = f.values.filter((v) => v.sources.includes(draft.id) && v.normalized !== f.consensus).flatMap((v) => v.claims).map((id) => claims.get(id)!).find((c) => c.source === draft.id)!;
        return { line: own.evidence.line, column: own.evidence.column, attribute: f.attribute, value: own.value.text };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
    expect(errors).toEqual(expected.errors);
    expect(draft.draft).toBe(true);
  });

  it("exits with the expected code, and unix lines point at the draft", async () => {
    const { code, stdout } = await run([...args, "--format", "unix"]);
    expect(code).toBe(expected.exit);
    const errorLines = stdout.split("\n").filter((l) => / error: /.test(l));
    expect(errorLines.map((l) => /:(\d+):(\d+): error:/.exec(l)!.slice(1, 3).join(":")).sort()).toEqual(positions(expected));
    for (const l of errorLines) expect(l.startsWith(`${dir}/draft.md:`)).toBe(true);
  });

  it("sarif results carry the same regions", async () => {
    const { stdout } = await run([...args, "--format", "sarif"]);
    const log = JSON.parse(stdout) as { runs: { results: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const errors = log.runs[0]!.results.filter((r) => r.level === "error").map((r) => r.locations[0]!.physicalLocation);
    expect(errors.map((p) => `${p.region.startLine}:${p.region.startColumn}`).sort()).toEqual(positions(expected));
    for (const p of errors) expect(p.artifactLocation.uri).toBe(`${dir}/draft.md`);
  });

  it("json, markdown and pretty name the same places", async () => {
    const json = JSON.parse((await run([...args, "--json"])).stdout) as { findings: { severity: string }[] };
    expect(json.findings.filter((f) => f.severity === "error")).toHaveLength(expected.errors.length);
    const markdown = (await run([...args, "--format", "markdown"])).stdout;
    const pretty = (await run([...args, "--no-color"])).stdout;
    for (const p of positions(expected)) {
      expect(markdown).toContain(`draft.md:${p}`);
      expect(pretty).toContain(`draft.md:${p}`);
    }
  });
});

describe("check options", () => {
  const dir = "fixtures/drafts/summit-three-errors";
  it("--fail-on off exits 0 even with errors; --quiet keeps errors only", async () => {
    expect((await run(["check", `${dir}/draft.md`, "--against", `${dir}/sources`, "--fail-on", "off", "--format", "unix"])).code).toBe(0);
    const quiet = (await run(["check", `${dir}/draft.md`, "--against", `${dir}/sources`, "--quiet", "--format", "unix"])).stdout;
    expect(quiet.split("\n").filter(Boolean).every((l) => / error: /.test(l))).toBe(true);
  });

  it("a draft on stdin takes the name --stdin-filename gives it", async () => {
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (d: Buffer) => (out += d.toString()));
    const code = await main(["check", "-", "--stdin-filename", "brief.md", "--against", `${dir}/sources`, "--format", "unix"], {
      stdout, stderr: new PassThrough(), stdin: Readable.from([readFileSync(`${dir}/draft.md`)]), env: {},
    });
    expect(code).toBe(1);
    expect(out.split("\n").filter(Boolean).every((l) => l.startsWith("brief.md:"))).toBe(true);
  });

  it("--unsupported error makes a claim no source gives an error", async () => {
    const report = await check([`${dir}/draft.md`], [`${dir}/sources`], { unsupported: "error" });
    expect(report.findings.filter((f) => f.kind === "uncorroborated").every((f) => f.severity === "error")).toBe(true);
  });
});
