// Dates and numbers as Swedish readers expect them: 2026-11-23, 12,5 %, 1 234.

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});
const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeZone: 'Europe/Stockholm' });

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : numberFormat.format(value);
}

/** `ratio` is 0–1 (0.125) unless `isPercent` says it is already a percentage (12.5). */
export function formatPercent(value: number | null | undefined, isPercent = false): string {
  if (value === null || value === undefined) return '–';
  return `${numberFormat.format(isPercent ? value : value * 100)} %`;
}

/** An ISO date (2026-11-23) or timestamp, shown as a Swedish date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return dateFormat.format(new Date(value));
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : '–';
}

export function formatDays(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${numberFormat.format(value)} dagar`;
}

export function todayIso(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}
