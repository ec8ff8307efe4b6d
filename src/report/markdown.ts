import type { Claim } from "../model/claim.js";
import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { type Lookup, lookupOf, oneLine, whereOf } from "./locate.js";
import { excerpt } from "./safe.js";

/**
 * Text from an article (or a file name) as inert Markdown: control characters shown as escapes (safeText),
 * on one line, and every character that could start markup backslash-escaped, so that nothing in an
 * article can open a table cell, emphasis, a link, an HTML tag, a mention or a code span.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~#!&@]/g, (c) => `\\${c}`);
}

/** Escaped text that starts a line: a leading list, heading or quote marker is escaped too. */
function escapeLineStart(text: string): string {
  return escapeMarkdown(text).replace(/^(\s*)(?:([-+=])|(\d+)([.)]))/, (_m, space: string, marker?: string, digits?: string, dot?: string) =>
    marker !== undefined ? `${space}\\${marker}` : `${space}${digits ?? ""}\\${dot ?? ""}`,
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const QUOTE_WIDTH = 200;

function quoteLines(claim: Claim, valueText: string, lookup: Lookup): string[] {
  return [`> “${escapeMarkdown(excerpt(claim.evidence.quote, claim.value.text, QUOTE_WIDTH))}”`, `> — ${escapeMarkdown(whereOf(claim, lookup))} (${escapeMarkdown(valueText)})`];
}

function contradiction(f: Finding, lookup: Lookup): string[] {
  const out = [`**${escapeMarkdown(f.attribute)} of ${escapeMarkdown(f.subject.name)}**`, "", escapeLineStart(f.message), "", "| value | sources |", "| --- | --- |"];
  for (const value of f.values) {
    const mark = f.consensus !== null && value.normalized === f.consensus ? " (consensus)" : "";
    out.push(`| ${escapeMarkdown(value.text)}${mark} | ${value.sources.map(escapeMarkdown).join(", ")} |`);
  }
  // one quote per source and value is enough to see the disagreement
  for (const value of f.values) {
    const seen = new Set<string>();
    for (const id of value.claims) {
      const claim = lookup.claims.get(id);
      if (!claim || seen.has(claim.source)) continue;
      seen.add(claim.source);
      out.push("", ...quoteLines(claim, value.text, lookup));
    }
  }
  return out;
}

function uncorroboratedRow(f: Finding, lookup: Lookup): string {
  const firstValue = f.values[0];
  const firstClaimId = firstValue?.claims[0];
  const claim = firstClaimId === undefined ? undefined : lookup.claims.get(firstClaimId);
  const where = claim ? whereOf(claim, lookup) : (firstValue?.sources[0] ?? "");
  const value = f.values.map((v) => v.text).join(" / ");
  return `| ${escapeMarkdown(f.attribute)} | ${escapeMarkdown(f.subject.name)} | ${escapeMarkdown(value)} | ${escapeMarkdown(where)} |`;
}

/**
 * A summary for a pull-request comment: the counts, each contradiction with its values and quotes,
 * the uncorroborated figures as a table. Agreements and updates only as counts.
 */
export function formatMarkdown(report: Report): string {
  const lookup = lookupOf(report);
  const s = report.summary;
  const byKind = (kind: Finding["kind"]) => report.findings.filter((f) => f.kind === kind);
  const contradictions = byKind("contradiction");
  const uncorroborated = byKind("uncorroborated");
  const updates = s.updates ?? byKind("update").length;
  const out = [
    "## factcheck",
    "",
    `${plural(s.sources, "source")}, ${plural(s.claims, "claim")}: **${plural(s.contradictions, "contradiction")}**, ` +
      `${plural(s.agreements, "agreement")}, ${s.uncorroborated} uncorroborated, ${plural(updates, "update")}`,
  ];
  out.push("", "### Contradictions", "");
  if (contradictions.length === 0) out.push("No contradictions.");
  contradictions.forEach((f, i) => out.push(...(i > 0 ? [""] : []), ...contradiction(f, lookup)));
  if (uncorroborated.length > 0) {
    out.push("", "### Uncorroborated", "", "| attribute | subject | value | where |", "| --- | --- | --- | --- |");
    for (const f of uncorroborated) out.push(uncorroboratedRow(f, lookup));
  }
  return `${out.join("\n")}\n`;
}
