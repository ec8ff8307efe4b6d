import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import { scoreCluster } from "../../eval/score.mjs";

// The scorer's figures on every cluster under fixtures/ may only get better: eval/baseline.json
// holds the floor (npm run build && node eval/record-baseline.mjs raises it).
const baseline = JSON.parse(readFileSync("eval/baseline.json", "utf8")) as Record<string, { found: number; falseAlarms: number; trapsHit: number; agreements: number; uncorroborated: number; claims: number }>;
const clusters = readdirSync("fixtures").filter((name) => existsSync(`fixtures/${name}/gold.json`)).sort();

describe("fixture clusters keep their recorded figures", () => {
  it("every cluster has a recorded baseline", () => {
    expect(clusters.filter((name) => !baseline[name])).toEqual([]);
  });
  for (const name of clusters) {
    it(name, async () => {
      const gold = JSON.parse(readFileSync(`fixtures/${name}/gold.json`, "utf8"));
      const report = JSON.parse(JSON.stringify(await factcheck([`fixtures/${name}/articles`])));
      const s = scoreCluster(gold, report);
      const floor = baseline[name]!;
      const misses = s.rows.filter((r) => r[0] !== "hit " && r[0] !== "ok  ").map((r) => r.join(" "));
      expect({ found: s.tp >= floor.found, falseAlarms: s.reported - s.tp <= floor.falseAlarms, traps: s.trapsHit <= floor.trapsHit, agreements: s.agreeHit >= floor.agreements, uncorroborated: s.uncHit >= floor.uncorroborated, claims: s.claimsHit >= floor.claims }, misses.join("\n")).toEqual({ found: true, falseAlarms: true, traps: true, agreements: true, uncorroborated: true, claims: true });
    });
  }
});
