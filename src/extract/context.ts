import events from "./lexicon/events.json" with { type: "json" };
import type { Sentence, Token } from "./nlp.js";

/** A word in a sentence that names an event, with the class of event it names. */
export interface Trigger {
  eventClass: string;
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
const FUTURE = events.future.map((phrase) => phrase.split(" "));

/** Does the phrase `words` start at token i? */
export function phraseAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

export function findTriggers(sentence: Sentence): Trigger[] {
  const found: Trigger[] = [];
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = TRIGGERS.get(tokens[i]!.lower);
    const match = candidates?.find((c) => phraseAt(tokens, i, c.words));
    if (!match) continue;
    // "Sun Temple", "the Ring of Fire": a capitalised word is part of a name, not an event
    if (/^\p{Lu}/u.test(tokens[i]!.text) && i > 0 && /^\p{Lu}/u.test(tokens[i - 1]!.text) && !match.generic) continue;
    found.push({ eventClass: match.eventClass, index: i, aside: match.aside, generic: match.generic });
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
    const score = to - from + boundaries * 6;
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
  for (let i = 0; i < tokens.length; i++) for (const words of FUTURE) if (phraseAt(tokens, i, words)) return true;
  return false;
}
