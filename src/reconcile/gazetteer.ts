import { createRequire } from "node:module";

interface Named {
  name: string;
  countryCode: string;
}

interface CountryStateCity {
  Country: { getAllCountries(): { name: string; isoCode: string }[] };
  State: { getAllStates(): Named[] };
  City: { getAllCities(): Named[] };
}

let index: Map<string, Set<string>> | undefined;

const key = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The countries a place name can be in, from the country-state-city gazetteer (countries,
 * their regions and their cities, offline). A name several places share ("Rome", "Paris")
 * gives every country that has one. Loaded on first use only: most runs never need it.
 */
export function countriesNamed(place: string): Set<string> {
  if (!index) {
    const require = createRequire(import.meta.url);
    const csc = require("country-state-city") as CountryStateCity;
    index = new Map();
    const add = (name: string, code: string) => {
      const k = key(name);
      index!.set(k, (index!.get(k) ?? new Set()).add(code));
    };
    for (const c of csc.Country.getAllCountries()) add(c.name, c.isoCode);
    for (const s of csc.State.getAllStates()) add(s.name.replace(/\s+(prefecture|province|district|region|county|state)$/i, ""), s.countryCode);
    for (const c of csc.City.getAllCities()) add(c.name, c.countryCode);
  }
  return index.get(key(place)) ?? new Set();
}

