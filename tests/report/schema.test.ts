import { readFileSync } from "node:fs";
import AjvImport, { type ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { factcheck } from "../../src/index.js";
import { formatJson } from "../../src/report/json.js";
import { reportJsonSchema } from "../../src/report/schema.js";

const SCHEMA_FILE = "schema/report.schema.json";

// ajv is CommonJS: under ESM the default import is module.exports, the class is on .default
type AjvConstructor = typeof AjvImport.default;
const AjvClass: AjvConstructor = (AjvImport as unknown as { default?: AjvConstructor }).default ?? (AjvImport as unknown as AjvConstructor);

describe("schema/report.schema.json", () => {
  it("is what the zod model generates (run npm run schema)", () => {
    const committed = readFileSync(SCHEMA_FILE, "utf8");
    expect(reportJsonSchema(), "schema/report.schema.json is stale: run npm run schema").toBe(committed);
  });
});

describe("the JSON report validates against the schema", () => {
  let validate: ValidateFunction;
  let json: Record<string, unknown>;

  beforeAll(async () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as Record<string, unknown>;
    validate = new AjvClass({ allErrors: true, strict: false }).compile(schema);
    json = JSON.parse(formatJson(await factcheck(["seeds/"]))) as Record<string, unknown>;
  });

  it("the report on seeds/ is valid", () => {
    const valid = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("a report with schemaVersion 2 is not", () => {
    const broken = { ...json, schemaVersion: 2 };
    expect(validate(broken)).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toContain("/schemaVersion");
  });
});
