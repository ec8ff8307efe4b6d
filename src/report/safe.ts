/**
 * Characters shown as `\uXXXX`: C0 controls but tab and line feed, DEL and the C1 controls
 * (U+009B is a CSI of its own), zero-width characters, and every bidi control (embeddings,
 * overrides, isolates, marks), which can make a line read other than it is.
 */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from articles is hostile: terminal escape sequences (cursor moves, OSC links, title changes)
 * and other control characters are shown as visible escapes, never sent raw to a terminal.
 */
export function safeText(text: string): string {
  return text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, (m) => JSON.stringify(m).slice(1, -1))
    .replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A short window of a quote around the first occurrence of `needle`, on one line. */
export function excerpt(quote: string, needle: string, width = 110): string {
  const flat = quote.replace(/\s+/g, " ");
  if (flat.length <= width) return flat;
  const at = Math.max(0, flat.indexOf(needle));
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), flat.length - width));
  return `${start > 0 ? "…" : ""}${flat.slice(start, start + width).trim()}${start + width < flat.length ? "…" : ""}`;
}
