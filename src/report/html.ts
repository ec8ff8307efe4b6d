import { createHash } from "node:crypto";
import type { Claim } from "../model/claim.js";
import type { Finding, FindingKind } from "../model/finding.js";
import type { Report, Source } from "../model/report.js";
import { safeText } from "./safe.js";

/**
 * One self-contained HTML page: the summary and the sources, the findings (filterable), and each
 * source's sentences side by side with the claims' values highlighted. No network: inline style and
 * script only, locked down by a Content-Security-Policy that allows nothing else. Everything from the
 * report is escaped; the script reads its data from a JSON block with `<` escaped.
 */

// ---------------------------------------------------------------------------------------------
// colours

/** Colour roles of one scheme. Every `*Fg` is text on the matching `*Bg`. */
export interface Scheme {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  selected: string;
  agreedFg: string;
  agreedBg: string;
  contradictedFg: string;
  contradictedBg: string;
  uncorroboratedFg: string;
  uncorroboratedBg: string;
  updateFg: string;
  updateBg: string;
}

export const PALETTE: { light: Scheme; dark: Scheme } = {
  light: {
    bg: "#ffffff",
    surface: "#f5f6f8",
    text: "#1b1f24",
    muted: "#545d6a",
    border: "#c4cad3",
    accent: "#0a58ca",
    selected: "#e6effc",
    agreedFg: "#0f4d25",
    agreedBg: "#d4f0dc",
    contradictedFg: "#8a1111",
    contradictedBg: "#fddada",
    uncorroboratedFg: "#5e4500",
    uncorroboratedBg: "#fcefc7",
    updateFg: "#123f80",
    updateBg: "#dbe7fb",
  },
  dark: {
    bg: "#121418",
    surface: "#1b1e24",
    text: "#e6e8eb",
    muted: "#a5adba",
    border: "#3a404a",
    accent: "#8cb4ff",
    selected: "#1f2f4d",
    agreedFg: "#bdf0cc",
    agreedBg: "#163d25",
    contradictedFg: "#ffd4d4",
    contradictedBg: "#4f1919",
    uncorroboratedFg: "#fde7a4",
    uncorroboratedBg: "#463607",
    updateFg: "#cfe0ff",
    updateBg: "#17325a",
  },
};

/**
 * The pairs the page draws text with, [foreground, background]: each must reach 4.5:1 (WCAG AA) in
 * both schemes. A highlighted value that is "current" swaps its pair (same ratio).
 */
export const TEXT_PAIRS: ReadonlyArray<readonly [keyof Scheme, keyof Scheme]> = [
  ["text", "bg"],
  ["text", "surface"],
  ["text", "selected"],
  ["muted", "bg"],
  ["muted", "surface"],
  ["muted", "selected"],
  ["accent", "bg"],
  ["accent", "surface"],
  ["agreedFg", "agreedBg"],
  ["contradictedFg", "contradictedBg"],
  ["uncorroboratedFg", "uncorroboratedBg"],
  ["updateFg", "updateBg"],
];

const cssVar = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function schemeCss(scheme: Scheme): string {
  return Object.entries(scheme)
    .map(([key, value]) => `${cssVar(key)}:${value};`)
    .join("");
}

// ---------------------------------------------------------------------------------------------
// escaping

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as inert HTML, for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Report text shown on the page: control and bidi characters made visible (safeText), then escaped. */
const h = (text: string): string => escapeHtml(safeText(text));

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` as \u escapes (so no `</script>`
 * or `<!--` can occur), and U+2028/U+2029 too. These only ever occur inside JSON strings, where the escape
 * means the same character.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

// ---------------------------------------------------------------------------------------------
// what became of each claim

type Status = "contradicted" | "update" | "uncorroborated" | "agreed";

const STATUS_OF: Readonly<Record<FindingKind, Status>> = {
  contradiction: "contradicted",
  update: "update",
  // values that differ but may not contradict: shown like a revised figure, never as an error
  discrepancy: "update",
  uncorroborated: "uncorroborated",
  agreement: "agreed",
};

/** When a claim is in several findings, the most telling one names it. */
const STATUS_RANK: Readonly<Record<Status, number>> = { contradicted: 0, update: 1, uncorroborated: 2, agreed: 3 };

const KIND_LABEL: Readonly<Record<FindingKind, string>> = {
  contradiction: "contradiction",
  update: "update",
  discrepancy: "possible discrepancy",
  uncorroborated: "uncorroborated",
  agreement: "agreement",
};

const KIND_ORDER: readonly FindingKind[] = ["contradiction", "update", "discrepancy", "uncorroborated", "agreement"];

/** `finding.story` is an addition of report v1 the zod model may not carry yet. */
function storyOf(finding: Finding): string | undefined {
  const story: unknown = (finding as Finding & { story?: unknown }).story;
  return typeof story === "string" ? story : undefined;
}

interface ClaimUse {
  /** indices of the findings that list the claim, in report order */
  findings: number[];
  status: Status;
  /** the claim's value is not the consensus of a contradiction */
  dissent: boolean;
}

function claimUses(findings: readonly Finding[]): Map<string, ClaimUse> {
  const uses = new Map<string, ClaimUse>();
  findings.forEach((finding, index) => {
    const status = STATUS_OF[finding.kind];
    for (const value of finding.values) {
      const dissent = finding.kind === "contradiction" && finding.consensus !== null && value.normalized !== finding.consensus;
      for (const id of value.claims) {
        const use = uses.get(id);
        if (!use) {
          uses.set(id, { findings: [index], status, dissent });
          continue;
        }
        if (!use.findings.includes(index)) use.findings.push(index);
        if (STATUS_RANK[status] < STATUS_RANK[use.status]) use.status = status;
        use.dissent ||= dissent;
      }
    }
  });
  return uses;
}

// ---------------------------------------------------------------------------------------------
// where each value is in its sentence

interface Span {
  start: number;
  end: number;
  claims: Claim[];
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === "") return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function occurrencesOf(quote: string, text: string): number[] {
  const exact = occurrences(quote, text);
  return exact.length > 0 ? exact : occurrences(quote.toLowerCase(), text.toLowerCase());
}

/**
 * The spans of a sentence that hold its claims' values. A claim's column is its value's column in its
 * line, and the sentence starts at one column of that line: the start most claims agree on places them
 * all; a claim that does not fit it takes the first free occurrence of its value. Overlapping spans merge.
 */
function spansOf(quote: string, claims: readonly Claim[]): { spans: Span[]; unplaced: Claim[] } {
  const found = claims.map((claim) => ({ claim, at: occurrencesOf(quote, claim.value.text) }));
  const votes = new Map<number, number>();
  for (const { claim, at } of found) {
    for (const start of new Set(at.map((a) => claim.evidence.column - 1 - a).filter((s) => s >= 0))) votes.set(start, (votes.get(start) ?? 0) + 1);
  }
  let lineStart: number | undefined;
  for (const [start, count] of votes) {
    if (lineStart === undefined || count > (votes.get(lineStart) ?? 0) || (count === votes.get(lineStart) && start < lineStart)) lineStart = start;
  }
  const spans: Span[] = [];
  const unplaced: Claim[] = [];
  const free = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  const ordered = [...found].sort((a, b) => a.claim.evidence.column - b.claim.evidence.column);
  for (const { claim, at } of ordered) {
    const length = claim.value.text.length;
    const expected = lineStart === undefined ? undefined : claim.evidence.column - 1 - lineStart;
    const start = at.find((a) => a === expected) ?? at.find((a) => free(a, a + length)) ?? at[0];
    if (start === undefined) unplaced.push(claim);
    else spans.push({ start, end: start + length, claims: [claim] });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.claims.push(...span.claims);
    } else merged.push({ ...span, claims: [...span.claims] });
  }
  return { spans: merged, unplaced };
}

// ---------------------------------------------------------------------------------------------
// the page

interface Marks {
  /** for each mark (in page order), the findings its claims are in */
  findings: number[][];
  /** for each claim id, its mark */
  byClaim: Map<string, number>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function markHtml(claims: readonly Claim[], text: string, uses: ReadonlyMap<string, ClaimUse>, report: Report, marks: Marks): string {
  const used = claims.map((c) => uses.get(c.id)).filter((u): u is ClaimUse => u !== undefined);
  if (used.length === 0) return h(text);
  const status = used.map((u) => u.status).sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])[0] ?? "agreed";
  const findings = [...new Set(used.flatMap((u) => u.findings))].sort((a, b) => a - b);
  const index = marks.findings.length;
  marks.findings.push(findings);
  for (const claim of claims) marks.byClaim.set(claim.id, index);
  const first = report.findings[findings[0] ?? -1];
  const label = first ? `${status}: ${first.attribute} of ${first.subject.name}` : status;
  const dissent = used.some((u) => u.dissent) ? " dissent" : "";
  return `<mark class="hl ${status}${dissent}" data-m="${index}" tabindex="0" role="button" title="${h(label)}">${h(text)}</mark>`;
}

function sentenceHtml(quote: string, line: number, claims: readonly Claim[], uses: ReadonlyMap<string, ClaimUse>, report: Report, marks: Marks): string {
  const { spans, unplaced } = spansOf(quote, claims);
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += h(quote.slice(at, span.start));
    out += markHtml(span.claims, quote.slice(span.start, span.end), uses, report, marks);
    at = span.end;
  }
  out += h(quote.slice(at));
  // a value the sentence does not spell as the claim gives it: shown after the sentence
  for (const claim of unplaced) out += ` <span class="detached">[${markHtml([claim], claim.value.text, uses, report, marks)}]</span>`;
  return `<p class="q"><span class="ln" title="line ${line}">${line}</span><span class="qt">${out}</span></p>`;
}

interface Panel {
  id: string;
  source: Source | undefined;
  label: string;
}

function panelHtml(panel: Panel, claims: readonly Claim[], uses: ReadonlyMap<string, ClaimUse>, report: Report, marks: Marks, index: number): string {
  // one entry per sentence: its claims, in line order
  const sentences = new Map<string, { quote: string; line: number; column: number; claims: Claim[] }>();
  for (const claim of claims) {
    const key = `${claim.evidence.line}\u0000${claim.evidence.quote}`;
    const entry = sentences.get(key);
    if (entry) {
      entry.claims.push(claim);
      entry.column = Math.min(entry.column, claim.evidence.column);
    } else sentences.set(key, { quote: claim.evidence.quote, line: claim.evidence.line, column: claim.evidence.column, claims: [claim] });
  }
  const ordered = [...sentences.values()].sort((a, b) => a.line - b.line || a.column - b.column);
  const source = panel.source;
  const title = source?.title ?? panel.id;
  const meta = [panel.id, source?.outlet ?? undefined, source?.published ?? "date unknown"].filter((x): x is string => x !== undefined);
  const draft = source?.draft === true ? `<span class="badge draft">draft</span> ` : "";
  const body =
    ordered.length === 0
      ? `<p class="empty">No claims found in this source.</p>`
      : ordered.map((s) => sentenceHtml(s.quote, s.line, s.claims, uses, report, marks)).join("\n");
  return [
    `<article class="panel" aria-labelledby="panel-${index}-title">`,
    `<header class="panel-head"><h3 id="panel-${index}-title" title="${h(title)}"><span class="src-label">${h(panel.label)}</span> ${h(title)}</h3>`,
    `<p class="meta" title="${h(source?.path ?? panel.id)}">${draft}${meta.map(h).join(" · ")}</p></header>`,
    `<div class="panel-body" tabindex="0" aria-label="${h(`sentences of ${panel.id}`)}">`,
    body,
    `</div></article>`,
  ].join("\n");
}

function findingHtml(finding: Finding, index: number, labels: ReadonlyMap<string, string>, titles: ReadonlyMap<string, string>): string {
  const values = finding.values
    .map((value) => {
      const consensus = finding.consensus !== null && value.normalized === finding.consensus;
      const sources = value.sources
        .map((id) => `<span class="src-label" title="${h(titles.get(id) ?? id)}">${h(labels.get(id) ?? id)}</span>`)
        .join(" ");
      return (
        `<li class="value${consensus ? " consensus" : ""}"><span class="v-text">${h(value.text)}</span>` +
        (consensus ? ` <span class="badge consensus-badge">consensus</span>` : "") +
        ` <span class="v-sources" aria-label="${h(plural(value.sources.length, "source"))}">${sources}</span></li>`
      );
    })
    .join("");
  const story = storyOf(finding);
  return [
    `<li><div class="finding ${finding.kind}" id="finding-${index}" data-i="${index}" tabindex="0" role="button" aria-pressed="false">`,
    `<div class="f-head"><span class="badge ${finding.kind}">${KIND_LABEL[finding.kind]}</span> <span class="f-attr">${h(finding.attribute)}</span> · <span class="f-subject">${h(finding.subject.name)}</span>${story === undefined ? "" : ` <span class="f-story">${h(story)}</span>`}</div>`,
    `<p class="f-msg">${h(finding.message)}</p>`,
    `<ul class="values">${values}</ul>`,
    `</div></li>`,
  ].join("");
}

function selectHtml(id: string, label: string, all: string, options: ReadonlyArray<{ value: string; label: string }>): string {
  return (
    `<label class="filter">${h(label)} <select id="${id}"><option value="">${h(all)}</option>` +
    options.map((o) => `<option value="${h(o.value)}">${h(o.label)}</option>`).join("") +
    `</select></label>`
  );
}

const CSS = `
:root{${schemeCss(PALETTE.light)}color-scheme:light dark;}
@media (prefers-color-scheme: dark){:root{${schemeCss(PALETTE.dark)}}}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;font-size:15px;line-height:1.45}
body{margin:0;background:var(--bg);color:var(--text)}
h1,h2,h3{margin:0;line-height:1.25}
h1{font-size:1.45rem}
h2{font-size:1.1rem;margin-bottom:.5rem}
h3{font-size:.95rem}
.page-head{padding:.8rem 1.25rem .6rem;border-bottom:1px solid var(--border)}
.title-row{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.2rem;margin-bottom:.6rem}
.summary{display:flex;flex-wrap:wrap;gap:.4rem;margin:0;padding:0;list-style:none}
.summary li{padding:.15rem .6rem;border-radius:999px;background:var(--surface);border:1px solid var(--border);color:var(--text)}
.summary b{font-variant-numeric:tabular-nums}
.summary .contradiction,.badge.contradiction,.hl.contradicted{background:var(--contradicted-bg);color:var(--contradicted-fg)}
.summary .agreement,.badge.agreement,.hl.agreed,.consensus-badge{background:var(--agreed-bg);color:var(--agreed-fg)}
.summary .uncorroborated,.badge.uncorroborated,.hl.uncorroborated{background:var(--uncorroborated-bg);color:var(--uncorroborated-fg)}
.summary .update,.badge.update,.hl.update{background:var(--update-bg);color:var(--update-fg)}
.sources-wrap{overflow-x:auto}
table.sources{border-collapse:collapse;font-size:.85rem;min-width:100%;line-height:1.35}
.sources th,.sources td{text-align:left;padding:.15rem .6rem;border-bottom:1px solid var(--border);vertical-align:top}
.sources th{color:var(--muted);font-weight:600}
.sources td.num{font-variant-numeric:tabular-nums}
.sources .id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.82rem;white-space:nowrap}
.sources .nowrap{white-space:nowrap}
.muted,.meta,.ln,.v-sources,.count{color:var(--muted)}
.badge{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-size:.76rem;font-weight:600;letter-spacing:.01em;vertical-align:.08em}
.badge.draft{background:var(--update-bg);color:var(--update-fg)}
.src-label{display:inline-block;min-width:1.9rem;padding:0 .3rem;border:1px solid var(--border);border-radius:.3rem;font-size:.76rem;font-weight:600;text-align:center;color:var(--text);background:var(--bg)}
.layout{display:grid;grid-template-columns:minmax(320px,400px) minmax(0,1fr);gap:1rem;padding:.8rem 1.25rem;align-items:start}
.findings-pane{position:sticky;top:0;max-height:100vh;overflow:auto;padding-right:.25rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem .8rem;align-items:center;margin-bottom:.5rem;font-size:.87rem}
.filter select{font:inherit;color:var(--text);background:var(--bg);border:1px solid var(--border);border-radius:.3rem;padding:.1rem .3rem}
ol.findings{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
.finding{display:block;padding:.55rem .7rem;border:1px solid var(--border);border-left:4px solid var(--border);border-radius:.4rem;background:var(--surface);cursor:pointer}
.finding.contradiction{border-left-color:var(--contradicted-fg)}
.finding.update{border-left-color:var(--update-fg)}
.finding.uncorroborated{border-left-color:var(--uncorroborated-fg)}
.finding.agreement{border-left-color:var(--agreed-fg)}
.finding[aria-pressed="true"]{background:var(--selected);border-color:var(--accent);box-shadow:0 0 0 1px var(--accent)}
.finding:focus-visible,.hl:focus-visible,.panel-body:focus-visible,.filter select:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.f-head{font-size:.9rem}
.f-subject{font-weight:600}
.f-attr{color:var(--muted)}
.f-story{color:var(--muted);font-size:.8rem}
.f-msg{margin:.3rem 0;overflow-wrap:anywhere}
.values{list-style:none;margin:0;padding:0;font-size:.87rem}
.values li{margin:.15rem 0;overflow-wrap:anywhere}
.v-text{font-weight:600}
.value:not(.consensus) .v-text{color:var(--text)}
.articles-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.3rem .8rem;margin-bottom:.5rem}
.legend{display:flex;flex-wrap:wrap;gap:.3rem;font-size:.8rem}
.legend .hl{cursor:default}
.articles{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:.75rem}
.panel{border:1px solid var(--border);border-radius:.4rem;background:var(--surface);display:flex;flex-direction:column;min-width:0}
.panel-head{padding:.5rem .7rem;border-bottom:1px solid var(--border)}
.panel-head h3{overflow-wrap:anywhere;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;overflow:hidden}
.meta{margin:.2rem 0 0;font-size:.8rem;overflow-wrap:anywhere}
.panel-body{height:14rem;max-height:40vh;overflow:auto;padding:.3rem .7rem .6rem;scroll-behavior:auto}
.q{display:grid;grid-template-columns:2.2em 1fr;gap:.3rem;margin:.45rem 0;font-size:.9rem}
.ln{font-size:.75rem;text-align:right;font-variant-numeric:tabular-nums;padding-top:.15rem}
.qt{overflow-wrap:anywhere}
.hl{padding:0 .12rem;border-radius:.2rem;cursor:pointer}
.hl.dissent{text-decoration:underline wavy;text-decoration-thickness:1px;text-underline-offset:3px}
.hl.current{outline:2px solid var(--accent);outline-offset:1px;margin:0 3px;font-weight:700}
.hl.contradicted.current{background:var(--contradicted-fg);color:var(--contradicted-bg)}
.hl.agreed.current{background:var(--agreed-fg);color:var(--agreed-bg)}
.hl.uncorroborated.current{background:var(--uncorroborated-fg);color:var(--uncorroborated-bg)}
.hl.update.current{background:var(--update-fg);color:var(--update-bg)}
.empty{color:var(--muted);font-style:italic}
footer{padding:.5rem 1.25rem 1rem;font-size:.8rem;color:var(--muted)}
@media (max-width:900px){
.layout{grid-template-columns:minmax(0,1fr)}
.findings-pane{position:static;max-height:none;overflow:visible;padding-right:0}
.articles{grid-template-columns:minmax(0,1fr)}
table.sources,.sources tbody,.sources tr{display:block;min-width:0}
.sources thead{display:none}
.sources tr{padding:.35rem 0;border-bottom:1px solid var(--border)}
.sources td{display:inline;border:0;padding:0 .5rem 0 0}
.sources td.title{display:block;padding:.1rem 0}
.sources td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
.sources .id{white-space:normal;overflow-wrap:anywhere}
}
@media print{
:root{${schemeCss(PALETTE.light)}color-scheme:light}
body,.panel,.finding,.summary li,.src-label,.badge,.hl,.hl.current,.finding[aria-pressed="true"]{background:none!important;color:#000!important;box-shadow:none!important}
.filters,.legend{display:none!important}
.page-head{padding:0 0 .5rem}
.layout,.articles{display:block;padding:0}
.findings-pane{position:static;max-height:none;overflow:visible}
li[hidden]{display:list-item!important}
.finding,.panel{break-inside:avoid;margin-bottom:.5rem;border-color:#777}
.panel-body{height:auto;max-height:none;overflow:visible}
.hl,.hl.current{outline:none!important;margin:0}
.hl.contradicted{text-decoration:underline wavy;text-decoration-thickness:1px}
.hl.agreed{text-decoration:underline solid}
.hl.uncorroborated{text-decoration:underline dotted}
.hl.update{text-decoration:underline double}
}
`;

/**
 * The page's behaviour: selecting a finding marks its claims' quotes ("current") and scrolls every
 * panel to them (a dissenting value first); a highlighted value selects its finding; the filters hide
 * findings. Only text and classes are ever set: nothing from the report becomes markup.
 */
const SCRIPT = `
(function () {
  "use strict";
  var dataEl = document.getElementById("factcheck-data");
  var data = JSON.parse(dataEl ? dataEl.textContent || "{}" : "{}");
  var findings = [];
  document.querySelectorAll(".finding[data-i]").forEach(function (el) { findings[Number(el.getAttribute("data-i"))] = el; });
  var marks = [];
  document.querySelectorAll("mark[data-m]").forEach(function (el) { marks[Number(el.getAttribute("data-m"))] = el; });
  var current = -1;

  function scrollWithin(box, el) {
    var b = box.getBoundingClientRect();
    var r = el.getBoundingClientRect();
    box.scrollTop += (r.top - b.top) - (box.clientHeight - r.height) / 2;
  }

  function clear() {
    current = -1;
    findings.forEach(function (el) { if (el) el.setAttribute("aria-pressed", "false"); });
    marks.forEach(function (el) { if (el) el.classList.remove("current"); });
  }

  function select(i, anchor) {
    var f = data.findings[i];
    if (!f) return;
    clear();
    current = i;
    if (findings[i]) findings[i].setAttribute("aria-pressed", "true");
    var boxes = [];
    var targets = [];
    if (anchor) boxes.push(anchor.closest(".panel-body"));
    f.marks.forEach(function (m) { if (marks[m]) marks[m].classList.add("current"); });
    f.marks.forEach(function (m) {
      var el = marks[m];
      if (!el) return;
      var box = el.closest(".panel-body");
      if (!box || boxes.indexOf(box) !== -1) return;
      boxes.push(box);
      scrollWithin(box, el);
      targets.push(el);
    });
    if (anchor || targets.length === 0) return;
    // bring the highlighted quotes into the window when they are out of it
    var top = Infinity, bottom = -Infinity;
    targets.forEach(function (el) {
      var box = el.closest(".panel").getBoundingClientRect();
      top = Math.min(top, box.top);
      bottom = Math.max(bottom, el.getBoundingClientRect().bottom);
    });
    var delta = top < 0 ? top - 8 : bottom > window.innerHeight ? Math.min(bottom - window.innerHeight + 8, top - 8) : 0;
    if (delta !== 0) window.scrollBy(0, delta);
  }

  function activate(i) {
    if (i === current) clear(); else select(i, null);
  }

  findings.forEach(function (el, i) {
    if (!el) return;
    el.addEventListener("click", function () { activate(i); });
    el.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") { e.preventDefault(); activate(i); }
    });
  });

  function fromMark(el) {
    var list = data.marks[Number(el.getAttribute("data-m"))] || [];
    if (list.length === 0) return;
    // the first of its findings that the filters show, else the first (and the filters are reset)
    var i = list[0];
    for (var k = 0; k < list.length; k++) {
      var item = findings[list[k]] && findings[list[k]].parentElement;
      if (item && !item.hidden) { i = list[k]; break; }
    }
    var li = findings[i] && findings[i].parentElement;
    if (li && li.hidden) resetFilters();
    select(i, el);
    if (findings[i]) {
      findings[i].scrollIntoView({ block: "nearest" });
      findings[i].focus({ preventScroll: true });
    }
  }

  marks.forEach(function (el) {
    if (!el) return;
    el.addEventListener("click", function () { fromMark(el); });
    el.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") { e.preventDefault(); fromMark(el); }
    });
  });

  document.addEventListener("keydown", function (e) { if (e.key === "Escape") clear(); });

  var selects = {
    kind: document.getElementById("filter-kind"),
    attribute: document.getElementById("filter-attribute"),
    story: document.getElementById("filter-story")
  };
  var count = document.getElementById("findings-count");

  function applyFilters() {
    var shown = 0;
    findings.forEach(function (el, i) {
      if (!el) return;
      var f = data.findings[i];
      var ok = true;
      Object.keys(selects).forEach(function (key) {
        var s = selects[key];
        if (s && s.value !== "" && f[key] !== s.value) ok = false;
      });
      el.parentElement.hidden = !ok;
      if (ok) shown++;
    });
    if (count) count.textContent = shown === findings.length ? findings.length + " findings" : shown + " of " + findings.length + " findings";
  }

  function resetFilters() {
    Object.keys(selects).forEach(function (key) { if (selects[key]) selects[key].value = ""; });
    applyFilters();
  }

  Object.keys(selects).forEach(function (key) { if (selects[key]) selects[key].addEventListener("change", applyFilters); });
  applyFilters();
})();
`;

const sha256 = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Nothing may be fetched; only the page's own style and script run. */
const CSP = `default-src 'none'; style-src ${sha256(CSS)}; script-src ${sha256(SCRIPT)}; base-uri 'none'; form-action 'none'`;

/**
 * The report as one self-contained HTML page (a pure function of the report). Each source's "article" is
 * the sentences its claims were read from, in line order, with each claim's value highlighted by what
 * became of it.
 */
export function formatHtml(report: Report): string {
  const uses = claimUses(report.findings);
  const s = report.summary;
  const updates = s.updates ?? report.findings.filter((f) => f.kind === "update").length;

  // the sources, in report order, then any the claims name that the report does not list
  const panels: Panel[] = report.sources.map((source, i) => ({ id: source.id, source, label: `S${i + 1}` }));
  const known = new Set(panels.map((p) => p.id));
  for (const claim of report.claims) {
    if (known.has(claim.source)) continue;
    known.add(claim.source);
    panels.push({ id: claim.source, source: undefined, label: `S${panels.length + 1}` });
  }
  for (const finding of report.findings) {
    for (const id of finding.values.flatMap((v) => v.sources)) {
      if (known.has(id)) continue;
      known.add(id);
      panels.push({ id, source: undefined, label: `S${panels.length + 1}` });
    }
  }
  const labels = new Map(panels.map((p) => [p.id, p.label]));
  const titles = new Map(panels.map((p) => [p.id, p.source?.title ? `${p.id} — ${p.source.title}` : p.id]));

  const claimsBySource = new Map<string, Claim[]>();
  for (const claim of report.claims) {
    const list = claimsBySource.get(claim.source);
    if (list) list.push(claim);
    else claimsBySource.set(claim.source, [claim]);
  }
  const marks: Marks = { findings: [], byClaim: new Map() };
  const panelsHtml = panels.map((panel, i) => panelHtml(panel, claimsBySource.get(panel.id) ?? [], uses, report, marks, i)).join("\n");

  // for each finding, its marks: dissenting values first, so that each panel scrolls to the odd one out
  const findingData = report.findings.map((finding) => {
    const ordered = [...finding.values].sort((a, b) => {
      const rank = (v: typeof a) => (finding.consensus !== null && v.normalized === finding.consensus ? 1 : 0);
      return rank(a) - rank(b);
    });
    const findingMarks: number[] = [];
    for (const value of ordered) {
      const ofValue = value.claims.map((id) => marks.byClaim.get(id)).filter((m): m is number => m !== undefined);
      for (const m of [...new Set(ofValue)].sort((a, b) => a - b)) if (!findingMarks.includes(m)) findingMarks.push(m);
    }
    const story = storyOf(finding);
    return { kind: finding.kind, attribute: finding.attribute, ...(story === undefined ? {} : { story }), marks: findingMarks };
  });
  const data = { findings: findingData, marks: marks.findings };

  const sourceRows = panels
    .map((panel) => {
      const src = panel.source;
      const reliability = src?.reliability;
      return (
        `<tr><td><span class="src-label">${h(panel.label)}</span></td>` +
        `<td class="id" title="${h(src?.path ?? panel.id)}">${h(panel.id)}${src?.draft === true ? ` <span class="badge draft">draft</span>` : ""}</td>` +
        `<td class="title">${src?.title ? h(src.title) : "—"}</td><td class="nowrap" data-label="published">${src?.published ? h(src.published) : "—"}</td>` +
        `<td data-label="outlet">${src?.outlet ? h(src.outlet) : "—"}</td><td class="num nowrap" data-label="reliability">${reliability === undefined ? "—" : reliability.toFixed(2)}</td></tr>`
      );
    })
    .join("\n");

  const kinds = KIND_ORDER.filter((k) => report.findings.some((f) => f.kind === k)).map((k) => ({
    value: k,
    label: `${KIND_LABEL[k]} (${report.findings.filter((f) => f.kind === k).length})`,
  }));
  const attributes = [...new Set(report.findings.map((f) => f.attribute))].sort().map((a) => ({ value: a, label: a }));
  const stories = [...new Set(report.findings.map(storyOf).filter((x): x is string => x !== undefined))].sort().map((st) => ({ value: st, label: st }));
  const filters = [
    selectHtml("filter-kind", "Kind", "all kinds", kinds),
    selectHtml("filter-attribute", "Attribute", "all attributes", attributes),
    ...(stories.length > 0 ? [selectHtml("filter-story", "Story", "all stories", stories)] : []),
    `<span class="count" id="findings-count" aria-live="polite">${plural(report.findings.length, "finding")}</span>`,
  ].join("\n");

  const summary = [
    `<li><b>${s.sources}</b> ${s.sources === 1 ? "source" : "sources"}</li>`,
    `<li><b>${s.claims}</b> ${s.claims === 1 ? "claim" : "claims"}</li>`,
    `<li class="contradiction"><b>${s.contradictions}</b> ${s.contradictions === 1 ? "contradiction" : "contradictions"}</li>`,
    `<li class="agreement"><b>${s.agreements}</b> ${s.agreements === 1 ? "agreement" : "agreements"}</li>`,
    `<li class="uncorroborated"><b>${s.uncorroborated}</b> uncorroborated</li>`,
    `<li class="update"><b>${updates}</b> ${updates === 1 ? "update" : "updates"}</li>`,
  ].join("");

  const findingsHtml =
    report.findings.length === 0 ? `<p class="empty">No findings.</p>` : `<ol class="findings">\n${report.findings.map((f, i) => findingHtml(f, i, labels, titles)).join("\n")}\n</ol>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>factcheck: ${plural(s.sources, "source")}, ${plural(s.contradictions, "contradiction")}</title>
<style>${CSS}</style>
</head>
<body>
<header class="page-head">
<div class="title-row"><h1>factcheck report</h1>
<ul class="summary" aria-label="summary">${summary}</ul></div>
<div class="sources-wrap"><table class="sources" aria-label="sources">
<thead><tr><th scope="col"></th><th scope="col">id</th><th scope="col">title</th><th scope="col">published</th><th scope="col">outlet</th><th scope="col">reliability</th></tr></thead>
<tbody>
${sourceRows}
</tbody></table></div>
</header>
<main class="layout">
<section class="findings-pane" aria-labelledby="findings-title">
<h2 id="findings-title">Findings</h2>
<div class="filters">
${filters}
</div>
${findingsHtml}
</section>
<section aria-labelledby="articles-title">
<div class="articles-head"><h2 id="articles-title">Articles</h2>
<span class="legend" aria-label="legend"><span class="hl contradicted">contradicted</span><span class="hl update">update</span><span class="hl uncorroborated">uncorroborated</span><span class="hl agreed">agreed</span><span class="hl contradicted dissent">not the consensus</span></span></div>
<div class="articles">
${panelsHtml}
</div>
</section>
</main>
<footer>${h(report.tool.name)} ${h(report.tool.version)} · report schema v${report.schemaVersion} · each article shows only the sentences claims were read from</footer>
<script type="application/json" id="factcheck-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
