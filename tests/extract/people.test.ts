import { describe, expect, it } from "vitest";
import type { RawClaim } from "../../src/model/claim.js";
import { claimsOf } from "../helpers.js";

interface Role {
  title: string;
  about: string;
  qualifier?: string;
}

/** The role claims of a text as { title, about, qualifier? }, in text order. */
function rolesOf(text: string): Role[] {
  return claimsOf(text)
    .filter((c: RawClaim) => c.attribute === "role")
    .map((c) => ({ title: c.value.normalized, about: c.context.about, ...(c.context.qualifier ? { qualifier: c.context.qualifier } : {}) }));
}

describe("extract: people's roles", () => {
  it("a title before a name gives that person the role", () => {
    expect(rolesOf("Prime Minister Ana Ruiz met President Jon Holm.")).toEqual([
      { title: "prime minister", about: "Ana Ruiz" },
      { title: "president", about: "Jon Holm" },
    ]);
  });

  it("a plural title over a coordination gives every coordinated name the title, and a nearer title too", () => {
    expect(rolesOf("Presidents Jon Holm and Prime Minister Ana Ruiz met in the capital.")).toEqual([
      { title: "president", about: "Jon Holm" },
      { title: "president", about: "Ana Ruiz" },
      { title: "prime minister", about: "Ana Ruiz" },
    ]);
  });

  it("an appositive after a name with a middle initial gives the role", () => {
    expect(rolesOf("Jon P. Holm, the deputy district chief of Velm, said the roads were closed.")).toEqual([
      { title: "deputy district chief", about: "Jon P. Holm" },
    ]);
  });

  it("'former' and 'ex-' mark a role no longer held", () => {
    for (const text of ["The funeral was attended by former President Eva Lund.", "The funeral was attended by ex-president Eva Lund."]) {
      const roles = rolesOf(text);
      expect(roles.map(({ about, qualifier }) => ({ about, qualifier }))).toEqual([{ about: "Eva Lund", qualifier: "former" }]);
      expect(roles[0]!.title).toMatch(/\bpresident$/);
    }
  });

  it("a hyphenated name is kept whole", () => {
    expect(rolesOf("President Kim Ji-ho arrived on Monday.")).toEqual([{ title: "president", about: "Kim Ji-ho" }]);
  });

  it("an abbreviated title is expanded", () => {
    const roles = claimsOf("Capt. Marco Dell said the ship was safe.").filter((c) => c.attribute === "role");
    expect(roles.map((c) => [c.value.text, c.value.normalized, c.context.about])).toEqual([["Capt.", "captain", "Marco Dell"]]);
  });

  it("the evidence line and column point at the title", () => {
    const text = " date 2026-01-18 Summit opens\nDelegates gathered early.\nThe talks, hosted by Prime Minister Ana Ruiz, ended late.\n";
    const roles = claimsOf(text).filter((c) => c.attribute === "role");
    expect(roles).toHaveLength(1);
    const line = text.split("\n")[2]!;
    expect(roles[0]!.evidence.line).toBe(3);
    expect(roles[0]!.evidence.column).toBe(line.indexOf("Prime Minister") + 1);
    expect(roles[0]!.evidence.quote).toBe("The talks, hosted by Prime Minister Ana Ruiz, ended late.");
  });
});

describe("extract: roles in apposition after the title", () => {
  const roles = (text: string) => claimsOf(` date 2026-03-03 Headline\n${text}\n`).filter((c) => c.attribute === "role").map((c) => [c.context.about, c.value.normalized]);

  it("'Velm's governor, Ana Ruiz.' ends the sentence and still names her", () => {
    expect(roles("She works with Velm's governor, Ana Ruiz.")).toEqual([["Ana Ruiz", "governor"]]);
  });

  it("an age between the article and the title: 'The 47-year-old driver, Jon Holm, survived'", () => {
    expect(roles("The 47-year-old driver, Jon Holm, survived with a broken arm.")).toEqual([["Jon Holm", "driver"]]);
  });
});
