import { createHash } from "node:crypto";
import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import type { Claim } from "../model/claim.js";
import type { Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { compareText, type Lookup, lookupOf, oneLine, type Problem, type ProblemKind, problemsOf } from "./locate.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const INFORMATION_URI = "https://github.com/factcheck/factcheck";
/** the key of the fingerprint in `partialFingerprints`: bump its version when the hashed input changes */
export const FINGERPRINT_KEY = "factcheck/v1";
const SRCROOT = "%SRCROOT%";

const LEVEL: Record<Severity, Sarif.Result.level> = { error: "error", warning: "warning", info: "note" };
const DEFAULT_LEVEL: Record<ProblemKind, Sarif.ReportingConfiguration.level> = { contradiction: "error", uncorroborated: "warning" };

/** How a source path becomes an artifact location: repo-relative (posix, percent-encoded) under the working folder, else a file: URI. */
export function artifactLocationOf(path: string): Sarif.ArtifactLocation {
  const slashed = path.split(sep).join("/");
  const absolute = isAbsolute(path) ? path : resolve(path);
  const rel = isAbsolute(path) ? relative(process.cwd(), path).split(sep).join("/") : posix.normalize(slashed);
  if (rel === "" || rel === ".." || rel.startsWith("../") || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  const clean = rel.replace(/^(?:\.\/)+/, "");
  return { uri: clean.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

function physicalLocationOf(claim: Claim | undefined, file: string, lookup: Lookup): Sarif.PhysicalLocation {
  const path = claim ? (lookup.sources.get(claim.source)?.path ?? claim.source) : file;
  return {
    artifactLocation: artifactLocationOf(path),
    region: { startLine: Math.max(1, claim?.evidence.line ?? 1), startColumn: Math.max(1, claim?.evidence.column ?? 1) },
  };
}

/** sha256 of the rule, the subject and the sorted normalized values: the same finding on the same input, the same hash. */
export function fingerprintOf(p: Pick<Problem, "ruleId" | "finding">): string {
  const values = p.finding.values.map((v) => v.normalized).sort(compareText);
  return createHash("sha256").update([p.ruleId, p.finding.subject.id, ...values].join("\u0000"), "utf8").digest("hex");
}

function ruleOf(kind: ProblemKind, attribute: string): Sarif.ReportingDescriptor {
  const text = kind === "contradiction" ? `Sources contradict each other on a ${attribute}` : `Only one source gives a ${attribute}`;
  const help =
    kind === "contradiction"
      ? `The sources give values for the ${attribute} of the same subject that cannot all be true. Check the quotes behind each value.`
      : `Only one source gives this ${attribute}: no other source corroborates it.`;
  return {
    id: `${kind}/${attribute}`,
    name: `${kind}-${attribute}`,
    shortDescription: { text },
    fullDescription: { text: help },
    help: { text: help },
    defaultConfiguration: { level: DEFAULT_LEVEL[kind] },
    properties: { tags: ["factcheck", kind, attribute] },
  };
}

function relatedOf(p: Problem, lookup: Lookup): Sarif.Location[] {
  const related: Sarif.Location[] = [];
  for (const value of p.finding.values) {
    const consensus = p.finding.consensus !== null && value.normalized === p.finding.consensus ? " (consensus)" : "";
    for (const id of value.claims) {
      if (id === p.claim?.id) continue;
      const claim = lookup.claims.get(id);
      if (!claim) continue;
      related.push({
        id: related.length + 1,
        physicalLocation: physicalLocationOf(claim, claim.source, lookup),
        message: { text: oneLine(`“${value.text}”${consensus} in ${claim.source}`) },
      });
    }
  }
  return related;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, one rule per kind and attribute used, one result per problem
 * (contradictions and uncorroborated figures, as formatUnix), located at the claim that disagrees.
 */
export function formatSarif(report: Report): string {
  const lookup = lookupOf(report);
  const problems = problemsOf(report, lookup);
  const ruleIds = [...new Set(problems.map((p) => p.ruleId))].sort(compareText);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const p = problems.find((q) => q.ruleId === id);
    return ruleOf(p?.finding.kind ?? "contradiction", p?.finding.attribute ?? "");
  });
  const results: Sarif.Result[] = problems.map((p) => {
    const related = relatedOf(p, lookup);
    return {
      ruleId: p.ruleId,
      ruleIndex: ruleIndex.get(p.ruleId) ?? 0,
      level: LEVEL[p.severity],
      message: { text: oneLine(p.finding.message) },
      locations: [{ physicalLocation: physicalLocationOf(p.claim, p.file, lookup) }],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(p) },
      properties: { subject: oneLine(p.finding.subject.name), subjectId: p.finding.subject.id, value: oneLine(p.value.text) },
    };
  });
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "factcheck", version: report.tool.version, informationUri: INFORMATION_URI, rules } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
