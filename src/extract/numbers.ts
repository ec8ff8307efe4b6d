import quantities from "./lexicon/quantities.json" with { type: "json" };

const WORDS = new Map(Object.entries(quantities.numberWords));
const MULTIPLIERS = new Map(Object.entries(quantities.multipliers));

/** "4,234" → 4234, "forty-seven" → 47, "Twelve" → 12, "1.2" → 1.2; null when it is not a number. */
export function parseNumber(text: string): number | null {
  const clean = text.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(clean)) return Number(clean.replace(/,/g, ""));
  if (/^\d+(\.\d+)?$/.test(clean)) return Number(clean);
  const direct = WORDS.get(clean);
  if (direct !== undefined) return direct;
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(clean);
  if (compound) {
    const tens = WORDS.get(compound[1]!);
    const ones = WORDS.get(compound[2]!);
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones < 10) return tens + ones;
    const scale = MULTIPLIERS.get(compound[2]!);
    if (tens !== undefined && scale !== undefined) return tens * scale;
  }
  return null;
}

/** A number with its scale word: "1.2 billion", "$1,180m", "100 million" → the full value. */
export function scaled(value: number, scale: string | undefined): number {
  if (!scale) return value;
  return value * (MULTIPLIERS.get(scale.toLowerCase()) ?? 1);
}

/** Half the unit of the last significant digit: how far a rounded figure may be from the truth. */
export function roundingTolerance(text: string, value: number): number {
  const digits = text.replace(/[^\d.]/g, "");
  const decimals = digits.includes(".") ? digits.split(".")[1]!.length : 0;
  if (decimals > 0) return 0.5 * 10 ** -decimals * (value / Number(digits) || 1);
  const trailingZeros = /0+$/.exec(digits)?.[0].length ?? 0;
  return 0.5 * 10 ** trailingZeros * (value / Number(digits) || 1);
}
