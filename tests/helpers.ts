import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { main } from "../src/cli/index.js";
import { toArticle } from "../src/ingest/index.js";
import { extract } from "../src/extract/index.js";
import { analyseArticles } from "../src/index.js";
import type { Article } from "../src/model/article.js";
import type { RawClaim } from "../src/model/claim.js";
import type { Report } from "../src/model/report.js";

/** An article from literal text, as ingest would make it from a file of that name. */
export function article(text: string, id = "a.txt"): Article {
  return toArticle({ id, path: id, text });
}

/** The claims one text gives, as [attribute, value] pairs, for exact assertions. */
export function claimsOf(text: string): RawClaim[] {
  return extract(article(text));
}

export function pairs(claims: readonly RawClaim[], attribute: string): string[] {
  return claims.filter((c) => c.attribute === attribute).map((c) => c.value.normalized);
}

/** The report on several literal texts: { "a.txt": "…", "b.txt": "…" }. */
export function reportOn(texts: Record<string, string>): Report {
  return analyseArticles(Object.entries(texts).map(([id, text]) => article(text, id)));
}

/** Runs the command line in this process with fake streams: exit code, stdout and stderr. */
export async function runCli(args: string[], stdin: Readable = Readable.from([])): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await main(args, { stdout, stderr, stdin, env: {} });
  return { code, stdout: out, stderr: err };
}

/** Every article text file of the seeds and the fixture clusters, sorted. */
export function articleFiles(): string[] {
  const folders = ["seeds", ...readdirSync("fixtures").map((story) => join("fixtures", story, "articles")).filter((folder) => existsSync(folder))];
  return folders.flatMap((folder) => readdirSync(folder).map((n) => join(folder, n))).filter((f) => f.endsWith(".txt")).sort();
}
