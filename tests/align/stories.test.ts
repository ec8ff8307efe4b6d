import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { groupStories } from "../../src/align/stories.js";
import type { ArticleRecord } from "../../src/model/record.js";
import { describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import type { Finding } from "../../src/model/finding.js";

const clusters = readdirSync("fixtures").filter((c) => existsSync(`fixtures/${c}/gold.json`)).sort();

/** A contradiction as content, with source ids relative to its own cluster. */
function signature(f: Finding, strip: (id: string) => string): string {
  const values = f.values.map((v) => `${v.normalized}@${v.sources.map(strip).sort().join("+")}`).sort();
  return `${f.attribute}|${f.subject.name}|${values.join(";")}`;
}

describe("many stories in one input", () => {
  it("groups the mixed fixture clusters back into their stories, and finds exactly the union of their contradictions", async () => {
    const mix = mkdtempSync(join(tmpdir(), "factcheck-mix-"));
    for (const c of clusters) {
      mkdirSync(join(mix, c));
      cpSync(`fixtures/${c}/articles`, join(mix, c), { recursive: true });
    }
    const mixed = await factcheck([mix]);
    const storiesByCluster = new Map<string, Set<string>>();
    for (const story of mixed.stories ?? []) for (const id of story.sources) storiesByCluster.set(id.split("/")[0]!, (storiesByCluster.get(id.split("/")[0]!) ?? new Set()).add(story.id));
    expect(mixed.stories).toHaveLength(clusters.length);
    for (const c of clusters) expect([...storiesByCluster.get(c)!]).toHaveLength(1);

    const expected = new Set<string>();
    for (const c of clusters) {
      const alone = await factcheck([`fixtures/${c}/articles`]);
      for (const f of alone.findings.filter((x) => x.kind === "contradiction")) expected.add(`${c}:${signature(f, (id) => id)}`);
    }
    const got = new Set(
      mixed.findings.filter((f) => f.kind === "contradiction").map((f) => `${f.values[0]!.sources[0]!.split("/")[0]}:${signature(f, (id) => id.split("/").slice(1).join("/"))}`),
    );
    expect([...got].sort()).toEqual([...expected].sort());
    expect(mixed.findings.every((f) => f.story !== undefined)).toBe(true);
  });

  it("one story gives no stories list and no story on findings", async () => {
    const report = await factcheck(["seeds/"]);
    expect(report.stories).toBeUndefined();
    expect(report.findings.some((f) => f.story !== undefined)).toBe(false);
  });

  it("an article sharing fewer than three names with any other joins the story it shares most with, not the largest", () => {
    const record = (id: string, keys: string[]) => ({ id, keys }) as unknown as ArticleRecord;
    const stories = groupStories([
      record("a1", ["alder", "birch", "cedar", "dogwood"]),
      record("a2", ["alder", "birch", "cedar", "elm"]),
      record("a3", ["alder", "birch", "cedar", "fir"]),
      record("b1", ["velm", "ostria", "kessa", "tarn"]),
      record("b2", ["velm", "ostria", "kessa", "lorn"]),
      record("lone", ["velm", "tarn", "quay"]),
    ]);
    expect(stories.map((s) => s.sources)).toEqual([
      ["a1", "a2", "a3"],
      ["b1", "b2", "lone"],
    ]);
  });
});
