import { describe, expect, it } from "vitest";
import { findOrigins } from "../../src/reconcile/origins.js";

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe("reconcile: origins", () => {
  it("articles sharing most of their shingles are one origin; an unrelated one is its own", () => {
    const origins = findOrigins([
      { id: "a", shingles: range(0, 40) },
      { id: "b", shingles: range(5, 45) },
      { id: "c", shingles: range(100, 140) },
    ]);
    expect([...origins]).toEqual([["a", "origin:a"], ["b", "origin:a"], ["c", "origin:c"]]);
  });

  it("a wire text a thousand outlets carry is one origin, through the first holders of each shingle", () => {
    const copies = Array.from({ length: 1000 }, (_, i) => ({ id: `o${String(i).padStart(4, "0")}`, shingles: range(0, 60) }));
    const origins = findOrigins([...copies, { id: "z", shingles: range(1000, 1060) }]);
    expect(new Set([...origins.values()])).toEqual(new Set(["origin:o0000", "origin:z"]));
  });
});
