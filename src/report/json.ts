import type { Report } from "../model/report.js";

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/**
 * The report as JSON text in pieces, exactly the bytes of JSON.stringify(report, null, 2) plus a
 * newline, but one array item at a time: a report of a hundred thousand claims never has to be
 * one string in memory.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => v !== undefined);
  yield "{";
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield "[";
      for (let k = 0; k < value.length; k++) yield `${k === 0 ? "" : ","}\n    ${indent(JSON.stringify(value[k], null, 2), "    ")}`;
      yield "\n  ]";
    } else yield indent(JSON.stringify(value, null, 2), "  ");
  }
  yield "\n}\n";
}

/** The report of contract/report-v1.md, as JSON text: stable key order, one trailing newline. */
export function formatJson(report: Report): string {
  return [...jsonChunks(report)].join("");
}
