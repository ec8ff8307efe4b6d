import { describe, expect, it } from "vitest";
import { reportOn } from "../helpers.js";

const roleFindings = (texts: Record<string, string>) => reportOn(texts).findings.filter((f) => f.attribute === "role").map((f) => f.kind);

describe("offices that may be held together, or are one office", () => {
  it("a chairman who is also the chief executive is no contradiction", () => {
    const kinds = roleFindings({
      "a.txt": " date 2026-05-04 Merger agreed\nChairman Pavel Orsic said the merger would close in June.\n",
      "b.txt": " date 2026-05-04 Merger agreed\nChief Executive Pavel Orsic said the merger would close in June.\n",
    });
    expect(kinds).not.toContain("contradiction");
  });

  it("a managing director is the chief executive under another name: they agree", () => {
    const kinds = roleFindings({
      "a.txt": " date 2026-05-04 Merger agreed\nManaging Director Pavel Orsic said the merger would close in June.\n",
      "b.txt": " date 2026-05-04 Merger agreed\nChief Executive Pavel Orsic said the merger would close in June.\n",
    });
    expect(kinds).toEqual(["agreement"]);
  });

  it("a chief executive called the chief financial officer is still a contradiction", () => {
    const kinds = roleFindings({
      "a.txt": " date 2026-05-04 Merger agreed\nChief Executive Pavel Orsic said the merger would close in June.\n",
      "b.txt": " date 2026-05-04 Merger agreed\nChief Financial Officer Pavel Orsic said the merger would close in June.\n",
    });
    expect(kinds).toContain("contradiction");
  });
});

describe("a contradiction's message says what its list of sources holds", () => {
  it("a source that gives both titles is named beside the others that give the consensus", () => {
    const findings = reportOn({
      "a.txt": " date 2026-05-04 Talks in Velm\nPrime Minister Ada Kroll met the envoy.\n",
      "b.txt": " date 2026-05-04 Talks in Velm\nPrime Minister Ada Kroll met the envoy.\n",
      "c.txt": " date 2026-05-04 Talks in Velm\nPresident Ada Kroll met the envoy. Later, Prime Minister Ada Kroll spoke.\n",
    }).findings.filter((f) => f.kind === "contradiction");
    expect(findings.map((f) => f.message)).toEqual(['c.txt calls Ada Kroll "President"; 2 other sources say "Prime Minister" (and c.txt says so too elsewhere)']);
  });
});
