import * as chrono from "chrono-node/en";
import { addDays, isRealDate, weekdayOf } from "./calendar.js";

/** A date the text states, resolved as far as the text and the anchor allow. */
export interface DateMention {
  /** offset of the mention in the text given */
  index: number;
  text: string;
  /** ISO date, or YYYY-MM / YYYY when only that is known */
  iso: string;
  /** the weekday the text names (0 = Sunday), when it names one */
  statedWeekday?: number;
  /** resolved against the anchor rather than stated outright ("on Tuesday", "last year") */
  relative: boolean;
}

export interface Anchor {
  date: string | null;
  /**
   * Which way a bare weekday points. A dateline is the publication date, so "on Tuesday" is the
   * last Tuesday on or before it; a date inferred from the text is only a lower bound on when the
   * piece was written, so the weekday is the first on or after it.
   */
  direction: "back" | "forward";
}

// Two of chrono's parsers ("two days ago", "two days later") cost ~45 ms each to warm up, more
// than the rest together: text without "ago" gets a parser without them ("later" and "in N days"
// are spans, which findDates drops anyway)
const fullParser = chrono.casual;
const UNIT_PARSERS = /^ENTimeUnit(Ago|Later)FormatParser$/;
let lightParser: chrono.Chrono | undefined;
const parserFor = (text: string): chrono.Chrono => {
  if (/\bago\b/i.test(text)) return fullParser;
  lightParser ??= new chrono.Chrono({ parsers: fullParser.parsers.filter((p) => !UNIT_PARSERS.test(p.constructor.name)), refiners: fullParser.refiners });
  return lightParser;
};
const MAY_HOLD_A_DATE = /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d|\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b|yesterday|today|tonight|tomorrow|\bago\b|\b(last|this|next)\s+(week|month|year)|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}/i;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad = (n: number) => String(n).padStart(2, "0");

/** The reference chrono is given: always a valid Date (findDates has dropped an anchor that is no real date). */
function referenceOf(anchor: Anchor): Date {
  const reference = anchor.date ? new Date(`${anchor.date}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  return Number.isNaN(reference.getTime()) ? new Date(Date.UTC(2000, 0, 1, 12)) : reference;
}

/**
 * The anchor findDates may use. chrono-node 2.10.3 never returns when its reference is an Invalid
 * Date and the text names a zone with summer time ("9 pm ET": getNthWeekdayOfMonth(NaN, …)), and
 * the weekday walk in resolve() never ends on an anchor that makes no Date at all: an anchor that
 * is no day of the calendar is none.
 */
function checkedAnchor(anchor: Anchor): Anchor {
  return anchor.date === null || isRealDate(anchor.date) ? anchor : { ...anchor, date: null };
}

/**
 * The most text one chrono call is given. One call costs more than linear time in its length
 * (130 KB took 0.4 s, 260 KB 1.2 s), and no call can be stopped once started. Longer text is read
 * in windows cut at a space: a date is a few words, and text this long in one call is a dump, not
 * a sentence (a date across a cut is lost). Callers cut text into sentences or pieces first; this
 * bound holds for any caller.
 */
const MAX_PARSE_LENGTH = 2000;

function* windowsOf(text: string): Generator<[offset: number, window: string]> {
  let start = 0;
  while (text.length - start > MAX_PARSE_LENGTH) {
    const cut = text.lastIndexOf(" ", start + MAX_PARSE_LENGTH);
    const end = cut > start + MAX_PARSE_LENGTH / 2 ? cut : start + MAX_PARSE_LENGTH;
    yield [start, text.slice(start, end)];
    start = end;
  }
  yield [start, text.slice(start)];
}

/**
 * What chrono made of a text against an anchor, remembered: the same phrases ("on Tuesday", "on
 * Monday, Jan. 12") come back in every report of a story and in every copy of a wire text. Only
 * speed depends on it; when full it starts again.
 */
const remembered = new Map<string, DateMention[]>();
const REMEMBERED_MAX = 8192;

/** Every date mentioned in `text`, resolved against the anchor; mentions it cannot resolve are left out. */
export function findDates(text: string, given: Anchor, futureTense = false, yearsOnly = false): DateMention[] {
  const anchor = checkedAnchor(given);
  if (text.length > MAX_PARSE_LENGTH) {
    return [...windowsOf(text)].flatMap(([offset, window]) => findDates(window, anchor, futureTense, yearsOnly).map((d) => ({ ...d, index: d.index + offset })));
  }
  // chrono is the costliest step of extraction: ask it only about text that names a day, a month or a relative time
  if (yearsOnly || !MAY_HOLD_A_DATE.test(text)) return bareYears(text, [], anchor);
  const key = `${anchor.date}|${anchor.direction}|${futureTense ? 1 : 0}|${text}`;
  const known = remembered.get(key);
  if (known) return known.slice();
  if (remembered.size >= REMEMBERED_MAX) remembered.clear();
  const found = parseDates(text, anchor, futureTense);
  remembered.set(key, found);
  return found.slice();
}

function parseDates(text: string, anchor: Anchor, futureTense: boolean): DateMention[] {
  // chrono reads "the evening of Sunday, March 1" as an evening of no known day: the part of the
  // day is blanked (same length, so offsets hold) and the date read alone
  // likewise "closed on Monday for two weeks": a span after a day is no part of its date
  const parsed = text.replace(/\b(morning|afternoon|evening|night) of (?=\p{Lu})|\bfor (?:\d+|[a-z]+) (?:hours?|days?|weeks?|months?|years?)\b/gu, (m) => " ".repeat(m.length));
  const results = parserFor(parsed).parse(parsed, { instant: referenceOf(anchor), timezone: 0 }, { forwardDate: false });
  const mentions: DateMention[] = [];
  for (let i = 0; i < results.length; i++) {
    const result = results[i]!;
    // "a week after the two met", "in just two months": spans measured from another event, not dates
    // "now", "within two weeks", "the next 48 hours": no date of an event
    // "the march", "the court sat", "may": a month or weekday name in lower case is another word;
    // "Sun Temple", "Sat": an abbreviation alone is a word too
    if (!/\d/.test(result.text) && /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/.test(result.text)) continue;
    if (/^\p{L}{1,4}\.?$/u.test(result.text.trim())) continue;
    if (/\b(within|next|coming|past|following|over the)\s*$/i.test(text.slice(Math.max(0, result.index - 16), result.index)) || /\b(within|next|coming)\b/i.test(result.text)) continue;
    if (/^(now|right now|by now)$/i.test(result.text.trim()) || /^for\b/i.test(result.text) || /\b(within|next|coming|past)\b/i.test(text.slice(Math.max(0, result.index - 12), result.index + result.text.length)) && !result.start.isCertain("day")) continue;
    if (/\b(seconds?|minutes?|hours?)\b/i.test(result.text) && !/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i.test(result.text)) continue;
    if (/\d/.test(result.text) && /\b(today|tonight)\b/i.test(result.text) && !result.start.isCertain("month")) continue;
    if (/\b(after|before|later|earlier)$/i.test(result.text.trim()) || /^in\s+(just\s+|about\s+|the\s+next\s+)?\w+\s+(days?|weeks?|months?|years?)$/i.test(result.text.trim())) continue;
    const start = result.start;
    const known = (c: "day" | "month" | "year" | "weekday") => start.isCertain(c);
    const next = results[i + 1];
    const gap = next ? text.slice(result.index + result.text.length, next.index) : "";
    // "Friday evening, January 13, 2011": the weekday belongs to the full date that follows it
    if (known("weekday") && !known("day") && next?.start.isCertain("day") && /^[\s,]*$/.test(gap)) {
      const merged = resolve(next, anchor, futureTense);
      if (merged) mentions.push({ ...merged, index: result.index, text: text.slice(result.index, next.index + next.text.length), statedWeekday: start.get("weekday") ?? undefined });
      i++;
      continue;
    }
    // "April last year": chrono reads the month and the year apart
    if (known("month") && !known("year") && !known("day") && next && /^\s*$/.test(gap) && next.start.isCertain("year") && !next.start.isCertain("month")) {
      mentions.push({
        index: result.index,
        text: text.slice(result.index, next.index + next.text.length),
        iso: `${next.start.get("year")}-${pad(start.get("month")!)}`,
        relative: true,
      });
      i++;
      continue;
    }
    // a month alone ("March" in a headline, "in May") is too ambiguous to date anything
    if (known("month") && !known("day") && !known("year") && !/\b(last|this|next)\b/i.test(result.text)) continue;
    const mention = resolve(result, anchor, futureTense);
    if (mention) mentions.push(mention);
  }
  return bareYears(text, mentions, anchor);
}

/** Adds the bare years chrono leaves alone ("in 1942") and the "last September" it misses; sorts; trims. */
function bareYears(text: string, mentions: DateMention[], anchor?: Anchor): DateMention[] {
  // most sentences hold no four-digit number, and need no scan for one
  const years = /\d{4}/.test(text) ? text.matchAll(/\b(?:in|by|until|from|during|of|before|after|since)\s+((?:1[5-9]|20)\d\d)\b(?!\s*[-–]?\s*(?:\d|year))/gi) : [];
  for (const m of years) {
    const index = m.index! + m[0].length - 4;
    if (mentions.some((d) => index >= d.index && index < d.index + d.text.length)) continue;
    mentions.push({ index, text: m[1]!, iso: m[1]!, relative: false });
  }
  // "last September", "this March": chrono leaves a month with a relative word alone
  if (anchor?.date && /\b(last|this|next)\s/.test(text)) {
    const [year, month] = anchor.date.split("-").map(Number) as [number, number];
    for (const m of text.matchAll(/\b(last|this|next)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/g)) {
      if (mentions.some((d) => m.index! >= d.index && m.index! < d.index + d.text.length)) continue;
      const named = MONTHS.indexOf(m[2]!) + 1;
      const target = m[1] === "last" ? (named < month ? year : year - 1) : m[1] === "next" ? (named > month ? year : year + 1) : year;
      mentions.push({ index: m.index!, text: m[0], iso: `${target}-${pad(named)}`, relative: true });
    }
  }
  mentions.sort((a, b) => a.index - b.index);
  // a mention is used as a date, and written: one that is no day of the calendar is left out
  return mentions.filter((d) => isRealDate(d.iso, true)).map((d) => ({ ...d, text: d.text.replace(/[\s,.;:]+$/, "") }));
}

function resolve(result: chrono.ParsedResult, anchor: Anchor, futureTense: boolean): DateMention | null {
  const start = result.start;
  const relative = !start.isCertain("year") || /\b(ago|last|yesterday|today|tomorrow|this|next|earlier|later)\b/i.test(result.text);
  const base = { index: result.index, text: result.text, relative };
  if (start.isCertain("weekday") && !start.isCertain("day")) {
    if (!anchor.date) return null;
    const weekday = start.get("weekday")!;
    const forward = futureTense || anchor.direction === "forward" || /\bnext\b/i.test(result.text);
    const back = /\blast\b/i.test(result.text);
    let iso = anchor.date;
    const step = forward && !back ? 1 : -1;
    if (back && weekdayOf(iso) === weekday) iso = addDays(iso, -7);
    while (weekdayOf(iso) !== weekday) iso = addDays(iso, step);
    return { ...base, iso, statedWeekday: weekday, relative: true };
  }
  if (!start.isCertain("year") && !anchor.date && !/\b(ago|last|this|next)\b/i.test(result.text)) return null;
  const year = start.get("year")!;
  const month = start.get("month")!;
  const day = start.get("day")!;
  if (start.isCertain("day") || (/yesterday|today|tomorrow/i.test(result.text))) {
    return { ...base, iso: `${year}-${pad(month)}-${pad(day)}`, statedWeekday: start.isCertain("weekday") ? (start.get("weekday") ?? undefined) : undefined };
  }
  if (start.isCertain("month")) return { ...base, iso: `${year}-${pad(month)}` };
  if (start.isCertain("year")) return { ...base, iso: String(year) };
  return null;
}
