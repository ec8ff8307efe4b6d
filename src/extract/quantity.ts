/** A figure as a sentence gives it, with the interval its hedge implies. */
export interface Quantity {
  kind: "count" | "measure" | "duration" | "ordinal";
  text: string;
  /** token index where the figure starts */
  index: number;
  /** offset in the article of the figure */
  start: number;
  number?: number;
  low?: number;
  high?: number;
  normalized: string;
  unit?: string;
  /** the dimension or series: "dead", "magnitude", "meeting" … */
  what: string;
  /** the counted noun, for counts ("children", "houses") */
  noun?: string;
  partial?: boolean;
  /** for a partial count, the part: a place, "part", "increment" */
  scope?: string;
  /** marked as not final: "at least", "so far", "rose to", "partial results" */
  provisional?: boolean;
  /** summed from a breakdown in the text */
  derived?: boolean;
  /** a figure with nothing to say what it counts ("Police said about 40,000.") */
  bare?: boolean;
  /** the figure a change started from ("takes the rate from 5.50% to 5.75%"): an earlier value */
  previous?: boolean;
}

/**
 * The label a fact box puts before a figure ("Dead: 19", "Rain at Velm in 24 hours: 320 mm"),
 * as the range of its tokens: from the line's start or the last bar up to the colon.
 */
export function boxLabel(tokens: readonly { text: string }[], first: number): [number, number] | undefined {
  if (tokens[first - 1]?.text !== ":" || first < 2) return undefined;
  let from = first - 2;
  while (from > 0 && !/^[|;.?!]$/.test(tokens[from - 1]!.text)) from--;
  return [from, first - 2];
}
