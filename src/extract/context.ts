import events from "./lexicon/events.json" with { type: "json" };
import type { Sentence, Token } from "./nlp.js";
import { phraseAt, phraseList } from "./phrases.js";

/** A word in a sentence that names an event, with the class of event it names. */
export interface Trigger {
  eventClass: string;
  /** every class the word can name ("race": a match or an election); the article's own class wins */
  classes: string[];
  /** the words as written, lower case */
  words: string;
  index: number;
  /** a sub-event (a statement, an evacuation): its dates and places are not the event's own */
  aside: boolean;
  /** "the disaster", "the accident": the article's main event, whatever its class */
  generic: boolean;
}

type PhraseTable = Map<string, { words: string[]; eventClass: string; aside: boolean; generic: boolean }[]>;

function phraseTable(): PhraseTable {
  const table: PhraseTable = new Map();
  const add = (phrase: string, eventClass: string, aside: boolean, generic: boolean) => {
    const words = phrase.split(" ");
    const list = table.get(words[0]!) ?? [];
    list.push({ words, eventClass, aside, generic });
    list.sort((a, b) => b.words.length - a.words.length);
    table.set(words[0]!, list);
  };
  for (const [eventClass, words] of Object.entries(events.classes)) for (const w of words) add(w, eventClass, false, false);
  for (const [eventClass, words] of Object.entries(events.aside)) for (const w of words) add(w, eventClass, true, false);
  for (const w of events.generic) add(w, "main", false, true);
  return table;
}

const TRIGGERS = phraseTable();

/** Is this word an event word of a main class ("visit", "verdict", "match")? A "two-day visit" is the visit's own length. */
export function isEventWord(word: string): boolean {
  return TRIGGERS.get(word)?.some((t) => t.words.length === 1 && !t.aside && !t.generic) ?? false;
}
const HEAD_ONLY = new Set(events.headOnly);
const FUTURE = phraseList(events.future);

export function findTriggers(sentence: Sentence): Trigger[] {
  const found: Trigger[] = [];
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = TRIGGERS.get(tokens[i]!.lower);
    const match = candidates?.find((c) => phraseAt(tokens, i, c.words));
    if (!match) continue;
    // "final results", "a visiting team": an adjective is no event
    if (match.words.length === 1 && tokens[i]!.pos === "ADJ") continue;
    if (match.words.length === 1 && HEAD_ONLY.has(tokens[i]!.lower) && tokens[i + 1]?.pos === "NOUN" && !TRIGGERS.has(tokens[i + 1]!.lower)) continue;
    // "the first case was confirmed on Feb. 3": a passive reports a fact, not someone's statement
    if (match.aside && match.eventClass === "statement" && /^(was|were|been|is|are|being)$/.test(tokens[i - 1]?.lower ?? "")) continue;
    // "rescuers race to reach them", "parliament will vote": a verb of these nouns names no event
    if (match.words.length === 1 && HEAD_ONLY.has(tokens[i]!.lower) && tokens[i]!.pos === "VERB") continue;
    // "Sun Temple", "the Ring of Fire": a capitalised word is part of a name, not an event
    if (/^\p{Lu}/u.test(tokens[i]!.text) && i > 0 && /^\p{Lu}/u.test(tokens[i - 1]!.text) && !match.generic) continue;
    // "the Ministry of Emergency Situations": a capitalised word between "of" and a name is the name's
    if (/^\p{Lu}/u.test(tokens[i]!.text) && tokens[i - 1]?.lower === "of" && /^\p{Lu}/u.test(tokens[i + match.words.length]?.text ?? "")) continue;
    // "March 2024", "in May": a month, not a march
    if (tokens[i]!.entity === "DATE" || (/^(March|May)$/.test(tokens[i]!.text) && (i > 0 || /^\d/.test(tokens[i + 1]?.text ?? "")))) continue;
    // "the first leg", "the second round": an ordinal names one event of a series, never the same as another
    const ordinal = tokens[i - 1]?.entity === "ORDINAL" ? tokens[i - 1]!.lower : match.words.length > 1 && tokens[i]!.entity === "ORDINAL" ? tokens[i]!.lower : undefined;
    const eventClass = ordinal && !match.aside && !match.generic ? `${match.eventClass}:${ordinal} ${match.words.at(-1)}` : match.eventClass;
    // "the Cup final first leg", "a summit meeting": in a run of event words the last is the head
    const previous = found.at(-1);
    if (previous && previous.index + previous.words.split(" ").length === i - (ordinal && tokens[i - 1]?.entity === "ORDINAL" ? 1 : 0) && !previous.aside && !match.aside && !previous.generic && !match.generic && tokens[i + match.words.length - 1]!.pos === "NOUN") found.pop();
    const classes = candidates!.filter((c) => c.words.join(" ") === match.words.join(" ")).map((c) => c.eventClass);
    found.push({ eventClass, classes, words: [ordinal && tokens[i - 1]?.entity === "ORDINAL" ? ordinal : "", ...match.words].filter(Boolean).join(" "), index: i, aside: match.aside, generic: match.generic });
    i += match.words.length - 1;
  }
  return found;
}

/** The trigger nearest to token `index`, preferring one in the same clause (commas and semicolons bound a clause). */
export function nearestTrigger(sentence: Sentence, triggers: readonly Trigger[], index: number): Trigger | undefined {
  let best: Trigger | undefined;
  let bestScore = Infinity;
  for (const trigger of triggers) {
    const [from, to] = trigger.index < index ? [trigger.index, index] : [index, trigger.index];
    let boundaries = 0;
    for (let k = from; k < to; k++) if (/^[,;:—–()]$/.test(sentence.tokens[k]!.text)) boundaries++;
    // a sub-event (an arrest, a statement) wins only when it is clearly nearer than the event itself
    const score = to - from + boundaries * 6 + (trigger.aside ? 3 : 0);
    if (score < bestScore) {
      best = trigger;
      bestScore = score;
    }
  }
  return best;
}

/** A sentence about what is to come ("will host", "is expected to visit", "the next summit"). */
export function isFuture(sentence: Sentence): boolean {
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) if (FUTURE.find(tokens, i)) return true;
  return false;
}

const REPORTING = new Set(["said", "says", "say", "estimated", "estimates", "estimate", "put", "puts", "reported", "reports", "counted", "told", "according"]);

/**
 * Who a figure is attributed to in its clause ("police said about 40,000", "according to the US
 * Geological Survey"): figures from different bodies are each reported as such, not errors.
 */
export function attributionAt(sentence: Sentence, index: number): string | undefined {
  const tokens = sentence.tokens;
  let from = index;
  while (from > 0 && !/^[;:—–]$/.test(tokens[from - 1]!.text)) from--;
  let to = index;
  while (to < tokens.length - 1 && !/^[;:—–]$/.test(tokens[to + 1]!.text)) to++;
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (!REPORTING.has(t.lower)) continue;
    if (t.lower === "according" && tokens[k + 1]?.lower === "to") return bodyAfter(tokens, k + 2);
    // the subject before the verb: "the US Geological Survey said", "organisers said"
    let start = k;
    while (start > from && start > k - 5 && (tokens[start - 1]!.pos === "PROPN" || tokens[start - 1]!.pos === "NOUN" || /^\p{Lu}/u.test(tokens[start - 1]!.text))) start--;
    if (start < k) return words(tokens, start, k - 1);
    // "…, said the US Geological Survey"
    const after = bodyAfter(tokens, k + 1);
    if (after) return after;
  }
  return undefined;
}

function bodyAfter(tokens: readonly Token[], k: number): string | undefined {
  if (tokens[k]?.lower === "the") k++;
  let end = k;
  while (end < tokens.length && end < k + 5 && (tokens[end]!.pos === "PROPN" || tokens[end]!.pos === "NOUN" || /^\p{Lu}/u.test(tokens[end]!.text))) end++;
  return end > k ? words(tokens, k, end - 1) : undefined;
}

const BODIES = new Set(events.attributionBodies);

/** An attribution counts only when it names a body ("police", "the US Geological Survey"), not a person. */
const words = (tokens: readonly Token[], from: number, to: number) => {
  const phrase = tokens.slice(from, to + 1).map((t) => t.lower).join(" ").replace(/^(the|local) /, "");
  return phrase.split(" ").some((w) => BODIES.has(w)) ? phrase : undefined;
};

const START = phraseList(events.startVerbs);

/** "broke out on Monday", "which began last September": the date is when the event started, not any day of it. */
export function startsAt(sentence: Sentence, index: number): boolean {
  const tokens = sentence.tokens;
  for (let k = Math.max(0, index - 5); k < index; k++) {
    if (/^[,;]$/.test(tokens[k]!.text)) continue;
    // "began when the mine collapsed on Tuesday": the date is the collapse's, not the start's
    const start = START.find(tokens, k);
    if (start) return !tokens.slice(k + start.words.length, index).some((t) => /^[,;]$/.test(t.text) || t.pos === "VERB");
  }
  return false;
}

const DATE_LEAD = /^(on|early|late|last|this|about|around|at|since|by|in|from|before|after|until)$/;
/** Verbs that only say an event happened ("the shooting happened early Sunday"): they leave the date the event's. */
const HAPPENED = new Set(["happened", "happens", "occurred", "occurs", "took", "place", "unfolded", "erupted", "began", "started", "was", "were", "is", "has", "had", "been"]);
const blocks = (t: Token) => ((t.pos === "VERB" || t.pos === "AUX") && !HAPPENED.has(t.lower)) || /^[,;:—–()]$/.test(t.text);

/**
 * Does the date at tokens [from, to] date the event word at `trigger`, not another predicate of
 * its clause? "the shooting Sunday", "was killed early on Tuesday", "Sunday's shooting", "On
 * Sunday, a gunman opened fire …" do; "a suspect was sought Saturday in the shooting", "Six
 * remained in critical condition Tuesday" (no event word) do not.
 */
export function datesEvent(sentence: Sentence, from: number, to: number, trigger: number): boolean {
  const tokens = sentence.tokens;
  if (trigger < from) return to - trigger <= 12 && !tokens.slice(trigger + 1, from).some(blocks);
  // the event word after the date: only when nothing before the date claims it ("sought Saturday")
  let lead = from - 1;
  while (lead >= 0 && DATE_LEAD.test(tokens[lead]!.lower)) lead--;
  // "On Sunday, a gunman opened fire": an opening date dates the clause that follows it
  if (lead < 0 && tokens[to + 1]?.text === ",") return !tokens.slice(to + 2, trigger).some((t) => /^[,;:—–()]$/.test(t.text));
  if (lead >= 0 && (tokens[lead]!.pos === "VERB" || tokens[lead]!.pos === "AUX")) return false;
  return trigger - to <= 5 && !tokens.slice(to + 1, trigger).some(blocks);
}
