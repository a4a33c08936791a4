/** Dates as schools mean them: calendar days in Sweden, ISO weeks starting on Monday. */

const SWEDISH_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * SQL for the Swedish calendar day of a timestamptz column or expression: a bare `::date` would
 * use the database session's time zone (often UTC), an hour or two off around midnight.
 */
export const swedishDaySql = (timestamp: string): string => `(${timestamp} AT TIME ZONE 'Europe/Stockholm')::date`;

/** Today's date in Sweden as YYYY-MM-DD (the server may run in any time zone). */
export function swedishDate(now: Date = new Date()): string {
  return SWEDISH_DAY.format(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The same day `months` later (earlier when negative); a day the month lacks becomes its last
 * day, as in PostgreSQL (`2026-01-31` + 1 → `2026-02-28`).
 */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
