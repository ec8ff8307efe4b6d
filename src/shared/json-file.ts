import { readFileSync } from "node:fs";
import type { z } from "zod";

/**
 * Reads a JSON file and validates it; any failure is one Error whose message names the file and,
 * for a schema failure, the key ("factcheck.config.json: lexicon.titles: expected array").
 */
export function readJsonFile<T extends z.ZodType>(path: string, schema: T): { text: string; data: z.infer<T> } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys].join(".") : issue.path.join(".");
    throw new Error(`${path}: ${where || "(top level)"}: ${issue.code === "unrecognized_keys" ? "unknown key" : issue.message}`);
  }
  return { text, data: parsed.data };
}
