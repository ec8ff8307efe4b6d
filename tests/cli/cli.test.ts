import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type CliIO } from "../../src/cli/index.js";
import type { Report } from "../../src/model/report.js";

/** A stdout/stderr that collects what is written to it. */
class Collector extends Writable {
  chunks: string[] = [];
  isTTY?: boolean;
  columns?: number;
  constructor(isTTY?: boolean) {
    super();
    if (isTTY !== undefined) this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    callback();
  }
  get text(): string {
    return this.chunks.join("");
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  isTTY?: boolean;
}

async function run(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
  const stdout = new Collector(options.isTTY);
  const stderr = new Collector();
  const io: CliIO = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin, "utf8")]),
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** stderr split into its lines, without the final empty one. */
const linesOf = (text: string): string[] => text.split("\n").filter((line, i, all) => !(line === "" && i === all.length - 1));

const ESCAPE = "\x1b[";

const SUMMARY_LINE =
  /^factcheck: 5 sources, \d+ claims? — \d+ contradictions?, \d+ agreements?, \d+ uncorroborated(, \d+ updates?)?$/;

/** The real bin, as a user runs it; exit code and both streams, whatever the code. */
function bin(args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  // the child's colour comes only from what the test gives it
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  const childEnv: NodeJS.ProcessEnv = { ...inherited, ...env };
  try {
    const stdout = execFileSync("node", ["bin/factcheck.js", ...args], { encoding: "utf8", env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number | null; stdout: string; stderr: string };
    return { code: e.status ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("factcheck --help and --version", () => {
  it("--help prints every option and the examples, exit 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const option of ["-V, --version", "-f, --format <format>", "--json", "-o, --output <file>", "--fail-on <level>", "--color", "--no-color", "--debug", "-h, --help"]) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain("Usage: factcheck [options] [command] <inputs...>");
    expect(r.stdout).toContain("\nExamples:\n");
    expect(r.stdout).toContain("$ factcheck seeds/ --fail-on error");
  });

  it("--version prints 0.1.0, exit 0", async () => {
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("0.1.0\n");
    expect(r.stderr).toBe("");
  });
});

describe("factcheck could not run: exit 2, one line on stderr", () => {
  it("an unknown flag", async () => {
    const r = await run(["--bogus", "seeds/"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^factcheck: .*--bogus/);
    expect(r.stderr).not.toContain("    at ");
  });

  it("a path that does not exist: one line that names it and says why", async () => {
    const r = await run(["no/such/folder/"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(linesOf(r.stderr)).toEqual(["factcheck: no readable input in no/such/folder/ (no/such/folder/: no such file or folder)"]);
  });

  it("--format bogus", async () => {
    const r = await run(["seeds/", "--format", "bogus"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^factcheck: .*bogus/);
    expect(r.stderr).not.toContain("    at ");
  });
});

describe("factcheck seeds/", () => {
  let json: Run;
  let report: Report;
  beforeAll(async () => {
    json = await run(["seeds/", "--json"]);
    report = JSON.parse(json.stdout) as Report;
  });

  it("--json prints only JSON, with the five sources and the two role contradictions", () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe("");
    expect(json.stdout.endsWith("}\n")).toBe(true);
    expect(report.summary.sources).toBe(5);
    const contradiction = (name: string) =>
      report.findings.find((f) => f.kind === "contradiction" && f.attribute === "role" && f.subject.name === name);
    const takaichi = contradiction("Sanae Takaichi");
    const lee = contradiction("Lee Jae Myung");
    expect(takaichi).toBeDefined();
    expect(lee).toBeDefined();
    expect(takaichi!.values.map((v) => v.normalized)).toContain("president");
    expect(lee!.values.map((v) => v.normalized)).toContain("opposition leader");
  });

  it("pretty output starts with the one-line summary", async () => {
    const r = await run(["seeds/"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(SUMMARY_LINE);
  });

  it("--fail-on error exits 1; the default exits 0", async () => {
    expect((await run(["seeds/", "--fail-on", "error"])).code).toBe(1);
    expect((await run(["seeds/"])).code).toBe(0);
  });
});

describe("stdin", () => {
  it("- reads one article from stdin", async () => {
    const text = "Ferry service resumes\nThe ferry between Velmora and Kestrel Island resumed on Tuesday, the harbour master Ilse Brandvik said.\n";
    const r = await run(["-", "--json"], { stdin: text });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.sources).toBe(1);
    expect(report.sources[0]!.id).toBe("<stdin>");
    expect(report.sources[0]!.title).toBe("Ferry service resumes");
  });
});

describe("colour", () => {
  it("NO_COLOR=1 (FORCE_COLOR unset): no escapes, even on a terminal", async () => {
    const r = await run(["seeds/"], { env: { NO_COLOR: "1" }, isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESCAPE);
  });

  it("FORCE_COLOR=1: escapes, even on a pipe", async () => {
    const r = await run(["seeds/"], { env: { FORCE_COLOR: "1" }, isTTY: false });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ESCAPE);
  });

  it("--no-color: no escapes, even on a terminal with FORCE_COLOR=1", async () => {
    const r = await run(["seeds/", "--no-color"], { env: { FORCE_COLOR: "1" }, isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESCAPE);
  });

  it("a non-TTY stdout and no colour variables: no escapes", async () => {
    const r = await run(["seeds/"], { env: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESCAPE);
  });
});

describe("-o FILE", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "factcheck-cli-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the report to the file and nothing on stdout", async () => {
    const file = join(dir, "report.txt");
    const r = await run(["seeds/", "-o", file], { env: { FORCE_COLOR: "1" }, isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("");
    expect(existsSync(file)).toBe(true);
    const written = readFileSync(file, "utf8");
    expect(written.split("\n")[0]).toMatch(SUMMARY_LINE);
    expect(written).not.toContain(ESCAPE);
  });

  it("--json -o FILE writes JSON to the file", async () => {
    const file = join(dir, "report.json");
    const r = await run(["seeds/", "--json", "--output", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const report = JSON.parse(readFileSync(file, "utf8")) as Report;
    expect(report.summary.sources).toBe(5);
  });
});

describe("the real bin (after npm run build)", () => {
  it("--version", () => {
    const r = bin(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("0.1.0\n");
  });

  it("an unknown flag: exit 2, one line, no stack trace", () => {
    const r = bin(["--bogus", "seeds/"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^factcheck: /);
    expect(r.stderr).not.toContain("    at ");
  });

  it("seeds/ on a pipe: the summary line, no colour; --json parses", () => {
    const pretty = bin(["seeds/"]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout.split("\n")[0]).toMatch(SUMMARY_LINE);
    expect(pretty.stdout).not.toContain(ESCAPE);
    const json = bin(["seeds/", "--json"]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as Report).summary.sources).toBe(5);
  });
});
