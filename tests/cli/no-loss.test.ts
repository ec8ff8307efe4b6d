import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, expectRefused, lines } from "./bin.js";

/**
 * Nothing is lost, nothing overwritten: -o never replaces or feeds an input, factcheck never reads
 * back what it wrote, the config's ignore and facts mean the same from any folder, and reference
 * facts speak only to their own story. Through the real bin (node bin/factcheck.js, on dist/).
 */

const work = mkdtempSync(join(tmpdir(), "factcheck-no-loss-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of seeds/ (five articles about one summit) under the work folder. */
function seedsCopy(name: string): string {
  const dir = join(work, name);
  cpSync("seeds", dir, { recursive: true });
  return dir;
}

/** Every file under a folder, dotfiles included, with its bytes' hash and modification time. */
function fingerprint(root: string): string {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) visit(path);
      else out.push(`${relative(root, path)} ${createHash("sha256").update(readFileSync(path)).digest("hex")} ${info.mtimeMs}`);
    }
  };
  visit(root);
  return out.join("\n");
}

interface JsonReport {
  sources: { id: string; path: string }[];
  claims: { source: string; evidence: { quote: string } }[];
  findings: { story?: string; severity: string; values: { sources: string[] }[] }[];
  summary: { sources: number; claims: number; contradictions: number };
  stories?: { id: string; sources: string[] }[];
  warnings?: string[];
}

describe("-o never replaces an input nor writes into an input folder", () => {
  it("an article of the folder read is refused, exit 2, and the folder is left as it was", () => {
    const seeds = seedsCopy("over");
    const before = fingerprint(seeds);
    const article = join(seeds, readdirSync(seeds).sort()[0]!);
    expectRefused(bin([seeds, "-o", article]), /^factcheck: refusing to write .*000_f1ce621cbbf0e95a\.txt: it is inside the input folder /);
    expectRefused(bin([seeds, "-o", join(seeds, "report.txt")]), /^factcheck: refusing to write .*report\.txt: it is inside the input folder /);
    expectRefused(bin([article, "-o", article, "--json"]), /^factcheck: refusing to write .*: it is one of the inputs/);
    expectRefused(bin(["check", article, "--against", seeds, "-o", article]), /^factcheck: refusing to write /);
    expectRefused(bin(["extract", seeds, "-o", join(seeds, "claims.ndjson")]), /^factcheck: refusing to write /);
    expect(fingerprint(seeds)).toBe(before);
  });

  it("the same file reached through another spelling is caught too", () => {
    const seeds = seedsCopy("spelling");
    const before = fingerprint(seeds);
    expectRefused(bin(["spelling/", "-o", "spelling/./sub/../000_f1ce621cbbf0e95a.txt"], { cwd: work }), /^factcheck: refusing to write /);
    expect(fingerprint(seeds)).toBe(before);
  });
});

describe("factcheck never reads back a report it wrote", () => {
  it("reports of every format left in the input folder are skipped with a warning each, and count nowhere", () => {
    const clean = JSON.parse(bin(["seeds/", "--json"]).stdout) as JsonReport;
    const seeds = seedsCopy("left");
    const outputs: [string, string[]][] = [
      ["report.json", ["--json"]],
      ["report.sarif.json", ["--format", "sarif"]],
      ["report.txt", ["--no-color"]],
      ["report-colour.txt", ["--color"]],
      ["problems.txt", ["--format", "unix"]],
      ["report.md", ["--format", "markdown"]],
      ["report.html", ["--format", "html"]],
    ];
    for (const [name, args] of outputs) writeFileSync(join(seeds, name), bin(["seeds/", ...args]).stdout);
    writeFileSync(join(seeds, "claims.ndjson"), bin(["extract", "seeds/"]).stdout);
    writeFileSync(join(seeds, "check.txt"), bin(["check", "fixtures/drafts/summit-three-errors/draft.md", "--against", "seeds/", "--no-color"]).stdout);
    const run = bin([seeds, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary).toEqual(clean.summary);
    expect(report.sources.map((s) => s.id)).toEqual(clean.sources.map((s) => s.id));
    const skipped = lines(run.stderr).filter((l) => / a factcheck .*, not an article: skipped$/.test(l));
    expect(skipped.map((l) => /\/left\/([^:]+):/.exec(l)![1]).sort()).toEqual([...outputs.map(([n]) => n), "claims.ndjson", "check.txt"].sort());
  });

  it("an article that merely mentions factcheck is still read", () => {
    const dir = join(work, "mention");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.txt"), "factcheck: the council says 12 sources, 40 claims were reviewed.\n\nThe council of Velmora approved the harbour plan on Tuesday, with twelve votes in favour.\n");
    const run = bin([dir, "--json"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).summary.sources).toBe(1);
  });
});

describe("-o into a folder that does not exist", () => {
  it("says which folder does not exist, exit 2, and leaves no temporary file", () => {
    const missing = join(work, "no-such-folder", "deeper");
    expectRefused(bin(["seeds/", "-o", join(missing, "r.txt")]), new RegExp(`^factcheck: cannot write .*r\\.txt: the folder ${missing} does not exist$`));
    expectRefused(bin(["extract", "seeds/", "-o", join(missing, "claims.ndjson")]), /^factcheck: cannot write .*claims\.ndjson: the folder .* does not exist$/);
    expectRefused(bin(["check", "fixtures/drafts/summit-three-errors/draft.md", "--against", "seeds/", "-o", "no-such-folder/r.sarif"], { cwd: process.cwd() }), /^factcheck: cannot write no-such-folder\/r\.sarif: the folder no-such-folder does not exist$/);
    expect(existsSync(join(work, "no-such-folder"))).toBe(false);
  });
});

describe("the config's ignore and facts", () => {
  /** news/: a config, a facts file, sources/ and sources/archive/ (a second copy of one article, its figures changed) */
  function newsroom(): string {
    const news = join(work, `news-${Math.random().toString(36).slice(2)}`);
    cpSync("seeds", join(news, "sources"), { recursive: true });
    mkdirSync(join(news, "sources", "archive"));
    const text = readFileSync("seeds/000_f1ce621cbbf0e95a.txt", "utf8").replace(/Prime Minister/g, "President");
    writeFileSync(join(news, "sources", "archive", "old.txt"), text);
    mkdirSync(join(news, "desk", "today"), { recursive: true });
    writeFileSync(join(news, "facts.json"), JSON.stringify({ people: [{ name: "Sanae Takaichi", role: "Prime Minister" }] }));
    writeFileSync(join(news, "factcheck.config.json"), JSON.stringify({ ignore: ["sources/archive/**"], facts: "facts.json" }));
    return news;
  }

  const noArchive = (report: JsonReport) => {
    expect(report.sources.some((s) => s.path.includes("archive"))).toBe(false);
    expect(report.claims.some((c) => c.source.includes("archive") || c.evidence.quote.includes("old.txt"))).toBe(false);
    expect(report.findings.some((f) => f.values.some((v) => v.sources.some((s) => s.includes("archive"))))).toBe(false);
    expect(report.summary.sources).toBe(report.sources.length);
  };

  it("ignored files are never read: not counted in the summary, not quoted, from the config's folder", () => {
    const news = newsroom();
    const run = bin(["sources/", "--json"], { cwd: news });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    noArchive(report);
    expect(report.sources.filter((s) => !s.path.endsWith("facts.json"))).toHaveLength(5);
  });

  it("ignore and facts are relative to the config file's folder, whatever folder the command runs in", () => {
    const news = newsroom();
    const fromTop = JSON.parse(bin(["sources/", "--json"], { cwd: news }).stdout) as JsonReport;
    const run = bin(["../../sources/", "--json"], { cwd: join(news, "desk", "today") });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    noArchive(report);
    expect(report.summary).toEqual(fromTop.summary);
    // the facts file of the config's folder was read, as a trusted source
    expect(report.sources.some((s) => s.path.endsWith("facts.json"))).toBe(true);
  });

  it("check applies them too: the archived copy's wrong title counts nowhere", () => {
    const news = newsroom();
    const run = bin(["check", join(process.cwd(), "fixtures/drafts/summit-faithful/draft.md"), "--against", "../sources/", "--json"], { cwd: join(news, "desk") });
    expect(run.code).toBe(0);
    noArchive(JSON.parse(run.stdout) as JsonReport);
  });
});

describe("reference facts speak only to their own story", () => {
  it("a facts file about the summit gives no finding in an unrelated story read with it", () => {
    const facts = join(work, "summit-facts.json");
    writeFileSync(facts, JSON.stringify({ people: [{ name: "Sanae Takaichi", role: "Prime Minister" }], event: { date: "2026-01-13", location: "Nara" } }));
    const run = bin(["seeds/", "fixtures/wildfire/articles", "--facts", facts, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.stories).toHaveLength(2);
    const summit = report.stories!.find((s) => s.sources.includes("000_f1ce621cbbf0e95a.txt"))!;
    const withFacts = report.findings.filter((f) => f.values.some((v) => v.sources.includes(facts)));
    expect(withFacts.length).toBeGreaterThan(0);
    expect(withFacts.every((f) => f.story === summit.id)).toBe(true);
  });

  it("a facts file that names no story's people or places applies to none of several stories, and says so", () => {
    const facts = join(work, "date-only.json");
    writeFileSync(facts, JSON.stringify({ event: { date: "2026-01-13" } }));
    const run = bin(["seeds/", "fixtures/wildfire/articles", "--facts", facts, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.filter((f) => f.values.some((v) => v.sources.includes(facts)))).toEqual([]);
    expect(run.stderr).toContain(`factcheck: warning: ${facts}: names no person or place of any story in the input, so none of its facts applies`);
  });
});
