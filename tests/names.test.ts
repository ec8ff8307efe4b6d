import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { factcheck } from "../src/index.js";
import places from "../src/extract/lexicon/places.json" with { type: "json" };

// "Province", "Temple": kinds of place, not names
const KINDS = new Set([...places.adminNouns, ...places.venueNouns]);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

// General mechanisms, never names: no person or place that factcheck itself extracts from the
// seeds or the fixtures may appear in the code (lexicon data files are reviewed instead).
it("no extracted person or place name appears in a .ts file under src/", async () => {
  const inputs = ["seeds/", ...readdirSync("fixtures").map((c) => `fixtures/${c}/articles`).filter((p) => existsSync(p))];
  const names = new Set<string>();
  for (const input of inputs) {
    const report = await factcheck([input]);
    for (const claim of report.claims) {
      const texts = claim.attribute === "role" ? [claim.subject.name] : claim.attribute === "location" ? [claim.value.text] : [];
      for (const text of texts) for (const word of text.split(/[\s,.-]+/)) if (/^\p{Lu}\p{L}{3,}/u.test(word) && !KINDS.has(word.toLowerCase())) names.add(word);
    }
  }
  expect(names.size).toBeGreaterThan(20);
  const leaks: string[] = [];
  for (const file of tsFiles("src")) {
    const text = readFileSync(file, "utf8");
    for (const name of names) if (new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "u").test(text)) leaks.push(`${file}: ${name}`);
  }
  expect(leaks).toEqual([]);
});
