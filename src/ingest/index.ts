import type { Article } from "../model/article.js";
import { findDates } from "../shared/dates.js";
import { isRealDate } from "../shared/calendar.js";
import { lineColumnOf, lineStartsOf, linesOf } from "../shared/positions.js";
import { readMasthead, readWireDateline } from "./dateline.js";
import { readInputs, streamInputs, type InputText, type ReadOptions } from "./read.js";
import { looksLikeMarkdown, maskMarkdown } from "./markdown.js";
import { splitSegments } from "./segments.js";

const RELATIVE_DAY = /\b(yesterday|today|tonight|last week|(on|last|this|next) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/gi;

/**
 * The warning for an article with no date to resolve its relative dates against, in its own words:
 * where the first one is, what it says, and what others there are; no warning if it has none.
 */
function undatedWarning(article: Article): string[] {
  const found = [...article.text.matchAll(RELATIVE_DAY)];
  const first = found[0];
  if (!first) return [];
  const { line, column } = lineColumnOf(article.lineStarts, first.index);
  const others = [...new Set(found.slice(1).map((m) => m[0]).filter((text) => text !== first[0]))];
  const also = others.length > 0 ? ` and ${others.length} other relative date${others.length === 1 ? "" : "s"} (${others.slice(0, 3).map((o) => `"${o}"`).join(", ")}${others.length > 3 ? ", …" : ""})` : "";
  return [`${article.id}:${line}:${column}: no date to resolve "${first[0]}"${also} against; left out`];
}

export interface IngestResult {
  articles: Article[];
  warnings: string[];
}

/** Latest full date the article's own English text states: a lower bound on when it was written. */
/**
 * Text in pieces of at most about a thousand characters, cut at line ends or spaces: the date
 * parser looks back from each match, so a single line of megabytes would cost its square.
 */
function* pieces(text: string): Generator<string> {
  for (const line of text.split(/\r?\n|\r/)) {
    let rest = line;
    while (rest.length > 1000) {
      const cut = rest.lastIndexOf(" ", 1000);
      const at = cut > 500 ? cut : 1000;
      yield rest.slice(0, at);
      rest = rest.slice(at);
    }
    if (rest.trim()) yield rest;
  }
}

function dateFromText(article: Article): string | null {
  let latest: string | null = null;
  for (const segment of article.segments) {
    if (segment.language !== "en" || segment.kind === "boilerplate") continue;
    for (const piece of pieces(article.text.slice(segment.start, segment.end))) {
      // a full date names its year: a piece without one needs no parser
      if (!/\d{4}/.test(piece)) continue;
      for (const mention of findDates(piece, { date: null, direction: "back" })) {
        if (isRealDate(mention.iso) && !mention.relative && (!latest || mention.iso > latest)) latest = mention.iso;
      }
    }
  }
  return latest;
}

/** Markdown by its extension; stdin with no name given (--stdin-filename decides otherwise) by its look. */
function isMarkdown(input: InputText): boolean {
  if (/\.(md|markdown)$/i.test(input.path)) return true;
  return input.path === "<stdin>" && looksLikeMarkdown(input.text);
}

/** Markdown front matter's date ("date: 2026-01-14"), with its 1-based line. */
function frontMatterDate(text: string): { date: string; line: number } | null {
  const front = /^(?:---|\+\+\+)\r?\n([\s\S]*?)\r?\n(?:---|\+\+\+)/.exec(text)?.[1] ?? "";
  const m = /^(?:date|published)\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(front);
  if (!m) return null;
  // the opening fence is line 1
  return { date: m[1]!, line: 2 + (front.slice(0, m.index).match(/\n/g)?.length ?? 0) };
}

/**
 * Understands one input text as an article: its masthead, title, segments and anchor date. A date
 * the text or its metadata states that is no day of the calendar is ignored, with a warning in
 * `warnings` naming the file and line.
 */
export function toArticle(input: InputText, warnings: string[] = []): Article {
  // Markdown: the prose stays in place, the markup becomes spaces, so positions are the file's own
  const text = isMarkdown(input) ? maskMarkdown(input.text) : input.text;
  const lineStarts = lineStartsOf(text);
  const lines = linesOf(text, lineStarts);
  const masthead = readMasthead(lines.map((l) => l.text));
  const front = frontMatterDate(input.text);
  if (front && !isRealDate(front.date)) masthead.impossible.push(front);
  else if (front && !masthead.published) masthead.published = front.date;
  for (const { line, date } of masthead.impossible) warnings.push(`${input.path}:${line}: ${date} is no date of the calendar; ignored`);
  const firstContentLine = 0;
  const segments = splitSegments(lines, firstContentLine, new Set(masthead.metaLines));
  if (masthead.prefixLength > 0 && segments[0]) {
    segments[0].start += masthead.prefixLength;
  }
  const titleSegment = segments.find((s) => s.kind === "title");
  const title = input.title ?? (titleSegment ? text.slice(titleSegment.start, titleSegment.end).trim() || null : null);
  // a page's or record's own metadata outranks what the text's top lines suggest
  if (input.published && isRealDate(input.published)) masthead.published = input.published;
  if (input.outlet) masthead.outlet = input.outlet;
  const languages = segments.filter((s) => s.kind === "body" || s.kind === "title").map((s) => s.language);
  const article: Article = {
    id: input.id,
    path: input.path,
    title,
    published: masthead.published,
    anchor: { date: masthead.published, from: masthead.published ? "dateline" : "none" },
    outlet: masthead.outlet,
    language: languages.includes("en") || languages.length === 0 ? "en" : languages[0]!,
    text,
    lineStarts,
    segments,
  };
  const firstParagraph = segments.find((s) => s.kind === "body" || s.kind === "title" && s !== titleSegment) ?? segments.find((s) => s.kind === "body");
  const wire = firstParagraph ? readWireDateline(text.slice(firstParagraph.start, firstParagraph.end)) : null;
  if (firstParagraph && wire) {
    article.dateline = { start: firstParagraph.start, end: firstParagraph.start + wire.length, place: wire.place, agency: wire.agency };
  }
  if (!article.published) {
    const inferred = dateFromText(article);
    if (inferred) article.anchor = { date: inferred, from: "text" };
    // the wire dateline's "March 3" is the filing date: with a year from the text it is the publication date
    if (wire?.monthDay) {
      const filed = findDates(`${wire.monthDay}, ${(inferred ?? "").slice(0, 4) || "2000"}`, { date: null, direction: "back" })[0];
      if (filed && inferred && isRealDate(filed.iso)) {
        article.published = filed.iso;
        article.anchor = { date: filed.iso, from: "dateline" };
      }
    }
  }
  return article;
}

/**
 * ingest as a stream, for runs too large to hold every text: each article goes to `onArticle` as
 * soon as it is read. An article with no date of its own waits for the end, when the latest date
 * of the others is known (as in ingest). Two inputs of one id are not told apart here: the caller
 * renames them by path once all are read. Returns the warnings.
 */
export async function ingestEach(paths: readonly string[], stdin: NodeJS.ReadableStream | undefined, options: ReadOptions, onArticle: (article: Article) => void): Promise<string[]> {
  let latest: string | undefined;
  const undated: Article[] = [];
  const dateWarnings: string[] = [];
  const warnings = await streamInputs(paths, stdin ?? process.stdin, options, (input) => {
    const article = toArticle(input, dateWarnings);
    if (!article.anchor.date) return void undated.push(article);
    if (!latest || article.anchor.date > latest) latest = article.anchor.date;
    onArticle(article);
  });
  warnings.push(...dateWarnings);
  undated.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const article of undated) {
    if (latest) article.anchor = { date: latest, from: "story" };
    else warnings.push(...undatedWarning(article));
    onArticle(article);
  }
  return warnings;
}

/** ingest: paths, folders and stdin → articles, sorted by id; unreadable inputs become warnings. */
export async function ingest(paths: readonly string[], stdin?: NodeJS.ReadableStream, options: ReadOptions = {}): Promise<IngestResult> {
  const { inputs, warnings } = await readInputs(paths, stdin, options);
  const counts = new Map<string, number>();
  for (const input of inputs) counts.set(input.id, (counts.get(input.id) ?? 0) + 1);
  // two folders may hold files of the same name: then the path tells them apart
  const articles = inputs.map((input) => toArticle(counts.get(input.id)! > 1 ? { ...input, id: input.path } : input, warnings));
  articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // an article with no date of its own is read as of the latest date of the others given with it
  const latest = articles.map((a) => a.anchor.date).filter((d): d is string => !!d).sort().at(-1);
  for (const article of articles) {
    if (article.anchor.date) continue;
    if (latest) article.anchor = { date: latest, from: "story" };
    else warnings.push(...undatedWarning(article));
  }
  return { articles, warnings };
}
