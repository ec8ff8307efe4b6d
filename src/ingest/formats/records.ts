import { z } from "zod";
import { isoDatePart } from "./html.js";

/** One article given as a JSON object. Other keys are allowed and ignored. */
export const ArticleRecord = z.object({
  text: z.string().refine((t) => t.trim() !== "", { message: "text is empty" }),
  title: z.string().optional(),
  published: z
    .string()
    .refine((d) => /^\s*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?\s*$/i.test(d) && isoDatePart(d) !== null, {
      message: "published is not an ISO date (YYYY-MM-DD) or date-time",
    })
    .transform((d) => isoDatePart(d)!)
    .optional(),
  outlet: z.string().optional(),
  url: z.string().optional(),
  id: z
    .union([z.string().trim().min(1, { message: "id is empty" }), z.number().int()])
    .transform(String)
    .optional(),
});
export type ArticleRecord = z.output<typeof ArticleRecord>;

/** A valid record and its key: its own id, or its 1-based number in the file. */
export interface KeyedRecord extends ArticleRecord {
  key: string;
}

export interface RecordsResult {
  records: KeyedRecord[];
  /** each names the file and where in it: "FILE line 3: …" (NDJSON), "FILE [2]: …" (JSON array index) */
  warnings: string[];
  /** the file was not JSON at all (one warning says so) */
  notJson: boolean;
  /** some record has a "text" key: the file means to hold articles, not something else that is JSON */
  articleData: boolean;
}

const hasTextKey = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value) && "text" in value;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid record";
  const at = issue.path.map(String).join(".");
  return at && !issue.message.startsWith(`${at} `) ? `${at}: ${issue.message}` : issue.message;
}

interface Entry {
  /** the parsed value, or why the line is not JSON */
  value: unknown;
  notJson?: string;
  /** " line 3", " [2]", "": where the record is, for warnings */
  where: string;
  /** 1-based record number */
  number: number;
}

function collect(name: string, entries: readonly Entry[]): RecordsResult {
  const records: KeyedRecord[] = [];
  const warnings: string[] = [];
  const keys = new Set<string>();
  for (const { value, notJson, where, number } of entries) {
    if (notJson !== undefined) {
      warnings.push(`${name}${where}: not JSON (${notJson})`);
      continue;
    }
    const parsed = ArticleRecord.safeParse(value);
    if (!parsed.success) {
      warnings.push(`${name}${where}: ${firstIssue(parsed.error)}`);
      continue;
    }
    const key = parsed.data.id ?? String(number);
    if (keys.has(key)) {
      warnings.push(`${name}${where}: id ${JSON.stringify(key)} already used, record skipped`);
      continue;
    }
    keys.add(key);
    records.push({ ...parsed.data, key });
  }
  return { records, warnings, notJson: false, articleData: entries.some((e) => e.notJson === undefined && hasTextKey(e.value)) };
}

/** A .json file: one article object, or an array of them. */
export function readJsonRecords(text: string, name: string): RecordsResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { records: [], warnings: [`${name}: not JSON (${(error as Error).message})`], notJson: true, articleData: false };
  }
  if (Array.isArray(value)) return collect(name, value.map((v, i) => ({ value: v, where: ` [${i}]`, number: i + 1 })));
  if (typeof value === "object" && value !== null) return collect(name, [{ value, where: "", number: 1 }]);
  return { records: [], warnings: [`${name}: JSON but not an object or an array of objects`], notJson: false, articleData: false };
}

/** A .ndjson file: one article object a line; blank lines are skipped and are not records. */
export function readNdjsonRecords(text: string, name: string): RecordsResult {
  const entries: Entry[] = [];
  let number = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    number++;
    try {
      entries.push({ value: JSON.parse(line), where: ` line ${i + 1}`, number });
    } catch (error) {
      entries.push({ value: null, notJson: (error as Error).message, where: ` line ${i + 1}`, number });
    }
  });
  if (entries.every((e) => e.notJson !== undefined)) return { records: [], warnings: [`${name}: not JSON`], notJson: true, articleData: false };
  return collect(name, entries);
}
