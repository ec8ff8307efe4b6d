import { readFileSync } from "node:fs";
import { join } from "node:path";
import AjvImport, { type ValidateFunction } from "ajv";
import addFormatsImport from "ajv-formats";
import type * as Sarif from "sarif";
import { beforeAll, describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import { Report } from "../../src/model/report.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { artifactLocationOf, formatSarif } from "../../src/report/sarif.js";
import { formatUnix } from "../../src/report/unix.js";

// ajv and ajv-formats are CommonJS: under ESM the default import is module.exports, the function is on .default
type AjvConstructor = typeof AjvImport.default;
const AjvClass: AjvConstructor = (AjvImport as unknown as { default?: AjvConstructor }).default ?? (AjvImport as unknown as AjvConstructor);
type AddFormats = typeof addFormatsImport.default;
const addFormats: AddFormats = (addFormatsImport as unknown as { default?: AddFormats }).default ?? (addFormatsImport as unknown as AddFormats);

const ESC = "\x1b";
const HOSTILE = `Officials said | <script>alert(1)</script> *x* [link](http://evil.example) @everyone ${ESC}[31mred${ESC}[0m ${ESC}]8;;http://evil.example${ESC}\\here`;

/** A small report, valid under the zod model, with a contradiction, an uncorroborated figure, an agreement and an update. */
function handReport(): Report {
  const claim = (id: string, source: string, attribute: "role" | "count", subject: { id: string; name: string }, text: string, normalized: string, line: number, column: number, quote: string) => ({
    id,
    source,
    attribute,
    subject,
    value: { text, normalized },
    evidence: { quote, line, column, segment: "body" as const },
  });
  const mayor = { id: "person:jane-roe", name: "Jane Roe" };
  const dead = { id: "group:flood/dead", name: "dead (flood)" };
  const source = (id: string) => ({ id, path: `news/${id}`, title: null, published: null, outlet: null, language: "en" });
  return Report.parse({
    schemaVersion: 1,
    tool: { name: "factcheck", version: "9.9.9" },
    sources: [source("a.txt"), source("b.txt"), source("c.txt")],
    claims: [
      claim("c1", "a.txt", "role", mayor, "Mayor", "mayor", 3, 5, "Mayor Jane Roe opened the bridge."),
      claim("c2", "b.txt", "role", mayor, "Mayor", "mayor", 2, 1, "Mayor Jane Roe spoke."),
      claim("c3", "c.txt", "role", mayor, "Governor", "governor", 4, 12, `${HOSTILE} Governor Jane Roe.`),
      claim("c4", "c.txt", "count", dead, "12", "12", 1, 9, "At least 12 died."),
      claim("c5", "a.txt", "count", dead, "7", "7", 1, 1, "7 died."),
      claim("c6", "b.txt", "count", dead, "9", "9", 1, 1, "9 died."),
    ],
    findings: [
      {
        id: "f1",
        kind: "contradiction",
        attribute: "role",
        subject: { ...mayor, aliases: [] },
        values: [
          { text: "Mayor", normalized: "mayor", sources: ["a.txt", "b.txt"], claims: ["c1", "c2"] },
          { text: "Governor", normalized: "governor", sources: ["c.txt"], claims: ["c3"] },
        ],
        consensus: "mayor",
        severity: "error",
        message: 'c.txt calls Jane Roe "Governor"; 2 other sources say "Mayor"',
      },
      {
        id: "f2",
        kind: "uncorroborated",
        attribute: "count",
        subject: { id: "group:flood/missing", name: "missing <b>(flood)</b>" },
        values: [{ text: "12 | 13", normalized: "12", sources: ["c.txt"], claims: ["c4"] }],
        consensus: "12",
        severity: "warning",
        message: `only c.txt gives the count of missing: "12 | 13" ${ESC}[2J`,
      },
      {
        id: "f3",
        kind: "agreement",
        attribute: "role",
        subject: { id: "person:john-doe", name: "John Doe", aliases: [] },
        values: [{ text: "Minister", normalized: "minister", sources: ["a.txt", "b.txt"], claims: [] }],
        consensus: "minister",
        severity: "info",
        message: "all agree",
      },
      {
        id: "f4",
        kind: "update",
        attribute: "count",
        subject: { ...dead, aliases: [] },
        values: [
          { text: "7", normalized: "7", sources: ["a.txt"], claims: ["c5"] },
          { text: "9", normalized: "9", sources: ["b.txt"], claims: ["c6"] },
        ],
        consensus: "9",
        severity: "info",
        message: "the toll rose from 7 to 9",
      },
    ].map((f) => ({ ...f, subject: { aliases: [], ...f.subject } })),
    summary: { sources: 3, claims: 6, agreements: 1, contradictions: 1, uncorroborated: 1, updates: 1 },
  });
}

const emptyReport = (): Report =>
  Report.parse({ schemaVersion: 1, tool: { name: "factcheck", version: "0.0.0" }, sources: [], claims: [], findings: [], summary: { sources: 0, claims: 0, agreements: 0, contradictions: 0, uncorroborated: 0 } });

let seeds: Report;
let seedsAgain: Report;

beforeAll(async () => {
  seeds = await factcheck(["seeds/"]);
  seedsAgain = await factcheck(["seeds/"]);
});

const takaichi = (r: Report) => r.findings.find((f) => f.kind === "contradiction" && f.subject.id === "person:sanae-takaichi");

describe("formatUnix", () => {
  it("pins every line of a small report: problems only, sorted by file, line, column", () => {
    expect(formatUnix(handReport())).toBe(
      [
        "news/c.txt:1:9: warning: only c.txt gives the count of missing: \"12 | 13\" \\u001b[2J [uncorroborated/count]",
        'news/c.txt:4:12: error: c.txt calls Jane Roe "Governor"; 2 other sources say "Mayor" [contradiction/role]',
        "",
      ].join("\n"),
    );
  });

  it("an empty report is an empty string", () => {
    expect(formatUnix(emptyReport())).toBe("");
  });

  it("locates a contradiction at the draft's claim when a source is the draft", () => {
    const report = handReport();
    // the draft is a.txt, which sides with the consensus: its claim is where the problem is shown
    report.sources = report.sources.map((s) => (s.id === "a.txt" ? { ...s, draft: true as const } : s));
    expect(formatUnix(report).split("\n")).toContain('news/a.txt:3:5: error: c.txt calls Jane Roe "Governor"; 2 other sources say "Mayor" [contradiction/role]');
  });

  it("on seeds/: the Takaichi contradiction sits at the claim of the value that disagrees", () => {
    const finding = takaichi(seeds);
    expect(finding).toBeDefined();
    const odd = finding!.values.find((v) => v.normalized !== finding!.consensus)!;
    const claim = seeds.claims.find((c) => c.id === odd.claims[0])!;
    const path = seeds.sources.find((s) => s.id === claim.source)!.path;
    expect(path).toBe("seeds/003_2b8af33a67e9738d.txt");
    const lines = formatUnix(seeds).trimEnd().split("\n");
    expect(lines).toContain(`${path}:${claim.evidence.line}:${claim.evidence.column}: error: ${finding!.message} [contradiction/role]`);
    expect(`${path}:${claim.evidence.line}:${claim.evidence.column}`).toBe("seeds/003_2b8af33a67e9738d.txt:7:187");
  });

  it("on seeds/: one line per contradiction and uncorroborated finding, sorted, no ESC, final newline", () => {
    const out = formatUnix(seeds);
    expect(out.endsWith("\n")).toBe(true);
    expect(out).not.toContain(ESC);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(seeds.summary.contradictions + seeds.summary.uncorroborated);
    const keys = lines.map((l) => {
      const m = /^(.+?):(\d+):(\d+): (error|warning|info): .+ \[(contradiction|uncorroborated)\/[a-z]+\]$/.exec(l);
      expect(m, l).not.toBeNull();
      return [m![1]!, Number(m![2]), Number(m![3])] as const;
    });
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });
});

describe("formatMarkdown", () => {
  it("pins the output on a small report", () => {
    expect(formatMarkdown(handReport())).toBe(
      [
        "## factcheck",
        "",
        "3 sources, 6 claims: **1 contradiction**, 1 agreement, 1 uncorroborated, 1 update",
        "",
        "### Contradictions",
        "",
        "**role of Jane Roe**",
        "",
        'c.txt calls Jane Roe "Governor"; 2 other sources say "Mayor"',
        "",
        "| value | sources |",
        "| --- | --- |",
        "| Mayor (consensus) | a.txt, b.txt |",
        "| Governor | c.txt |",
        "",
        "> “Mayor Jane Roe opened the bridge.”",
        "> — news/a.txt:3:5 (Mayor)",
        "",
        "> “Mayor Jane Roe spoke.”",
        "> — news/b.txt:2:1 (Mayor)",
        "",
        "> “Officials said \\| \\<script\\>alert(1)\\</script\\> \\*x\\* \\[link\\](http://evil.example) \\@everyone \\\\u001b\\[31mred\\\\u001b\\[0m \\\\u001b\\]8;;http://evil.example\\\\u001b\\\\\\\\here Governor Jane Roe.”",
        "> — news/c.txt:4:12 (Governor)",
        "",
        "### Uncorroborated",
        "",
        "| attribute | subject | value | where |",
        "| --- | --- | --- | --- |",
        "| count | missing \\<b\\>(flood)\\</b\\> | 12 \\| 13 | news/c.txt:1:9 |",
        "",
      ].join("\n"),
    );
  });

  it("escapes |, <script> and emphasis from an article quote, and never lets ESC through", () => {
    const out = formatMarkdown(handReport());
    expect(out).toContain("\\| \\<script\\>alert(1)\\</script\\> \\*x\\*");
    expect(out).not.toContain("<script>");
    expect(out).not.toMatch(/(?<!\\)\|\s*<script/);
    expect(out).not.toContain(ESC);
  });

  it("on seeds/: heading, summary, the contradictions with quotes, the uncorroborated table", () => {
    const out = formatMarkdown(seeds);
    expect(out.startsWith("## factcheck\n")).toBe(true);
    expect(out).toContain(`${seeds.summary.sources} sources, ${seeds.summary.claims} claims: **${seeds.summary.contradictions} contradictions**`);
    expect(out).toContain("**role of Sanae Takaichi**");
    expect(out).toContain("— seeds/003\\_2b8af33a67e9738d.txt:7:187 (President)");
    expect(out).toContain("### Uncorroborated");
    expect(out.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---") && !l.startsWith("| attribute") && !l.startsWith("| value"))).toHaveLength(
      seeds.summary.uncorroborated + seeds.findings.filter((f) => f.kind === "contradiction").reduce((n, f) => n + f.values.length, 0),
    );
    expect(out).not.toContain(ESC);
  });
});

describe("formatSarif", () => {
  let validate: ValidateFunction;

  beforeAll(() => {
    // the shipped schema is the official 2.1.0 (rtm.5) one, written for draft-04: "id" for "$id", and a
    // language pattern that is not valid under the u flag. Its keywords mean the same in draft-07.
    const { $schema: _draft04, id, ...rest } = JSON.parse(readFileSync("schema/sarif-2.1.0.json", "utf8")) as { $schema: string; id: string } & Record<string, unknown>;
    const ajv = new AjvClass({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile({ ...rest, $schema: "http://json-schema.org/draft-07/schema#", $id: id });
  });

  const logOf = (report: Report): Sarif.Log => JSON.parse(formatSarif(report)) as Sarif.Log;
  const resultsOf = (log: Sarif.Log): Sarif.Result[] => log.runs[0]?.results ?? [];

  it("the log for seeds/ validates against schema/sarif-2.1.0.json", () => {
    const log = logOf(seeds);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("and a broken log does not (the validator is real)", () => {
    const log = logOf(seeds);
    const first = resultsOf(log)[0]!;
    first.level = "fatal" as Sarif.Result.level;
    expect(validate(log)).toBe(false);
  });

  it("the small report and an empty one validate too", () => {
    expect(validate(logOf(handReport())), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(logOf(emptyReport())), JSON.stringify(validate.errors)).toBe(true);
  });

  it("one run, the driver, one rule per kind and attribute used, one result per problem", () => {
    const log = logOf(seeds);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe("factcheck");
    expect(driver.version).toBe(seeds.tool.version);
    const results = resultsOf(log);
    expect(results).toHaveLength(seeds.summary.contradictions + seeds.summary.uncorroborated);
    const ruleIds = (driver.rules ?? []).map((r) => r.id);
    expect(ruleIds).toEqual([...new Set(results.map((r) => r.ruleId!))].sort());
    for (const r of results) expect(driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(ruleIds).toContain("contradiction/role");
    expect(ruleIds).toContain("uncorroborated/count");
    for (const rule of driver.rules ?? []) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.defaultConfiguration?.level).toBe(rule.id.startsWith("contradiction/") ? "error" : "warning");
    }
  });

  it("the Takaichi result: its level, location, related locations and message", () => {
    const finding = takaichi(seeds)!;
    const result = resultsOf(logOf(seeds)).find((r) => r.message.text === finding.message)!;
    expect(result.ruleId).toBe("contradiction/role");
    expect(result.level).toBe("error");
    expect(result.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "seeds/003_2b8af33a67e9738d.txt", uriBaseId: "%SRCROOT%" },
      region: { startLine: 7, startColumn: 187 },
    });
    const others = finding.values.flatMap((v) => v.claims).length - 1;
    expect(result.relatedLocations).toHaveLength(others);
    expect(result.relatedLocations!.map((l) => l.id)).toEqual(Array.from({ length: others }, (_, i) => i + 1));
    expect(result.relatedLocations![0]!.message!.text).toContain("Prime Minister");
  });

  it("ruleIds and fingerprints are stable across runs and differ between findings", () => {
    const a = resultsOf(logOf(seeds));
    const b = resultsOf(logOf(seedsAgain));
    expect(formatSarif(seedsAgain)).toBe(formatSarif(seeds));
    const prints = a.map((r) => r.partialFingerprints?.["factcheck/v1"]);
    expect(prints).toEqual(b.map((r) => r.partialFingerprints?.["factcheck/v1"]));
    expect(a.map((r) => r.ruleId)).toEqual(b.map((r) => r.ruleId));
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("every uri is relative to %SRCROOT%, posix, without ./", () => {
    const uris = resultsOf(logOf(seeds)).flatMap((r) => [...(r.locations ?? []), ...(r.relatedLocations ?? [])].map((l) => l.physicalLocation!.artifactLocation!));
    expect(uris.length).toBeGreaterThan(0);
    for (const loc of uris) {
      expect(loc.uriBaseId).toBe("%SRCROOT%");
      expect(loc.uri).toMatch(/^seeds\/[^/]+\.txt$/);
    }
  });

  it("a source path given absolute or with ./ under the working folder becomes repo-relative", () => {
    expect(artifactLocationOf(join(process.cwd(), "seeds", "a b.txt"))).toEqual({ uri: "seeds/a%20b.txt", uriBaseId: "%SRCROOT%" });
    expect(artifactLocationOf("./seeds/a.txt")).toEqual({ uri: "seeds/a.txt", uriBaseId: "%SRCROOT%" });
    expect(artifactLocationOf("<stdin>")).toEqual({ uri: "%3Cstdin%3E", uriBaseId: "%SRCROOT%" });
    expect(artifactLocationOf("/elsewhere/x.txt").uri).toBe("file:///elsewhere/x.txt");
    const report = handReport();
    report.sources = report.sources.map((s) => ({ ...s, path: join(process.cwd(), s.path) }));
    const uris = resultsOf(logOf(report)).map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(uris).toEqual(["news/c.txt", "news/c.txt"]);
  });

  it("article text reaches SARIF through safeText: no ESC", () => {
    const out = formatSarif(handReport());
    expect(out.endsWith("}\n")).toBe(true);
    const texts = resultsOf(JSON.parse(out) as Sarif.Log).flatMap((r) => [r.message.text, ...(r.relatedLocations ?? []).map((l) => l.message?.text)]);
    expect(texts.join("\n")).toContain("\\u001b[2J");
    for (const t of texts) expect(t).not.toContain(ESC);
  });
});
