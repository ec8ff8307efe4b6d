import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest, toArticle } from "../../src/ingest/index.js";
import { readInputs } from "../../src/ingest/read.js";
import type { Article, Segment } from "../../src/model/article.js";
import { article } from "../helpers.js";

/** The segment holding the first character of the line that starts with `line`. */
function segmentOf(a: Article, line: string): Segment {
  const offset = a.text.split("\n").reduce<number | null>((found, text, i, all) => {
    if (found !== null || !text.startsWith(line)) return found;
    return all.slice(0, i).reduce((sum, l) => sum + l.length + 1, 0);
  }, null);
  if (offset === null) throw new Error(`no line starts with ${JSON.stringify(line)}`);
  const segment = a.segments.find((s) => s.start <= offset && offset < s.end);
  if (!segment) throw new Error(`no segment holds ${JSON.stringify(line)}`);
  return segment;
}

const kindOf = (a: Article, line: string) => segmentOf(a, line).kind;

describe("masthead: date, title, outlet", () => {
  it("a feed dateline gives the date and the title", () => {
    const a = toArticle({ id: "a.txt", path: "a.txt", text: " date 2026-01-13 Some headline\nThe mayor of Brelford opened a bridge on Tuesday.\n" });
    expect(a.published).toBe("2026-01-13");
    expect(a.anchor).toEqual({ date: "2026-01-13", from: "dateline" });
    expect(a.title).toBe("Some headline");
  });

  it("an aggregator credit names the outlet", () => {
    const a = article("date 2026-01-18 FEEDCO - Daily Courier) Leaders met on Tuesday.\nThe talks in Ostrava Bay went on until late.\n");
    expect(a.published).toBe("2026-01-18");
    expect(a.outlet).toBe("Daily Courier");
    expect(a.title).toBe("Leaders met on Tuesday.");
  });

  it("a second line that is only a date gives the date, and is not the body", () => {
    const a = article("Council approves new harbour plan\nWEDNESDAY 03 JULY 2013\nThe council of Velmora approved the plan on Tuesday.\n");
    expect(a.published).toBe("2013-07-03");
    expect(a.title).toBe("Council approves new harbour plan");
    expect(kindOf(a, "WEDNESDAY")).toBe("boilerplate");
    expect(kindOf(a, "The council")).toBe("body");
  });

  it("'Published: 4 March 2026' gives the date", () => {
    const a = article("Council approves new harbour plan\nPublished: 4 March 2026\nThe council of Velmora approved the plan on Tuesday.\n");
    expect(a.published).toBe("2026-03-04");
    expect(kindOf(a, "Published:")).toBe("boilerplate");
  });

  it("no dateline: the anchor is the latest full date of the text", () => {
    const a = article("Harbour plan approved\nThe council of Velmora approved the harbour plan on March 3, 2026, after a long debate.\n");
    expect(a.published).toBeNull();
    expect(a.anchor).toEqual({ date: "2026-03-03", from: "text" });
  });
});

describe("segments", () => {
  it("an ALSO READ list runs to the first blank line", () => {
    const a = article(
      [
        "Harbour plan approved",
        "The council of Velmora approved the harbour plan on Tuesday after a long debate.",
        "ALSO READ",
        "Storm closes the ferry to Kestrel Island",
        "Mayor of Brelford opens new library",
        "",
        "The plan will cost the town about 40 million crowns, the council said.",
      ].join("\n"),
    );
    expect(kindOf(a, "Harbour plan")).toBe("title");
    expect(kindOf(a, "The council")).toBe("body");
    expect(kindOf(a, "ALSO READ")).toBe("boilerplate");
    expect(kindOf(a, "Storm closes")).toBe("boilerplate");
    expect(kindOf(a, "Mayor of Brelford")).toBe("boilerplate");
    expect(kindOf(a, "The plan will cost")).toBe("body");
  });

  it("lines under 'Related articles' are related, a German paragraph there is de", () => {
    const a = article(
      [
        "Harbour plan approved",
        "The council of Velmora approved the harbour plan on Tuesday after a long debate.",
        "",
        "Related articles",
        "Storm closes the ferry to Kestrel Island as the wind rises over the bay.",
        "",
        "Der Stadtrat von Velmora hat den Plan für den Hafen am Dienstag nach einer langen Debatte genehmigt, und die Bürger sind mit dem Ergebnis nicht zufrieden.",
      ].join("\n"),
    );
    expect(kindOf(a, "The council")).toBe("body");
    expect(kindOf(a, "Related articles")).toBe("boilerplate");
    expect(segmentOf(a, "Storm closes")).toMatchObject({ kind: "related", language: "en" });
    expect(segmentOf(a, "Der Stadtrat")).toMatchObject({ kind: "related", language: "de" });
    expect(a.language).toBe("en");
  });

  it("a cookie banner and an agency credit are boilerplate", () => {
    const a = article(
      [
        "Harbour plan approved",
        "This website uses cookies to improve your experience.",
        "The council of Velmora approved the harbour plan on Tuesday after a long debate.",
        "(With inputs from agencies.)",
      ].join("\n"),
    );
    expect(kindOf(a, "Harbour plan")).toBe("title");
    expect(kindOf(a, "This website uses cookies")).toBe("boilerplate");
    expect(kindOf(a, "The council")).toBe("body");
    expect(kindOf(a, "(With inputs")).toBe("boilerplate");
  });

  it("the line above a picture credit is a caption", () => {
    const a = article(
      [
        "Harbour plan approved",
        "The council of Velmora approved the harbour plan on Tuesday after a long debate.",
        "Mayor Ilse Brandvik speaks to reporters outside the town hall in Velmora.",
        "Image generated by AI",
        "The plan will cost the town about 40 million crowns, the council said.",
      ].join("\n"),
    );
    expect(kindOf(a, "The council")).toBe("body");
    expect(segmentOf(a, "Mayor Ilse")).toMatchObject({ kind: "boilerplate", reason: "image caption" });
    expect(kindOf(a, "Image generated by AI")).toBe("boilerplate");
    expect(kindOf(a, "The plan will cost")).toBe("body");
  });
});

describe("reading files and folders", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "factcheck-ingest-"));
    mkdirSync(join(dir, "a", "deeper"), { recursive: true });
    writeFileSync(join(dir, "a-b.txt"), "Ferry resumes\nThe ferry to Kestrel Island resumed on Tuesday.\n");
    writeFileSync(join(dir, "a", "z.txt"), "\uFEFFBridge opens\nThe bridge at Brelford opened on Monday.\n");
    writeFileSync(join(dir, "a", "deeper", "notes.md"), "# Library opens\nThe library of Velmora opened on Friday.\n");
    writeFileSync(join(dir, "a", "data.json"), '{"not": "an article"}\n');
    writeFileSync(join(dir, "picture.png"), "not an article either");
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads .txt and .md recursively, skips other files, ids folder-relative and sorted", async () => {
    const { inputs, warnings } = await readInputs([dir]);
    expect(warnings).toEqual([]);
    expect(inputs.map((i) => i.id)).toEqual(["a-b.txt", "a/deeper/notes.md", "a/z.txt"]);
  });

  it("strips a UTF-8 byte order mark", async () => {
    const { inputs } = await readInputs([dir]);
    const z = inputs.find((i) => i.id === "a/z.txt");
    expect(z?.text).toBe("Bridge opens\nThe bridge at Brelford opened on Monday.\n");
  });

  it("a missing path is a warning naming it, and the rest is read", async () => {
    const missing = join(dir, "nowhere.txt");
    const { articles, warnings } = await ingest([missing, dir]);
    // the articles here carry no date, so their "on Monday" cannot be resolved: that is said too
    const unread = warnings.filter((w) => !w.includes("no date to resolve"));
    expect(unread).toEqual([`${missing}: no such file or folder`]);
    expect(warnings.filter((w) => w.includes("no date to resolve"))).toHaveLength(3);
    expect(articles.map((a) => a.id)).toEqual(["a-b.txt", "a/deeper/notes.md", "a/z.txt"]);
    expect(articles.find((a) => a.id === "a/z.txt")?.title).toBe("Bridge opens");
  });
});

describe("menus and share bars", () => {
  it("a line of short items between bars is boilerplate, not the title or the body", () => {
    const a = article("THE DAILY COURIER | News | Region | Sport\nMine collapse traps 44\nMiners were trapped on Tuesday.\nShare this story: Email | Print | Copy link\n");
    expect(kindOf(a, "THE DAILY COURIER")).toBe("boilerplate");
    expect(kindOf(a, "Share this story")).toBe("boilerplate");
    expect(a.title).toBe("Mine collapse traps 44");
  });
});
