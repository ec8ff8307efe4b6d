/**
 * factcheck's own outputs, recognised by their content: a report left in an input folder
 * (`factcheck seeds/ > seeds/report.txt`, `--json -o seeds/report.json`) must never be read back as
 * an article, or a second run would check the first run's quotes against the articles they quote.
 * Content, not names: a report can be written under any name, and only its shape is factcheck's.
 */

// terminal colours, which a pretty report written through `script` or `--color` may carry
const ANSI = /\x1b\[[0-9;]*m/g;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The JSON report (schemaVersion and tool.name "factcheck") or a SARIF log whose driver is factcheck. */
function jsonKind(text: string): string | null {
  // only text that names factcheck near its start is worth parsing a second time
  if (!text.slice(0, 4096).includes('"factcheck"')) return null;
  const value = parsed(text);
  if (!isObject(value)) return null;
  if (typeof value.schemaVersion === "number" && isObject(value.tool) && value.tool.name === "factcheck") return "JSON report";
  const runs = Array.isArray(value.runs) ? value.runs : [];
  if (runs.some((run) => isObject(run) && isObject(run.tool) && isObject(run.tool.driver) && run.tool.driver.name === "factcheck")) return "SARIF log";
  return null;
}

/** `factcheck extract`'s NDJSON: its lines are records with shingles, keys and claims. */
function recordsKind(text: string): string | null {
  const first = text.slice(0, 1 << 16).split(/\r?\n/).find((line) => line.trim() !== "");
  if (!first) return null;
  const value = parsed(first);
  return isObject(value) && Array.isArray(value.shingles) && Array.isArray(value.keys) && Array.isArray(value.claims) ? "extract records" : null;
}

const UNIX_LINE = /^.+:\d+:\d+: (error|warning|info): .* \[[a-z]+\/[a-z]+\]$/;

/** The text formats: pretty's summary line, markdown's heading, html's title, unix's lines. */
function textKind(text: string): string | null {
  const head = text.slice(0, 4096).replace(ANSI, "");
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  if (/^factcheck: \d+ sources?, \d+ claims? — \d+ contradictions?, /.test(firstLine)) return "terminal report";
  if (/^factcheck check: .+ against \d+ sources?(?: and the reference facts)?, \d+ claims?$/.test(firstLine)) return "terminal report";
  if (/^## factcheck\r?\n\r?\n\d+ sources?, \d+ claims?:/.test(head)) return "Markdown report";
  if (/^<!doctype html>/i.test(head.trimStart()) && /<title>factcheck: \d+ sources?, /.test(head)) return "HTML report";
  // an article's first line is no unix line: only then is the whole text split and tested
  if (firstLine.length > 4000 || !UNIX_LINE.test(firstLine)) return null;
  return text.split(/\r?\n/).every((line) => line === "" || UNIX_LINE.test(line)) ? "unix report" : null;
}

/** What kind of factcheck output a text is ("JSON report", "unix report", …), or null for anything else. */
export function ownOutputKind(text: string): string | null {
  const start = text.trimStart();
  if (start.startsWith("{")) return jsonKind(start) ?? recordsKind(start);
  return textKind(start);
}
