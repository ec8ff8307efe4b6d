import markers from "./lexicon/segment-markers.json" with { type: "json" };
import { detectLanguage } from "./language.js";
import type { Segment, SegmentKind } from "../model/article.js";

const norm = (line: string) => line.trim().toLowerCase().replace(/[:.\s]+$/, "");
const relatedHeaders = new Set(markers.relatedHeaders);
const listHeaders = new Set(markers.listHeaders);
const boilerplateLines = new Set(markers.boilerplateLines);

function isBoilerplateLine(line: string): boolean {
  const n = norm(line);
  if (boilerplateLines.has(n)) return true;
  return markers.boilerplatePrefixes.some((p) => n.startsWith(p)) || isMenu(line) || isTicker(line);
}

const barItems = (line: string) => line.split("|").map((item) => item.trim());

/** A markets ticker: items between bars, each a symbol with a signed change ("KRL/USD 0.0684 +0.8% | …"). */
function isTicker(line: string): boolean {
  const items = barItems(line);
  return items.length >= 2 && items.every((item) => /[+\-−]\d/.test(item) && item.split(/\s+/).length <= 5);
}

/**
 * A menu, a share bar or a section path: short items between bars, no sentence among them
 * ("Home | Nation | Business", "Email | Print | Copy link", "Local News | The Weekly Record").
 */
function isMenu(line: string): boolean {
  const items = barItems(line.replace(/^[^:|]{1,30}:\s*(?=[^|]*\|)/, ""));
  // ("Dead: 19 | Missing: 9" is a fact box: figures are never menu items)
  return items.length >= 2 && items.every((item) => item.split(/\s+/).length <= 4 && !/[.!?]["”’]?$/.test(item) && !/\d/.test(item));
}

// a credit alone on its line ("Bild generiert von KI", "AP Photo/J. Roe"), not a caption of its own ("Photo: A firefighter …")
const isCaptionCredit = (line: string) => norm(line).length < 40 && markers.captionCredits.some((c) => norm(line).startsWith(c));

interface LineInfo {
  text: string;
  start: number;
}

interface Labelled {
  kind: SegmentKind;
  reason?: string;
}

/**
 * Splits an article into segments: its title, body, related-article blurbs and boilerplate
 * (cookie banners, reading lists, credits, captions), each with its language.
 */
export function splitSegments(lines: readonly LineInfo[], firstContentLine: number, metaLines: ReadonlySet<number>): Segment[] {
  const labels: Labelled[] = [];
  let mode: "body" | "related" | "list" = "body";
  // the next non-empty line after each line, found in one pass from the end
  const nextNonEmpty: string[] = new Array(lines.length);
  for (let i = lines.length - 1, next = ""; i >= 0; i--) {
    nextNonEmpty[i] = next;
    if (lines[i]!.text.trim() !== "") next = lines[i]!.text;
  }
  let seenTitle = false;
  let listBulleted = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const n = norm(text);
    if (n === "") {
      // a reading list ends at the first blank line; related blurbs run on to the end of the page
      if (mode === "list") mode = "body";
      labels.push({ kind: labels.at(-1)?.kind ?? "body" });
      continue;
    }
    if (i < firstContentLine || metaLines.has(i)) {
      labels.push({ kind: "boilerplate", reason: "dateline or byline" });
      continue;
    }
    if (relatedHeaders.has(n)) {
      mode = "related";
      labels.push({ kind: "boilerplate", reason: "related-articles header" });
      continue;
    }
    if (listHeaders.has(n)) {
      mode = "list";
      listBulleted = false;
      labels.push({ kind: "boilerplate", reason: "reading-list header" });
      continue;
    }
    if (isBoilerplateLine(text)) {
      labels.push({ kind: "boilerplate", reason: "boilerplate line" });
      continue;
    }
    // a caption is the line just above a picture credit
    const nextText = nextNonEmpty[i] ?? "";
    if (isCaptionCredit(nextText) && !isCaptionCredit(text) && text.length < 300) {
      labels.push({ kind: "boilerplate", reason: "image caption" });
      continue;
    }
    // a bulleted list ends at its first line without a bullet
    const bullet = /^\s*([-•*–·]|\d+[.)])\s/.test(text);
    if (mode === "list" && !bullet && listBulleted) mode = "body";
    if (mode === "list") {
      listBulleted ||= bullet;
      labels.push({ kind: "boilerplate", reason: "reading list" });
      continue;
    }
    if (!seenTitle && mode === "body") {
      seenTitle = true;
      labels.push({ kind: "title" });
      continue;
    }
    labels.push({ kind: mode });
  }

  // languages: each line's own, or its neighbours' when it has too few words to tell
  const languages = lines.map((l) => detectLanguage(l.text));
  let last = "en";
  const resolved = languages.map((lang) => (lang ? (last = lang) : last));

  const segments: Segment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const label = labels[i]!;
    const language = resolved[i]!;
    const end = lines[i]!.start + lines[i]!.text.length;
    const previous = segments.at(-1);
    if (lines[i]!.text.trim() === "" && previous) {
      previous.end = end;
      continue;
    }
    if (previous && previous.kind === label.kind && previous.language === language && previous.reason === label.reason && label.kind !== "title") {
      previous.end = end;
      continue;
    }
    segments.push({ kind: label.kind, start: lines[i]!.start, end, line: i + 1, language, ...(label.reason ? { reason: label.reason } : {}) });
  }
  return segments;
}
