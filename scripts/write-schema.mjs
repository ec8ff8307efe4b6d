#!/usr/bin/env node
// Writes schema/report.schema.json, the JSON Schema of the report, generated from the zod model.
import { mkdirSync, writeFileSync } from "node:fs";
import { reportJsonSchema } from "../dist/report/schema.js";

mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
writeFileSync(new URL("../schema/report.schema.json", import.meta.url), reportJsonSchema());
console.log("wrote schema/report.schema.json");
