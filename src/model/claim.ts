import { z } from "zod";
import { SegmentKind } from "./article.js";

export const Attribute = z.enum(["role", "date", "location", "count", "ordinal", "duration", "measure"]);
export type Attribute = z.infer<typeof Attribute>;

export const Subject = z.object({ id: z.string(), name: z.string() });
export type Subject = z.infer<typeof Subject>;

export const ClaimValue = z.object({
  text: z.string(),
  normalized: z.string(),
  number: z.number().optional(),
  low: z.number().optional(),
  high: z.number().optional(),
  unit: z.string().optional(),
  range: z.tuple([z.string(), z.string()]).optional(),
});
export type ClaimValue = z.infer<typeof ClaimValue>;

export const Evidence = z.object({
  quote: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  segment: SegmentKind,
  /** the value's exact span in its source: UTF-16 offsets, and the line and column where it ends */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  endLine: z.number().int().optional(),
  endColumn: z.number().int().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** How a claim's text presents it: as fact, as a plan, as someone's account, denied. */
export const Modality = z.enum(["asserted", "planned", "reported", "negated", "hypothetical"]);
export type Modality = z.infer<typeof Modality>;

/**
 * What a claim is about, as the tool resolved it; a field it could not resolve is absent. Two
 * claims can contradict only when their frames are anchored to one event and agree field by field.
 */
export const Frame = z.object({
  /** what is counted or measured, with its category: "people dead", "magnitude", "length" */
  property: z.string().optional(),
  /** what narrows it: a part ("in Velm district", "seriously"), a qualifier ("former") */
  restrictors: z.array(z.string()).optional(),
  /** whose figure or place in a series it is */
  holder: z.string().optional(),
  /** the word that names the claim's event in its own sentence ("quake", "shooting") */
  event: z.string().optional(),
  /** the event's own clause names it: without that, the claim may support but never contradict */
  anchored: z.boolean(),
  /** when the value holds: "current" (the article's own time), a background year, "future", "previous" */
  time: z.string(),
  /** who the text attributes it to ("police", "the US Geological Survey") */
  attribution: z.string().optional(),
  modality: Modality,
});
export type Frame = z.infer<typeof Frame>;

/** The claim as the report gives it. */
export const Claim = z.object({
  id: z.string(),
  source: z.string(),
  attribute: Attribute,
  subject: Subject,
  value: ClaimValue,
  evidence: Evidence,
  frame: Frame.optional(),
});
export type Claim = z.infer<typeof Claim>;

export const DateResolution = z.enum(["explicit", "own", "borrowed"]);
export type DateResolution = z.infer<typeof DateResolution>;

/**
 * What extract knows about a claim's context, used by align to decide which slot it belongs to.
 * Names here are raw mentions; align resolves them across sources.
 */
export const ClaimContext = z.object({
  /** the event class of the trigger the claim hangs on (meeting, earthquake, …), or "main" for the article's own event */
  event: z.string(),
  /** the content words around a figure ("fined", "fire engines"), shown with its subject so a reader knows what it counts */
  cue: z.string().optional(),
  /** whose figure it is (a person or a company, as written): "sentence of X", "shares of Y" */
  holder: z.string().optional(),
  /** the word that names the claim's event in its sentence ("visit", "quake", "second leg") */
  trigger: z.string().optional(),
  /** the claim hangs on a sub-event (a statement, an evacuation, an arrest) */
  aside: z.boolean().optional(),
  /** the claim hangs on the article's own main event (its lead's event, or no trigger at all) */
  main: z.boolean().optional(),
  /** "current" for the article's own period, else the year of a background event */
  period: z.string(),
  /** people named around the event trigger, as raw names */
  participants: z.array(z.string()),
  /** for roles: the raw person name; for counts: what is counted; for measures: what is measured */
  about: z.string(),
  /** former/then/ex/outgoing/elect: a role not held now */
  qualifier: z.string().optional(),
  /** a count limited to part of the whole (a district, children): it can be smaller than the total */
  partial: z.boolean().optional(),
  /** a figure attributed to a body ("the US Geological Survey said"): kept apart from other bodies' figures */
  attribution: z.string().optional(),
  /** a place mention kept only for what it says of containment ("the Sun Palace in Velm"), in no slot */
  knowledge: z.boolean().optional(),
  /** a figure the text marks as not final ("at least", "so far", "rose to", partial results): a later one may revise it */
  provisional: z.boolean().optional(),
  /** the weekday the text names beside a full date it does not fall on ("Tuesday, January 14, 2026") */
  weekdayMismatch: z.string().optional(),
  /** a total the text gives as a breakdown ("136 Koreans and 47 Japanese"), summed */
  derived: z.boolean().optional(),
  /** a date with no event word in its clause: it may be a day off the event ("still missing yesterday evening") */
  loose: z.boolean().optional(),
  /** the claim's own clause names its event (an event word, or a casualty word for a count): only such claims can contradict */
  anchored: z.boolean().optional(),
  /** for a date: written in full ("explicit"), resolved against the article's own date ("own"), or against a date borrowed from other articles ("borrowed") */
  resolution: DateResolution.optional(),
  /** offset of the claim's value in the article text */
  offset: z.number().int(),
});
export type ClaimContext = z.infer<typeof ClaimContext>;

/** A claim as it travels from extract to align, before it has an id. */
export const RawClaim = Claim.omit({ id: true, frame: true }).extend({ context: ClaimContext });
export type RawClaim = z.infer<typeof RawClaim>;

/** A claim's frame, read from what extract knew of its context. */
export function frameOf(claim: RawClaim): Frame {
  const x = claim.context;
  const restrictors = [x.partial ? "part" : "", x.qualifier ?? ""].filter(Boolean);
  const modality: Modality = x.period === "future" ? "planned" : x.attribution ? "reported" : "asserted";
  return {
    ...(claim.attribute !== "role" && claim.attribute !== "date" && claim.attribute !== "location" ? { property: x.about } : {}),
    ...(restrictors.length > 0 ? { restrictors } : {}),
    ...(x.holder ? { holder: x.holder } : claim.attribute === "role" ? { holder: x.about } : {}),
    ...(x.trigger ? { event: x.trigger } : {}),
    anchored: x.anchored === true,
    time: x.period,
    ...(x.attribution ? { attribution: x.attribution } : {}),
    modality,
  };
}
