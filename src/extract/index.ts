import events from "./lexicon/events.json" with { type: "json" };
import quantities from "./lexicon/quantities.json" with { type: "json" };
import type { Article, SegmentKind } from "../model/article.js";
import type { Attribute, ClaimValue, RawClaim } from "../model/claim.js";
import { findDates, type Anchor, type DateMention } from "../shared/dates.js";
import { daysBetween, dateSpan, weekdayOf } from "../shared/calendar.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
import { lineColumnOf, linesOf } from "../shared/positions.js";
import { attributionAt, datesEvent, findTriggers, isFuture, nearestTrigger, startsAt, type Trigger } from "./context.js";
import { analyse, type Sentence, type Token } from "./nlp.js";
import { findRoles } from "./people.js";
import { findPlaces } from "./places.js";
import { askedCount, breakdownTotals, findCounts } from "./counts.js";
import { findDurations } from "./durations.js";
import { findMeasures } from "./measures.js";
import { findOrdinals, isPersonSeries, ordinalHolder } from "./ordinals.js";

interface EventContext {
  event: string;
  participants: string[];
  period: string;
  /** the event word is in the claim's own clause */
  inClause: boolean;
  /** the event word's token */
  triggerIndex?: number;
  main?: boolean;
  trigger?: string;
  aside?: boolean;
}

interface ReadSentence extends Sentence {
  segment: SegmentKind;
  block: number;
}

/** The sentences of an article's English title, body and related blurbs, one line at a time. */
function sentencesOf(article: Article): ReadSentence[] {
  const sentences: ReadSentence[] = [];
  const lines = linesOf(article.text, article.lineStarts);
  for (const segment of article.segments) {
    if (segment.kind === "boilerplate" || segment.language !== "en") continue;
    // the segment's own lines only: it starts on line segment.line
    for (let block = segment.line - 1; block < lines.length && lines[block]!.start < segment.end; block++) {
      const line = lines[block]!;
      const start = Math.max(line.start, segment.start);
      const end = Math.min(line.start + line.text.length, segment.end);
      if (end <= start || !/\p{L}/u.test(article.text.slice(start, end))) continue;
      // the sentence is given its segment and line in place: a copy of each cost more than the lookups on it
      for (const sentence of analyse(article.text.slice(start, end), start)) sentences.push(Object.assign(sentence, { segment: segment.kind, block }));
    }
  }
  return sentences;
}

/**
 * The dates of a sentence. chrono is the costliest step of extraction, so it reads only windows
 * around the dates wink already marks (with room for "last", "on", a weekday before a date);
 * the bare years and "last September" chrono misses are found over the whole sentence.
 */
function datesIn(s: Sentence, anchor: Anchor, future: boolean): DateMention[] {
  const marked = s.entities.filter((e) => e.type === "DATE" || e.type === "TIME");
  const found = findDates(s.text, anchor, future, true);
  if (marked.length === 0) return found;
  const windows: [number, number][] = [];
  for (const e of marked) {
    const from = Math.max(0, e.start - s.start - 24);
    const to = Math.min(s.text.length, e.end - s.start + 24);
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  for (const [from, to] of windows) {
    for (const d of findDates(s.text.slice(from, to), anchor, future)) {
      const index = d.index + from;
      if (!found.some((f) => index < f.index + f.text.length && f.index < index + d.text.length)) found.push({ ...d, index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A background date: well before the article's own time ("in 2004", "April last year"). */
function isBackground(mention: DateMention, anchor: string | null): boolean {
  if (!anchor) return !/^\d{4}-\d{2}-\d{2}$/.test(mention.iso);
  return daysBetween(dateSpan(mention.iso)[1], anchor) > 45;
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "In early March, …" in an article of April: the month (YYYY-MM) a sentence opens with, when it is before the article's own. */
function openingMonth(text: string, anchor: string | null): string | undefined {
  const m = /^(?:In|By|Since|During|Back in) (?:early |late |mid-)?(January|February|March|April|May|June|July|August|September|October|November|December),/.exec(text);
  if (!m || !anchor) return undefined;
  const [year, month] = anchor.split("-").map(Number) as [number, number];
  const named = MONTH_NAMES.indexOf(m[1]!.toLowerCase()) + 1;
  if (named === month) return undefined;
  return `${named < month ? year : year - 1}-${String(named).padStart(2, "0")}`;
}

/** People a stretch of tokens names, by the full names the article gives with a title. */
function peopleIn(sentence: Sentence, from: number, to: number, people: ReadonlyMap<string, string>): string[] {
  const found = new Set<string>();
  for (let k = from; k <= to && k < sentence.tokens.length; k++) {
    const full = people.get(sentence.tokens[k]!.text);
    if (full) found.add(full);
  }
  return [...found].sort();
}

const RELATIVE = /^(which|where|who|whose)$/;
/** the event class a collapse is when nothing the lexicon knows as a cause of damage caused it */
const COLLAPSE = "collapse";
const CAUSES = new Set(events.damageCauses);
const PLACE_BEFORE = /^(in|at|near|from|off|outside|inside)$/;
const CASUALTIES = new Set(quantities.peopleCategories);
const HARMLESS = new Set(events.harmless);
/** the dead, the injured, the damaged: what only a harmful event makes */
const TOLLS = new Set(quantities.rising);
const SENTENCES = new Set(Object.keys(quantities.durationKinds));
const HELD_PERCENT = new RegExp(`^share( of (${quantities.heldPercentKinds.join("|")}))?$`);
const REPORTING_VERB = /^(said|says|say|told|tells|added|adds|announced|announces|reported|reports|confirmed|confirms|estimated|estimates)$/;
const REQUEST = /^(sought|seeks|seek|asked|asks|demanded|demands|requested|requests|proposed|proposes|wanted|recommended)$/;
const HOLDER_STOP = new Set(["The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "Its", "This", "That", "After", "Before", "While", "When", "Shares", "Officials", "Police"]);

/**
 * Whose figure it is, read in this order:
 * - the name right before it, in a list ("Ruiz 52.4 percent, Holm 44.1 percent", "Holm's 44.1
 *   percent", "the alliance 94");
 * - the person its clause opens with, doing something ("Ruiz wins … with 52.4 percent");
 * - a person the article names, else a capitalised name, nearest the figure in its clause
 *   ("Velm shares rose 18%", "sentenced Holm to 12 years"); a place ("in Velm") holds nothing;
 * - beyond the clause, the object a "to"/"for" clause completes ("sentenced X's deputy, Ana Ruiz,
 *   to four years"), else the sentence's subject ("Ana Ruiz, a former official, received four years").
 * Figures of different holders are different questions.
 */
function holderAt(sentence: Sentence, index: number, people: ReadonlyMap<string, string>, personsOnly = false): string | undefined {
  const tokens = sentence.tokens;
  const named = (k: number): string | undefined => {
    const t = tokens[k];
    if (!t) return undefined;
    const person = people.get(t.text);
    if (person) return person;
    const capitalised = /^\p{Lu}\p{L}+$/u.test(t.text) && !HOLDER_STOP.has(t.text) && t.entity === undefined && (k > 0 || t.pos === "PROPN");
    if (!capitalised || (personsOnly && t.pos !== "PROPN") || PLACE_BEFORE.test(tokens[k - 1]?.lower ?? "")) return undefined;
    // a run that holds a known person's name ("Finance Minister Ana Ruiz") is that person
    const run = nameRunAt(sentence, k);
    return run.split(/\s+/).map((w) => people.get(w)).find(Boolean) ?? run;
  };
  /** The first name in [from, to) that is not a possessive ("Holm's deputy"). */
  const firstName = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const name = named(k);
      if (!name) continue;
      while (k + 1 < to && named(k + 1) === name) k++;
      if (!/^[’']s$/.test(tokens[k + 1]?.text ?? "")) return name;
    }
    return undefined;
  };
  let before = index - 1;
  if (/^[’']s$/.test(tokens[before]?.text ?? "")) before--;
  if (before >= 0 && !personsOnly) {
    const listed = named(before);
    if (listed) return listed;
    if (tokens[before]!.pos === "NOUN" && tokens[before - 1]?.lower === "the" && /^(,|and)$/.test(tokens[before - 2]?.lower ?? "")) return tokens[before]!.lower;
  }
  const [from, to] = clauseAround(sentence, index);
  let opener = from;
  while (opener < index && (tokens[opener]!.pos === "DET" || tokens[opener]!.pos === "ADJ")) opener++;
  const subject = people.get(tokens[opener]?.text ?? "");
  if (subject) {
    let k = opener;
    while (people.get(tokens[k + 1]?.text ?? "") === subject) k++;
    if (tokens[k + 1]?.pos === "VERB" && !REPORTING_VERB.test(tokens[k + 1]!.lower)) return subject;
  }
  let best: { name: string; distance: number } | undefined;
  for (let k = from; k <= to; k++) {
    const name = named(k);
    const distance = Math.abs(k - index) + (k > index ? 2 : 0);
    if (name && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return best.name;
  // the verb's object: its first name that is no possessive
  if (/^(to|for)$/.test(tokens[from]?.lower ?? "")) {
    let verb = from - 1;
    while (verb >= 0 && tokens[verb]!.pos !== "VERB") verb--;
    const object = verb >= 0 ? firstName(verb + 1, from) : undefined;
    if (object) return object;
  }
  return firstName(0, tokens.length);
}

/** The whole capitalised name a word is part of: "Farmers' League", "Civic Renewal". */
function nameRunAt(sentence: Sentence, k: number): string {
  const tokens = sentence.tokens;
  const part = (t: Token | undefined) => !!t && (/^\p{Lu}\p{L}*$/u.test(t.text) || (/^['’]$/.test(t.text) && t.joined)) && !HOLDER_STOP.has(t.text);
  let from = k;
  while (from > 0 && part(tokens[from - 1]) && (from - 1 > 0 || tokens[from - 1]!.pos === "PROPN")) from--;
  let to = k;
  while (part(tokens[to + 1])) to++;
  while (from < to && /^['’]$/.test(tokens[to]!.text)) to--;
  return sentence.text.slice(tokens[from]!.start - sentence.start, tokens[to]!.end - sentence.start);
}

/** The content words within eight tokens of a figure, in its clause: what a reader needs to see what it counts. */
function cueAt(sentence: Sentence, index: number): string | undefined {
  const [from, to] = clauseAround(sentence, index);
  const words = sentence.tokens
    .slice(Math.max(from, index - 8), Math.min(to, index + 8) + 1)
    .filter((t) => (t.pos === "NOUN" || t.pos === "VERB" || t.pos === "PROPN" || t.pos === "ADJ") && (t.entity === undefined || t.entity === "ORDINAL") && /^\p{L}/u.test(t.text))
    .map((t) => t.lower);
  return words.length > 0 ? words.join(" ") : undefined;
}

/** "the 15 years the prosecutor sought": a figure asked for is not the figure decided. */
function isRequest(sentence: Sentence, index: number): boolean {
  const [from, to] = clauseAround(sentence, index);
  for (let k = from; k <= to; k++) if (REQUEST.test(sentence.tokens[k]!.lower) || (sentence.tokens[k]!.lower === "called" && sentence.tokens[k + 1]?.lower === "for")) return true;
  return false;
}

function clauseAround(sentence: Sentence, index: number): [number, number] {
  let from = index;
  while (from > 0 && !/^[,;—–]$/.test(sentence.tokens[from - 1]!.text)) from--;
  let to = index;
  while (to < sentence.tokens.length - 1 && !/^[,;—–]$/.test(sentence.tokens[to + 1]!.text)) to++;
  return [from, to];
}

/** extract: one article → its claims, each with quote, line, column and the context align needs. */
export function extract(article: Article): RawClaim[] {
  const sentences = sentencesOf(article);
  const rolesBySentence = sentences.map((s) => findRoles(s));
  // every word of a titled name points to the full name, so a surname alone is a known person
  const people = new Map<string, string>();
  for (const role of rolesBySentence.flat()) for (const word of role.name.split(/[\s-]+/)) if (word.length > 1 && !/\.$/.test(word)) people.set(word, role.name);
  const isPersonWord = (word: string) => people.has(word);
  // titles held by exactly one person in the article: "the captain" is that person
  const holders = new Map<string, Set<string>>();
  for (const role of rolesBySentence.flat()) for (const word of [role.normalized, role.title.toLowerCase()]) holders.set(word, (holders.get(word) ?? new Set()).add(role.name));
  const holderByTitle = new Map([...holders].filter(([, names]) => names.size === 1).map(([title, names]) => [title, [...names][0]!]));

  // in a related-article blurb, "hit" or "the disaster" is the blurb's own event, never the article's
  const triggersBySentence = sentences.map((s) => findTriggers(s).filter((t) => !(t.generic && s.segment === "related")));
  // a collapse is damage an earthquake or a flood does; in an article that names no such cause
  // (a mine, a bridge, a building that fell) it is the event itself
  if (!triggersBySentence.some((triggers) => triggers.some((t) => CAUSES.has(t.eventClass.split(":")[0]!)))) {
    for (const triggers of triggersBySentence) for (const t of triggers) if (t.eventClass === "damage") Object.assign(t, { eventClass: COLLAPSE, classes: [COLLAPSE], aside: false });
  }
  const lead = sentences.slice(0, 4).flatMap((_, k) => triggersBySentence[k]!).find((t) => !t.aside && !t.generic);
  const mainClass = lead?.eventClass ?? "main";
  const anchor = { date: article.anchor.date, direction: article.anchor.from === "text" ? ("forward" as const) : ("back" as const) };
  // a date borrowed from the other articles can place a weekday but not tell a background year
  const anchorForPeriods = article.anchor.from === "story" ? null : anchor.date;

  const claims: RawClaim[] = [];
  const inDateline = (offset: number) => !!article.dateline && offset >= article.dateline.start && offset < article.dateline.end;
  const quoteOf = (s: Sentence) => (s.text.length > 400 ? `${s.text.slice(0, 397)}…` : s.text);
  const add = (s: ReadSentence, attribute: Attribute, offset: number, value: ClaimValue, context: Omit<RawClaim["context"], "offset">) => {
    if (inDateline(offset)) return;
    const { line, column } = lineColumnOf(article.lineStarts, offset);
    // the value as written, where the text holds it there ("President", "at least 12"); else its first character
    const length = article.text.startsWith(value.text, offset) ? value.text.length : 1;
    const { line: endLine, column: endColumn } = lineColumnOf(article.lineStarts, offset + length);
    claims.push({
      source: article.id,
      attribute,
      subject: { id: "", name: context.about },
      value,
      evidence: { quote: quoteOf(s), line, column, segment: s.segment, start: offset, end: offset + length, endLine, endColumn },
      context: { ...context, offset },
    });
  };

  let previousPeople: string[] = [];
  let carried: { eventClass: string; period: string } | undefined;
  let lastCount: { block: number; what: string; noun?: string } | undefined;
  sentences.forEach((s, k) => {
    // the people a paragraph names carry from sentence to sentence, never into the next paragraph
    if (sentences[k - 1]?.block !== s.block) previousPeople = [];
    const triggers = triggersBySentence[k]!;
    const future = isFuture(s);
    // a plan ("is expected to close in the first quarter of 2027") or a date after the dateline is another event
    // "In early March, a gunman shot three people" in an article of April: a month before the
    // article's own is another event's time, though within weeks
    const earlierMonth = (d: DateMention) => /^\d{4}-\d{2}$/.test(d.iso) && !!anchorForPeriods && d.iso < anchorForPeriods.slice(0, 7);
    const periodOfDate = (d: DateMention) =>
      isBackground(d, anchorForPeriods) ? d.iso.slice(0, 4) : earlierMonth(d) ? d.iso : (future && d.iso > (anchor.date ?? "")) || (anchor.direction === "back" && anchorForPeriods && dateSpan(d.iso)[0] > anchorForPeriods) ? "future" : "current";
    const dates = datesIn(s, anchor, future).map((d) => ({
      ...d,
      token: Math.max(0, s.tokens.findIndex((t) => t.end > s.start + d.index)),
      lastToken: Math.max(0, s.tokens.filter((t) => t.start < s.start + d.index + d.text.length).length - 1),
      period: periodOfDate(d),
      day: /^\d{4}-\d{2}-\d{2}$/.test(d.iso),
    }));
    // A year that modifies an event word ("the 2004 tsunami", "the tsunami of 2004") dates that word
    // only; a time adverbial ("In 2004, …", "… in May 2012") dates every event word of the sentence.
    const triggerPeriods = new Map<Trigger, string>();
    let adverbial = false;
    for (const d of dates) {
      const period = d.period;
      if (period === "current") continue;
      const after = s.tokens.find((t) => t.start >= s.start + d.index + d.text.length);
      const modified = triggers.find((t) => s.tokens[t.index] === after || (s.tokens[t.index + 1]?.lower === "of" && s.tokens[t.index + 2]?.start === s.start + d.index));
      if (modified) triggerPeriods.set(modified, period);
      else {
        for (const t of triggers) if (!triggerPeriods.has(t)) triggerPeriods.set(t, period);
        adverbial = true;
      }
    }
    // "In early March, a gunman shot three people": a month alone, which dates nothing by itself,
    // still puts the whole sentence in another month than the article's own
    const opening = openingMonth(s.text, anchorForPeriods);
    if (opening) {
      for (const t of triggers) if (!triggerPeriods.has(t)) triggerPeriods.set(t, opening);
      adverbial = true;
    }
    // "Five people died in the quake": no date, but "the quake" is the one the sentence before dated
    if (dates.length === 0 && carried) {
      for (const t of triggers) if (!t.aside && !t.generic && t.eventClass === carried.eventClass && /^(the|that|this)$/.test(s.tokens[t.index - 1]?.lower ?? "")) triggerPeriods.set(t, carried.period);
    }
    const backgroundTrigger = triggers.find((t) => triggerPeriods.has(t) && !t.aside);
    carried = backgroundTrigger && adverbial ? { eventClass: backgroundTrigger.generic ? mainClass : backgroundTrigger.eventClass, period: triggerPeriods.get(backgroundTrigger)! } : dates.length > 0 || triggers.some((t) => !t.aside && !t.generic) ? undefined : carried;
    const sentencePeriod = dates.map((d) => d.period).find((p) => p !== "current") ?? opening ?? "current";
    const sentencePeople = peopleIn(s, 0, s.tokens.length - 1, people);

    /** The event a claim at token `index` hangs on; asides (a statement, an evacuation) only when `withAsides`. */
    const eventAt = (index: number, withAsides: boolean, casualties = false): EventContext => {
      // damage (a collapse, a landslide) happens when and where the event does: it never owns a date or place
      // the dead and the injured are never a meeting's or a vote's ("when authorities arrived, five were found dead")
      const candidates = triggers.filter((t) => (!t.aside || (withAsides && t.eventClass !== "damage")) && !(casualties && HARMLESS.has(t.eventClass.split(":")[0]!)));
      const trigger = nearestTrigger(s, candidates, index);
      const [from, to] = clauseAround(s, trigger?.index ?? index);
      let participants = peopleIn(s, from, to, people);
      // a related-article blurb is about another story: its events are whoever it names, not the article's own
      if (participants.length === 0 && s.segment === "related") participants = sentencePeople.length > 0 ? sentencePeople : sentences[k - 1]?.block === s.block ? previousPeople : [];
      // "the match" in a report of "the second leg" is that leg; "the first leg" in it is another event
      const main = !trigger || trigger.generic || trigger.eventClass === mainClass || (!trigger.eventClass.includes(":") && trigger.classes.includes(mainClass.split(":")[0]!));
      const period = trigger ? (triggerPeriods.get(trigger) ?? "current") : sentencePeriod;
      const [clauseFrom, clauseTo] = clauseAround(s, index);
      // "the fire, which started near Velm": a relative clause belongs to the clause of its antecedent
      const relative = RELATIVE.test(s.tokens[clauseFrom]?.lower ?? "") && clauseFrom > 1 ? clauseAround(s, clauseFrom - 2)[0] : clauseFrom;
      const inClause = !!trigger && trigger.index >= relative && trigger.index <= clauseTo;
      return { event: main ? mainClass : trigger.eventClass, participants, period, inClause, ...(trigger ? { triggerIndex: trigger.index } : {}), ...(main ? { main } : {}), ...(trigger && !trigger.generic ? { trigger: trigger.words } : {}), ...(trigger?.aside ? { aside: true } : {}) };
    };
    const context = (e: EventContext) => ({ event: e.event, participants: e.participants, period: e.period, ...(e.main ? { main: true } : {}), ...(e.trigger ? { trigger: e.trigger } : {}), ...(e.aside ? { aside: true } : {}) });

    for (const role of rolesBySentence[k]!) {
      const offset = s.tokens[role.titleIndex]!.start;
      // a title in a sentence about a dated past ("In 2021, opposition leader X …") was held then
      const [from, to] = clauseAround(s, role.titleIndex);
      const past = dates.find((d) => d.period !== "current" && d.period !== "future" && ((d.token >= from && d.token <= to) || (d.token <= 2 && s.tokens.slice(0, 6).some((t) => t.text === ","))));
      const qualifier = role.qualifier ?? (past ? `as of ${past.period}` : undefined);
      add(s, "role", offset, { text: role.title, normalized: role.normalized }, {
        event: "person", period: "current", participants: [role.name], about: role.name, anchored: true, ...(qualifier ? { qualifier } : {}),
      });
    }

    for (const d of dates) {
      const e = eventAt(d.token, true);
      // a month or a year with no event word beside it ("last month", "this year") is background, not the event's date
      if (!e.inClause && !d.day && d.period === "current") continue;
      // "last month", "this year": too vague to date the story's own event; "today" alone dates the writing
      if (d.relative && !d.day && d.period === "current") continue;
      if (/^(today|tonight|this (morning|afternoon|evening))$/i.test(d.text) && !e.inClause) continue;
      const mismatch = d.statedWeekday !== undefined && d.day && weekdayOf(d.iso) !== d.statedWeekday ? WEEKDAYS[d.statedWeekday] : undefined;
      const cue = cueAt(s, d.token);
      add(s, "date", s.start + d.index, { text: d.text, normalized: d.iso }, {
        ...context(e), period: d.period, about: startsAt(s, d.token) ? "start" : "date", ...(e.inClause ? {} : { loose: true }),
        ...(e.inClause && e.triggerIndex !== undefined && datesEvent(s, d.token, d.lastToken, e.triggerIndex) ? { anchored: true } : {}),
        resolution: !d.relative ? "explicit" : article.anchor.from === "story" ? "borrowed" : "own", ...(mismatch ? { weekdayMismatch: mismatch } : {}),
        ...(cue ? { cue } : {}),
      });
    }

    // where an event happened: only a place in the clause of an event word, and never a plan
    if (!future) {
      for (const place of findPlaces(s, isPersonWord)) {
        const e = eventAt(place.index, true);
        // a place far from any event word may still be where it happened, but too loosely to contradict;
        // beside another event word it still says what contains what
        if (!e.inClause && triggers.some((t) => !t.generic)) {
          if (place.within) {
            const offset = s.tokens[place.index]!.start;
            add(s, "location", offset, { text: place.text, normalized: place.normalized }, { event: "reference", period: "reference", participants: [], about: `within:${place.within}`, knowledge: true });
            claims.at(-1)!.subject = { id: `place:${place.normalized.replace(/ /g, "-")}`, name: place.text };
          }
          continue;
        }
        add(s, "location", s.tokens[place.index]!.start, { text: place.text, normalized: place.normalized }, { ...context(e), about: place.within ? `within:${place.within}` : "place", ...(e.inClause ? { anchored: true } : { loose: true }) });
      }
    }

    const measures = findMeasures(s);
    const durations = findDurations(s);
    const taken = new Set<number>([...measures, ...durations].map((q) => q.start));
    for (const d of dates) for (let t = d.token; t < s.tokens.length && s.tokens[t]!.start < s.start + d.index + d.text.length; t++) taken.add(s.tokens[t]!.start);
    // an elliptical figure counts what the last count of its paragraph counted: "… 40,000 people
    // took part. Organisers said 100,000."; with no count before it, it says nothing checkable
    const counts = findCounts(s, taken).flatMap((q) => {
      if (!q.bare) return [q];
      return lastCount && lastCount.block === s.block ? [{ ...q, what: lastCount.what, noun: lastCount.noun }] : [];
    });
    for (const q of counts) if (!q.bare && !q.derived) lastCount = { block: s.block, what: q.what, ...(q.noun ? { noun: q.noun } : {}) };
    // an explainer's "How many people were evacuated? More than 40,000."
    const asked = askedCount(s);
    if (asked) lastCount = { block: s.block, ...asked };
    for (const q of [...measures, ...durations, ...counts, ...breakdownTotals(s, counts)]) {
      const attribute: Attribute = q.kind === "count" ? "count" : q.kind === "duration" ? "duration" : "measure";
      const value: ClaimValue = {
        text: q.text,
        normalized: q.normalized,
        ...(q.number !== undefined ? { number: q.number } : {}),
        ...(q.low !== undefined ? { low: q.low } : {}),
        ...(q.high !== undefined ? { high: q.high } : {}),
        ...(q.unit ? { unit: q.unit } : {}),
      };
      const attribution = attributionAt(s, q.index);
      const cue = cueAt(s, q.index);
      // a deal's price is the deal's; a share, a seat count or a prison term is someone's
      // (a chamber's seats in total are nobody's)
      // (an inflation rate or a policy rate is the country's or the bank's, never the nearest name's)
      // (a prison term is someone's; a quarantine, a closure, a record is nobody's)
      const held = q.kind === "duration" ? SENTENCES.has(q.what) : q.kind === "measure" ? HELD_PERCENT.test(q.what) : q.scope !== "total" && (/^(seats|votes)$/.test(q.what) || q.noun === "seats" || q.noun === "votes");
      // "the captain has worked there 10 years": a title held by one person in the article is that person
      const titled = q.kind === "duration" ? holderByTitle.get(q.what) : undefined;
      const holder = titled ?? (held ? holderAt(s, q.index, people, q.kind === "duration") : undefined);
      const request = q.kind !== "count" && isRequest(s, q.index) ? " sought" : "";
      const e = eventAt(q.index, false, q.kind === "count" && TOLLS.has(q.what));
      // "four others were injured": a casualty word is the count's own predicate, whatever event word is near
      // a figure someone holds (a captain's years of service, a party's seats) is tied to its holder
      const anchored = e.inClause || (q.kind === "count" && CASUALTIES.has(q.what)) || !!holder;
      add(s, attribute, q.start, value, {
        ...context(e),
        ...(anchored ? { anchored: true } : {}),
        // the value a change started from is another question than where it ended
        ...(q.previous ? { period: "previous" } : {}),
        about: `${q.noun && q.noun !== q.what ? `${q.noun} ${q.what}` : q.what}${q.scope ? ` in ${q.scope}` : ""}${request}`,
        ...(holder ? { holder } : {}),
        ...(cue ? { cue } : {}),
        ...(q.partial ? { partial: true } : {}),
        ...(q.provisional ? { provisional: true } : {}),
        ...(q.derived ? { derived: true } : {}),
        ...(attribution ? { attribution } : {}),
      });
    }

    const ordinalPeople = sentencePeople.length > 0 ? sentencePeople : (k > 0 && sentences[k - 1]!.block === s.block) || s.segment === "related" ? previousPeople : [];
    for (const q of findOrdinals(s)) {
      // the series as written and the words around it ("cup", "third consecutive rise") stay beside its name
      const cue = [q.noun && q.noun !== q.what ? q.noun : "", cueAt(s, q.index) ?? ""].filter(Boolean).join(" ");
      // "the 12th Doctor" is someone's place in the series: with nobody named, it says nothing checkable
      const person = isPersonSeries(q.what);
      const holder = person ? ordinalHolder(s, q.index, q.what, people) : undefined;
      add(s, "ordinal", q.start, { text: q.text, normalized: q.normalized, number: q.number! }, {
        event: "series", period: sentencePeriod, participants: person ? [] : ordinalPeople, about: q.what, ...(person && !holder ? {} : { anchored: true }), ...(holder ? { holder } : {}), ...(cue ? { cue } : {}),
      });
    }
    if (sentencePeople.length > 0 || sentences[k + 1]?.block !== s.block) previousPeople = sentencePeople;
  });
  claims.sort((a, b) => a.context.offset - b.context.offset || (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0));
  return claims;
}
