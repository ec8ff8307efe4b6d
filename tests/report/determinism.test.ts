import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import { formatJson } from "../../src/report/json.js";

const jsonOf = async (paths: readonly string[]): Promise<string> => formatJson(await factcheck(paths));

const seedFiles = readdirSync("seeds")
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => `seeds/${name}`);

describe("the JSON report is deterministic", () => {
  it("two runs on seeds/ are byte-identical", async () => {
    const first = await jsonOf(["seeds/"]);
    const second = await jsonOf(["seeds/"]);
    expect(second).toBe(first);
  });

  it("seeds/, ./seeds and the absolute path of seeds give the same bytes", async () => {
    const folder = await jsonOf(["seeds/"]);
    expect(await jsonOf(["./seeds"])).toBe(folder);
    expect(await jsonOf([resolve("seeds")])).toBe(folder);
  });

  it("the files given one by one, forward or reversed, give the same bytes", async () => {
    expect(seedFiles).toHaveLength(5);
    const forward = await jsonOf(seedFiles);
    const reversed = await jsonOf([...seedFiles].reverse());
    expect(reversed).toBe(forward);
    expect((JSON.parse(forward) as { sources: { id: string }[] }).sources.map((s) => s.id)).toEqual(seedFiles);
  });
});
