import { z } from "zod";
import { Attribute, ClaimValue } from "./claim.js";

export const FindingKind = z.enum(["agreement", "contradiction", "uncorroborated", "update"]);
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
  /** the story (group of articles about one set of events) the finding belongs to, when the input holds several */
  story: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;
