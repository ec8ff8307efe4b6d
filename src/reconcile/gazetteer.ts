import { readFileSync } from "node:fs";
import { normalizeName } from "../shared/names.js";

/** data/gazetteer.tsv as read: the text, and where each of its lines starts */
let table: { text: string; starts: Int32Array } | undefined;
/** names already looked up: the same few come up in story after story */
const looked = new Map<string, ReadonlySet<string>>();

function load(): { text: string; starts: Int32Array } {
  const text = readFileSync(new URL("../../data/gazetteer.tsv", import.meta.url), "utf8");
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  const starts = new Int32Array(count);
  for (let k = 0, i = 0; k < count; k++, i = text.indexOf("\n", i) + 1) starts[k] = i;
  return { text, starts };
}

/** The codes on the line for `name`, by binary search over the sorted lines. */
function codesOf(name: string): string | undefined {
  table ??= load();
  const { text, starts } = table;
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = starts[middle]!;
    const tab = text.indexOf("\t", start);
    const key = text.slice(start, tab);
    if (key === name) return text.slice(tab + 1, text.indexOf("\n", tab));
    if (key < name) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * The countries a place name can be in, by ISO code, from the country-state-city gazetteer
 * (countries, their regions and their cities, offline), compacted at build time into
 * data/gazetteer.tsv. A name several places share ("Rome", "Paris") gives every country that
 * has one. Read on first use only: most runs never need it.
 */
export function countriesNamed(place: string): ReadonlySet<string> {
  const known = looked.get(place);
  if (known) return known;
  const codes = codesOf(normalizeName(place));
  const found = new Set(codes ? codes.split(",") : []);
  looked.set(place, found);
  return found;
}
