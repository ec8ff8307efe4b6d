import { z } from "zod";
import { Attribute, ClaimValue } from "./claim.js";

/**
 * "discrepancy": values that differ but are not surely about one thing at one time (a claim with no
 * event of its own, a date resolved against a borrowed anchor, a slot of many values): info, never an error.
 */
export const FindingKind = z.enum(["agreement", "contradiction", "uncorroborated", "update", "discrepancy"]);
export type FindingKind = z.infer<typeof FindingKind>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** A value as the claims give it, with the sources and claims behind it. */
export const FindingValue = ClaimValue.omit({ range: true }).extend({
  sources: z.array(z.string()),
  claims: z.array(z.string()),
  /** how many independent origins back this value (syndicated copies count once) */
  origins: z.number().int().optional(),
});
export type FindingValue = z.infer<typeof FindingValue>;

export const Finding = z.object({
  id: z.string(),
  kind: FindingKind,
  attribute: Attribute,
  subject: z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()) }),
  values: z.array(FindingValue),
  consensus: z.string().nullable(),
  severity: Severity,
  message: z.string(),
  /** how sure the tool is of a contradiction or a discrepancy, 0–1: how fully its claims are tied to one event, how firm their values are */
  confidence: z.number().min(0).max(1).optional(),
  /** the story (group of articles about one set of events) the finding belongs to, when the input holds several */
  story: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

/** The order findings are listed in: what needs a person's eye first. */
export const KIND_ORDER: Readonly<Record<FindingKind, number>> = { contradiction: 0, update: 1, discrepancy: 2, agreement: 3, uncorroborated: 4 };
