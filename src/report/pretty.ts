import { Chalk, type ChalkInstance } from "chalk";
import type { Claim } from "../model/claim.js";
import type { Finding, FindingValue } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { renderTable, visibleWidth, wrapLine } from "./layout.js";
import { excerpt, safeText } from "./safe.js";
import { fails, type FailOn } from "./gate.js";

export interface PrettyOptions {
  /** chalk colour level: 0 for none */
  colorLevel: 0 | 1 | 2 | 3;
  /** terminal width the tables must fit */
  width: number;
  /**
   * The report is shown on a terminal: its summary line too is wrapped to fit. On a pipe or in a
   * file the summary stays one line, the line scripts read (`factcheck seeds/ | head -1`).
   */
  terminal?: boolean;
  /** also list the possible discrepancies */
  verbose?: boolean;
  /** check's pass mark, for its verdict line (default: fail on an error) */
  gate?: { failOn: FailOn; maxWarnings: number | undefined };
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : word.endsWith("y") ? `${word.slice(0, -1)}ies` : `${word}s`}`;

function where(claim: Claim): string {
  return `${claim.source}:${claim.evidence.line}:${claim.evidence.column}`;
}

function valueLine(c: ChalkInstance, value: FindingValue, consensus: string | null): string {
  const mark = value.normalized === consensus ? c.green("✔") : c.red("✖");
  return `${mark} ${c.bold(safeText(value.text))}  ${c.dim(`${plural(value.sources.length, "source")}: ${value.sources.map(safeText).join(", ")}`)}`;
}

/** A quote's lines after the first start under its opening mark, unless that leaves too little room. */
function quoteLines(c: ChalkInstance, claim: Claim, width: number): string[] {
  const place = safeText(where(claim));
  const indent = 6;
  const under = indent + visibleWidth(place) + 3;
  const line = `${" ".repeat(indent)}${c.cyan(place)}  ${c.italic(`“${safeText(excerpt(claim.evidence.quote, claim.value.text))}”`)}`;
  return wrapLine(line, width, width - under >= 30 ? under : indent + 2);
}

function contradictionBlock(c: ChalkInstance, f: Finding, claims: ReadonlyMap<string, Claim>, width: number): string {
  const lines = [
    ...wrapLine(`${c.red.bold("contradiction")} ${c.bold(`${f.attribute} of ${safeText(f.subject.name)}`)} ${c.dim(f.id)}`, width, 2),
    ...wrapLine(`  ${safeText(f.message)}`, width, 4),
  ];
  for (const value of f.values) {
    lines.push(...wrapLine(`  ${valueLine(c, value, f.consensus)}`, width, 4));
    // one quote per source is enough to see the disagreement
    const seen = new Set<string>();
    for (const id of value.claims) {
      const claim = claims.get(id);
      if (!claim || seen.has(claim.source)) continue;
      seen.add(claim.source);
      lines.push(...quoteLines(c, claim, width));
    }
  }
  return lines.join("\n");
}

/**
 * A cell's list of sources: the first few and how many more (--json has them all). A table cell of
 * hundreds of names says nothing a reader can use, and cli-table3 takes time quadratic in a
 * multi-line cell's length to draw it.
 */
function sourceList(sources: readonly string[], shown = 8): string {
  return sources.length <= shown ? sources.join(", ") : `${sources.slice(0, shown).join(", ")} and ${sources.length - shown} more`;
}

/** A table with a bold head; the cells are article text, made safe. */
function table(c: ChalkInstance, head: string[], rows: string[][], width: number): string {
  return renderTable(head.map((h) => c.bold(h)), rows.map((row) => row.map(safeText)), width);
}

/** The terminal report: one-line summary, contradictions with their quotes, then tables. */
export function formatPretty(report: Report, options: PrettyOptions): string {
  if (report.sources.some((src) => src.draft)) return formatCheckPretty(report, options);
  const c = new Chalk({ level: options.colorLevel });
  const claims = new Map(report.claims.map((claim) => [claim.id, claim]));
  const s = report.summary;
  const out: string[] = [];
  const summary =
    `${c.bold("factcheck")}: ${plural(s.sources, "source")}, ${plural(s.claims, "claim")} — ` +
    `${(s.contradictions > 0 ? c.red.bold : c.green)(plural(s.contradictions, "contradiction"))}, ` +
    `${plural(s.agreements, "agreement")}, ${s.uncorroborated} uncorroborated${s.updates ? `, ${plural(s.updates, "update")}` : ""}`;
  out.push(...(options.terminal ? wrapLine(summary, options.width, "factcheck: ".length) : [summary]));
  const byKind = (kind: string) => report.findings.filter((f) => f.kind === kind);
  for (const f of byKind("contradiction")) out.push("", contradictionBlock(c, f, claims, options.width));
  const updates = byKind("update");
  if (updates.length > 0) {
    out.push("", c.bold("Updates (later reports revise earlier figures)"));
    out.push(table(c, ["subject", "values in time order", "latest"], updates.map((f) => [`${f.attribute}: ${f.subject.name}`, f.values.map((v) => `${v.text} (${sourceList(v.sources)})`).join(" → "), f.consensus ?? ""]), options.width));
  }
  const discrepancies = byKind("discrepancy");
  if (discrepancies.length > 0 && options.verbose) {
    out.push("", c.bold("Possible discrepancies (values differ, but may not be about one event at one time)"));
    out.push(table(c, ["attribute", "subject", "values", "confidence"], discrepancies.map((f) => [f.attribute, f.subject.name, f.values.map((v) => `${v.text} (${sourceList(v.sources)})`).join(" / "), f.confidence?.toFixed(2) ?? ""]), options.width));
  } else if (discrepancies.length > 0) {
    out.push("", ...wrapLine(c.dim(`${plural(discrepancies.length, "possible discrepancy")} not shown (values that differ but may not be about one event at one time); --verbose lists them.`), options.width, 2));
  }
  const agreements = byKind("agreement");
  if (agreements.length > 0) {
    out.push("", c.bold("Agreements"));
    out.push(table(c, ["attribute", "subject", "value", "sources"], agreements.map((f) => [f.attribute, f.subject.name, f.values.map((v) => v.text).join(" / "), sourceList(f.values.flatMap((v) => v.sources).filter((x, i, a) => a.indexOf(x) === i).sort())]), options.width));
  }
  const single = byKind("uncorroborated");
  if (single.length > 0) {
    out.push("", c.bold("Uncorroborated (one source only)"));
    out.push(
      table(c, ["attribute", "subject", "value", "where"], single.map((f) => {
        const first = claims.get(f.values[0]!.claims[0]!);
        return [f.attribute, f.subject.name, f.values.map((v) => v.text).join(" / "), first ? where(first) : f.values[0]!.sources[0]!];
      }), options.width),
    );
  }
  if (report.sources.some((src) => src.reliability !== undefined)) {
    out.push("", c.bold("Sources"));
    out.push(table(c, ["source", "title", "published", "reliability"], report.sources.map((src) => [src.id, src.title ?? "", src.published ?? "", src.reliability?.toFixed(2) ?? ""]), options.width));
  }
  const skipped = report.skipped?.length ?? 0;
  if (skipped > 0) out.push("", ...wrapLine(c.dim(`${plural(skipped, "segment")} not analysed (other languages, page clutter); --json lists them under "skipped".`), options.width, 2));
  return `${out.join("\n")}\n`;
}

// ---- `factcheck check`: the draft's problems in its own line order, then a verdict per draft ----

const SEVERITY_COLOUR = { error: "red", warning: "yellow", info: "green" } as const;

/** The draft's own claim a finding is about: the one whose value the sources do not back, else any. */
function draftClaimOf(f: Finding, claims: ReadonlyMap<string, Claim>, drafts: ReadonlySet<string>): Claim | undefined {
  const ordered = [...f.values.filter((v) => v.normalized !== f.consensus), ...f.values.filter((v) => v.normalized === f.consensus)];
  for (const value of ordered) {
    for (const id of value.claims) {
      const claim = claims.get(id);
      if (claim && drafts.has(claim.source)) return claim;
    }
  }
  return undefined;
}

/** What the sources say, value by value, each with one quote per source; the draft's values are not repeated. */
function sourceLines(c: ChalkInstance, f: Finding, claims: ReadonlyMap<string, Claim>, drafts: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  for (const value of f.values) {
    const sources = value.sources.filter((s) => !drafts.has(s));
    if (sources.length === 0) continue;
    const mark = value.normalized === f.consensus ? c.green("✔") : c.red("✖");
    lines.push(`  ${mark} ${c.bold(safeText(value.text))}  ${c.dim(`${plural(sources.length, "source")}: ${sources.map(safeText).join(", ")}`)}`);
    const seen = new Set<string>();
    for (const id of value.claims) {
      const claim = claims.get(id);
      if (!claim || drafts.has(claim.source) || seen.has(claim.source)) continue;
      seen.add(claim.source);
      // a source by its id, as in the list above; the draft, which is edited, by its path
      lines.push(`      ${c.cyan(safeText(where(claim)))}  ${c.italic(`“${safeText(excerpt(claim.evidence.quote, claim.value.text))}”`)}`);
    }
  }
  return lines;
}

/** One finding of a check: where in the draft, what is wrong, the draft's sentence, then the sources'. */
function checkBlock(c: ChalkInstance, f: Finding, claims: ReadonlyMap<string, Claim>, drafts: ReadonlySet<string>, paths: ReadonlyMap<string, string>): string {
  const own = draftClaimOf(f, claims, drafts);
  const at = own ? `${paths.get(own.source) ?? own.source}:${own.evidence.line}:${own.evidence.column}` : "";
  const label = f.severity === "info" ? "supported" : f.severity;
  const lines = [`${c.cyan(safeText(at))}  ${c[SEVERITY_COLOUR[f.severity]].bold(label)}  ${c.bold(`${f.attribute} of ${safeText(f.subject.name)}`)} ${c.dim(f.id)}`, `  ${safeText(f.message)}`];
  if (own) lines.push(`  ${c.dim("draft")}  ${c.italic(`“${safeText(excerpt(own.evidence.quote, own.value.text))}”`)}`);
  if (f.severity !== "info") lines.push(...sourceLines(c, f, claims, drafts));
  return lines.join("\n");
}

/** Whether a finding is about what this draft says: a value of its own the sources do not back, or a supported one. */
function blames(f: Finding, draft: string): boolean {
  return f.values.some((v) => v.sources.includes(draft) && (f.kind === "agreement" || f.kind === "uncorroborated" || v.normalized !== f.consensus));
}

/** `draft.md: 3 errors, 2 warnings — fails the gate`, by the same rule as the exit status. */
function verdictLine(c: ChalkInstance, name: string, findings: readonly Finding[], gate: NonNullable<PrettyOptions["gate"]>): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const failed = fails(findings, gate.failOn, gate.maxWarnings);
  return `${c.bold(safeText(name))}: ${plural(errors, "error")}, ${plural(warnings, "warning")} — ${failed ? c.red.bold("fails the gate") : c.green.bold("passes the gate")}`;
}

/** The terminal report of `factcheck check`: a header, the draft's findings in its line order, a verdict per draft. */
function formatCheckPretty(report: Report, options: PrettyOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const gate = options.gate ?? { failOn: "error", maxWarnings: undefined };
  const claims = new Map(report.claims.map((claim) => [claim.id, claim]));
  const paths = new Map(report.sources.map((src) => [src.id, src.path]));
  const drafts = report.sources.filter((src) => src.draft);
  const draftIds = new Set(drafts.map((d) => d.id));
  const against = report.sources.filter((src) => !src.draft && src.title !== "reference facts").length;
  const facts = report.sources.some((src) => src.title === "reference facts") ? " and the reference facts" : "";
  const out = [`${c.bold("factcheck check")}: ${drafts.map((d) => safeText(d.path)).join(", ")} against ${plural(against, "source")}${facts}, ${plural(report.summary.claims, "claim")}`];
  // check has put the findings in the draft's line order, problems before supported claims
  for (const f of report.findings) out.push("", checkBlock(c, f, claims, draftIds, paths));
  out.push("");
  for (const d of drafts) out.push(verdictLine(c, d.path, report.findings.filter((f) => blames(f, d.id)), gate));
  if (drafts.length > 1) out.push(verdictLine(c, `${drafts.length} drafts`, report.findings, gate));
  // on a terminal every line fits its width; on a pipe or in a file each stays one line
  const lines = out.join("\n").split("\n");
  return `${(options.terminal ? lines.flatMap((line) => wrapLine(line, options.width, hangOf(line))) : lines).join("\n")}\n`;
}

/** Where a wrapped line goes on: under a quote's opening mark, else two past the line's own indent. */
function hangOf(line: string): number {
  const plain = line.replace(/\x1b\[[0-9;]*m/g, "");
  const quote = plain.indexOf("“");
  const indent = plain.length - plain.trimStart().length;
  return quote >= 0 && quote < 40 ? visibleWidth(plain.slice(0, quote + 1)) : indent + 2;
}
