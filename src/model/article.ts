import { z } from "zod";

/** What a stretch of an article's text is: only body, title and related blurbs are read for claims. */
export const SegmentKind = z.enum(["title", "body", "related", "boilerplate"]);
export type SegmentKind = z.infer<typeof SegmentKind>;

/** A run of whole lines of one article, with the language its words are in. Offsets are UTF-16 code units. */
export const Segment = z.object({
  kind: SegmentKind,
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int(),
  language: z.string(),
  /** why ingest gave the segment its kind (the marker it met), for the report's `skipped` list */
  reason: z.string().optional(),
});
export type Segment = z.infer<typeof Segment>;

/** Where the article's anchor date came from: a dateline, the latest full date in its own text, the other articles of its input, or nowhere. */
export const AnchorSource = z.enum(["dateline", "text", "story", "none"]);

export const Article = z.object({
  id: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  /** the date relative dates are resolved against, and where it came from */
  anchor: z.object({ date: z.string().nullable(), from: AnchorSource }),
  outlet: z.string().nullable(),
  language: z.string(),
  text: z.string(),
  /** offset of the first character of each line, for offset → line/column */
  lineStarts: z.array(z.number().int()),
  segments: z.array(Segment),
  /** a wire dateline ("VELM, March 3 (Reuters) -"): where the story was filed, not where it happened */
  dateline: z.object({ start: z.number().int(), end: z.number().int(), place: z.string(), agency: z.string().nullable() }).optional(),
  draft: z.boolean().optional(),
});
export type Article = z.infer<typeof Article>;
