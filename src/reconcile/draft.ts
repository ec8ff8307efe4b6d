import type { Finding } from "../model/finding.js";
import { describe } from "./index.js";

export interface DraftOptions {
  /** what a draft claim no source makes is: an error, a warning, or nothing */
  unsupported: "error" | "warning" | "off";
  /** keep the draft claims the sources support (as info) */
  verbose: boolean;
}

const quote = (text: string) => `"${text}"`;
const plural = (n: number) => `${n} source${n === 1 ? "" : "s"}`;

/**
 * The findings of a pre-publish check: only those that involve the draft, each judged from the
 * draft's side. Contradicted (the sources' consensus says otherwise) is an error; unsupported (no
 * source says it) a warning by default; supported is info, kept only when verbose.
 */
export function draftFindings(findings: readonly Finding[], drafts: ReadonlySet<string>, options: DraftOptions): Finding[] {
  const kept: Finding[] = [];
  for (const f of findings) {
    const own = f.values.filter((v) => v.sources.some((s) => drafts.has(s)));
    if (own.length === 0) continue;
    const others = f.values.filter((v) => v.sources.some((s) => !drafts.has(s)));
    const consensus = f.values.find((v) => v.normalized === f.consensus);
    const wrong = own.filter((v) => v.normalized !== f.consensus);
    const subject = describe(f.attribute, f.subject.name);
    if (f.kind === "uncorroborated" || others.length === 0) {
      if (options.unsupported === "off") continue;
      kept.push({ ...f, kind: "uncorroborated", severity: options.unsupported, message: `no source gives ${subject} as ${own.map((v) => quote(v.text)).join(", ")}` });
    } else if ((f.kind === "contradiction" || f.kind === "update") && wrong.length > 0) {
      const backers = consensus ? consensus.sources.filter((s) => !drafts.has(s)).length : 0;
      const backing = consensus ? `${backers} source${backers === 1 ? " says" : "s say"} ${quote(consensus.text)}` : `the sources disagree among themselves (${others.map((v) => quote(v.text)).join(", ")})`;
      const severity = f.kind === "update" || !consensus ? "warning" : "error";
      const verb = f.kind === "update" ? "a later report gives" : "";
      kept.push({ ...f, kind: f.kind === "update" ? "update" : "contradiction", severity, message: `the draft gives ${subject} as ${wrong.map((v) => quote(v.text)).join(", ")}; ${verb ? `${verb} ${quote(consensus?.text ?? "")}` : backing}` });
    } else if (f.kind === "discrepancy") {
      // values that differ where the tool is not sure they are about one event: for a reader to weigh, never a failure
      if (options.verbose) kept.push({ ...f, severity: "info", message: `the draft gives ${subject} as ${own.map((v) => quote(v.text)).join(", ")}; the sources give ${others.map((v) => quote(v.text)).join(", ")}, perhaps of another event or time` });
    } else if (options.verbose) {
      kept.push({ ...f, kind: "agreement", severity: "info", message: `supported: ${subject} as ${own.map((v) => quote(v.text)).join(", ")} (${plural(others.flatMap((v) => v.sources).filter((s, i, a) => a.indexOf(s) === i).length)})` });
    }
  }
  return kept.map((f, i) => ({ ...f, id: `f${i + 1}` }));
}
