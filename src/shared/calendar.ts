/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no local time zone moves a day. */

export function toDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = toDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(iso: string): number {
  return toDate(iso).getUTCDay();
}

export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}

/** The first and last day a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) covers. */
export function dateSpan(partial: string): [string, string] {
  const parts = partial.split("-");
  if (parts.length === 3) return [partial, partial];
  if (parts.length === 2) {
    const first = `${partial}-01`;
    const last = toDate(first);
    last.setUTCMonth(last.getUTCMonth() + 1);
    last.setUTCDate(0);
    return [first, toIso(last)];
  }
  return [`${partial}-01-01`, `${partial}-12-31`];
}

/**
 * Is this a date of the calendar, YYYY-MM-DD (or YYYY-MM, or YYYY when `partial`)? "2026-14-31",
 * "2026-02-30" and "20135-01-01" are not: a shifted or mistyped number is no date, and a date that
 * is not one must never be used (chrono loops forever on an Invalid Date as its reference).
 */
export function isRealDate(iso: string, partial = false): boolean {
  const m = (partial ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/ : /^(\d{4})-(\d{2})-(\d{2})$/).exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC reads years 0-99 as 1900-1999: set the year itself
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
