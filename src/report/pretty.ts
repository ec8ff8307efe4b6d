import { Chalk, type ChalkInstance } from "chalk";
import type { Claim } from "../model/claim.js";
import type { Finding, FindingValue } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { renderTable, visibleWidth, wrapLine } from "./layout.js";
import { excerpt, safeText } from "./safe.js";

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
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

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

/** A table with a bold head; the cells are article text, made safe. */
function table(c: ChalkInstance, head: string[], rows: string[][], width: number): string {
  return renderTable(head.map((h) => c.bold(h)), rows.map((row) => row.map(safeText)), width);
}

/** The terminal report: one-line summary, contradictions with their quotes, then tables. */
export function formatPretty(report: Report, options: PrettyOptions): string {
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
    out.push(table(c, ["subject", "values in time order", "latest"], updates.map((f) => [`${f.attribute}: ${f.subject.name}`, f.values.map((v) => `${v.text} (${v.sources.join(", ")})`).join(" → "), f.consensus ?? ""]), options.width));
  }
  const agreements = byKind("agreement");
  if (agreements.length > 0) {
    out.push("", c.bold("Agreements"));
    out.push(table(c, ["attribute", "subject", "value", "sources"], agreements.map((f) => [f.attribute, f.subject.name, f.values.map((v) => v.text).join(" / "), f.values.flatMap((v) => v.sources).filter((x, i, a) => a.indexOf(x) === i).sort().join(", ")]), options.width));
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
