import { describe, expect, it } from "vitest";
import { isAge, isNotAQuantity } from "../../src/extract/identifiers.js";
import { analyse } from "../../src/extract/nlp.js";
import { claimsOf } from "../helpers.js";

/** The count claims of a text, as [value, what is counted]. */
const counts = (text: string) => claimsOf(text).filter((c) => c.attribute === "count").map((c) => [c.value.normalized, c.context.about]);

/** The tokens of a one-sentence text and the index of the token `figure`. */
function tokensAt(text: string, figure: string) {
  const [sentence] = analyse(text, 0);
  const tokens = sentence!.tokens;
  const index = tokens.findIndex((t) => t.text === figure);
  if (index < 0) throw new Error(`no token ${figure} in ${text}`);
  return { tokens, index };
}

describe("identifiers: ages are no counts", () => {
  it("'Darnell Hobbs, 27, of Fairview, was killed': the 27 is his age, and nothing is counted", () => {
    expect(counts("Darnell Hobbs, 27, of Fairview, was killed in the shooting.")).toEqual([]);
  });

  it("'a man, 25, was arrested': an age after a person noun", () => {
    expect(counts("Police said a man, 25, was arrested after the shooting.")).toEqual([]);
  });

  it("'two teenagers, 17 and 19 years old': two teenagers, not 17 or 19 of anything", () => {
    expect(counts("Two teenagers, 17 and 19 years old, were wounded in the shooting.")).toEqual([["2", "teenagers"]]);
  });

  it("'aged 69' is an age", () => {
    expect(counts("The victim, aged 69, died at the scene.")).toEqual([]);
  });

  it("'ages 5 and 4': both figures are ages; the two children are the count", () => {
    expect(counts("Two children, ages 5 and 4, were taken to hospital.")).toEqual([["2", "children"]]);
  });

  it("isAge reads the figure itself: the 27 after a name, the 5 and the 4 after 'ages'", () => {
    const hobbs = tokensAt("Darnell Hobbs, 27, of Fairview, was killed.", "27");
    expect(isAge(hobbs.tokens, hobbs.index, hobbs.index)).toBe(true);
    const five = tokensAt("Two children, ages 5 and 4, were hurt.", "5");
    expect(isAge(five.tokens, five.index, five.index)).toBe(true);
    const four = tokensAt("Two children, ages 5 and 4, were hurt.", "4");
    expect(isAge(four.tokens, four.index, four.index)).toBe(true);
  });

  it("isAge says nothing of a figure after an opening date or a place ('On Tuesday, 12 people')", () => {
    const tuesday = tokensAt("On Tuesday, 12 people were killed.", "12");
    expect(isAge(tuesday.tokens, tuesday.index, tuesday.index)).toBe(false);
    const aceh = tokensAt("In Aceh, 24 people were killed.", "24");
    expect(isAge(aceh.tokens, aceh.index, aceh.index)).toBe(false);
    // a figure over any age is none
    const crowd = tokensAt("The crowd, 400, marched.", "400");
    expect(isAge(crowd.tokens, crowd.index, crowd.index)).toBe(false);
  });
});

describe("identifiers: emergency lines, flights, channels, addresses, names, years", () => {
  it("'called 911' and 'a 911 dispatcher' count nothing", () => {
    expect(counts("A neighbor called 911 after hearing shots.")).toEqual([]);
    expect(counts("A 911 dispatcher took the call shortly after 2 a.m.")).toEqual([]);
  });

  it("'Flight 9525' and 'Flight 4U 9525' name a flight; the people on board are still counted", () => {
    expect(counts("Flight 9525 crashed in the mountains.")).toEqual([]);
    expect(counts("Flight 4U 9525 crashed in the mountains, killing all 150 people on board.")).toEqual([["150", "people aboard"]]);
  });

  it("'News Channel 11 learned': a broadcaster's name; the three wounded are the count", () => {
    expect(counts("News Channel 11 learned that three people were wounded.")).toEqual([["3", "people injured"]]);
  });

  it("'the 4400 block of Elm Street' is an address", () => {
    expect(counts("The shooting happened in the 4400 block of Elm Street.")).toEqual([]);
  });

  it("'1234 Elm Street' is an address; the two found dead are the count", () => {
    expect(counts("Officers were called to 1234 Elm Street, where two people were found dead.")).toEqual([["2", "people dead"]]);
  });

  it("'outside Cloud 9 that night': the number ends a name", () => {
    expect(counts("Witnesses said the gunman opened fire outside Cloud 9 that night.")).toEqual([]);
  });

  it("'in ’91' is a year", () => {
    expect(counts("The town was last flooded in ’91.")).toEqual([]);
  });

  it("isNotAQuantity marks each identifier's figure itself", () => {
    const cases: [string, string][] = [
      ["A neighbor called 911 after hearing shots.", "911"],
      ["Flight 9525 crashed in the mountains.", "9525"],
      ["News Channel 11 learned of it.", "11"],
      ["It happened in the 4400 block of Elm Street.", "4400"],
      ["Officers went to 1234 Elm Street.", "1234"],
    ];
    for (const [text, figure] of cases) {
      const { tokens, index } = tokensAt(text, figure);
      expect([text, isNotAQuantity(tokens, index, index)]).toEqual([text, true]);
    }
  });
});

describe("identifiers: figures that stay counts", () => {
  it("'In Aceh, 24 people were killed': a place before the comma is no name with an age", () => {
    const claims = claimsOf("In Aceh, 24 people were killed.").filter((c) => c.attribute === "count");
    expect(claims.map((c) => [c.value.normalized, c.context.about, c.context.anchored])).toEqual([["24", "people dead", true]]);
  });

  it("a list of seats keeps every party's figure: 131, 94 and 15", () => {
    const claims = claimsOf("Civic Renewal won 131 seats, the alliance 94 and the Farmers' League 15.").filter((c) => c.attribute === "count");
    expect(claims.map((c) => [c.value.normalized, c.context.about, c.context.holder])).toEqual([
      ["131", "seats", "Civic Renewal"],
      ["94", "seats", "alliance"],
      ["15", "seats", "Farmers' League"],
    ]);
  });

  it("'On Tuesday, 12 people were killed': a weekday before the comma is no name", () => {
    expect(counts("On Tuesday, 12 people were killed.")).toEqual([["12", "people dead"]]);
  });

  it("isNotAQuantity keeps the 24 of 'In Aceh, 24 people' and the 12 of 'On Tuesday, 12 people'", () => {
    for (const [text, figure] of [["In Aceh, 24 people were killed.", "24"], ["On Tuesday, 12 people were killed.", "12"]] as const) {
      const { tokens, index } = tokensAt(text, figure);
      expect([text, isNotAQuantity(tokens, index, index)]).toEqual([text, false]);
    }
  });
});
