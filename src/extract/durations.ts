import quantities from "./lexicon/quantities.json" with { type: "json" };
import { isEventWord } from "./context.js";
import { hedgeInterval, type HedgeKind } from "./hedges.js";
import type { Sentence } from "./nlp.js";
import { parseNumber } from "./numbers.js";
import type { Quantity } from "./quantity.js";

// "50 hours after the quake", "two days later": time elapsed since something, not how long it lasted
// (but "banned for 10 years after his release" is a ban's length)
const DURATION = /\b(?:(about|around|some|nearly|almost|more than|over|at least|less than|under|up to|just)\s+)?(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)([- ]|: )(second|minute|hour|day|week|month|year)s?\b(?![- ]old)(?<elapsed>\s+(?:ago|after|later|earlier|before|since|into|from)\b)?/giu;
const DURATION_CODES: Record<string, string> = { second: "TS", minute: "TM", hour: "TH", day: "D", week: "W", month: "M", year: "Y" };
const SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2629800, year: 31557600 };
const OWN_LENGTH = new Set(quantities.ownLength);
const DURATION_KIND = new Map(Object.entries(quantities.durationKinds).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)));

/**
 * Durations: "two-day visit", "spend two days", "for around 15 seconds", "11 years" → ISO 8601,
 * compared in seconds with the hedge's interval. What lasted is the noun of "a two-day visit" or
 * the word before "N days"; the event's own length when that word is one of lasting or visiting.
 */
export function findDurations(sentence: Sentence): Quantity[] {
  const found: Quantity[] = [];
  const tokens = sentence.tokens;
  for (const m of sentence.text.matchAll(DURATION)) {
    const elapsed = m.groups?.elapsed ?? "";
    if (elapsed && !/\bfor\s+$/i.test(sentence.text.slice(0, m.index!))) continue;
    // "at 17:06 hours local time": a clock time, not six hours
    if (/\d[:.]$/.test(sentence.text.slice(0, m.index!))) continue;
    const text = m[0].slice(0, m[0].length - elapsed.length);
    const value = parseNumber(m[2]!);
    if (value === null || value <= 0) continue;
    const unitWord = m[4]!.toLowerCase();
    const code = DURATION_CODES[unitWord]!;
    const iso = code.startsWith("T") ? `PT${value}${code[1]}` : `P${value}${code}`;
    const start = sentence.start + m.index! + (m[1] ? m[0].indexOf(m[2]!) : 0);
    const end = sentence.start + m.index! + text.length;
    const index = Math.max(0, tokens.findIndex((t) => t.start >= start));
    const last = Math.max(index, tokens.findIndex((t) => t.end >= end));
    // the thing that lasted: the noun after "two-day", else the nearest word before the figure
    let what: string | undefined;
    // "a 48-hour stay-indoors order": a hyphened compound after the figure names the thing with its
    // head, whatever part of speech the tagger gives the head
    let first = last + 1;
    while (tokens[first + 1]?.text === "-" && tokens[first + 1]!.joined && tokens[first + 2]?.joined) first += 2;
    if (m[3] === "-" && first > last + 1 && tokens[first + 1] && /^\p{L}+$/u.test(tokens[first + 1]!.text)) {
      what = `${sentence.text.slice(tokens[last + 1]!.start - sentence.start, tokens[first]!.end - sentence.start).toLowerCase()} ${tokens[first + 1]!.lower}`;
    } else if (m[3] === "-" && tokens[first] && (tokens[first]!.pos === "NOUN" || tokens[first]!.pos === "ADJ")) {
      // "a two-day state visit": the head is the last noun of the compound
      let k = first;
      while (tokens[k] && tokens[k]!.pos === "ADJ") k++;
      while (tokens[k + 1]?.pos === "NOUN") k++;
      if (tokens[k]?.pos === "NOUN") what = tokens[k]!.lower;
    }
    // "the highest level in 12 years", "its lowest in a decade": a record over that span
    if (!what && /^(in|for)$/.test(tokens[index - 1]?.lower ?? "")) {
      for (let k = index - 2; k >= Math.max(0, index - 4) && !what; k--) if (/^\p{L}+est$/u.test(tokens[k]!.lower) && tokens[k]!.pos === "ADJ") what = tokens[k]!.lower;
    }
    // "sentenced the firm's finance director, Ana Ruiz, to four years": a word of sentencing
    // before the figure says what it is, however far the object runs
    if (!what) {
      for (let k = index - 1; k >= Math.max(0, index - 12) && !what; k--) if (DURATION_KIND.has(tokens[k]!.lower) && tokens[k]!.pos === "VERB") what = tokens[k]!.lower;
    }
    if (!what) {
      for (let k = index - 1; k >= Math.max(0, index - 4); k--) {
        const t = tokens[k]!;
        if (t.pos === "VERB" || t.pos === "NOUN") {
          what = t.lower;
          break;
        }
      }
    }
    // "10: Years the captain has worked": a by-the-numbers line names it after the figure
    if (!what) for (let k = last + 1; k < Math.min(tokens.length, last + 4); k++) if (tokens[k]!.pos === "NOUN") { what = tokens[k]!.lower; break; }
    what ??= "time";
    const seconds = value * SECONDS[unitWord]!;
    const hedge = m[1]?.toLowerCase();
    const interval = hedgeInterval(hedge ? (quantities.hedges as Record<string, HedgeKind>)[hedge] : undefined, seconds);
    found.push({ kind: "duration", text, index, start, number: value, normalized: iso, unit: code.startsWith("T") ? "s" : "s", what: DURATION_KIND.get(what) ?? (OWN_LENGTH.has(what) || isEventWord(what) ? "length" : what), ...interval });
  }
  return found;
}
