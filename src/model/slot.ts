import { z } from "zod";
import { Attribute, RawClaim } from "./claim.js";

/** A question several sources may answer: one subject, one attribute (e.g. one minister's role). */
export const Slot = z.object({
  key: z.string(),
  attribute: Attribute,
  subject: z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()) }),
  /** counts of a casualty toll on a current event change over time: later reports supersede earlier ones */
  volatile: z.boolean(),
  /** how many days an event lasted (a two-day summit has two dates), when a source says */
  spanDays: z.number().int(),
  claims: z.array(RawClaim.extend({ id: z.string() })),
});
export type Slot = z.infer<typeof Slot>;
export type SlotClaim = Slot["claims"][number];
