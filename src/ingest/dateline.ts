import { isRealDate } from "../shared/calendar.js";
import { findDates } from "../shared/dates.js";

/** A date the top of a page states that is no day of the calendar ("date 2026-14-31"): ignored, and said so. */
export interface ImpossibleDate {
  /** 1-based */
  line: number;
  date: string;
}

/** What the top of a page says about the article: when it was published, by whom. */
export interface Masthead {
  published: string | null;
  outlet: string | null;
  /** characters at the start of the first line that are a machine dateline, not text */
  prefixLength: number;
  /** 0-based indexes of lines that only carry the date or byline */
  metaLines: number[];
  impossible: ImpossibleDate[];
}

// " date 2026-01-13 Title…": the feed format the seeds come in
const FEED_DATE = /^\s*date (\d{4}-\d{2}-\d{2})\s+/;
// "FEEDCO - Daily Courier) …": an aggregator's credit naming the outlet it republishes
const AGGREGATOR_CREDIT = /^([A-Z][A-Za-z]{1,15}) - ([A-Z][\w.&' -]{1,40}?)\)\s*/;
// "By Courier Staff": a byline naming the outlet
const STAFF_BYLINE = /^By ([A-Z][\w.&' -]{1,40}?) Staff\s*$/;
const DATE_WORDS = /\b(published|updated|last updated|posted|at|on|gmt|utc|est|edt|cet|am|pm|\d{1,2}:\d{2}(am|pm)?)\b/gi;

/** A line near the top that is nothing but a date ("WEDNESDAY 03 JULY 2013", "Published: 4 March 2026"). */
function dateLine(line: string): string | null {
  const trimmed = line.trim();
  // a date line has a year in it; most lines have none, and need no parser
  if (trimmed.length === 0 || trimmed.length > 80 || !/\b(19|20)\d\d\b/.test(trimmed)) return null;
  const dates = findDates(trimmed, { date: null, direction: "back" });
  const full = dates.find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.iso) && !d.relative);
  if (!full) return null;
  const rest = trimmed.replace(full.text, " ").replace(DATE_WORDS, " ").replace(/[\s\W\d]+/g, "");
  return rest.length <= 4 ? full.iso : null;
}

export function readMasthead(lines: readonly string[]): Masthead {
  let published: string | null = null;
  let outlet: string | null = null;
  let prefixLength = 0;
  const metaLines: number[] = [];
  const impossible: ImpossibleDate[] = [];
  const first = lines[0] ?? "";
  const feed = FEED_DATE.exec(first);
  if (feed) {
    // the prefix is a machine dateline whether or not its date is a real one: it is never text
    if (isRealDate(feed[1]!)) published = feed[1]!;
    else impossible.push({ line: 1, date: feed[1]! });
    prefixLength = feed[0].length;
    const credit = AGGREGATOR_CREDIT.exec(first.slice(prefixLength));
    if (credit) {
      outlet = credit[2]!.trim();
      prefixLength += credit[0].length;
    }
  }
  for (let i = 0; i < Math.min(lines.length, 8); i++) {
    const line = lines[i]!;
    const byline = STAFF_BYLINE.exec(line.trim());
    if (byline) {
      outlet ??= byline[1]!;
      metaLines.push(i);
      continue;
    }
    const date = dateLine(line);
    if (date) {
      published ??= date;
      metaLines.push(i);
    }
  }
  return { published, outlet, prefixLength, metaLines, impossible };
}

// "VELM, March 3 (Reuters) -", "PORT VELM, Ostria (AP) —", "VELM —": a wire dateline opens the first paragraph
const WIRE_DATELINE = /^\s*([A-Z][A-Z.'’ -]{1,40}[A-Z])((?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?)\s*(?:\(([^)]{2,40})\))?\s*[-—–]+\s/;

export interface WireDateline {
  length: number;
  place: string;
  agency: string | null;
  /** "March 3": the filing date without its year */
  monthDay: string | null;
}

export function readWireDateline(line: string): WireDateline | null {
  const m = WIRE_DATELINE.exec(line);
  if (!m) return null;
  // an all-caps word alone before a dash could be a headline ("BREAKING - …"): it needs a comma part or an agency, or a long dash
  if (!m[2] && !m[3] && !/[—–]/.test(m[0])) return null;
  const monthDay = /([A-Z][a-z]{2,8}\.?\s\d{1,2})\s*$/.exec(m[2] ?? "")?.[1] ?? null;
  return { length: m[0].length, place: m[1]!.trim(), agency: m[3]?.trim() ?? null, monthDay };
}
