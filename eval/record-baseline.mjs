#!/usr/bin/env node
// Records each fixture cluster's current figures in eval/baseline.json: the floor the test suite holds.
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { factcheck } from "../dist/index.js";
import { scoreCluster } from "./score.mjs";

const baseline = {};
for (const name of readdirSync("fixtures").sort()) {
  if (!existsSync(`fixtures/${name}/gold.json`)) continue;
  const gold = JSON.parse(readFileSync(`fixtures/${name}/gold.json`, "utf8"));
  const report = JSON.parse(JSON.stringify(await factcheck([`fixtures/${name}/articles`])));
  const s = scoreCluster(gold, report);
  baseline[name] = { found: s.tp, falseAlarms: s.reported - s.tp, trapsHit: s.trapsHit, agreements: s.agreeHit, uncorroborated: s.uncHit, claims: s.claimsHit };
}
writeFileSync("eval/baseline.json", `${JSON.stringify(baseline, null, 2)}\n`);
console.log(baseline);
