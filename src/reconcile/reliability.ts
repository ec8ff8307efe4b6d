import { pushTo } from "../shared/group.js";
import type { Slot } from "../model/slot.js";
import { valueKey } from "./values.js";

/**
 * Truth discovery in the style of TruthFinder: a value is believed as much as the sources that
 * give it are trusted, and a source is trusted as much as its values are believed, iterated to a
 * fixed point. A source in the minority on many questions ends up weighing less. Only questions
 * two or more origins answer count; a source with none keeps full trust.
 */
export function sourceReliability(slots: readonly Slot[], originOf: (source: string) => string): Map<string, number> {
  const questions = slots
    .map((slot) => {
      const values = new Map<string, Set<string>>();
      for (const c of slot.claims) values.set(valueKey(c), (values.get(valueKey(c)) ?? new Set()).add(c.source));
      return [...values.values()];
    })
    .filter((values) => new Set(values.flatMap((v) => [...v].map(originOf))).size >= 2);
  const sources = [...new Set(questions.flatMap((q) => q.flatMap((v) => [...v])))].sort();
  const trust = new Map(sources.map((s) => [s, 0.9]));
  for (let round = 0; round < 10; round++) {
    const scores = new Map<string, number[]>();
    for (const values of questions) {
      const confidence = values.map((v) => 1 - [...v].reduce((p, s) => p * (1 - 0.9 * trust.get(s)!), 1));
      const top = Math.max(...confidence);
      values.forEach((v, i) => {
        for (const s of v) pushTo(scores, s, confidence[i]! / top);
      });
    }
    for (const s of sources) {
      const own = scores.get(s)!;
      trust.set(s, own.reduce((a, b) => a + b, 0) / own.length);
    }
  }
  return new Map([...trust].map(([s, t]) => [s, Math.round(t * 100) / 100]));
}
