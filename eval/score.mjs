#!/usr/bin/env node
// The project's own scorer: matches factcheck's JSON report against a cluster's gold.json.
// Same rules as the evaluation the project is judged by: loose about wording, strict about substance.
//
//   node eval/score.mjs [-v] [--cmd "node bin/factcheck.js"] fixtures/*/
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const norm = (s) =>
  String(s ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.:]+/g, " ")
    .trim();
const words = (s) => ` ${norm(s)} `;

function valueMatches(gold, v) {
  const g = norm(gold);
  if (!g) return false;
  if (/^-?\d+(\.\d+)?$/.test(g) && typeof v.number === "number" && Number(g) === v.number) return true;
  for (const field of [v.normalized, v.text]) {
    const f = norm(field);
    if (f === g || (f && words(field).includes(` ${g} `))) return true;
  }
  return false;
}
const subjectBlob = (f) => norm([f.subject?.name, ...(f.subject?.aliases ?? []), f.subject?.id, ...(f.values ?? []).map((v) => v.text)].join(" "));
const hintsMatch = (hints, f) => !hints?.length || hints.some((h) => subjectBlob(f).includes(norm(h)));
const sourcesOf = (f) => new Set((f.values ?? []).flatMap((v) => v.sources ?? []));
const allValuesIn = (goldValues, f) => goldValues.every((g) => (f.values ?? []).some((v) => valueMatches(g, v)));
const matchesContradiction = (g, f) =>
  f.kind === "contradiction" && f.attribute === g.attribute && allValuesIn(g.values, f) && hintsMatch(g.hints, f) && (g.sources ?? []).every((s) => sourcesOf(f).has(s));
const supportsValue = (g, f, kinds) =>
  kinds.includes(f.kind) && f.attribute === g.attribute && hintsMatch(g.hints, f) &&
  (f.values ?? []).some((v) => g.values.some((gv) => valueMatches(gv, v)) && (v.sources ?? []).length >= (g.min_sources ?? 1) && (g.sources ?? []).every((s) => (v.sources ?? []).includes(s)));
const claimFound = (g, claims) =>
  claims.some((c) => c.source === g.source && c.attribute === g.attribute && valueMatches(g.value, c.value ?? {}) &&
    (!g.hints?.length || g.hints.some((h) => norm([c.subject?.name, c.subject?.id, c.evidence?.quote].join(" ")).includes(norm(h)))));

/** Scores one report against one gold file: counts and the rows that missed. */
export function scoreCluster(gold, report) {
  const findings = report.findings ?? [];
  const contradictions = findings.filter((f) => f.kind === "contradiction");
  const used = new Set();
  const rows = [];
  let tp = 0;
  for (const g of gold.contradictions ?? []) {
    const i = contradictions.findIndex((f, k) => !used.has(k) && matchesContradiction(g, f));
    if (i >= 0) { used.add(i); tp++; }
    rows.push([i >= 0 ? "hit " : "MISS", "contradiction", g.id]);
  }
  let trapsHit = 0;
  for (const t of gold.traps ?? []) {
    const hit = contradictions.some((f) => f.attribute === t.attribute && allValuesIn(t.values, f) && hintsMatch(t.hints, f));
    if (hit) trapsHit++;
    rows.push([hit ? "TRAP" : "ok  ", "no contradiction", t.id]);
  }
  let agreeHit = 0;
  for (const a of gold.agreements ?? []) {
    const hit = findings.some((f) => supportsValue(a, f, ["agreement", "contradiction"]));
    if (hit) agreeHit++;
    rows.push([hit ? "hit " : "MISS", "agreement", a.id]);
  }
  let uncHit = 0;
  for (const u of gold.uncorroborated ?? []) {
    const hit = findings.some((f) => supportsValue(u, f, ["uncorroborated"]));
    if (hit) uncHit++;
    rows.push([hit ? "hit " : "MISS", "uncorroborated", u.id]);
  }
  let claimsHit = 0;
  for (const c of gold.claims ?? []) {
    const hit = claimFound(c, report.claims ?? []);
    if (hit) claimsHit++;
    rows.push([hit ? "hit " : "MISS", "claim", `${c.source} ${c.attribute}=${c.value}`]);
  }
  const debatable = (f) => (gold.debatable ?? []).some((d) => f.attribute === d.attribute && allValuesIn(d.values, f) && hintsMatch(d.hints, f));
  const unmatched = contradictions.filter((_, k) => !used.has(k));
  const excused = unmatched.filter(debatable);
  const extra = unmatched.filter((f) => !debatable(f));
  for (const f of extra) rows.push(["FALSE", "contradiction", `${f.attribute} ${f.subject?.name ?? "?"}: ${(f.values ?? []).map((v) => v.text).join(" | ")}`]);
  return {
    cluster: gold.cluster,
    rows,
    tp, reported: contradictions.length - excused.length, goldC: (gold.contradictions ?? []).length,
    traps: (gold.traps ?? []).length, trapsHit,
    agree: (gold.agreements ?? []).length, agreeHit,
    unc: (gold.uncorroborated ?? []).length, uncHit,
    claims: (gold.claims ?? []).length, claimsHit,
  };
}

/** Adds up cluster scores into the overall figures. */
export function overall(scores) {
  const t = scores.reduce((a, s) => {
    for (const k of ["tp", "reported", "goldC", "traps", "trapsHit", "agree", "agreeHit", "unc", "uncHit", "claims", "claimsHit"]) a[k] = (a[k] ?? 0) + s[k];
    return a;
  }, {});
  const recall = t.goldC ? t.tp / t.goldC : 1;
  const precision = t.reported ? t.tp / t.reported : t.goldC ? 0 : 1;
  const f1 = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  return { ...t, recall, precision, f1, agreements: t.agree ? t.agreeHit / t.agree : 1, uncorroborated: t.unc ? t.uncHit / t.unc : 1, claimsRate: t.claims ? t.claimsHit / t.claims : 1 };
}

const pct = (a, b) => (b ? `${Math.round((100 * a) / b)}%` : "n/a");
export function overallLine(o) {
  return `overall: contradiction recall ${pct(o.tp, o.goldC)} precision ${pct(o.tp, o.reported)} F1 ${o.f1.toFixed(2)}; ` +
    `traps hit ${o.trapsHit}/${o.traps}; agreements ${pct(o.agreeHit, o.agree)}; uncorroborated ${pct(o.uncHit, o.unc)}; claims ${pct(o.claimsHit, o.claims)}`;
}

function runCli() {
  const args = process.argv.slice(2);
  let cmd = "node bin/factcheck.js";
  let verbose = false;
  const clusters = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--cmd") cmd = args[++i];
    else if (args[i] === "-v") verbose = true;
    else clusters.push(args[i]);
  }
  const scores = [];
  for (const dir of clusters) {
    const goldPath = join(dir, "gold.json");
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, "utf8"));
    const [bin, ...rest] = cmd.split(" ");
    let out;
    try {
      out = execFileSync(bin, [...rest, resolve(dir, "articles"), "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
    } catch (e) {
      out = e.stdout;
    }
    const s = scoreCluster(gold, JSON.parse(out));
    scores.push(s);
    console.log(`\n== ${s.cluster}`);
    for (const r of s.rows) if (verbose || !["hit ", "ok  "].includes(r[0])) console.log(`  ${r[0].padEnd(5)} ${r[1].padEnd(16)} ${r[2]}`);
    console.log(`  contradictions ${s.tp}/${s.goldC} found, ${s.reported} reported, traps hit ${s.trapsHit}/${s.traps}, agreements ${s.agreeHit}/${s.agree}, uncorroborated ${s.uncHit}/${s.unc}, claims ${s.claimsHit}/${s.claims}`);
  }
  console.log(`\n${overallLine(overall(scores))}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runCli();
