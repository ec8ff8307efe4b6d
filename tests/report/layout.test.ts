import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { columnWidths, cutOf, renderTable, stripColor, visibleWidth, wrapLine } from "../../src/report/layout.js";

const c = new Chalk({ level: 3 });
/** Every escape in a text is a whole SGR sequence, and each line closes what it opens. */
const wellFormed = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, "").includes("\x1b") === false && (!line.includes("\x1b[") || /\x1b\[(0|22|23|39|49)m$/.test(line));

describe("wrapLine", () => {
  it("wraps at word boundaries, each line within the width, the rest hung", () => {
    const lines = wrapLine("  a04.txt gives people aboard (sinking) as 321; 3 other sources say 312 and as many as 10,000", 30, 4);
    expect(lines.every((l) => visibleWidth(l) <= 30)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith("    ") && l[4] !== " ")).toBe(true);
    expect(lines.map((l) => l.trim()).join(" ")).toBe("a04.txt gives people aboard (sinking) as 321; 3 other sources say 312 and as many as 10,000");
  });

  it("colour is put back on every piece: no sequence cut, none carried over a line end", () => {
    const line = `${c.red.bold("contradiction")} ${c.bold("count of people aboard the ferry that sank")} ${c.dim("f1")} ${c.italic("“a long quote that goes on”")}`;
    const lines = wrapLine(line, 20, 2);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(visibleWidth(l)).toBeLessThanOrEqual(20);
      expect(wellFormed(l)).toBe(true);
    }
    expect(lines.map((l) => stripColor(l).trim()).join(" ")).toBe(stripColor(line));
  });

  it("a line that fits is left as it is; tabs and line breaks become spaces", () => {
    expect(wrapLine(c.bold("short"), 80)).toEqual([c.bold("short")]);
    expect(wrapLine("a\tb\nc", 80)).toEqual(["a b c"]);
  });
});

describe("cutOf: where a word wider than its line may be cut", () => {
  it("after a path's slash, the :line:col kept with the file name", () => {
    const word = "fixtures/ferry-sinking/articles/a04.txt:6:102";
    expect(word.slice(0, cutOf(word, 30))).toBe("fixtures/ferry-sinking/");
    expect(word.slice(0, cutOf(word, 40))).toBe("fixtures/ferry-sinking/articles/");
  });

  it("never between digits: 10,000, 2026-11-12 and 6.5 stay whole", () => {
    expect(cutOf("as-many-as-10,000", 14)).toBe(11);
    expect(cutOf("on-2026-11-12", 10)).toBe(3);
    // a hard cut moves back to the start of the number it would split
    expect(cutOf("abcdefgh123456", 10)).toBe(8);
  });
});

describe("columnWidths", () => {
  it("natural widths when they fit", () => {
    expect(columnWidths([9, 20, 10], [9, 8, 4], 60)).toEqual([9, 20, 10]);
  });

  it("short columns whole, the long ones share what is left, none below its widest word", () => {
    const widths = columnWidths([9, 34, 53, 34], [9, 9, 8, 8], 67);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(67);
    expect(widths[0]).toBe(9);
    widths.forEach((w, i) => expect(w).toBeGreaterThanOrEqual([9, 9, 8, 8][i]!));
  });
});

describe("renderTable", () => {
  const HEAD = ["attribute", "subject", "value", "where"];
  const ROWS = [
    ["count", "korean (visit)", "as many as 10,000", "seeds/002_9e9c4b85bc325f66.txt:21:33"],
    ["duration", "published (sinking)", "three months", "a03.txt:38:375"],
  ];

  it("fits the width; a number, a place and a word are never cut", () => {
    const table = renderTable(HEAD.map((h) => c.bold(h)), ROWS, 70);
    expect(table.split("\n").every((l) => visibleWidth(l) <= 70)).toBe(true);
    const plain = stripColor(table);
    for (const whole of ["10,000", "a03.txt:38:375", "attribute", "duration", "002_9e9c4b85bc325f66.txt:21:33"]) expect(plain).toContain(whole);
    expect(plain).not.toMatch(/\[[0-9;]*m/);
  });

  it("narrower than its widest words: the widest column gives way, after a slash first", () => {
    const plain = stripColor(renderTable(HEAD.map((h) => c.bold(h)), ROWS, 60));
    expect(plain.split("\n").every((l) => visibleWidth(l) <= 60)).toBe(true);
    for (const whole of ["10,000", "a03.txt:38:375", "attribute", "duration", "(sinking)", "│ seeds/ "]) expect(plain).toContain(whole);
  });
});
