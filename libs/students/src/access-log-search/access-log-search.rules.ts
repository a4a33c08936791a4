import type { AccessLogSearchItem } from './access-log-search.dto';

/** At most this many entries in one CSV export (newest first); narrow the filter for older ones. */
export const CSV_EXPORT_LIMIT = 10_000;

const COLUMNS = [
  'at',
  'userId',
  'userDisplayName',
  'agencyId',
  'agencyName',
  'action',
  'subjectType',
  'subjectIds',
  'outcome',
  'requestId',
] as const;

/** One CSV field: quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The entries as CSV (RFC 4180, CRLF, header row); subject ids joined by a space. */
export function accessLogCsv(items: AccessLogSearchItem[]): string {
  const lines = [COLUMNS.join(',')];
  for (const item of items)
    lines.push(
      COLUMNS.map((column) => {
        const value = item[column];
        return csvField(Array.isArray(value) ? value.join(' ') : (value as string | null));
      }).join(','),
    );
  return lines.join('\r\n') + '\r\n';
}
