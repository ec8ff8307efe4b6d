import { existsSync } from "node:fs";
import { readJsonFile } from "../shared/json-file.js";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

const HedgeKind = z.enum(["atLeast", "moreThan", "about", "nearly", "atMost", "lessThan"]);

/** factcheck.config.json: defaults and lexicon additions a newsroom keeps with its content. */
export const Config = z
  .object({
    format: z.enum(["pretty", "json", "unix", "markdown", "sarif", "html"]).optional(),
    failOn: z.enum(["error", "warning", "off"]).optional(),
    unsupported: z.enum(["error", "warning", "off"]).optional(),
    facts: z.string().optional(),
    ignore: z.array(z.string()).optional(),
    lexicon: z
      .object({
        titles: z.array(z.string().min(1)).optional(),
        exclusiveOffices: z.array(z.array(z.string().min(1)).min(2)).optional(),
        hedges: z.record(z.string(), HedgeKind).optional(),
        places: z.record(z.string(), z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Config = z.infer<typeof Config>;

export const CONFIG_NAME = "factcheck.config.json";

/** The config file named, or the first factcheck.config.json from the working directory upward (as eslint finds its own). */
export function findConfig(explicit: string | undefined, cwd = process.cwd()): string | undefined {
  if (explicit) return explicit;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads and validates a config file; a bad one throws a one-line message that names the file and the key. */
export function loadConfig(path: string): Config {
  return readJsonFile(path, Config).data;
}
