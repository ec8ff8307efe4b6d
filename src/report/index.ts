import type { Report } from "../model/report.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatPretty, type PrettyOptions } from "./pretty.js";
import { formatSarif } from "./sarif.js";
import { formatUnix } from "./unix.js";

/** Every output format by name: one pure function each, report in, text out. */
export const FORMATS = {
  pretty: (report: Report, options: PrettyOptions) => formatPretty(report, options),
  json: (report: Report) => formatJson(report),
  unix: (report: Report) => formatUnix(report),
  markdown: (report: Report) => formatMarkdown(report),
  sarif: (report: Report) => formatSarif(report),
  html: (report: Report) => formatHtml(report),
} satisfies Record<string, (report: Report, options: PrettyOptions) => string>;

export type FormatName = keyof typeof FORMATS;
