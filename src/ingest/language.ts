import stopwords from "./lexicon/stopwords.json" with { type: "json" };

const languages = Object.entries(stopwords).filter(([code]) => !code.startsWith("_")) as [string, string[]][];
const wordSets = new Map(languages.map(([code, words]) => [code, new Set(words)]));

/**
 * The language of a line, by which language's function words it uses most; null when the line
 * has too few of them to tell (a name, a headline fragment): the caller keeps its neighbours' language.
 */
export function detectLanguage(line: string): string | null {
  const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestHits = 0;
  let englishHits = 0;
  for (const [code, set] of wordSets) {
    let hits = 0;
    for (const word of words) if (set.has(word)) hits++;
    if (code === "en") englishHits = hits;
    if (hits > bestHits) {
      best = code;
      bestHits = hits;
    }
  }
  if (bestHits < 2) return null;
  // shared short words ("die", "in", "a") must not flip an English line: another language must clearly lead
  if (best !== "en" && bestHits <= englishHits + 1) return "en";
  return best;
}
