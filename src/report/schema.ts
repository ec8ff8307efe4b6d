import { z } from "zod";
import { Report } from "../model/report.js";

/** The JSON Schema of the report, generated from the zod model: what schema/report.schema.json holds. */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(Report, { target: "draft-7", io: "output" });
  return `${JSON.stringify({ $id: "https://factcheck.invalid/schema/report-v1.json", title: "factcheck report, version 1", ...schema }, null, 2)}\n`;
}
