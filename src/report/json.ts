import type { Report } from "../model/report.js";

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/**
 * JSON.stringify leaves C1 controls, bidi overrides and zero-width characters raw; written as
 * \u escapes they are the same JSON, but cannot reorder or hide text in a terminal that shows it.
 * (They can only occur inside strings, so the replacement never touches the structure.)
 */
const UNSAFE = /[\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
export const safeJson = (json: string) => json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * The report as JSON text in pieces: the text of JSON.stringify(report, null, 2) plus a newline
 * (with unsafe characters escaped), one array item at a time, so a report of a hundred thousand
 * claims never has to be one string in memory.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => v !== undefined);
  yield "{";
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield "[";
      for (let k = 0; k < value.length; k++) yield `${k === 0 ? "" : ","}\n    ${indent(safeJson(JSON.stringify(value[k], null, 2)), "    ")}`;
      yield "\n  ]";
    } else yield indent(safeJson(JSON.stringify(value, null, 2)), "  ");
  }
  yield "\n}\n";
}

/** The report of contract/report-v1.md, as JSON text: stable key order, one trailing newline. */
export function formatJson(report: Report): string {
  return [...jsonChunks(report)].join("");
}
