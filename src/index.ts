import { align } from "./align/index.js";
import { extract } from "./extract/index.js";
import { ingest } from "./ingest/index.js";
import type { Article } from "./model/article.js";
import type { RawClaim } from "./model/claim.js";
import type { Report, Skipped } from "./model/report.js";
import { reconcile } from "./reconcile/index.js";
import { VERSION } from "./version.js";

export * from "./model/index.js";

export interface FactcheckOptions {
  /** where "-" reads from; process.stdin by default */
  stdin?: NodeJS.ReadableStream;
}

/** Text that was not analysed: other languages and page clutter. */
function skippedOf(articles: readonly Article[]): Skipped[] {
  return articles.flatMap((article) =>
    article.segments
      .filter((s) => s.kind === "boilerplate" || s.language !== "en")
      .map((s) => ({
        source: article.id,
        line: s.line,
        segment: s.kind,
        ...(s.language !== "en" ? { language: s.language } : {}),
        reason: s.language !== "en" ? `not English (${s.language})` : (s.reason ?? "boilerplate"),
      })),
  );
}

/** The whole pipeline over articles already read: extract → align → reconcile → report. */
export function analyseArticles(articles: readonly Article[], warnings: readonly string[] = []): Report {
  const raw: RawClaim[] = articles.flatMap((a) => extract(a));
  const claims = raw.map((c, i) => ({ ...c, id: `c${i + 1}` }));
  const slots = align(claims);
  const { findings, origins, reliability } = reconcile(slots, articles);
  // the report's claims carry the subject align gave them
  const subjects = new Map(slots.flatMap((s) => s.claims.map((c) => [c.id, c.subject] as const)));
  const count = (kind: string) => findings.filter((f) => f.kind === kind).length;
  return {
    schemaVersion: 1,
    tool: { name: "factcheck", version: VERSION },
    sources: articles.map((a) => ({
      id: a.id,
      path: a.path,
      title: a.title,
      published: a.published,
      outlet: a.outlet,
      language: a.language,
      reliability: reliability.get(a.id) ?? 1,
      origin: origins.get(a.id) ?? `origin:${a.id}`,
      ...(a.draft ? { draft: true as const } : {}),
    })),
    claims: claims.map((c) => ({ id: c.id, source: c.source, attribute: c.attribute, subject: subjects.get(c.id) ?? c.subject, value: c.value, evidence: c.evidence })),
    findings,
    summary: {
      sources: articles.length,
      claims: claims.length,
      agreements: count("agreement"),
      contradictions: count("contradiction"),
      uncorroborated: count("uncorroborated"),
      updates: count("update"),
    },
    skipped: skippedOf(articles),
    warnings: [...warnings],
  };
}

/** factcheck(paths) → Report: reads files, folders and "-" (stdin), and reports on them. */
export async function factcheck(paths: readonly string[], options: FactcheckOptions = {}): Promise<Report> {
  const { articles, warnings } = await ingest(paths, options.stdin);
  return analyseArticles(articles, warnings);
}
