import { analyse } from "chardet";
import iconv from "iconv-lite";

/** A file's bytes as text, with what had to be guessed or replaced; or the news that it is not text at all. */
export type Decoded = { text: string; warnings: string[]; encoding: string } | { binary: true };

/** How much of the start of a file the binary and UTF-16 checks look at. */
const SNIFF_BYTES = 8192;
/** How much of a file chardet reads to guess a legacy encoding. */
const DETECT_BYTES = 65536;
/** chardet's confidence (0–100) from which its first guess is taken. Short Latin-1 texts score in the twenties, noise about 10. */
const MIN_CONFIDENCE = 20;

const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], // GIF87a
  [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // GIF89a
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // ZIP (also docx, epub…)
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x50, 0x4b, 0x07, 0x08], // spanned ZIP
  [0x1f, 0x8b], // GZIP
];

const startsWith = (bytes: Buffer, prefix: readonly number[]) => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");
const strictUtf16 = new TextDecoder("utf-16le", { fatal: true });
const lenientUtf16 = new TextDecoder("utf-16le");

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 (little-endian after swapping when big-endian); invalid or odd trailing bytes are replaced, with a warning. */
function decodeUtf16(bytes: Buffer, bigEndian: boolean, name: string): { text: string; warnings: string[]; encoding: string } {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const le = bigEndian ? Buffer.from(even).swap16() : even;
  const encoding = bigEndian ? "UTF-16BE" : "UTF-16LE";
  const strict = even.length === bytes.length ? tryDecode(strictUtf16, le) : null;
  if (strict !== null) return { text: strict, warnings: [], encoding };
  const text = lenientUtf16.decode(le) + (even.length === bytes.length ? "" : "\uFFFD");
  return { text, warnings: [`${name}: invalid UTF-16 replaced`], encoding };
}

/**
 * UTF-16 without a byte order mark: text in a Latin script has a zero byte in every other place
 * (the high byte of each character), and almost none in the others.
 */
function utf16WithoutBom(sample: Buffer): "le" | "be" | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.02) return "le";
  if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.02) return "be";
  return null;
}

/** Control characters other than tab, line feed, form feed and carriage return: text does not have them. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;

/** Counts well-formed multi-byte UTF-8 sequences and bytes that start none, in the sample. */
function utf8Shape(bytes: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length = 0;
    if (b >= 0xc2 && b <= 0xdf) length = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      length = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      length = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (length > 0) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** chardet's best guess, when it is one iconv-lite can decode and sure enough to act on. */
function legacyEncoding(bytes: Buffer): string | null {
  const best = analyse(bytes.subarray(0, DETECT_BYTES))[0];
  if (!best || best.confidence < MIN_CONFIDENCE) return null;
  if (/^(utf-|ascii|iso-2022)/i.test(best.name)) return null;
  // as browsers do: text labelled Latin-1 is Windows-1252, whose 0x80–0x9F are quotes and dashes, not controls
  const name = /^iso-8859-1$/i.test(best.name) ? "windows-1252" : best.name;
  return iconv.encodingExists(name) ? name : null;
}

/**
 * The text of a file's bytes: UTF-8 (with or without a byte order mark), UTF-16 (with a byte order
 * mark, or plainly recognisable without one), or a legacy encoding chardet recognises with confidence.
 * Anything else is read as UTF-8 with replacement characters, and a warning says so. A file that
 * starts like an image, a PDF or an archive, or has a NUL byte in its first 8 KB, is binary.
 */
export function decode(bytes: Buffer, name: string): Decoded {
  if (MAGIC.some((magic) => startsWith(bytes, magic))) return { binary: true };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const rest = bytes.subarray(3);
    const text = tryDecode(strictUtf8, rest);
    if (text !== null) return { text, warnings: [], encoding: "UTF-8" };
    return { text: lenientUtf8.decode(rest), warnings: [`${name}: invalid UTF-8 replaced`], encoding: "UTF-8" };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), false, name);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), true, name);

  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) {
    const order = utf16WithoutBom(sample);
    if (!order) return { binary: true };
    const decoded = decodeUtf16(bytes, order === "be", name);
    // a binary format that happens to be zero-heavy in one column decodes to controls: still binary
    return decoded.warnings.length > 0 || CONTROL.test(decoded.text.slice(0, SNIFF_BYTES)) ? { binary: true } : decoded;
  }

  const utf8 = tryDecode(strictUtf8, bytes);
  if (utf8 !== null) return { text: utf8, warnings: [], encoding: "UTF-8" };

  // mostly well-formed UTF-8 with a few bad bytes is damaged UTF-8, not another encoding
  const shape = utf8Shape(bytes.subarray(0, DETECT_BYTES));
  const legacy = shape.valid > shape.invalid ? null : legacyEncoding(bytes);
  if (legacy) {
    const text = iconv.decode(bytes, legacy, { stripBOM: false });
    if (!text.includes("\uFFFD") && !CONTROL.test(text.slice(0, DETECT_BYTES))) return { text, warnings: [], encoding: legacy };
  }
  return { text: lenientUtf8.decode(bytes), warnings: [`${name}: invalid UTF-8 replaced`], encoding: "UTF-8" };
}
