import { z } from "zod";
import { AnchorSource } from "./article.js";
import { RawClaim } from "./claim.js";
import { Skipped } from "./report.js";

/**
 * What extraction makes of one article, and all that the later stages need of it: the unit of
 * `factcheck extract` (one NDJSON line per article) and of `factcheck reconcile`.
 */
export const ArticleRecord = z.object({
  id: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  anchor: z.object({ date: z.string().nullable(), from: AnchorSource }),
  outlet: z.string().nullable(),
  language: z.string(),
  draft: z.boolean().optional(),
  /** hashes of the article's word 8-grams: syndicated copies share most of them */
  shingles: z.array(z.number().int()),
  /** the names its own text uses (capitalised words): blocking keys for grouping articles into stories */
  keys: z.array(z.string()),
  skipped: z.array(Skipped),
  claims: z.array(RawClaim),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;
