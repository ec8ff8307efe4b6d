import type { Report } from "../model/report.js";

/** The report of contract/report-v1.md, as JSON text: stable key order, one trailing newline. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
