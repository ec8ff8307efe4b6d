import { readFileSync } from "node:fs";
import { normalizeName } from "../shared/names.js";

let index: Record<string, string> | undefined;
/** names already looked up: the same few come up in story after story */
const looked = new Map<string, ReadonlySet<string>>();

/**
 * The countries a place name can be in, by ISO code, from the country-state-city gazetteer
 * (countries, their regions and their cities, offline), compacted at build time into
 * data/gazetteer.json. A name several places share ("Rome", "Paris") gives every country that
 * has one. Read on first use only: most runs never need it.
 */
export function countriesNamed(place: string): ReadonlySet<string> {
  const known = looked.get(place);
  if (known) return known;
  index ??= JSON.parse(readFileSync(new URL("../../data/gazetteer.json", import.meta.url), "utf8")) as Record<string, string>;
  const name = normalizeName(place);
  const codes = Object.hasOwn(index, name) ? index[name] : undefined;
  const found = new Set(codes ? codes.split(",") : []);
  looked.set(place, found);
  return found;
}
