/**
 * Positions, stated once (as textlint does): offsets are 0-based UTF-16 code units into the
 * article text; lines and columns are 1-based. This file is the only place that converts.
 */

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of an offset, by binary search over the line starts. */
export function lineColumnOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

/** The text of each line without its line break, with its start offset. */
export function linesOf(text: string, lineStarts: readonly number[]): { text: string; start: number }[] {
  return lineStarts.map((start, i) => {
    const next = i + 1 < lineStarts.length ? lineStarts[i + 1]! : text.length;
    return { text: text.slice(start, next).replace(/\r?\n$|\r$/, ""), start };
  });
}
