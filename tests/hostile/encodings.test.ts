import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";

/**
 * Encodings and line endings through the CLI: the same article as UTF-8, UTF-8 with a BOM,
 * Windows-1252, UTF-16 LE and BE (with a BOM, and LE without), and with CRLF or lone-CR line
 * endings, gives the same claims at the same lines and columns.
 */

const LINES = [
  "Nara, January 13, 2026 — Café owners in Nara called the summit “historic”.",
  "Japanese Prime Minister Sanae Takaichi welcomed South Korean President Lee Jae Myung to Nara on Tuesday for a two-day visit, the leaders’ third meeting this year.",
  "",
  "At least 12 people were injured when a 6,825-ton ferry ran aground near Busan, officials said – the coast guard’s director, Min-jun Park, confirmed the figure.",
  "The magnitude 6.1 quake struck on Monday; some 136 people died, according to the régime’s own count.",
];
const TEXT = `${LINES.join("\n")}\n`;

/** Windows-1252 by hand (not with the library the decoder uses): Latin-1, and the five characters of 0x80–0x9F used here. */
const CP1252: Readonly<Record<string, number>> = { "—": 0x97, "–": 0x96, "“": 0x93, "”": 0x94, "’": 0x92 };
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = CP1252[c] ?? c.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252: ${c}`);
      return code;
    }),
  );
}
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

const VARIANTS: Record<string, Buffer> = {
  "utf8.txt": Buffer.from(TEXT, "utf8"),
  "utf8-bom.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]),
  "cp1252.txt": windows1252(TEXT),
  "utf16le-bom.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]),
  "utf16be-bom.txt": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]),
  "utf16le-no-bom.txt": Buffer.from(TEXT, "utf16le"),
  "crlf.txt": Buffer.from(TEXT.replace(/\n/g, "\r\n"), "utf8"),
  "cr.txt": Buffer.from(TEXT.replace(/\n/g, "\r"), "utf8"),
  "cp1252-crlf.txt": windows1252(TEXT.replace(/\n/g, "\r\n")),
  "utf16le-bom-crlf.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace(/\n/g, "\r\n"), "utf16le")]),
  "utf16be-bom-cr.txt": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT.replace(/\n/g, "\r"))]),
};

interface ReportClaim {
  source: string;
  attribute: string;
  value: { text: string; normalized: string };
  evidence: { quote: string; line: number; column: number };
}

/** A claim without its source: what must be the same whatever the bytes. */
const shape = (c: ReportClaim) => `${c.evidence.line}:${c.evidence.column} ${c.attribute} ${JSON.stringify(c.value.text)} → ${c.value.normalized} | ${c.evidence.quote}`;

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    callback();
  }
}

const folder = mkdtempSync(join(tmpdir(), "factcheck-encodings-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let stderr = "";
let code = -1;
const claimsBySource = new Map<string, string[]>();

beforeAll(async () => {
  for (const [name, bytes] of Object.entries(VARIANTS)) writeFileSync(join(folder, name), bytes);
  const out = new Sink();
  const err = new Sink();
  code = await main([folder, "--format", "json"], { stdout: out, stderr: err, stdin: Readable.from([]), env: {} });
  stderr = err.text;
  const report = JSON.parse(out.text) as { claims: ReportClaim[] };
  for (const claim of report.claims) claimsBySource.set(claim.source, [...(claimsBySource.get(claim.source) ?? []), shape(claim)]);
});

describe("the same article in any encoding and with any line ending gives the same claims", () => {
  it("every variant is read without a warning", () => {
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect([...claimsBySource.keys()].sort()).toEqual(Object.keys(VARIANTS).sort());
  });

  it("the UTF-8 original makes claims on every line that has one, at the right columns", () => {
    const reference = claimsBySource.get("utf8.txt")!;
    expect(reference.length).toBeGreaterThanOrEqual(10);
    expect(reference).toContain(`2:10 role "Prime Minister" → prime minister | ${LINES[1]}`);
    expect(reference.some((c) => c.startsWith("4:1 count \"At least 12\""))).toBe(true);
    expect(reference.some((c) => c.startsWith("5:15 measure \"magnitude 6.1\""))).toBe(true);
  });

  for (const name of Object.keys(VARIANTS).filter((n) => n !== "utf8.txt")) {
    it(`${name}: the same claims, values, quotes, lines and columns as the UTF-8 original`, () => {
      expect(claimsBySource.get(name)).toEqual(claimsBySource.get("utf8.txt"));
    });
  }
});
