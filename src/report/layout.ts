import Table from "cli-table3";
import stringWidth from "string-width";

/**
 * Text laid out for a terminal of a given width: lines wrapped at word boundaries, and tables
 * sized to their content. Colour is taken off before wrapping and put back on each piece, so that
 * no escape sequence is ever cut in two or carried across a line or a table's border (cli-table3's
 * own wrapping cuts inside them: `att / ribute / [22m`).
 */

/** The only escapes the reporters write: SGR colour codes (article text went through safeText). */
const SGR = /\x1b\[([0-9;]*)m/g;

/** A character as shown, with the SGR parameters in force when it is drawn ("" for none). */
interface StyledChar {
  char: string;
  style: string;
}

/** Printable ASCII is one column a character: string-width (which builds a regex per call) only for the rest. */
const PLAIN = /^[\x20-\x7e]*$/;
export const visibleWidth = (text: string): number => (PLAIN.test(text) ? text.length : stringWidth(text));

const charWidths = new Map<string, number>();
/** One character's width, remembered: a report measures the same few hundred characters again and again. */
function charWidth(char: string): number {
  if (char.length === 1 && char >= " " && char <= "~") return 1;
  let width = charWidths.get(char);
  if (width === undefined) charWidths.set(char, (width = stringWidth(char)));
  return width;
}

export const stripColor = (text: string): string => text.replace(SGR, "");

/** The SGR state after `params`: an attribute's closing code (22, 23, 39…) ends what it closes. */
function nextStyle(active: string[], params: string): string[] {
  if (params === "" || params === "0") return [];
  const closes: Record<string, (code: string) => boolean> = {
    "22": (c) => c === "1" || c === "2",
    "23": (c) => c === "3",
    "24": (c) => c === "4",
    "27": (c) => c === "7",
    "29": (c) => c === "9",
    "39": (c) => /^(3[0-7]|9[0-7]|38;)/.test(c),
    "49": (c) => /^(4[0-7]|10[0-7]|48;)/.test(c),
  };
  const close = closes[params];
  return close ? active.filter((c) => !close(c)) : [...active, params];
}

function styledChars(text: string): StyledChar[] {
  const out: StyledChar[] = [];
  let active: string[] = [];
  let last = 0;
  const take = (plain: string) => {
    const style = active.join(";");
    // every kind of white space is one space on a terminal line: a tab or a line break would break the layout
    for (const char of plain) out.push({ char: /\s/.test(char) ? " " : char, style });
  };
  for (const m of text.matchAll(SGR)) {
    take(text.slice(last, m.index));
    active = nextStyle(active, m[1]!);
    last = m.index + m[0].length;
  }
  take(text.slice(last));
  return out;
}

/** Draws styled characters: each run of one style opened and closed on its own, so every line stands alone. */
function draw(chars: readonly StyledChar[]): string {
  let out = "";
  let style = "";
  for (const { char, style: next } of chars) {
    if (next !== style) {
      if (style) out += "\x1b[0m";
      if (next) out += `\x1b[${next}m`;
      style = next;
    }
    out += char;
  }
  return style ? `${out}\x1b[0m` : out;
}

const widthOf = (chars: readonly StyledChar[]): number => chars.reduce((n, c) => n + charWidth(c.char), 0);

/** Words and the spaces between them; the leading spaces (an indent) are kept apart. */
function wordsOf(chars: readonly StyledChar[]): { indent: StyledChar[]; words: StyledChar[][] } {
  let i = 0;
  while (i < chars.length && chars[i]!.char === " ") i++;
  const indent = chars.slice(0, i);
  const words: StyledChar[][] = [];
  let word: StyledChar[] = [];
  for (; i < chars.length; i++) {
    if (chars[i]!.char === " ") {
      if (word.length > 0) words.push(word);
      word = [];
    } else word.push(chars[i]!);
  }
  if (word.length > 0) words.push(word);
  return { indent, words };
}

/** The spaces that followed each word in the original, so that "✔ 312  4 sources" keeps its double space. */
function gapsOf(chars: readonly StyledChar[]): StyledChar[][] {
  const gaps: StyledChar[][] = [];
  let i = 0;
  while (i < chars.length && chars[i]!.char === " ") i++;
  while (i < chars.length) {
    while (i < chars.length && chars[i]!.char !== " ") i++;
    const start = i;
    while (i < chars.length && chars[i]!.char === " ") i++;
    gaps.push(chars.slice(start, i));
  }
  return gaps;
}

/** Where a long word is best cut, best first: after a path's slash, then after other punctuation. */
const CUT_AFTER = [/[/\\]/, /[-_,;)\]]/, /[.:]/];

/**
 * Where a word too wide for its line may be cut: after a slash, else a hyphen, comma or the like,
 * else a dot; never between two digits (10,000 or 2026-11-12 or 6.5 stay whole), and never inside
 * the `:line:col` of a place, which stays with the file name before it.
 */
export function cutOf(word: string, room: number): number {
  const place = /:\d+(?::\d+)?$/.exec(word);
  const limit = Math.min(room, place ? place.index : word.length);
  const allowed = (at: number) => !(/\d/.test(word[at] ?? "") && /\d/.test(word[at - 2] ?? ""));
  for (const after of CUT_AFTER) {
    for (let at = limit; at > 0; at--) if (after.test(word[at - 1]!) && allowed(at)) return at;
  }
  // nowhere good: a hard cut, moved back to the start of a number it would split
  let at = room;
  while (at > 0 && /\d/.test(word[at - 1]!) && /\d/.test(word[at] ?? "")) at--;
  return at > 0 ? at : room;
}

/** Cuts a word wider than `room` columns into pieces that fit, at the places cutOf allows. */
function splitWord(word: StyledChar[], room: number): StyledChar[][] {
  const pieces: StyledChar[][] = [];
  let rest = word;
  while (widthOf(rest) > room && rest.length > 1) {
    // room in columns as a count of characters: wide characters take two
    let fits = 0;
    for (let w = 0; fits < rest.length && w + charWidth(rest[fits]!.char) <= room; fits++) w += charWidth(rest[fits]!.char);
    const at = Math.max(1, Math.min(fits, cutOf(rest.map((c) => c.char).join(""), fits)));
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * A line of text (colour allowed) wrapped to `width` columns at word boundaries; the lines after
 * the first are indented by `hang` columns. A line that fits is returned as it is.
 */
export function wrapLine(line: string, width: number, hang = 0): string[] {
  if (visibleWidth(line) <= width && !/[^\S ]/.test(line)) return [line];
  const chars = styledChars(line);
  const { indent, words } = wordsOf(chars);
  const gaps = gapsOf(chars);
  const pad = (n: number): StyledChar[] => Array.from({ length: n }, () => ({ char: " ", style: "" }));
  const hangPad = pad(Math.min(hang, Math.max(0, width - 10)));
  const lines: StyledChar[][] = [];
  let current: StyledChar[] = [...indent];
  let bare = true;
  words.forEach((word, i) => {
    const gap = i > 0 ? gaps[i - 1]! : [];
    if (!bare && widthOf(current) + widthOf(gap) + widthOf(word) <= width) {
      current.push(...gap, ...word);
      return;
    }
    if (!bare) {
      lines.push(current);
      current = [...hangPad];
    }
    const pieces = splitWord(word, Math.max(1, width - widthOf(current)));
    for (const piece of pieces.slice(0, -1)) {
      lines.push([...current, ...piece]);
      current = [...hangPad];
    }
    current.push(...pieces.at(-1)!);
    bare = false;
  });
  lines.push(current);
  return lines.map(draw);
}

/** The widest word of a cell: the narrowest its column can be without cutting one. */
const widestWord = (cell: string): number => Math.max(1, ...stripColor(cell).split(/\s+/).map(visibleWidth));

/** The widest word of a cell once paths may be cut after a slash: the narrowest when words alone do not fit. */
const widestPathPart = (cell: string): number => Math.max(1, ...stripColor(cell).split(/\s+|(?<=\/)/).map(visibleWidth));

/**
 * Too narrow for even the widest words: the widest columns give way first, down to a common cap,
 * so that a long path is cut while "attribute" and "10,000" beside it stay whole.
 */
function capped(narrowest: readonly number[], room: number): number[] {
  let low = 1;
  let high = Math.max(...narrowest);
  // the largest cap at which the columns still fit
  while (low < high) {
    const cap = Math.ceil((low + high) / 2);
    if (narrowest.reduce((n, w) => n + Math.min(w, cap), 0) <= room) low = cap;
    else high = cap - 1;
  }
  return narrowest.map((w) => Math.min(w, low));
}

/**
 * Column widths (of content) that fit `room`: each column its natural width if all fit; else each
 * at least its widest word (see capped when even those do not fit), and the space left shared out evenly, a column that needs less than
 * its share taking only what it needs (so short columns stay whole and only the long ones wrap).
 */
export function columnWidths(natural: readonly number[], narrowest: readonly number[], room: number): number[] {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= room) return [...natural];
  if (sum(narrowest) >= room) return capped(narrowest, room);
  const widths = [...narrowest];
  let spare = room - sum(widths);
  while (spare > 0) {
    const lacking = [...widths.keys()].filter((i) => widths[i]! < natural[i]!).sort((a, b) => natural[a]! - widths[a]! - (natural[b]! - widths[b]!) || a - b);
    if (lacking.length === 0) break;
    const share = Math.max(1, Math.floor(spare / lacking.length));
    for (const i of lacking) {
      const given = Math.min(share, natural[i]! - widths[i]!, spare);
      widths[i]! += given;
      spare -= given;
    }
  }
  return widths;
}

/**
 * A table that fits `width` columns. Cells may be coloured: each is wrapped here, and cli-table3
 * only pads and draws the lines it is given (its own wrapping is off).
 */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[], width: number): string {
  const all = [head, ...rows];
  const natural = head.map((_, i) => Math.max(1, ...all.map((row) => visibleWidth(stripColor(row[i] ?? "").replace(/\s+/g, " ")))));
  const narrowestOf = (measure: (cell: string) => number) => head.map((_, i) => Math.max(...all.map((row) => measure(row[i] ?? ""))));
  // each column has a border and a space of padding on either side; the table one more border
  const room = Math.max(head.length, width - head.length * 3 - 1);
  const words = narrowestOf(widestWord);
  // too narrow for every word whole: paths are cut after a slash, only as much as the room requires
  const widths = words.reduce((a, b) => a + b, 0) <= room ? columnWidths(natural, words, room) : columnWidths(words, narrowestOf(widestPathPart), room);
  const lines = (text: string, i: number) => wrapLine(text, widths[i]!);
  // each line of a row is a row of its own for cli-table3, which draws a multi-line cell in time
  // quadratic in its length; the lines between rows are put back here
  const table = new Table({
    head: head.map((h, i) => lines(h, i).join("\n")),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], compact: true },
  });
  const heights: number[] = [];
  for (const row of rows) {
    const cells = row.map(lines);
    const height = Math.max(1, ...cells.map((c) => c.length));
    heights.push(height);
    for (let k = 0; k < height; k++) table.push(cells.map((c) => c[k] ?? ""));
  }
  const drawn = table.toString().split("\n");
  const separator = `├${widths.map((w) => "─".repeat(w + 2)).join("┼")}┤`;
  const bodyStart = drawn.length - 1 - heights.reduce((a, b) => a + b, 0);
  const out = drawn.slice(0, bodyStart);
  let at = bodyStart;
  heights.forEach((height, i) => {
    if (i > 0) out.push(separator);
    out.push(...drawn.slice(at, at + height));
    at += height;
  });
  out.push(drawn.at(-1)!);
  return out.join("\n");
}
