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

/** Whole days (lead times are rounded), in Swedish number: 1 dag, 2 dagar. */
export function formatDays(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return formatCount(Math.round(value) || 0, 'dag', 'dagar');
}

/** An ISO week (`2026-W45`) as Swedes write it: `v. 45`. The one week format of every screen. */
export function formatWeek(isoWeek: string | null | undefined): string {
  if (!isoWeek) return '–';
  const match = /^\d{4}-?W(\d{1,2})$/.exec(isoWeek);
  return match ? `v. ${Number(match[1])}` : isoWeek;
}

/** A count with its Swedish noun in the right number: `1 ärende`, `2 ärenden`, `1 234 elever`. */
export function formatCount(value: number, one: string, many: string): string {
  return `${numberFormat.format(value)} ${Math.abs(value) === 1 ? one : many}`;
}

export function todayIso(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

const stockholmParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Europe/Stockholm is ahead of UTC at the instant `ms` (60 or 120). */
function stockholmOffsetMinutes(ms: number): number {
  const p = Object.fromEntries(stockholmParts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock time typed in a `datetime-local` input (`2026-11-23T09:30`) read as Swedish time,
 * whatever the browser's time zone, sent with its offset: `2026-11-23T09:30:00+01:00`. Null when
 * it is not such a time.
 */
export function stockholmDateTime(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The offset at the instant the wall time names (checked once more across a DST change).
  let offset = stockholmOffsetMinutes(wall - 60 * 60_000);
  offset = stockholmOffsetMinutes(wall - offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${hh}:${mm}`;
}
