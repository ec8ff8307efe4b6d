import { z } from "zod";
import { Claim } from "./claim.js";
import { Finding } from "./finding.js";
import { SegmentKind } from "./article.js";

export const Source = z.object({
  id: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
  language: z.string(),
  reliability: z.number().min(0).max(1).optional(),
  origin: z.string().optional(),
  draft: z.literal(true).optional(),
});
export type Source = z.infer<typeof Source>;

/** Text that was not analysed, and why: a non-English segment, boilerplate, an unreadable file. */
export const Skipped = z.object({
  source: z.string(),
  line: z.number().int().nullable(),
  segment: z.union([SegmentKind, z.literal("file")]),
  language: z.string().optional(),
  reason: z.string(),
});
export type Skipped = z.infer<typeof Skipped>;

export const Summary = z.object({
  sources: z.number().int(),
  claims: z.number().int(),
  agreements: z.number().int(),
  contradictions: z.number().int(),
  uncorroborated: z.number().int(),
  updates: z.number().int().optional(),
  /** values that differ but may not contradict (shown with --verbose) */
  discrepancies: z.number().int().optional(),
});

export const Report = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal("factcheck"), version: z.string() }),
  sources: z.array(Source),
  claims: z.array(Claim),
  findings: z.array(Finding),
  summary: Summary,
  stories: z.array(z.object({ id: z.string(), label: z.string(), sources: z.array(z.string()) })).optional(),
  skipped: z.array(Skipped).optional(),
  warnings: z.array(z.string()).optional(),
});
export type Report = z.infer<typeof Report>;
