import type { Finding } from "../model/finding.js";

export type FailOn = "error" | "warning" | "off";

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;

/**
 * Whether findings fail a run: one reaches --fail-on, or the warnings exceed --max-warnings.
 * One rule for the exit status and for check's verdict line, so the two never disagree.
 */
export function fails(findings: readonly Finding[], failOn: FailOn, maxWarnings: number | undefined): boolean {
  const problems = findings.filter((f) => f.kind !== "agreement");
  if (failOn !== "off" && problems.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn])) return true;
  return maxWarnings !== undefined && problems.filter((f) => f.severity === "warning").length > maxWarnings;
}
