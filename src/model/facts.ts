import { z } from "zod";

/** A newsroom's reference facts (--facts facts.json): a trusted source in every report. */
export const Facts = z
  .object({
    people: z.array(z.object({ name: z.string().min(1), role: z.string().min(1), former: z.boolean().optional() }).strict()).optional(),
    places: z.array(z.object({ name: z.string().min(1), within: z.string().min(1) }).strict()).optional(),
    event: z
      .object({
        date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "an ISO date: YYYY, YYYY-MM or YYYY-MM-DD").optional(),
        location: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Facts = z.infer<typeof Facts>;
