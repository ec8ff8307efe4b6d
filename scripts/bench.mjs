#!/usr/bin/env node
// npm run bench: speed and memory of factcheck, as ratios measured in one run on the same texts.
//
// It builds a corpus by systematically varying the fixture clusters (new names, places, numbers
// and dates, sentence order; many stories mixed), then prints end-to-end time and articles/s at
// 1,000, 4,000 and 16,000 articles with peak RSS, the time of bare wink-nlp (readDoc and a pass
// over the tokens) on the same texts in one thread, and `factcheck seeds/` wall time.
//
// Real text too: `npm run bench -- --corpus DIR` (repeatable; or BENCH_CORPUS=DIR:DIR) builds the
// same corpora from the articles under DIR as well (each folder holding .txt or .md files is one
// story), times a run over DIR's files as they are, and prints its figures beside the fixtures'.
// The project never reads such a folder itself: it is named by hand, on the command line.
// `--sizes 1000,4000` (or BENCH_SIZES) picks the corpus sizes; BENCH_SEEDS_RUNS the runs on seeds/.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { delimiter, join, relative } from "node:path";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** A usage error: one line, exit 2. */
function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** --corpus DIR (repeatable), --corpus=DIR, --sizes LIST; BENCH_CORPUS and BENCH_SIZES as fallbacks. */
function argumentsOf(argv) {
  const corpora = [];
  let sizes = process.env.BENCH_SIZES ?? "1000,4000,16000";
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === "--corpus") corpora.push(value());
    else if (flag === "--sizes") sizes = value();
    else fail(`unknown argument ${argv[i]} (--corpus DIR, --sizes 1000,4000)`);
  }
  if (corpora.length === 0 && process.env.BENCH_CORPUS) corpora.push(...process.env.BENCH_CORPUS.split(delimiter).filter(Boolean));
  for (const dir of corpora) if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`--corpus ${dir} is not a folder`);
  return { corpora, sizes: sizes.split(",").map(Number) };
}

/** The stories under a folder: each folder that holds article files (.txt, .md) directly, with their texts, in name order. */
function clustersOf(root) {
  const clusters = [];
  const visit = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const files = entries.filter((e) => e.isFile() && /\.(txt|md)$/i.test(e.name) && !e.name.startsWith("."));
    if (files.length > 0) clusters.push({ name: relative(root, dir) || ".", texts: files.map((f) => readFileSync(join(dir, f.name), "utf8")) });
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules") visit(join(dir, e.name));
  };
  visit(root);
  return clusters;
}

const { corpora, sizes: SIZES } = argumentsOf(process.argv.slice(2));
const fixtureClusters = readdirSync("fixtures").filter((c) => existsSync(`fixtures/${c}/articles`)).sort()
  .map((c) => ({ name: c, texts: readdirSync(`fixtures/${c}/articles`).sort().map((f) => readFileSync(`fixtures/${c}/articles/${f}`, "utf8")) }));
const CORPORA = [
  { label: "fixtures", dir: null, clusters: fixtureClusters },
  ...corpora.map((dir) => ({ label: dir, dir, clusters: clustersOf(dir) })),
];
for (const corpus of CORPORA) if (corpus.clusters.length === 0) fail(`no .txt or .md articles under ${corpus.label}`);

const SYLLABLES = ["ka", "lo", "ren", "vi", "sto", "mar", "del", "ta", "bri", "on", "sel", "ku"];
/** A made-up name, unique for each (variant, name) pair: the digits of the number in syllables. */
const nameFor = (variant, index) => {
  let s = "";
  for (let x = variant * 4096 + index + 1; x > 0; x = Math.floor(x / SYLLABLES.length)) s += SYLLABLES[x % SYLLABLES.length];
  return s[0].toUpperCase() + s.slice(1);
};

/** Variant `v` of one cluster's article: its names (the same in every article of the cluster), numbers, dates and sentence order changed. */
function vary(text, v, names) {
  // every capitalised word of three letters or more, accented ones included ("Lee", "Führer")
  let out = text.replace(/(?<![\p{L}\p{M}])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{M}])/gu, (w) => {
    if (["The", "This", "That", "With", "After", "When", "But", "And", "For", "Its", "His", "Her", "Was", "Has", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December", "President", "Prime", "Minister"].includes(w)) return w;
    if (!names.has(w)) names.set(w, nameFor(v, names.size + names.offset));
    return names.get(w);
  });
  out = out.replace(/\b(\d{2,3})\b/g, (n) => String(Number(n) + (v % 9)));
  out = out.replace(/\b(20\d\d)\b/g, (y) => String(Number(y) + (v % 3)));
  // sentence order: swap two body lines
  const lines = out.split("\n");
  if (lines.length > 6 && v % 2 === 1) [lines[4], lines[5]] = [lines[5], lines[4]];
  return lines.join("\n");
}

function buildCorpus(size, clusters) {
  const dir = mkdtempSync(join(tmpdir(), `factcheck-bench-${size}-`));
  const texts = [];
  let n = 0;
  for (let v = 0; n < size; v++) {
    for (let c = 0; c < clusters.length && n < size; c++) {
      const story = join(dir, `s${v}-${c}`);
      mkdirSync(story, { recursive: true });
      // one name map per story, numbered apart from the other stories of the variant
      const names = Object.assign(new Map(), { offset: c * 300 });
      clusters[c].texts.forEach((text, i) => {
        if (n >= size) return;
        const varied = vary(text, v, names);
        writeFileSync(join(story, `a${i}.txt`), varied);
        texts.push(varied);
        n++;
      });
    }
  }
  return { dir, texts };
}

function bareWink(texts) {
  const nlp = winkNLP(model);
  const its = nlp.its;
  const start = process.hrtime.bigint();
  let tokens = 0;
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    doc.tokens().each((t) => {
      if (t.out(its.type) === "word") tokens++;
    });
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** One run of the CLI in a child process: wall seconds and peak RSS (MiB) from GNU time or the child's usage. */
function run(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync("node", ["--expose-gc", "bin/factcheck.js", ...args], { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "ignore", "pipe"] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0 && child.status !== 1) throw new Error(child.stderr);
  return seconds;
}

function peakRss(args) {
  // /usr/bin/time -v reports the child's maximum resident set size
  const r = spawnSync("/usr/bin/time", ["-v", "node", "bin/factcheck.js", ...args], { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "ignore", "pipe"] });
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  return m ? Number(m[1]) / 1024 : NaN;
}

const fmt = (x, d = 2) => x.toFixed(d);

/**
 * Where the time goes, on one thread: the same run as two commands, `factcheck extract` (reading
 * and extraction, wink-nlp included, and writing the records) and `factcheck reconcile` (reading
 * the records, grouping, reconciling and writing the report), each as a multiple of bare wink-nlp
 * on the same texts. Each pays its own start-up and the records' JSON, so they add up to more
 * than the one-shot run.
 */
function breakdown(dir, wink) {
  const records = join(dir, "..", `${dir.split("/").at(-1)}.ndjson`);
  let start = process.hrtime.bigint();
  const extract = spawnSync("node", ["bin/factcheck.js", "extract", dir, "--jobs", "1", "-o", records], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const extractSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (extract.status !== 0) throw new Error(extract.stderr);
  start = process.hrtime.bigint();
  run(["reconcile", records, "--json"]);
  const reconcileSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  rmSync(records, { force: true });
  console.log(`  as two commands on one thread: extract ${fmt(extractSeconds)} s (${fmt(extractSeconds / wink)}× wink) | reconcile and report ${fmt(reconcileSeconds)} s (${fmt(reconcileSeconds / wink)}× wink)`);
}
const cores = availableParallelism();
console.log(`factcheck bench — ${cores} cores, node ${process.version}`);

const seedsCount = Number(process.env.BENCH_SEEDS_RUNS ?? 7);
const seedsRuns = Array.from({ length: seedsCount }, () => run(["seeds/", "--json"])).sort((a, b) => a - b);
console.log(`factcheck seeds/ (json, wall, ${seedsCount} runs): median ${fmt(seedsRuns[Math.floor(seedsCount / 2)])} s (min ${fmt(seedsRuns[0])}, max ${fmt(seedsRuns.at(-1))})`);

/** The folder's own files, unvaried, in one run: its size, and time and memory per MB. */
function asGiven(corpus) {
  const texts = corpus.clusters.flatMap((c) => c.texts);
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024 ** 2;
  const one = run([corpus.dir, "--json", "--jobs", "1"]);
  const all = run([corpus.dir, "--json"]);
  const rss = existsSync("/usr/bin/time") ? peakRss([corpus.dir, "--json"]) : NaN;
  console.log(`  as given: ${texts.length} articles in ${corpus.clusters.length} stories, ${fmt(mb)} MB | --jobs 1 ${fmt(one)} s (${fmt(one / mb)} s/MB) | --jobs ${cores} ${fmt(all)} s (${fmt(all / mb)} s/MB) | peak RSS ${fmt(rss, 0)} MiB`);
}

/** One corpus at every size: a line each, and the figures for the table at the end. */
function benchCorpus(corpus) {
  console.log(`\ncorpus: ${corpus.label} (${corpus.clusters.length} stories, ${corpus.clusters.reduce((n, c) => n + c.texts.length, 0)} articles, varied to each size)`);
  if (corpus.dir) asGiven(corpus);
  const figures = {};
  for (const size of SIZES) {
    const { dir, texts } = buildCorpus(size, corpus.clusters);
    const wink = bareWink(texts);
    const one = run([dir, "--json", "--jobs", "1"]);
    const all = run([dir, "--json"]);
    const rss = existsSync("/usr/bin/time") ? peakRss([dir, "--json"]) : NaN;
    figures[size] = { one, all, rss, wink };
    console.log(
      `${size} articles: bare wink ${fmt(wink)} s | --jobs 1 ${fmt(one)} s (${fmt(one / wink)}× wink, ${fmt(size / one, 0)} articles/s) | ` +
        `--jobs ${cores} ${fmt(all)} s (${fmt(all / wink)}× wink, ${fmt(size / all, 0)} articles/s) | peak RSS ${Number.isNaN(rss) ? "n/a (no /usr/bin/time)" : `${fmt(rss, 0)} MiB`}`,
    );
    if (size === 4000) breakdown(dir, wink);
    rmSync(dir, { recursive: true, force: true });
  }
  const per = (size) => figures[size] && figures[size].all / size;
  if (per(1000) && per(16000)) console.log(`time per article at 16,000 / at 1,000: ${fmt(per(16000) / per(1000))}`);
  // the same ratio without what every run pays once (node, the model, warming up): the time each
  // article adds between 4,000 and 16,000 over the time each adds between 1,000 and 4,000
  if (per(1000) && per(4000) && per(16000)) {
    const early = (per(4000) * 4000 - per(1000) * 1000) / 3000;
    const late = (per(16000) * 16000 - per(4000) * 4000) / 12000;
    console.log(`time each article adds, 4,000→16,000 / 1,000→4,000: ${fmt(late / early)}`);
  }
  return figures;
}

const results = CORPORA.map((corpus) => ({ label: corpus.label, figures: benchCorpus(corpus) }));
// side by side: the fixtures' figures beside each real corpus's, size by size
if (results.length > 1) {
  const cell = (f, size) => (f ? `${fmt(size / f.one, 0)}/s | ${fmt(size / f.all, 0)}/s | ${fmt(f.one / f.wink)}× wink | ${Number.isNaN(f.rss) ? "n/a" : `${fmt(f.rss, 0)} MiB`}` : "");
  const width = Math.max(...results.map((r) => r.label.length), 40);
  console.log(`\nside by side (articles/s with --jobs 1 | --jobs ${cores} | --jobs 1 as a multiple of bare wink | peak RSS):`);
  console.log(`${"articles".padEnd(9)}${results.map((r) => r.label.padEnd(width + 2)).join("")}`);
  for (const size of SIZES) console.log(`${String(size).padEnd(9)}${results.map((r) => cell(r.figures[size], size).padEnd(width + 2)).join("")}`);
}
void execFileSync;
