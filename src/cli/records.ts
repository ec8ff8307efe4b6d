import { readFile } from "node:fs/promises";
import { ArticleRecord } from "../model/record.js";

/**
 * Reads the NDJSON that `factcheck extract` writes. A line that is not a valid record is a
 * warning naming its file and line, and only that line is skipped; records of one article seen
 * twice (two shards that overlapped) count once.
 */
export async function readRecords(files: readonly string[], stdin: NodeJS.ReadableStream): Promise<{ records: ArticleRecord[]; warnings: string[] }> {
  const records = new Map<string, ArticleRecord>();
  const warnings: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      if (file === "-") {
        const chunks: Buffer[] = [];
        for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
        text = Buffer.concat(chunks).toString("utf8");
      } else text = await readFile(file, "utf8");
    } catch (error) {
      warnings.push(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      continue;
    }
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === "") return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        warnings.push(`${file === "-" ? "<stdin>" : file}:${i + 1}: not JSON, skipped`);
        return;
      }
      const parsed = ArticleRecord.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        warnings.push(`${file === "-" ? "<stdin>" : file}:${i + 1}: not a factcheck record (${issue.path.join(".") || "record"}: ${issue.message}), skipped`);
        return;
      }
      records.set(parsed.data.id, parsed.data);
    });
  }
  return { records: [...records.values()], warnings };
}
