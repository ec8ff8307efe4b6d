import type { Report } from "../model/report.js";
import { oneLine, problemsOf } from "./locate.js";

/**
 * One line per problem (contradiction, uncorroborated), for editors and grep, as eslint's unix formatter:
 * `file:line:col: severity: message [kind/attribute]`, sorted by file, line and column. No summary line.
 */
export function formatUnix(report: Report): string {
  const lines = problemsOf(report).map(
    (p) => `${oneLine(p.file)}:${p.line}:${p.column}: ${p.severity}: ${oneLine(p.finding.message)} [${p.ruleId}]`,
  );
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
