import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractionPool } from "../../src/extract/pool.js";
import type { Article } from "../../src/model/article.js";
import type { ArticleRecord } from "../../src/model/record.js";
import { article } from "../helpers.js";

const folder = mkdtempSync(join(tmpdir(), "factcheck-pool-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A record that only says which article it came from. */
const recordOf = (a: Article) => ({ id: a.id, claims: [] }) as unknown as ArticleRecord;

/** Adds a hundred articles the way reading files would, letting replies in between; their ids. */
async function addHundred(pool: ExtractionPool): Promise<string[]> {
  const ids = Array.from({ length: 100 }, (_, i) => `a${String(i).padStart(3, "0")}.txt`);
  for (const id of ids) {
    pool.add(article(" date 2026-01-13 Headline\nText.\n", id));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return ids;
}

/** A pool of this thread and one stand-in worker whose script is `body`: the records it gives back for a hundred articles, and their ids. */
async function runWith(name: string, body: string): Promise<{ ids: string[]; records: ArticleRecord[] }> {
  const script = join(folder, name);
  writeFileSync(script, `import { parentPort } from "node:worker_threads";\n${body}\n`);
  const pool = new ExtractionPool(2, recordOf, undefined, pathToFileURL(script));
  const ids = await addHundred(pool);
  return { ids, records: await pool.finish() };
}

describe("ExtractionPool", () => {
  it("batches go to a worker with room and come back in the order added", async () => {
    const { ids, records } = await runWith("working.mjs", 'parentPort.on("message", ({ id, articles }) => parentPort.postMessage({ id, records: articles.map((a) => ({ id: a.id, claims: [], via: "worker" })) }));');
    expect(records.map((r) => r.id)).toEqual(ids);
    expect(records.some((r) => (r as unknown as { via?: string }).via === "worker")).toBe(true);
  });

  it("a worker that dies gives its batches back, and every article still has its record, in order", async () => {
    const { ids, records } = await runWith("dying.mjs", 'parentPort.on("message", () => { throw new Error("out of memory, say"); });');
    expect(records.map((r) => r.id)).toEqual(ids);
  });
});
