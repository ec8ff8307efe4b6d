import { normalizeName } from "../shared/names.js";
import { pushTo } from "../shared/group.js";
/** One person however the sources name them: "Ana Maria Ruiz", "Ana-Maria Ruiz", "President Ruiz", "Ruiz". */
export interface Person {
  id: string;
  name: string;
  aliases: string[];
}

export { normalizeName };

export const slug = (text: string) => normalizeName(text).replace(/ /g, "-");

/**
 * Resolves every raw name to a person. Full names that normalise alike (hyphens, case, accents)
 * are one person; a full name with a middle name is the same as first-and-last; a single word
 * is the one full name that contains it, when exactly one does.
 */
export function resolvePeople(mentions: readonly string[]): Map<string, Person> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m, (counts.get(m) ?? 0) + 1);
  const groups = new Map<string, string[]>();
  const fullNames = [...counts.keys()].filter((n) => normalizeName(n).includes(" "));
  const singles = [...counts.keys()].filter((n) => normalizeName(n) && !normalizeName(n).includes(" "));
  // longest first, so "Ana Maria Ruiz" is the group "Ana Ruiz" joins
  fullNames.sort((a, b) => normalizeName(b).length - normalizeName(a).length || (a < b ? -1 : 1));
  for (const name of fullNames) {
    const words = normalizeName(name).split(" ");
    const home = [...groups.keys()].find((key) => {
      const other = key.split(" ");
      return key === words.join(" ") || (other[0] === words[0] && other.at(-1) === words.at(-1) && words.every((w) => other.includes(w)));
    });
    const key = home ?? words.join(" ");
    pushTo(groups, key, name);
  }
  for (const name of singles) {
    const word = normalizeName(name);
    const homes = [...groups.keys()].filter((key) => key.split(" ").includes(word));
    const key = homes.length === 1 ? homes[0]! : `${word}${homes.length > 1 ? " (ambiguous)" : ""}`;
    pushTo(groups, key, name);
  }
  const people = new Map<string, Person>();
  for (const names of groups.values()) {
    // the form most sources use, full names first, is the name shown
    const ranked = [...new Set(names)].sort((a, b) => Number(b.includes(" ")) - Number(a.includes(" ")) || counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1));
    const person: Person = { id: `person:${slug(ranked[0]!)}`, name: ranked[0]!, aliases: ranked.slice(1) };
    for (const name of names) people.set(name, person);
  }
  for (const name of counts.keys()) if (!people.has(name)) people.set(name, { id: `person:${slug(name)}`, name, aliases: [] });
  return people;
}
