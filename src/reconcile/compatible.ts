import offices from "./lexicon/exclusive-offices.json" with { type: "json" };
import { dateSpan, addDays } from "../shared/calendar.js";
import type { SlotClaim } from "../model/slot.js";

const SYNONYMS = new Map(Object.entries(offices.synonyms));
const GROUP_OF = new Map<string, number>();
offices.groups.forEach((group, i) => group.forEach((title) => GROUP_OF.set(title, i)));

/** Adds groups of mutually exclusive offices from a newsroom's config. */
export function addExclusiveOffices(groups: readonly (readonly string[])[]): void {
  let next = offices.groups.length + GROUP_OF.size;
  for (const group of groups) {
    next++;
    for (const title of group) GROUP_OF.set(title.toLowerCase(), next);
  }
}

export const canonicalTitle = (title: string) => SYNONYMS.get(title) ?? title;

/** What reconcile knows of places beyond the claims: which place the text or a gazetteer puts inside which. */
export interface PlaceKnowledge {
  /** every place known to contain `place`, nearest first */
  containers(place: string): string[];
  /** the countries a place can be in (or is), by ISO code; empty when unknown */
  countriesOf(place: string): ReadonlySet<string>;
  /** two spellings of one name */
  sameName(a: string, b: string): boolean;
}

/** Can both claims be true at once? Each attribute has its own sense of "compatible". */
export function compatible(a: SlotClaim, b: SlotClaim, spanDays: number, places: PlaceKnowledge): boolean {
  // two bodies' own estimates (police and organisers, two seismological agencies) are each reported as such
  if (a.context.attribution && b.context.attribution && a.context.attribution !== b.context.attribution) return true;
  // plans change and are rarely about one occasion: what is still to come contradicts nothing
  if (a.context.period === "future" || b.context.period === "future") return true;
  // a related-article blurb may be another story ("the fifth cut", another country's inflation):
  // it backs a figure it repeats but contradicts none; a person's title there still does
  if (a.attribute !== "role" && (a.evidence.segment === "related" || b.evidence.segment === "related")) return true;
  const va = a.value;
  const vb = b.value;
  switch (a.attribute) {
    case "role": {
      // a title held before or after ("former", "then-", "-elect") says nothing about now
      if (a.context.qualifier || b.context.qualifier) return true;
      const ta = canonicalTitle(va.normalized);
      const tb = canonicalTitle(vb.normalized);
      if (ta === tb) return true;
      // "presiding judge" is a judge, "chief prosecutor" a prosecutor; but a vice president is no president
      const [shorter, longer] = ta.length < tb.length ? [ta, tb] : [tb, ta];
      if (longer.endsWith(` ${shorter}`) && !/^(vice|deputy|assistant|former|acting|co|under|sub)[ -]/.test(longer)) return true;
      const ga = GROUP_OF.get(ta);
      return ga === undefined || ga !== GROUP_OF.get(tb);
    }
    case "date": {
      // officials speak again and again: two statements on two days are two statements
      if (a.context.event === "statement" || b.context.event === "statement") return true;
      // the days of a multi-day event are all its dates
      const [fromA, toA] = dateSpan(va.normalized);
      const [fromB, toB] = dateSpan(vb.normalized);
      const slack = Math.max(0, spanDays - 1, a.context.loose || b.context.loose ? 1 : 0);
      return addDays(fromA, -slack) <= toB && addDays(toA, slack) >= fromB;
    }
    case "location": {
      if (a.context.loose || b.context.loose) return true;
      const pa = va.normalized;
      const pb = vb.normalized;
      if (pa === pb || places.containers(pa).includes(pb) || places.containers(pb).includes(pa)) return true;
      // "Isola del Velm" and "Velm", "Velm Province" and "Velm": one name inside the other
      if (` ${pa} `.includes(` ${pb} `) || ` ${pb} `.includes(` ${pa} `) || places.sameName(pa, pb)) return true;
      // two places contradict only when nothing puts them in one country
      const ca = places.countriesOf(pa);
      const cb = places.countriesOf(pb);
      return ca.size === 0 || cb.size === 0 || [...ca].some((c) => cb.has(c));
    }
    case "ordinal":
      return va.number === vb.number;
    case "duration":
    case "count":
    case "measure": {
      if (a.attribute !== "count" && va.unit !== vb.unit) return true;
      const lowA = va.low ?? va.number ?? 0;
      const lowB = vb.low ?? vb.number ?? 0;
      const highA = va.high ?? Infinity;
      const highB = vb.high ?? Infinity;
      // a part (one district, "another two") may be smaller than the whole
      if (a.context.partial || b.context.partial) {
        const [part, whole] = a.context.partial ? [a, b] : [b, a];
        return b.context.partial && a.context.partial ? true : (part.value.low ?? part.value.number ?? 0) <= (whole.value.high ?? Infinity);
      }
      return lowA <= highB && lowB <= highA;
    }
  }
}

/**
 * Does x say what b says, or something inside it? A year "2012" fits "April 2012" but does not
 * say it. Used to tell a source that agrees from one that merely does not contradict.
 */
export function supports(x: SlotClaim, b: SlotClaim, spanDays: number, places: PlaceKnowledge): boolean {
  if (!compatible(x, b, spanDays, places)) return false;
  switch (x.attribute) {
    case "date": {
      const [fromX, toX] = dateSpan(x.value.normalized);
      const [fromB, toB] = dateSpan(b.value.normalized);
      const slack = Math.max(0, spanDays - 1, x.context.loose || b.context.loose ? 1 : 0);
      return fromX >= addDays(fromB, -slack) && toX <= addDays(toB, slack);
    }
    default:
      return true;
  }
}
