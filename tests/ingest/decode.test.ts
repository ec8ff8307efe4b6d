import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";

const PHRASE = "café – “quoted”";
const bytes = (...values: number[]) => Buffer.from(values);
/** "café – “quoted”" in Windows-1252: é E9, en dash 96, curly quotes 93 and 94 */
const PHRASE_1252 = bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94);
/** Latin-1 / Windows-1252 bytes of a text, one byte per character (only for characters below U+0100) */
const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("decode: UTF-8 and UTF-16", () => {
  it("UTF-8 without a byte order mark", () => {
    expect(decode(Buffer.from(`${PHRASE}\n`, "utf8"), "a.txt")).toEqual({ text: `${PHRASE}\n`, warnings: [], encoding: "UTF-8" });
  });

  it("UTF-8 with a byte order mark: the mark is stripped", () => {
    const input = Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from(PHRASE, "utf8")]);
    expect(decode(input, "a.txt")).toEqual({ text: PHRASE, warnings: [], encoding: "UTF-8" });
  });

  it("UTF-16 LE with a byte order mark", () => {
    // c a f é ␠ – : 63 00 61 00 66 00 e9 00 20 00 13 20
    const input = bytes(0xff, 0xfe, 0x63, 0x00, 0x61, 0x00, 0x66, 0x00, 0xe9, 0x00, 0x20, 0x00, 0x13, 0x20, 0x0a, 0x00);
    expect(decode(input, "a.txt")).toEqual({ text: "café –\n", warnings: [], encoding: "UTF-16LE" });
  });

  it("UTF-16 BE with a byte order mark", () => {
    const input = bytes(0xfe, 0xff, 0x00, 0x63, 0x00, 0x61, 0x00, 0x66, 0x00, 0xe9, 0x00, 0x20, 0x20, 0x13, 0x00, 0x0a);
    expect(decode(input, "a.txt")).toEqual({ text: "café –\n", warnings: [], encoding: "UTF-16BE" });
  });

  it("UTF-16 with a byte order mark and a cut-off last character is replaced, with a warning", () => {
    const input = bytes(0xff, 0xfe, 0x4f, 0x00, 0x6b, 0x00, 0x21);
    expect(decode(input, "cut.txt")).toEqual({ text: "Ok\uFFFD", warnings: ["cut.txt: invalid UTF-16 replaced"], encoding: "UTF-16LE" });
  });

  it("UTF-16 LE without a byte order mark is text, not binary for its NUL bytes", () => {
    const input = Buffer.from("The ferry resumed on Tuesday.\n", "utf16le");
    expect(decode(input, "a.txt")).toEqual({ text: "The ferry resumed on Tuesday.\n", warnings: [], encoding: "UTF-16LE" });
  });
});

describe("decode: legacy encodings", () => {
  it("Windows-1252 decodes to the same string as its UTF-8 copy", () => {
    const fromUtf8 = decode(Buffer.from(PHRASE, "utf8"), "u.txt");
    const from1252 = decode(PHRASE_1252, "w.txt");
    expect(from1252).toEqual({ text: PHRASE, warnings: [], encoding: "windows-1252" });
    expect("text" in fromUtf8 && "text" in from1252 && fromUtf8.text === from1252.text).toBe(true);
  });

  it("a Latin-1 paragraph (what chardet calls ISO-8859-1) is read as Windows-1252", () => {
    const text = "Le président a déclaré que la réunion était très importante pour l'économie française.";
    expect(decode(latin1(text), "fr.txt")).toEqual({ text, warnings: [], encoding: "windows-1252" });
  });

  it("Windows-1251 Russian", () => {
    // "Президент заявил, что встреча была важной." in Windows-1251
    const input = bytes(
      0xcf, 0xf0, 0xe5, 0xe7, 0xe8, 0xe4, 0xe5, 0xed, 0xf2, 0x20, 0xe7, 0xe0, 0xff, 0xe2, 0xe8, 0xeb, 0x2c, 0x20, 0xf7, 0xf2, 0xee, 0x20,
      0xe2, 0xf1, 0xf2, 0xf0, 0xe5, 0xf7, 0xe0, 0x20, 0xe1, 0xfb, 0xeb, 0xe0, 0x20, 0xe2, 0xe0, 0xe6, 0xed, 0xee, 0xe9, 0x2e,
    );
    expect(decode(input, "ru.txt")).toEqual({ text: "Президент заявил, что встреча была важной.", warnings: [], encoding: "windows-1251" });
  });

  it("Shift_JIS Japanese", () => {
    // "大統領は会議が重要だと述べました。" in Shift_JIS
    const input = bytes(
      0x91, 0xe5, 0x93, 0x9d, 0x97, 0xcc, 0x82, 0xcd, 0x89, 0xef, 0x8b, 0x63, 0x82, 0xaa, 0x8f, 0x64, 0x97, 0x76, 0x82, 0xbe, 0x82, 0xc6,
      0x8f, 0x71, 0x82, 0xd7, 0x82, 0xdc, 0x82, 0xb5, 0x82, 0xbd, 0x81, 0x42,
    );
    expect(decode(input, "ja.txt")).toEqual({ text: "大統領は会議が重要だと述べました。", warnings: [], encoding: "Shift_JIS" });
  });

  it("bytes no encoding explains: UTF-8 with replacement characters and a warning", () => {
    expect(decode(bytes(0x41, 0xff, 0xfe, 0x80, 0x81, 0x42), "odd.txt")).toEqual({
      text: "A\uFFFD\uFFFD\uFFFD\uFFFDB",
      warnings: ["odd.txt: invalid UTF-8 replaced"],
      encoding: "UTF-8",
    });
  });

  it("UTF-8 with one bad byte is damaged UTF-8, not Latin-1 (no “cafÃ©”)", () => {
    const input = Buffer.concat([Buffer.from("Hello wörld, this is fine text with a café. ", "utf8"), bytes(0xff), Buffer.from(" end", "utf8")]);
    expect(decode(input, "bad.txt")).toEqual({
      text: "Hello wörld, this is fine text with a café. \uFFFD end",
      warnings: ["bad.txt: invalid UTF-8 replaced"],
      encoding: "UTF-8",
    });
  });

  it("a BOM says UTF-8: bad bytes after it are replaced, not guessed", () => {
    expect(decode(Buffer.concat([bytes(0xef, 0xbb, 0xbf), PHRASE_1252]), "bom.txt")).toEqual({
      text: "caf\uFFFD \uFFFD \uFFFDquoted\uFFFD",
      warnings: ["bom.txt: invalid UTF-8 replaced"],
      encoding: "UTF-8",
    });
  });
});

describe("decode: binary", () => {
  const cases: [string, Buffer][] = [
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41, 0x42)],
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0x41, 0x42)],
    ["GIF", Buffer.from("GIF89a some text after the magic", "latin1")],
    ["PDF", Buffer.from("%PDF-1.7\nThe council approved the plan.\n", "latin1")],
    ["ZIP", Buffer.from("PK\x03\x04 looks like text afterwards", "latin1")],
    ["GZIP", bytes(0x1f, 0x8b, 0x08, 0x00, 0x41)],
    ["a NUL byte", Buffer.from("The council\u0000 approved the plan on Tuesday.", "latin1")],
  ];
  for (const [what, input] of cases) {
    it(`${what} is binary`, () => {
      expect(decode(input, "x.bin")).toEqual({ binary: true });
    });
  }

  it("a NUL byte after the first 8 KB does not make a file binary", () => {
    const input = Buffer.concat([Buffer.alloc(8192, 0x61), bytes(0x00)]);
    expect(decode(input, "late.txt")).toEqual({ text: `${"a".repeat(8192)}\u0000`, warnings: [], encoding: "UTF-8" });
  });

  it("no bytes: empty text", () => {
    expect(decode(Buffer.alloc(0), "empty.txt")).toEqual({ text: "", warnings: [], encoding: "UTF-8" });
  });
});
