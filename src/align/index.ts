import { pushTo } from "../shared/group.js";
import type { RawClaim } from "../model/claim.js";
import type { Slot, SlotClaim } from "../model/slot.js";
import quantities from "../extract/lexicon/quantities.json" with { type: "json" };
import events from "../extract/lexicon/events.json" with { type: "json" };
import { resolvePeople, slug, type Person } from "./people.js";

const VOLATILE = new Set(quantities.volatile);
const NAMES = new Map(Object.entries(events.names));
const nounFor = (word: string) => NAMES.get(word) ?? word;

/** How many days a duration value spans ("P2D" → 2), or 0 when it is not in days. */
function durationDays(iso: string): number {
  const m = /^P(\d+)D$/.exec(iso);
  return m ? Number(m[1]) : 0;
}

const mostCommon = (values: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
};

/**
 * align: claims of all sources → slots, one per (subject, attribute). People are resolved across
 * sources; an event is its class, its period ("current" or a background year) and, when it names
 * people from outside the story's main event, those people.
 */
export function align(claims: readonly (RawClaim & { id: string })[]): Slot[] {
  const people = resolvePeople(claims.flatMap((c) => [...c.context.participants, ...(c.context.holder ? [c.context.holder] : [])]));
  const personOf = (name: string): Person => people.get(name)!;
  // the story's event is the one most sources lead with; every article's own main event is that one
  const leads = new Map<string, string>();
  for (const c of claims) if (c.context.main && c.context.event !== "main" && !leads.has(c.source)) leads.set(c.source, c.context.event);
  const base = (eventClass: string) => eventClass.split(":")[0]!;
  const mainClass = mostCommon([...leads.values()].map(base)) ?? "event";
  // "the first leg" and "the second leg" are two events only when the sources name both;
  // an event named without an ordinal ("the final") is the story's own
  const qualifiers = new Map<string, Set<string>>();
  for (const c of claims) if (c.context.event.includes(":")) qualifiers.set(base(c.context.event), (qualifiers.get(base(c.context.event)) ?? new Set()).add(c.context.event));
  // every article's own event is the story's ("the race", "the vote", "the election" of one
  // story are one event), except an ordinal one the sources tell apart ("the first leg")
  const classOf = (c: RawClaim) => {
    const told = (event: string) => event.includes(":") && (qualifiers.get(base(event))?.size ?? 0) >= 2;
    if (c.context.main) return told(c.context.event) ? c.context.event : mainClass;
    return told(c.context.event) ? c.context.event : base(c.context.event);
  };

  // the main event's participants: people named around it by at least two sources
  const sourcesByPerson = new Map<string, Set<string>>();
  for (const c of claims) {
    if (classOf(c) !== mainClass || c.context.period !== "current") continue;
    for (const name of c.context.participants) {
      const id = personOf(name).id;
      sourcesByPerson.set(id, (sourcesByPerson.get(id) ?? new Set()).add(c.source));
    }
  }
  const mainParticipants = new Set([...sourcesByPerson].filter(([, s]) => s.size >= 2).map(([id]) => id));

  // an event is called by the word its sources use most ("the visit", "the fire"), not by its class
  // a past event is its year ("founded in 1998", "the 1942 flood"), unless a sub-event of its
  // own kind (an arrest in March 2024 is not the trial opened in September 2024)
  const keyOf = (c: RawClaim) => (/^\d{4}$/.test(c.context.period) && !(c.context.aside && c.context.event !== "statement") ? `past@${c.context.period}` : `${classOf(c)}@${c.context.period}`);
  const words = new Map<string, string[]>();
  for (const c of claims) if (c.context.trigger && c.attribute !== "role") pushTo(words, keyOf(c), c.context.trigger);
  // shown as a noun ("grounding", not "ran aground"); the sources' own words stay as aliases
  const labels = new Map([...words].map(([key, list]) => [key, nounFor(mostCommon(list)!)]));
  // once per event, not once per claim: an event's list holds a word for each of its claims, and
  // a megabyte article has tens of thousands of them (read only: put() copies it)
  const wordLists = new Map<string, readonly string[]>();
  const wordsOf = (key: string): readonly string[] => {
    let list = wordLists.get(key);
    if (!list) wordLists.set(key, (list = [...new Set(words.get(key) ?? [])].sort()));
    return list;
  };
  const eventOf = (c: RawClaim): { key: string; label: string; words: readonly string[] } => {
    const eventClass = classOf(c);
    const key = keyOf(c);
    const name = labels.get(key) ?? eventClass.replace(/^[^:]*:/, "");
    const label = c.context.period === "current" ? name : `${name} (${c.context.period})`;
    const involved = [...new Set(c.context.participants.map((n) => personOf(n)))].sort((a, b) => (a.id < b.id ? -1 : 1));
    // a meeting with someone from outside the main event is another meeting (players in a match,
    // officials at a fire, do not make it another match or fire)
    if (base(eventClass) === "meeting" && involved.some((p) => !mainParticipants.has(p.id)) && involved.length > 0) {
      return { key: `${key}+${involved.map((p) => p.id.slice(7)).join("+")}`, label: `${label} (${involved.map((p) => p.name).join(", ")})`, words: wordsOf(key) };
    }
    return { key, label, words: wordsOf(key) };
  };

  const slots = new Map<string, Slot>();
  // each claim gets its subject in place: a copy of a million claims would double the memory a large run needs
  const put = (key: string, claim: SlotClaim, subject: Slot["subject"], also: readonly string[] = []) => {
    claim.subject = { id: subject.id, name: subject.name };
    const slot = slots.get(key) ?? { key, attribute: claim.attribute, subject: { ...subject, aliases: [...new Set([...subject.aliases, ...also])] }, volatile: false, spanDays: 1, claims: [] };
    slot.claims.push(claim);
    slots.set(key, slot);
  };

  for (const claim of claims) {
    if (claim.context.knowledge) continue;
    if (claim.attribute === "role") {
      const person = personOf(claim.context.about);
      const aliases = [...new Set([...person.aliases])].sort();
      put(`role|${person.id}`, claim, { id: person.id, name: person.name, aliases });
      continue;
    }
    if (claim.attribute === "ordinal") {
      // the main event's own people name no other series ("their third meeting" is the story's)
      const named = [...new Set(claim.context.participants.map((n) => personOf(n)))].sort((a, b) => (a.id < b.id ? -1 : 1));
      const involved = named.every((p) => mainParticipants.has(p.id)) ? [] : named;
      const series = claim.context.about;
      // "the 12th Doctor": the place of one person in the series, a question per person
      const holder = claim.context.holder ? personOf(claim.context.holder) : undefined;
      if (holder) {
        const id = `${holder.id}/${slug(series)}`;
        put(`ordinal|${id}`, claim, { id, name: `${holder.name} as the ${series}`, aliases: [...holder.aliases] });
        continue;
      }
      const id = `event:${slug(series)}${involved.length ? `-${involved.map((p) => p.id.slice(7)).join("-")}` : ""}`;
      const name = `${series}${involved.length ? ` (${involved.map((p) => p.name).join(", ")})` : ""}`;
      put(`ordinal|${id}`, claim, { id, name, aliases: [] });
      continue;
    }
    const event = eventOf(claim);
    // "Holm", "Jon Holm": a figure's holder is resolved like any person
    // a person's percentage is their share, whatever noun the sentence puts near it
    const holder = claim.context.holder ? personOf(claim.context.holder) : undefined;
    // a holder's percentage of its shares or of the vote is its share; a premium or a stake is another figure
    const what = holder && /^share( of (shares|vote))?$/.test(claim.context.about) ? "share" : claim.context.about;
    const about = holder ? `${what} of ${holder.name}` : claim.context.about;
    if (claim.attribute === "count" || claim.attribute === "measure") {
      const id = `${claim.attribute === "count" ? "group" : "event"}:${slug(event.key)}/${slug(about)}`;
      const name = `${about} (${event.label})`;
      const slotKey = `${claim.attribute}|${event.key}|${about}|${claim.value.unit ?? ""}`;
      put(slotKey, claim, { id, name, aliases: [] }, event.words);
      const category = claim.context.about.split(" ").at(-1)!;
      // tolls and burned areas grow from report to report
      if ((claim.attribute === "count" && VOLATILE.has(category)) || (claim.attribute === "measure" && claim.value.unit === "ha")) {
        if (claim.context.period === "current") slots.get(slotKey)!.volatile = true;
      }
      continue;
    }
    const id = `event:${slug(event.key)}`;
    // when an event started is a question of its own: a fire that broke out on Monday still burns on Wednesday
    if (claim.attribute === "date" && claim.context.about === "start") {
      const name = `start of the ${event.label}`;
      put(`date|${event.key}|start`, claim, { id: `${id}/start`, name, aliases: [] }, event.words);
      continue;
    }
    if (claim.attribute === "duration" && about === "length") {
      const name = `length of the ${event.label}`;
      put(`duration|${event.key}`, claim, { id: `event:${slug(event.key)}/length`, name, aliases: [] }, event.words);
      continue;
    }
    if (claim.attribute === "duration") {
      const name = `${about} (${event.label})`;
      put(`duration|${event.key}|${about}`, claim, { id: `${id}/${slug(about)}`, name, aliases: [] }, event.words);
      continue;
    }
    put(`${claim.attribute}|${event.key}`, claim, { id, name: event.label, aliases: [] }, event.words);
  }

  // "140 km away" says no more than "140 km from Velm" when Velm is the only place the story measures from
  for (const [key, slot] of slots) {
    const [attribute, eventKey, about, unit] = key.split("|");
    if (attribute !== "measure" || about !== "distance") continue;
    const measuredFrom = [...slots.values()].filter((other) => other.key.startsWith(`measure|${eventKey}|distance from `) && other.key.endsWith(`|${unit}`));
    if (measuredFrom.length !== 1) continue;
    const target = measuredFrom[0]!;
    for (const claim of slot.claims) claim.subject = { id: target.subject.id, name: target.subject.name };
    target.claims.push(...slot.claims);
    slots.delete(key);
  }
  // a two-day summit has two dates: the event's longest stated duration widens its date slot
  for (const slot of slots.values()) {
    if (slot.attribute !== "duration") continue;
    const dateSlot = slots.get(slot.key.replace(/^duration\|/, "date|"));
    if (dateSlot) dateSlot.spanDays = Math.max(dateSlot.spanDays, ...slot.claims.map((c) => durationDays(c.value.normalized)));
  }
  // a figure's subject is also known by the words around it in each source ("fined", "fire engines")
  for (const slot of slots.values()) {
    const cues = [...new Set(slot.claims.map((c) => c.context.cue).filter((c): c is string => !!c))].sort();
    if (cues.length > 0) slot.subject = { ...slot.subject, aliases: [...new Set([...slot.subject.aliases, ...cues])] };
  }
  return [...slots.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}
