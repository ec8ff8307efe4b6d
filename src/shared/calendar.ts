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
