import { readFileSync } from "node:fs";
import AjvImport, { type ValidateFunction } from "ajv";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index.js";
import { analyseArticles } from "../../src/index.js";
import { toArticle } from "../../src/ingest/index.js";
import type { RawClaim } from "../../src/model/claim.js";

/**
 * Property-based tests: whatever text an article holds, reading and extracting it never throws,
 * every claim points into that text, and the report on any two such articles is valid.
 * The seed is fixed, so a run is the same run every time; a failure prints its counterexample.
 */

type AjvConstructor = typeof AjvImport.default;
const AjvClass: AjvConstructor = (AjvImport as unknown as { default?: AjvConstructor }).default ?? (AjvImport as unknown as AjvConstructor);

const RUNS = { numRuns: 200, seed: 42 } as const;

/** A quote is the sentence, or its first 397 characters and "…" when the sentence is longer than 400. */
const QUOTE_LIMIT = 400;
const TRUNCATED_TO = 397;

// ---------------------------------------------------------------------------------------------
// text generators

const WORDS = ["the", "a", "of", "in", "on", "said", "died", "were", "killed", "injured", "people", "dead", "missing", "visit", "meeting", "summit", "ferry", "sank", "quake", "magnitude", "tons", "km", "miles", "some", "about", "at least", "as many as", "nearly", "more than", "third", "second", "two-day", "week", "officials", "police", "Tuesday", "on Monday", "yesterday", "last week", "January", "March 3", "2026", "1942", "Prime Minister", "President", "former", "deputy", "chief", "captain", "minister", "Mayor", "Japan", "Nara", "Tokyo", "Seoul", "South Korea", "Paris", "constructor", "and", "or", "but", "not", "by", "to", "from", "with", "at", "per cent", "%", "$", "€"];
const PUNCTUATION = [".", ",", ";", ":", "!", "?", "—", "–", "-", "(", ")", "\"", "“", "”", "'", "’", "…", "/", "&"];
const SEPARATORS = [" ", " ", " ", "", "\n", "\r\n", "\r", "\n\n", "\t", "\u00a0"];

const word = fc.constantFrom(...WORDS);
const digits = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.integer({ min: 1000, max: 9_999_999 }).map((n) => n.toLocaleString("en-US")),
  fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x.toFixed(1)),
  fc.stringMatching(/^\d{1,12}$/),
);
const capitalised = fc
  .tuple(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), fc.stringMatching(/^[a-z]{0,8}$/))
  .map(([head, tail]) => head + tail);
const punctuation = fc.constantFrom(...PUNCTUATION);

/** Words, figures, names, punctuation and line breaks of every kind, in any order. */
const tokens = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: word }, { weight: 2, arbitrary: digits }, { weight: 3, arbitrary: capitalised }, { weight: 2, arbitrary: punctuation }), fc.constantFrom(...SEPARATORS)), { size: "medium" })
  .map((parts) => parts.map(([token, separator]) => token + separator).join(""));

/** A sentence of the shapes claims are made of, with any of its parts garbled or left out. */
const sentence = fc
  .record({
    title: fc.constantFrom("Prime Minister", "President", "Mayor", "former Minister", "deputy chief", "Captain", ""),
    name: fc.oneof(fc.constantFrom("Sanae Takaichi", "Lee Jae Myung", "Ana-Maria Holm", "J. P. Holm"), fc.tuple(capitalised, capitalised).map(([a, b]) => `${a} ${b}`)),
    verb: fc.constantFrom("said", "told reporters", "confirmed", "visited Nara and said"),
    hedge: fc.constantFrom("", "some ", "at least ", "as many as ", "about ", "nearly ", "more than "),
    figure: digits,
    what: fc.constantFrom("people died", "people were killed", "dead", "were injured", "passengers are missing", "tons", "magnitude", "km"),
    where: fc.constantFrom("in Nara", "in Tokyo, Japan", "near Seoul", "", "at the Sun Temple in Velm"),
    when: fc.constantFrom("on Tuesday", "on January 13, 2026", "last week", "yesterday", "in 1942", "", "on Tuesday, January 14, 2026"),
    end: fc.constantFrom(".", ".", "!", "", ";", "…"),
    noise: fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }),
  })
  .map((s) => `${s.title} ${s.name} ${s.verb} ${s.noise}${s.hedge}${s.figure} ${s.what} ${s.where} ${s.when}${s.end}`);

/** News-like text: claim-shaped sentences and loose tokens, joined by every kind of line break. */
const newsLike = fc
  .array(fc.tuple(fc.oneof({ weight: 3, arbitrary: sentence }, { weight: 1, arbitrary: tokens }), fc.constantFrom(" ", "\n", "\r\n", "\r", "\n\n")), { maxLength: 8 })
  .map((parts) => parts.map(([text, separator]) => text + separator).join(""));

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

/** Every kind of text the properties run on. */
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), codeUnits, newsLike, fc.tuple(newsLike, fc.string({ unit: "binary" }), newsLike).map((p) => p.join("")));

// ---------------------------------------------------------------------------------------------
// what a claim must satisfy

/** Lines as src/shared/positions.ts counts them: LF, CRLF and a lone CR each end one. */
function linesOf(text: string): { start: number; text: string }[] {
  const lines: { start: number; text: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, text: text.slice(start) });
  return lines;
}

function indicesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Why a claim does not point into its article's text, or null when it does. */
function misplaced(text: string, claim: RawClaim): string | null {
  const { line, column, quote } = claim.evidence;
  const lines = linesOf(text);
  const at = lines[line - 1];
  if (!Number.isInteger(line) || at === undefined) return `line ${line} is not a line of the text (${lines.length} lines)`;
  if (!Number.isInteger(column) || column < 1 || column > at.text.length + 1) return `column ${column} is outside line ${line} (length ${at.text.length})`;
  const truncated = quote.length === TRUNCATED_TO + 1 && quote.endsWith("…");
  if (quote.length > QUOTE_LIMIT) return `quote is ${quote.length} characters, over ${QUOTE_LIMIT}`;
  const body = truncated ? quote.slice(0, TRUNCATED_TO) : quote;
  const occurrences = indicesOf(text, body);
  if (occurrences.length === 0) return `quote ${JSON.stringify(quote)} does not occur in the text`;
  const offset = at.start + column - 1;
  if (text.startsWith(claim.value.text, offset)) return null;
  // a value not written as such (a sum, a resolved date): the position is then inside its sentence
  if (occurrences.some((start) => start <= offset && (truncated || offset <= start + body.length))) return null;
  return `position ${line}:${column} (offset ${offset}) is neither at ${JSON.stringify(claim.value.text)} nor inside the quote`;
}

// ---------------------------------------------------------------------------------------------

describe("toArticle and extract never throw, and every claim points into the text", () => {
  /** claims seen per attribute, so the news-like runs can show they exercised every extractor */
  const seen = new Map<string, number>();
  const holds = (text: string) => {
    const article = toArticle({ id: "a.txt", path: "a.txt", text });
    expect(article.text).toBe(text);
    const claims = extract(article);
    for (const claim of claims) {
      expect(misplaced(text, claim), JSON.stringify(claim.evidence)).toBeNull();
      seen.set(claim.attribute, (seen.get(claim.attribute) ?? 0) + 1);
    }
  };

  it("on any string (fc.string)", () => {
    fc.assert(fc.property(fc.string(), holds), RUNS);
  });

  it("on any Unicode string, astral characters included (fc.string unit binary: fast-check 4's fullUnicodeString)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), holds), RUNS);
  });

  it("on any UTF-16 code units, lone surrogates included", () => {
    fc.assert(fc.property(codeUnits, holds), RUNS);
  });

  it("on news-like text: words, digits, capitalised words, punctuation, every line ending", () => {
    seen.clear();
    fc.assert(fc.property(newsLike, holds), RUNS);
    // the property is only worth something if the texts make claims of every kind
    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(500);
    for (const attribute of ["role", "date", "count", "measure"]) expect(seen.get(attribute) ?? 0, attribute).toBeGreaterThan(10);
  });

  it("on news-like text with noise spliced in", () => {
    fc.assert(fc.property(fc.tuple(newsLike, fc.string({ unit: "binary" }), newsLike).map((p) => p.join("")), holds), RUNS);
  });

  it("on news-like text as Markdown (masked, positions still the file's own)", () => {
    fc.assert(
      fc.property(newsLike, fc.constantFrom("# ", "- ", "> ", "**", "`", "[", "](http://x) ", "---\n"), (text, markup) => {
        const source = `${markup}${text.replace(/\n/g, `\n${markup}`)}`;
        const article = toArticle({ id: "a.md", path: "a.md", text: source });
        expect(article.text).toHaveLength(source.length);
        for (const claim of extract(article)) expect(misplaced(article.text, claim), JSON.stringify(claim.evidence)).toBeNull();
      }),
      RUNS,
    );
  });

  it("a claim in a sentence over 400 characters carries the first 397 and an ellipsis", () => {
    const text = `Prime Minister Sanae Takaichi said 12 people died ${"and the ferry sank ".repeat(30)}in Nara.`;
    const claims = extract(toArticle({ id: "a.txt", path: "a.txt", text }));
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(claim.evidence.quote).toBe(`${text.slice(0, TRUNCATED_TO)}…`);
      expect(misplaced(text, claim)).toBeNull();
    }
  });
});

describe("analyseArticles on any two articles gives a report the JSON schema accepts", () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    const schema = JSON.parse(readFileSync("schema/report.schema.json", "utf8")) as Record<string, unknown>;
    validate = new AjvClass({ strict: false, allErrors: true }).compile(schema);
  });

  it("for any pair of texts", () => {
    fc.assert(
      fc.property(anyText, anyText, (first, second) => {
        const report = analyseArticles([toArticle({ id: "a.txt", path: "a.txt", text: first }), toArticle({ id: "b.txt", path: "b.txt", text: second })]);
        const json = JSON.parse(JSON.stringify(report)) as unknown;
        const valid = validate(json);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        expect(report.sources.map((s) => s.id)).toEqual(["a.txt", "b.txt"]);
        expect(report.summary.claims).toBe(report.claims.length);
      }),
      RUNS,
    );
  });

  it("for two news-like texts that share their sentences (so that findings are made)", () => {
    fc.assert(
      fc.property(newsLike, newsLike, newsLike, (shared, first, second) => {
        const report = analyseArticles([toArticle({ id: "a.txt", path: "a.txt", text: `${shared}\n${first}` }), toArticle({ id: "b.txt", path: "b.txt", text: `${second}\n${shared}` })]);
        const valid = validate(JSON.parse(JSON.stringify(report)) as unknown);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        for (const f of report.findings) for (const v of f.values) for (const id of v.claims) expect(report.claims.some((c) => c.id === id)).toBe(true);
      }),
      RUNS,
    );
  });
});
