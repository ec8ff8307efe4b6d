import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAndExtract } from "../../src/index.js";

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "factcheck-stream-"));
  for (const folder of ["one", "two"]) mkdirSync(join(root, folder));
  writeFileSync(join(root, "one", "a.txt"), " date 2026-03-10 Headline\nPrime Minister Ana Ruiz visited Velm on Monday.\n");
  writeFileSync(join(root, "two", "a.txt"), " date 2026-03-11 Headline\nPrime Minister Ana Ruiz left Velm on Tuesday.\n");
  // no date of its own: it is read as of the latest date of the others
  writeFileSync(join(root, "two", "b.txt"), "Headline\nPrime Minister Ana Ruiz spoke on Tuesday.\n");
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("readAndExtract: reading and extracting as one stream", () => {
  it("files of one name in two folders are told apart by path, in the record and in every claim", async () => {
    const { records } = await readAndExtract([join(root, "one"), join(root, "two")]);
    const ids = records.map((r) => r.id);
    expect(ids).toEqual([join(root, "one", "a.txt"), join(root, "two", "a.txt"), "b.txt"]);
    for (const r of records) expect(new Set(r.claims.map((c) => c.source))).toEqual(new Set([r.id]));
  });

  it("an undated article waits for the others and takes the latest of their dates", async () => {
    const { records } = await readAndExtract([root]);
    const undated = records.find((r) => r.id.endsWith("b.txt"))!;
    expect(undated.anchor).toEqual({ date: "2026-03-11", from: "story" });
    expect(undated.claims.filter((c) => c.attribute === "date").map((c) => c.value.normalized)).toEqual(["2026-03-10"]);
  });
});
