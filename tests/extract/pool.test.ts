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

describe("ExtractionPool", () => {
  it("batches go to a worker with room and come back in the order added", async () => {
    const working = join(folder, "working.mjs");
    writeFileSync(working, 'import { parentPort } from "node:worker_threads";\nparentPort.on("message", ({ id, articles }) => parentPort.postMessage({ id, records: articles.map((a) => ({ id: a.id, claims: [], via: "worker" })) }));\n');
    const pool = new ExtractionPool(2, recordOf, undefined, pathToFileURL(working));
    const ids = await addHundred(pool);
    const records = await pool.finish();
    expect(records.map((r) => r.id)).toEqual(ids);
    expect(records.some((r) => (r as unknown as { via?: string }).via === "worker")).toBe(true);
  });

  it("a worker that dies gives its batches back, and every article still has its record, in order", async () => {
    const dying = join(folder, "dying.mjs");
    writeFileSync(dying, 'import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => { throw new Error("out of memory, say"); });\n');
    const pool = new ExtractionPool(2, recordOf, undefined, pathToFileURL(dying));
    const ids = await addHundred(pool);
    const records = await pool.finish();
    expect(records.map((r) => r.id)).toEqual(ids);
  });
});
