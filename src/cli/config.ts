import { existsSync } from "node:fs";
import { readJsonFile } from "../shared/json-file.js";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
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

/** A config as it applies: its paths resolved against its own folder, as eslint resolves its own. */
export interface ResolvedConfig extends Omit<Config, "ignore"> {
  /** true for a file or folder (absolute path) the config's `ignore` patterns name */
  ignore?: (absolutePath: string) => boolean;
}

/**
 * `facts` and `ignore` are relative to the folder of the config file, not to wherever the command
 * runs, so one config means the same from any subfolder; a path outside that folder is never ignored.
 */
export function resolveConfig(config: Config, path: string): ResolvedConfig {
  const folder = dirname(resolve(path));
  const { ignore, ...rest } = config;
  const resolved: ResolvedConfig = { ...rest, ...(config.facts ? { facts: resolve(folder, config.facts) } : {}) };
  if (ignore?.length) {
    const match = picomatch(ignore, { dot: true });
    resolved.ignore = (absolutePath) => {
      const inside = relative(folder, absolutePath);
      return inside !== "" && inside !== ".." && !inside.startsWith(`..${sep}`) && !isAbsolute(inside) && match(inside.split(sep).join("/"));
    };
  }
  return resolved;
}
