import { align } from "./align/index.js";
import { extract } from "./extract/index.js";
import { readFile } from "node:fs/promises";
import { factClaims } from "./extract/facts.js";
import { ingest, toArticle } from "./ingest/index.js";
import { Facts } from "./model/facts.js";
import { draftFindings, type DraftOptions } from "./reconcile/draft.js";
import type { Article } from "./model/article.js";
import type { RawClaim } from "./model/claim.js";
import type { Report, Skipped } from "./model/report.js";
import { reconcile } from "./reconcile/index.js";
import { VERSION } from "./version.js";

export * from "./model/index.js";
export { Facts } from "./model/facts.js";

export interface FactcheckOptions {
  /** where "-" reads from; process.stdin by default */
  stdin?: NodeJS.ReadableStream;
  /** a reference facts file (facts.json): a trusted source */
  facts?: string;
}

export interface CheckOptions extends FactcheckOptions, Partial<DraftOptions> {
  /** the name "-" (a draft on stdin) goes by in messages, e.g. "draft.md" */
  stdinFilename?: string;
}

interface AnalyseOptions {
  facts?: { path: string; text: string; facts: Facts };
  drafts?: ReadonlySet<string>;
}

/** Reads and validates a reference facts file; a bad one is an error that names it and the key. */
export async function readFacts(path: string): Promise<{ path: string; text: string; facts: Facts }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = Facts.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  return { path, text, facts: parsed.data };
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
export function analyseArticles(articles: readonly Article[], warnings: readonly string[] = [], options: AnalyseOptions = {}): Report {
  const factsId = options.facts?.path;
  const raw: RawClaim[] = [...articles.flatMap((a) => extract(a)), ...(options.facts ? factClaims(options.facts.facts, options.facts.text, options.facts.path) : [])];
  const claims = raw.map((c, i) => ({ ...c, id: `c${i + 1}` }));
  const slots = align(claims);
  const { findings, origins, reliability } = reconcile(slots, articles, { trusted: new Set(factsId ? [factsId] : []), drafts: options.drafts ?? new Set() });
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
    })).concat(factsId ? [{ id: factsId, path: factsId, title: "reference facts", published: null, outlet: null, language: "en", reliability: 1, origin: `origin:${factsId}` }] : []),
    claims: claims.map((c) => ({ id: c.id, source: c.source, attribute: c.attribute, subject: subjects.get(c.id) ?? c.subject, value: c.value, evidence: c.evidence })),
    findings,
    summary: {
      sources: articles.length + (factsId ? 1 : 0),
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
  const facts = options.facts ? await readFacts(options.facts) : undefined;
  return analyseArticles(articles, warnings, facts ? { facts } : {});
}

/**
 * check(drafts, sources) → Report: the pre-publish gate. The drafts are sources marked draft that
 * never count towards a consensus; only findings that involve a draft are kept, judged from its side.
 */
export async function check(drafts: readonly string[], sources: readonly string[], options: CheckOptions = {}): Promise<Report> {
  const draftRead = await ingest(drafts, options.stdin);
  const sourceRead = await ingest(sources, options.stdin);
  const named = draftRead.articles.map((a) => (a.id === "<stdin>" && options.stdinFilename ? toArticle({ id: options.stdinFilename, path: options.stdinFilename, text: a.text }) : a));
  const draftArticles = named.map((a) => ({ ...a, id: a.id.startsWith("draft:") || !sourceRead.articles.some((s) => s.id === a.id) ? a.id : `draft:${a.id}`, draft: true }));
  const draftIds = new Set(draftArticles.map((a) => a.id));
  const facts = options.facts ? await readFacts(options.facts) : undefined;
  const warnings = [...draftRead.warnings, ...sourceRead.warnings];
  if (draftArticles.length === 0) warnings.push(`no readable draft in ${drafts.join(" ")}`);
  const full = analyseArticles([...draftArticles, ...sourceRead.articles].sort((a, b) => (a.id < b.id ? -1 : 1)), warnings, { drafts: draftIds, ...(facts ? { facts } : {}) });
  const findings = draftFindings(full.findings, draftIds, { unsupported: options.unsupported ?? "warning", verbose: options.verbose ?? false });
  const count = (kind: string) => findings.filter((f) => f.kind === kind).length;
  return {
    ...full,
    findings,
    summary: { ...full.summary, agreements: count("agreement"), contradictions: count("contradiction"), uncorroborated: count("uncorroborated"), updates: count("update") },
  };
}
