import { pushTo } from "./shared/group.js";
import { align } from "./align/index.js";
import { extract } from "./extract/index.js";
import { readJsonFile } from "./shared/json-file.js";
import { factClaims } from "./extract/facts.js";
import { ingest, ingestEach, type IngestResult } from "./ingest/index.js";
import type { ReadOptions } from "./ingest/read.js";
import { UnreadableInputError } from "./shared/input-error.js";
import { Facts } from "./model/facts.js";
import { draftFindings, type DraftOptions } from "./reconcile/draft.js";
import type { Article } from "./model/article.js";
import { frameOf, type Claim, type RawClaim } from "./model/claim.js";
import { KIND_ORDER, type Finding } from "./model/finding.js";
import type { ArticleRecord } from "./model/record.js";
import type { Report, Skipped } from "./model/report.js";
import { groupStories, type Story } from "./align/stories.js";
import { keysOf, shinglesOf } from "./extract/shingles.js";
import { ExtractionPool } from "./extract/pool.js";
import { reconcile } from "./reconcile/index.js";
import { VERSION } from "./version.js";

export * from "./model/index.js";
export { Facts } from "./model/facts.js";
export { UnreadableInputError } from "./shared/input-error.js";

export interface FactcheckOptions {
  /** where "-" reads from; process.stdin by default */
  stdin?: NodeJS.ReadableStream;
  /** extraction threads; 1 runs in this thread (the default for the library) */
  jobs?: number;
  /** hears how many articles are extracted so far, and of how many once every input has been read */
  onProgress?: (done: number, total?: number) => void;
  /** a reference facts file (facts.json): a trusted source */
  facts?: string;
  /** files larger than this many bytes are skipped with a warning (default 10 MiB) */
  maxFileSize?: number;
  /** the name "-" (an article on stdin) goes by in messages; its extension gives its format */
  stdinFilename?: string;
  /** files in folders for which this says true are not read (the config's `ignore`) */
  ignore?: (absolutePath: string) => boolean;
}

export interface CheckOptions extends FactcheckOptions, Partial<DraftOptions> {
  /** the name "-" (a draft on stdin) goes by in messages, e.g. "draft.md"; its extension decides the format */
  stdinFilename?: string;
}

interface AnalyseOptions {
  facts?: { path: string; text: string; facts: Facts };
  drafts?: ReadonlySet<string>;
  onProgress?: (done: number, total: number) => void;
}

/** Reads and validates a reference facts file; a bad one is an error that names it and the key. */
export async function readFacts(path: string): Promise<{ path: string; text: string; facts: Facts }> {
  const { text, data } = readJsonFile(path, Facts);
  return { path, text, facts: data };
}

/** Text that was not analysed: other languages and page clutter. */
function skippedOf(article: Article): Skipped[] {
  return article.segments
    .filter((s) => s.kind === "boilerplate" || s.language !== "en")
    .map((s) => ({
      source: article.id,
      line: s.line,
      segment: s.kind,
      ...(s.language !== "en" ? { language: s.language } : {}),
      reason: s.language !== "en" ? `not English (${s.language})` : (s.reason ?? "boilerplate"),
    }));
}

/**
 * extract, as a map: one article in, its record out (what `factcheck extract` writes, one line each).
 * Built by typed code, it is not parsed again here (that cost a twentieth of extraction); records
 * are validated where they come in from outside, when `reconcile` reads them.
 */
export function extractRecord(article: Article): ArticleRecord {
  return {
    id: article.id,
    path: article.path,
    title: article.title,
    published: article.published,
    anchor: article.anchor,
    outlet: article.outlet,
    language: article.language,
    ...(article.draft ? { draft: true } : {}),
    shingles: shinglesOf(article),
    keys: keysOf(article),
    skipped: skippedOf(article),
    claims: extract(article),
  };
}

/** Whether a story's articles use a name the facts file gives (a person's, a place's, the event's place). */
function namesFacts(records: readonly ArticleRecord[], facts: Facts): boolean {
  const names = [...(facts.people ?? []).map((p) => p.name), ...(facts.places ?? []).map((p) => p.name), ...(facts.event?.location ? [facts.event.location] : [])];
  // the words records keep as keys: capitalised, four letters or more, lower-cased
  const words = names.flatMap((n) => n.toLowerCase().split(/[^\p{L}'’-]+/u)).filter((w) => w.length >= 4);
  return records.some((r) => r.keys.some((k) => words.includes(k)));
}

/**
 * The stories the reference facts speak to: the one story of the input, else those that name one
 * of the facts' people or places. An event's date given to every story would contradict all but one.
 */
function storiesOfFacts(stories: readonly Story[], recordById: ReadonlyMap<string, ArticleRecord>, facts: { path: string; facts: Facts }): { ids: Set<string>; notes: string[] } {
  const named = stories.length === 1 ? stories : stories.filter((story) => namesFacts(story.sources.map((id) => recordById.get(id)!), facts.facts));
  const notes = named.length === 0 ? [`${facts.path}: names no person or place of any story in the input, so none of its facts applies`] : [];
  return { ids: new Set(named.map((story) => story.id)), notes };
}

/**
 * align → reconcile → report over extracted records, story by story: the reduce of
 * `factcheck reconcile`, and the second half of every other command.
 */
export function reconcileRecords(input: readonly ArticleRecord[], warnings: readonly string[] = [], options: AnalyseOptions = {}): Report {
  const records = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const factsId = options.facts?.path;
  const factsClaims = options.facts ? factClaims(options.facts.facts, options.facts.text, options.facts.path) : [];
  const raw: RawClaim[] = [...records.flatMap((r) => r.claims), ...factsClaims];
  // ids are given in place, for the same reason align gives subjects in place
  const claims = raw.map((c, i) => Object.assign(c, { id: `c${i + 1}` }));
  const stories = groupStories(records);
  const findings: Finding[] = [];
  const origins = new Map<string, string>();
  const reliability = new Map<string, number>();
  const subjects = new Map<string, Claim["subject"]>();
  const claimsBySource = new Map<string, typeof claims>();
  for (const c of claims) pushTo(claimsBySource, c.source, c);
  const recordById = new Map(records.map((r) => [r.id, r]));
  const factStories = options.facts ? storiesOfFacts(stories, recordById, options.facts) : { ids: new Set<string>(), notes: [] };
  for (const story of stories) {
    const members = new Set(story.sources);
    const storyClaims = [...story.sources.flatMap((id) => claimsBySource.get(id) ?? []), ...(factsId && factStories.ids.has(story.id) ? (claimsBySource.get(factsId) ?? []) : [])];
    const slots = align(storyClaims);
    const result = reconcile(slots, story.sources.map((id) => recordById.get(id)!), { trusted: new Set(factsId ? [factsId] : []), drafts: options.drafts ?? new Set() });
    for (const slot of slots) for (const c of slot.claims) if (!subjects.has(c.id) || members.has(c.source)) subjects.set(c.id, c.subject);
    for (const f of result.findings) findings.push(stories.length > 1 ? { ...f, story: story.id } : f);
    for (const [k, v] of result.origins) origins.set(k, v);
    for (const [k, v] of result.reliability) reliability.set(k, v);
  }
  findings.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || ((a.story ?? "") < (b.story ?? "") ? -1 : (a.story ?? "") > (b.story ?? "") ? 1 : 0) || (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0) || (a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : 0) || (a.id < b.id ? -1 : 1));
  const numbered = findings.map((f, i) => ({ ...f, id: `f${i + 1}` }));
  const count = (kind: string) => numbered.filter((f) => f.kind === kind).length;
  return {
    schemaVersion: 1,
    tool: { name: "factcheck", version: VERSION },
    sources: records
      .map((r) => ({
        id: r.id,
        path: r.path,
        title: r.title,
        published: r.published,
        outlet: r.outlet,
        language: r.language,
        reliability: reliability.get(r.id) ?? 1,
        origin: origins.get(r.id) ?? `origin:${r.id}`,
        ...(r.draft ? { draft: true as const } : {}),
      }))
      .concat(factsId ? [{ id: factsId, path: factsId, title: "reference facts", published: null, outlet: null, language: "en", reliability: 1, origin: `origin:${factsId}` }] : []),
    claims: claims.map((c) => ({ id: c.id, source: c.source, attribute: c.attribute, subject: subjects.get(c.id) ?? c.subject, value: c.value, evidence: c.evidence, frame: frameOf(c) })),
    findings: numbered,
    summary: {
      sources: records.length + (factsId ? 1 : 0),
      claims: claims.length,
      agreements: count("agreement"),
      contradictions: count("contradiction"),
      uncorroborated: count("uncorroborated"),
      updates: count("update"),
      discrepancies: count("discrepancy"),
    },
    ...(stories.length > 1 ? { stories } : {}),
    skipped: records.flatMap((r) => r.skipped),
    warnings: [...warnings, ...factStories.notes],
  };
}

/** The whole pipeline over articles already read: extract → align → reconcile → report. */
export function analyseArticles(articles: readonly Article[], warnings: readonly string[] = [], options: AnalyseOptions = {}): Report {
  const records = articles.map((article, i) => {
    const record = extractRecord(article);
    options.onProgress?.(i + 1, articles.length);
    return record;
  });
  return reconcileRecords(records, warnings, options);
}

/** factcheck(paths) → Report: reads files, folders and "-" (stdin), and reports on them. */
export async function factcheck(paths: readonly string[], options: FactcheckOptions = {}): Promise<Report> {
  const { records, warnings } = await readAndExtract(paths, options);
  const facts = options.facts ? await readFacts(options.facts) : undefined;
  return reconcileRecords(records, warnings, facts ? { facts } : {});
}

/**
 * ingest and extract as one stream: each article is extracted (here or on a worker) as soon as it
 * is read, and only its record is kept, so memory grows with the claims, not with the text read.
 * Records come out sorted by id, as ingest would have given the articles.
 */
export async function readAndExtract(paths: readonly string[], options: FactcheckOptions = {}): Promise<{ records: ArticleRecord[]; warnings: string[] }> {
  // the number of articles is known only once every input has been read: a total before then would grow
  let read = false;
  let done = 0;
  const pool = new ExtractionPool(options.jobs ?? 1, extractRecord, (extracted, added) => {
    done = extracted;
    options.onProgress?.(extracted, read ? added : undefined);
  });
  let added = 0;
  const reading: ReadOptions = { ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}), ...(options.stdinFilename ? { stdinName: options.stdinFilename } : {}), ...(options.ignore ? { ignore: options.ignore } : {}) };
  const warnings = await ingestEach(paths, options.stdin, reading, (article) => {
    added++;
    pool.add(article);
  });
  read = true;
  options.onProgress?.(done, added);
  const records = byPathWhereIdsClash(await pool.finish());
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, warnings };
}

/** Two folders may hold files of the same name: then the path tells them apart, in every place the id is. */
function byPathWhereIdsClash(records: ArticleRecord[]): ArticleRecord[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  return records.map((r) =>
    counts.get(r.id)! > 1
      ? { ...r, id: r.path, claims: r.claims.map((c) => ({ ...c, source: r.path })), skipped: r.skipped.map((k) => ({ ...k, source: r.path })) }
      : r,
  );
}

/** Orders a check's findings for reading: problems before supported claims, each in the draft's line order. */
function inDraftOrder(findings: readonly Finding[], claims: readonly Claim[], drafts: ReadonlySet<string>): Finding[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const firstDraftClaim = (f: Finding) =>
    f.values
      .flatMap((v) => v.claims)
      .map((id) => byId.get(id))
      .filter((c): c is Claim => !!c && drafts.has(c.source))
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.evidence.line - b.evidence.line || a.evidence.column - b.evidence.column))[0];
  const keyed = findings.map((f) => ({ f, at: firstDraftClaim(f), info: f.severity === "info" ? 1 : 0 }));
  keyed.sort((a, b) => {
    if (a.info !== b.info) return a.info - b.info;
    const sa = a.at?.source ?? "", sb = b.at?.source ?? "";
    if (sa !== sb) return sa < sb ? -1 : 1;
    return (a.at?.evidence.line ?? 0) - (b.at?.evidence.line ?? 0) || (a.at?.evidence.column ?? 0) - (b.at?.evidence.column ?? 0) || (a.f.attribute < b.f.attribute ? -1 : a.f.attribute > b.f.attribute ? 1 : 0);
  });
  // numbered after the order is set, supported claims last: an id means the same with and without --verbose
  return keyed.map(({ f }, i) => ({ ...f, id: `f${i + 1}` }));
}

/**
 * Reads each input of one role on its own, so that one that gives no article (a typo, a PDF, an
 * empty folder, an unreachable URL) stops the check, naming it, instead of passing unchecked.
 */
async function readEvery(paths: readonly string[], role: "draft" | "source", stdin: NodeJS.ReadableStream | undefined, options: ReadOptions): Promise<IngestResult> {
  const articles: Article[] = [];
  const warnings: string[] = [];
  for (const path of paths) {
    const read = await ingest([path], stdin, options);
    if (read.articles.length === 0) throw new UnreadableInputError(`no readable ${role}: ${read.warnings.join("; ") || path}`);
    articles.push(...read.articles);
    warnings.push(...read.warnings);
  }
  // two folders may hold files of the same name: then the path tells them apart
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  const distinct = articles.map((a) => (counts.get(a.id)! > 1 ? { ...a, id: a.path } : a));
  distinct.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { articles: distinct, warnings };
}

/**
 * check(drafts, sources) → Report: the pre-publish gate. The drafts are sources marked draft that
 * never count towards a consensus; only findings that involve a draft are kept, judged from its side.
 * A draft or a source path that gives no readable article throws an UnreadableInputError naming it.
 */
export async function check(drafts: readonly string[], sources: readonly string[], options: CheckOptions = {}): Promise<Report> {
  const read: ReadOptions = { ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}), ...(options.ignore ? { ignore: options.ignore } : {}) };
  if (drafts.length === 0) throw new UnreadableInputError("no draft given");
  if (sources.length === 0) throw new UnreadableInputError("no sources given");
  const draftRead = await readEvery(drafts, "draft", options.stdin, { ...read, ...(options.stdinFilename ? { stdinName: options.stdinFilename } : {}) });
  const sourceRead = await readEvery(sources, "source", options.stdin, read);
  const draftArticles = draftRead.articles.map((a) => ({ ...a, id: a.id.startsWith("draft:") || !sourceRead.articles.some((s) => s.id === a.id) ? a.id : `draft:${a.id}`, draft: true }));
  const draftIds = new Set(draftArticles.map((a) => a.id));
  const facts = options.facts ? await readFacts(options.facts) : undefined;
  const warnings = [...draftRead.warnings, ...sourceRead.warnings];
  const full = analyseArticles([...draftArticles, ...sourceRead.articles].sort((a, b) => (a.id < b.id ? -1 : 1)), warnings, { drafts: draftIds, ...(facts ? { facts } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const findings = inDraftOrder(draftFindings(full.findings, draftIds, { unsupported: options.unsupported ?? "warning", verbose: options.verbose ?? false }), full.claims, draftIds);
  const count = (kind: string) => findings.filter((f) => f.kind === kind).length;
  return {
    ...full,
    findings,
    summary: { ...full.summary, agreements: count("agreement"), contradictions: count("contradiction"), uncorroborated: count("uncorroborated"), updates: count("update") },
  };
}
