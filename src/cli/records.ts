import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { ArticleRecord } from "../model/record.js";

/**
 * Reads the NDJSON that `factcheck extract` writes, a line at a time (a day's records need not
 * fit in memory twice). A line that is not a valid record is a warning naming its file and line,
 * and only that line is skipped; records of one article seen twice (two shards that overlapped)
 * count once.
 */
export async function readRecords(files: readonly string[], stdin: NodeJS.ReadableStream): Promise<{ records: ArticleRecord[]; warnings: string[] }> {
  const records = new Map<string, ArticleRecord>();
  const warnings: string[] = [];
  for (const file of files) {
    const name = file === "-" ? "<stdin>" : file;
    const input = file === "-" ? stdin : createReadStream(file, { encoding: "utf8" });
    let number = 0;
    try {
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        number++;
        if (line.trim() === "") continue;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          warnings.push(`${name}:${number}: not JSON, skipped`);
          continue;
        }
        const parsed = ArticleRecord.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          warnings.push(`${name}:${number}: not a factcheck record (${issue.path.join(".") || "record"}: ${issue.message}), skipped`);
          continue;
        }
        records.set(parsed.data.id, parsed.data);
      }
    } catch (error) {
      warnings.push(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  return { records: [...records.values()], warnings };
}
