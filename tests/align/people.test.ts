import { describe, expect, it } from "vitest";
import { resolvePeople } from "../../src/align/people.js";

describe("align: one person however named", () => {
  it("a hyphenated name, its spaced form and its first word are one person", () => {
    const people = resolvePeople(["Kim Ji-ho", "Kim Ji Ho", "Kim"]);
    const person = people.get("Kim Ji-ho")!;
    expect(person.id).toBe("person:kim-ji-ho");
    expect(people.get("Kim Ji Ho")).toBe(person);
    expect(people.get("Kim")).toBe(person);
    expect([person.name, ...person.aliases].sort()).toEqual(["Kim", "Kim Ji Ho", "Kim Ji-ho"]);
  });

  it("a name with a middle name and the same name without it are one person", () => {
    const people = resolvePeople(["Ana Maria Ruiz", "Ana Ruiz"]);
    expect(people.get("Ana Ruiz")).toBe(people.get("Ana Maria Ruiz"));
    expect(people.get("Ana Ruiz")).toEqual({ id: "person:ana-maria-ruiz", name: "Ana Maria Ruiz", aliases: ["Ana Ruiz"] });
  });

  it("a single word two full names share stays ambiguous", () => {
    const people = resolvePeople(["Ana Ruiz", "Jon Ruiz", "Ruiz"]);
    expect(people.get("Ana Ruiz")!.id).toBe("person:ana-ruiz");
    expect(people.get("Jon Ruiz")!.id).toBe("person:jon-ruiz");
    expect(people.get("Ruiz")).toEqual({ id: "person:ruiz", name: "Ruiz", aliases: [] });
  });
});
