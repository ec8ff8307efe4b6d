import { z } from "zod";
import { isRealDate } from "../shared/calendar.js";

/** A newsroom's reference facts (--facts facts.json): a trusted source in every report. */
export const Facts = z
  .object({
    people: z.array(z.object({ name: z.string().min(1), role: z.string().min(1), former: z.boolean().optional() }).strict()).optional(),
    places: z.array(z.object({ name: z.string().min(1), within: z.string().min(1) }).strict()).optional(),
    event: z
      .object({
        date: z
          .string()
          .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "an ISO date: YYYY, YYYY-MM or YYYY-MM-DD")
          // "2026-14-31" has the shape but is no day: it must not become the event's date
          .refine((d) => isRealDate(d, true), "no date of the calendar (month 1-12, a day the month has)")
          .optional(),
        location: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Facts = z.infer<typeof Facts>;
