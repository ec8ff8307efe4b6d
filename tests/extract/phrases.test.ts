import { describe, expect, it } from "vitest";
import { analyse } from "../../src/extract/nlp.js";
import { PhraseList } from "../../src/extract/phrases.js";

const tokensOf = (text: string) => analyse(text, 0).flatMap((s) => s.tokens);

describe("PhraseList", () => {
  const list = new PhraseList([
    { words: ["more", "than"], kind: "first" },
    { words: ["at", "least"], kind: "atLeast" },
    { words: ["more"], kind: "second" },
  ]);
  const tokens = tokensOf("Police said more than 40 people and at least 12 cars.");
  const at = (word: string) => tokens.findIndex((t) => t.lower === word);

  it("finds the first phrase of the list that starts at a token, as a scan of the list would", () => {
    expect(list.find(tokens, at("more"))?.kind).toBe("first");
    expect(list.find(tokens, at("at"))?.kind).toBe("atLeast");
    expect(list.find(tokens, at("police"))).toBeUndefined();
  });

  it("takes only the entries `accept` takes, and lists every phrase starting at a token in list order", () => {
    expect(list.find(tokens, at("more"), (e) => e.kind !== "first")?.kind).toBe("second");
    expect([...list.startingAt(tokens, at("more"))].map((e) => e.kind)).toEqual(["first", "second"]);
    expect([...list.startingAt(tokens, tokens.length)]).toEqual([]);
  });
});
