#!/usr/bin/env node
// The speed of `factcheck seeds/`: wall time of the CLI (node start and model load included),
// and in-process time of factcheck(["seeds/"]) after a warm-up. Run after a build: npm run bench.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const RUNS = 7;
const root = fileURLToPath(new URL("../", import.meta.url));
const bin = fileURLToPath(new URL("../bin/factcheck.js", import.meta.url));

const median = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
// two decimals, three below a tenth of a second so short in-process times still show
const seconds = (ms) => (ms / 1000).toFixed(ms < 100 ? 3 : 2);

function line(label, times) {
  const min = Math.min(...times);
  const max = Math.max(...times);
  console.log(`${label}: median ${seconds(median(times))} s (min ${seconds(min)}, max ${seconds(max)})`);
}

function wall(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    const elapsed = performance.now() - start;
    if (run.status !== 0) {
      console.error(`factcheck ${args.join(" ")} exited ${run.status ?? run.signal}: ${run.stderr.toString().trim()}`);
      process.exit(1);
    }
    times.push(elapsed);
  }
  return times;
}

line(`factcheck seeds/ (json, wall, ${RUNS} runs)`, wall(["seeds/", "--json"]));
line(`factcheck seeds/ (pretty, wall, ${RUNS} runs)`, wall(["seeds/", "--format", "pretty"]));

process.chdir(root);
const { factcheck } = await import("../dist/index.js");
await factcheck(["seeds/"]); // warm-up: model load, JIT
const times = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await factcheck(["seeds/"]);
  times.push(performance.now() - start);
}
line(`factcheck(["seeds/"]) (in-process, after warm-up, ${RUNS} runs)`, times);
