import { z } from "zod";
import { Article } from "./article.js";
import { RawClaim } from "./claim.js";
import { Skipped } from "./report.js";

/**
 * What extraction makes of one article, and all that the later stages need of it: the unit of
 * `factcheck extract` (one NDJSON line per article) and of `factcheck reconcile`.
 */
export const ArticleRecord = Article.pick({ id: true, path: true, title: true, published: true, anchor: true, outlet: true, language: true, draft: true }).extend({
  /** hashes of the article's word 8-grams: syndicated copies share most of them */
  shingles: z.array(z.number().int()),
  /** the names its own text uses (capitalised words): blocking keys for grouping articles into stories */
  keys: z.array(z.string()),
  skipped: z.array(Skipped),
  claims: z.array(RawClaim),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;
