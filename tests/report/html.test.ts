import { createHash } from "node:crypto";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import type { Finding } from "../../src/model/finding.js";
import { Report } from "../../src/model/report.js";
import { escapeHtml, formatHtml, PALETTE, scriptJson, TEXT_PAIRS, type Scheme } from "../../src/report/html.js";
import { FORMATS } from "../../src/report/index.js";

const EVIL = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "</script>"] as const;
const ALL_EVIL = EVIL.join(" ");

/** The texts of the page's <script> elements, by type. */
function scriptsOf(page: string): { type: string | null; text: string }[] {
  const { document } = parseHTML(page);
  return Array.from(document.querySelectorAll("script")).map((el) => ({ type: el.getAttribute("type"), text: el.textContent ?? "" }));
}

function dataOf(page: string): unknown {
  const block = scriptsOf(page).find((s) => s.type === "application/json");
  expect(block).toBeDefined();
  expect(block!.text).not.toContain("<");
  return JSON.parse(block!.text);
}

const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

/** A zod-valid report with markup and script in every field that can hold text. */
function hostileReport(): Report {
  const evil = (prefix: string) => `${prefix} ${ALL_EVIL}`;
  const parsed = Report.parse({
    schemaVersion: 1,
    tool: { name: "factcheck", version: evil("1.0") },
    sources: [
      { id: evil("a.txt"), path: evil("news/a.txt"), title: evil("Title"), published: evil("2026-01-01"), outlet: evil("Outlet"), language: "en", reliability: 0.5 },
      { id: "b.txt", path: "news/b.txt", title: null, published: null, outlet: null, language: "en", draft: true },
    ],
    claims: [
      {
        id: evil("c1"),
        source: evil("a.txt"),
        attribute: "role",
        subject: { id: evil("person:x"), name: evil("Subject") },
        value: { text: evil("Mayor"), normalized: evil("mayor") },
        evidence: { quote: `${ALL_EVIL} said that ${evil("Mayor")} X ${ALL_EVIL}.`, line: 3, column: 1, segment: "body" },
      },
      {
        id: "c2",
        source: "b.txt",
        attribute: "role",
        subject: { id: "person:x", name: "X" },
        value: { text: "Governor", normalized: "governor" },
        evidence: { quote: `Governor X spoke. ${ALL_EVIL}`, line: 1, column: 1, segment: "body" },
      },
      {
        id: "c3",
        source: "b.txt",
        attribute: "count",
        subject: { id: "group:dead", name: evil("dead") },
        value: { text: evil("12"), normalized: "12" },
        evidence: { quote: "Twelve died.", line: 2, column: 1, segment: "body" },
      },
    ],
    findings: [
      {
        id: evil("f1"),
        kind: "contradiction",
        attribute: "role",
        subject: { id: evil("person:x"), name: evil("Subject"), aliases: [evil("alias")] },
        values: [
          { text: evil("Mayor"), normalized: evil("mayor"), sources: [evil("a.txt")], claims: [evil("c1")] },
          { text: "Governor", normalized: "governor", sources: ["b.txt"], claims: ["c2"] },
        ],
        consensus: "governor",
        severity: "error",
        message: evil("Message"),
      },
      {
        id: "f2",
        kind: "uncorroborated",
        attribute: "count",
        subject: { id: "group:dead", name: evil("dead"), aliases: [] },
        values: [{ text: evil("12"), normalized: "12", sources: ["b.txt", evil("missing.txt")], claims: ["c3"] }],
        consensus: null,
        severity: "warning",
        message: evil("Only one"),
      },
    ],
    summary: { sources: 2, claims: 3, agreements: 0, contradictions: 1, uncorroborated: 1 },
  });
  // `story` is an addition of report v1: a finding may carry one
  const findings: Finding[] = parsed.findings.map((f) => Object.assign({}, f, { story: evil("story") }));
  return { ...parsed, findings };
}

describe("formatHtml on seeds/", () => {
  let report: Report;
  let page: string;
  beforeAll(async () => {
    report = await factcheck(["seeds/"]);
    page = formatHtml(report);
  });

  it("is registered as a format, and deterministic", () => {
    expect(FORMATS.html(report)).toBe(page);
    expect(formatHtml(report)).toBe(page);
    expect(page.startsWith("<!doctype html>")).toBe(true);
  });

  it("is self-contained: nothing to fetch, one script for behaviour plus the JSON block", () => {
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(page).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/@import|url\(/i);
    const scripts = scriptsOf(page);
    expect(scripts.map((s) => s.type)).toEqual(["application/json", null]);
    expect(occurrences(page, "<script")).toBe(2);
    expect(occurrences(page, "</script>")).toBe(2);
    expect(occurrences(page, "<style")).toBe(1);
    // the Content-Security-Policy allows nothing but the page's own style and script
    const { document } = parseHTML(page);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
    expect(csp).toContain("default-src 'none'");
    const behaviour = scripts.find((s) => s.type === null)!.text;
    expect(csp).toContain(`'sha256-${createHash("sha256").update(behaviour).digest("base64")}'`);
    const style = document.querySelector("style")?.textContent ?? "";
    expect(csp).toContain(`'sha256-${createHash("sha256").update(style).digest("base64")}'`);
  });

  it("shows every contradiction's message, escaped, contradictions first", () => {
    const contradictions = report.findings.filter((f) => f.kind === "contradiction");
    expect(contradictions.length).toBeGreaterThan(0);
    for (const f of contradictions) expect(page).toContain(escapeHtml(f.message));
    const { document } = parseHTML(page);
    const kinds = Array.from(document.querySelectorAll(".finding")).map((el) => el.className.split(" ")[1]);
    expect(kinds).toEqual(report.findings.map((f) => f.kind));
    expect(kinds.slice(0, contradictions.length).every((k) => k === "contradiction")).toBe(true);
  });

  it("shows the summary and a row per source, with — for what the report lacks", () => {
    const { document } = parseHTML(page);
    const summary = document.querySelector(".summary")?.textContent ?? "";
    for (const n of [report.summary.sources, report.summary.claims, report.summary.contradictions, report.summary.agreements, report.summary.uncorroborated]) expect(summary).toContain(String(n));
    const rows = Array.from(document.querySelectorAll("table.sources tbody tr"));
    expect(rows).toHaveLength(report.sources.length);
    report.sources.forEach((source, i) => {
      const cells = Array.from(rows[i]!.querySelectorAll("td")).map((td) => td.textContent ?? "");
      expect(cells[1]).toContain(source.id);
      expect(cells[3]).toBe(source.published ?? "—");
      expect(cells[4]).toBe(source.outlet ?? "—");
      expect(cells[5]).toBe(source.reliability === undefined ? "—" : source.reliability.toFixed(2));
    });
    // no finding of seeds/ has a story: no story filter
    expect(page).not.toContain('id="filter-story"');
    expect(page).toContain('id="filter-kind"');
    expect(page).toContain('id="filter-attribute"');
  });

  it("highlights each claim's value in its sentence, by what became of it", () => {
    const { document } = parseHTML(page);
    const marks = Array.from(document.querySelectorAll("mark.hl"));
    const classes = new Set(marks.flatMap((m) => m.className.split(" ")));
    for (const c of ["contradicted", "agreed", "uncorroborated", "dissent"]) expect(classes.has(c)).toBe(true);
    // the dissenting value of each contradiction is highlighted in its sentence, in its source's panel
    for (const f of report.findings.filter((x) => x.kind === "contradiction")) {
      for (const v of f.values.filter((x) => x.normalized !== f.consensus)) {
        expect(marks.some((m) => m.className.includes("dissent") && m.textContent === v.text)).toBe(true);
      }
    }
    // the script's data: each finding's marks exist, and contradictions point at their marks
    const data = dataOf(page) as { findings: { kind: string; marks: number[] }[]; marks: number[][] };
    expect(data.findings).toHaveLength(report.findings.length);
    expect(data.marks).toHaveLength(marks.length);
    for (const f of data.findings) for (const m of f.marks) expect(m).toBeLessThan(marks.length);
    expect(data.findings.filter((f) => f.kind === "contradiction").every((f) => f.marks.length >= 2)).toBe(true);
    // findings are keyboard buttons
    for (const el of Array.from(document.querySelectorAll(".finding"))) {
      expect(el.getAttribute("tabindex")).toBe("0");
      expect(el.getAttribute("role")).toBe("button");
      expect(el.getAttribute("aria-pressed")).toBe("false");
    }
    // each panel's sentences are in line order, once each
    for (const panel of Array.from(document.querySelectorAll(".panel"))) {
      const sentences = Array.from(panel.querySelectorAll(".q")).map((q) => ({ line: Number(q.querySelector(".ln")?.textContent), text: q.querySelector(".qt")?.textContent ?? "" }));
      expect(sentences.map((s) => s.line)).toEqual([...sentences.map((s) => s.line)].sort((a, b) => a - b));
      expect(new Set(sentences.map((s) => `${s.line} ${s.text}`)).size).toBe(sentences.length);
    }
  });
});

describe("formatHtml escapes everything from the report", () => {
  const report = hostileReport();
  const page = formatHtml(report);

  it("shows no markup from the report raw", () => {
    for (const evil of EVIL.slice(0, 3)) expect(page).not.toContain(evil);
    // the page's own two script elements are the only ones closed
    expect(occurrences(page, "</script>")).toBe(2);
    expect(occurrences(page, "<script")).toBe(2);
    expect(page).not.toMatch(/<(?:img|svg)\b/i);
    // "onerror=" is there only as text, inside escaped markup
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain(escapeHtml(EVIL[2]));
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("parses to the page's own elements only, with the report's text as text", () => {
    const { document } = parseHTML(page);
    expect(document.querySelectorAll("script")).toHaveLength(2);
    expect(document.querySelectorAll("img, svg, iframe, object, embed, link")).toHaveLength(0);
    const handlers = Array.from(document.querySelectorAll("*")).filter((el) => el.getAttributeNames().some((n) => n.toLowerCase().startsWith("on")));
    expect(handlers).toHaveLength(0);
    expect(document.querySelector(".f-msg")?.textContent).toBe(`Message ${ALL_EVIL}`);
    expect(document.querySelector(".f-subject")?.textContent).toBe(`Subject ${ALL_EVIL}`);
    expect(document.querySelector(".panel-head h3")?.getAttribute("title")).toBe(`Title ${ALL_EVIL}`);
    expect(document.querySelector(".panel .meta")?.getAttribute("title")).toBe(`news/a.txt ${ALL_EVIL}`);
    // the value is highlighted inside its sentence, as text
    const mark = document.querySelector("mark.hl.contradicted");
    expect(mark?.textContent).toBe(`Mayor ${ALL_EVIL}`);
    // a story is shown and offered as a filter
    expect(document.querySelector("#filter-story")).not.toBeNull();
    expect(document.querySelector(".f-story")?.textContent).toBe(`story ${ALL_EVIL}`);
    // the draft is marked
    expect(document.querySelector("table.sources .badge.draft")).not.toBeNull();
  });

  it("puts data for the script in a JSON block with < escaped", () => {
    const data = dataOf(page) as { findings: { story?: string }[] };
    expect(data.findings[0]?.story).toBe(`story ${ALL_EVIL}`);
    const json = scriptJson({ s: "</script><!-- \u2028\u2029 & >" });
    expect(json).toBe('{"s":"\\u003c/script\\u003e\\u003c!-- \\u2028\\u2029 \\u0026 \\u003e"}');
    expect(JSON.parse(json)).toEqual({ s: "</script><!-- \u2028\u2029 & >" });
  });

  it("escapes the five characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1]!, match[2]!, match[3]!].map((x) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("the page's colours", () => {
  const schemes: [string, Scheme][] = [
    ["light", PALETTE.light],
    ["dark", PALETTE.dark],
  ];

  it.each(schemes)("%s: every text colour pair reaches 4.5:1 (WCAG AA)", (_name, scheme) => {
    for (const [fg, bg] of TEXT_PAIRS) {
      const ratio = contrast(scheme[fg], scheme[bg]);
      expect(ratio, `${fg} ${scheme[fg]} on ${bg} ${scheme[bg]}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(schemes)("%s: the focus and selection outline reaches 3:1 (non-text) on what it sits on", (_name, scheme) => {
    for (const bg of ["bg", "surface", "selected"] as const) expect(contrast(scheme.accent, scheme[bg])).toBeGreaterThanOrEqual(3);
  });

  it("the page uses these colours", () => {
    const page = formatHtml(hostileReport());
    for (const scheme of [PALETTE.light, PALETTE.dark]) for (const hex of Object.values(scheme)) expect(page).toContain(hex);
  });

  it("the reference values: black on white is 21:1", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
