import type { Claim } from "../model/claim.js";
import type { Finding, FindingValue, Severity } from "../model/finding.js";
import type { Report, Source } from "../model/report.js";
import { safeText } from "./safe.js";

/**
 * What the problem formats (unix, sarif) share: which findings are problems, and where each one is.
 * A problem is a contradiction or an uncorroborated figure; agreements and updates are not problems.
 */

export type ProblemKind = "contradiction" | "uncorroborated";

export interface Problem {
  finding: Finding & { kind: ProblemKind };
  /** `kind/attribute`, e.g. `contradiction/role`: stable across runs and inputs */
  ruleId: string;
  severity: Severity;
  /** the value the location points at (the one that disagrees with the consensus) */
  value: FindingValue;
  /** the claim the location points at; undefined only when the report lacks the claim */
  claim: Claim | undefined;
  /** the source of that claim (or of the value, when the claim is missing) */
  source: Source | undefined;
  /** the source's path as the report gives it, or the source id when the report lacks the source */
  file: string;
  line: number;
  column: number;
}

const isProblem = (f: Finding): f is Finding & { kind: ProblemKind } => f.kind === "contradiction" || f.kind === "uncorroborated";

export const ruleIdOf = (f: Pick<Finding, "kind" | "attribute">): string => `${f.kind}/${f.attribute}`;

/** Plain code-unit order: the same on every machine, whatever its locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Article-derived text on one line: no control characters, escapes or line breaks. */
export function oneLine(text: string): string {
  return safeText(text).replace(/[\t\n\u2028\u2029]+/g, " ");
}

export interface Lookup {
  claims: ReadonlyMap<string, Claim>;
  sources: ReadonlyMap<string, Source>;
}

export function lookupOf(report: Report): Lookup {
  return {
    claims: new Map(report.claims.map((c) => [c.id, c])),
    sources: new Map(report.sources.map((s) => [s.id, s])),
  };
}

/** The value a finding's location points at: the first that disagrees with the consensus, else the first. */
function disagreeing(f: Finding): FindingValue | undefined {
  if (f.kind === "contradiction" && f.consensus !== null) {
    const other = f.values.find((v) => v.normalized !== f.consensus);
    if (other) return other;
  }
  return f.values[0];
}

/** The claim (and its value) a finding is located at; a draft's own claim first, under `factcheck check`. */
function locationOf(f: Finding, lookup: Lookup, drafts: ReadonlySet<string>): { value: FindingValue; claimId: string | undefined } | undefined {
  const first = disagreeing(f);
  if (!first) return undefined;
  if (drafts.size > 0) {
    // the disagreeing value first, then the others in report order
    for (const value of [first, ...f.values.filter((v) => v !== first)]) {
      const id = value.claims.find((c) => {
        const claim = lookup.claims.get(c);
        return claim !== undefined && drafts.has(claim.source);
      });
      if (id !== undefined) return { value, claimId: id };
    }
  }
  return { value: first, claimId: first.claims[0] };
}

/** Where a claim is, as `path:line:col` (the path from report.sources). */
export function whereOf(claim: Claim, lookup: Lookup): string {
  return `${lookup.sources.get(claim.source)?.path ?? claim.source}:${claim.evidence.line}:${claim.evidence.column}`;
}

/** The problems of a report, sorted by file, line and column (then rule and finding id). */
export function problemsOf(report: Report, lookup: Lookup = lookupOf(report)): Problem[] {
  const drafts = new Set(report.sources.filter((s) => s.draft === true).map((s) => s.id));
  const problems: Problem[] = [];
  for (const finding of report.findings) {
    if (!isProblem(finding)) continue;
    const at = locationOf(finding, lookup, drafts);
    if (!at) continue;
    const claim = at.claimId === undefined ? undefined : lookup.claims.get(at.claimId);
    const sourceId = claim?.source ?? at.value.sources[0];
    const source = sourceId === undefined ? undefined : lookup.sources.get(sourceId);
    problems.push({
      finding,
      ruleId: ruleIdOf(finding),
      severity: finding.severity,
      value: at.value,
      claim,
      source,
      file: source?.path ?? sourceId ?? "",
      line: Math.max(1, claim?.evidence.line ?? 1),
      column: Math.max(1, claim?.evidence.column ?? 1),
    });
  }
  return problems.sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.finding.id, b.finding.id),
  );
}
