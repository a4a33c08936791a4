/**
 * School terms (terminer), named as schools name them: `2026HT` (autumn) and `2027VT` (spring).
 * One definition for everything that names a term: statistics periods, the default start of an
 * SS 12000 sync, intervention results. An organisation may move the first day of each term.
 */

import { isIsoDate } from './dates';

/** First day of each term as MM-DD; the other term ends the day before. */
export interface TermDates {
  autumnStart: string;
  springStart: string;
}

/** HT 15 Aug–15 Jan, VT 16 Jan–14 Aug. */
export const DEFAULT_TERM_DATES: TermDates = { autumnStart: '08-15', springStart: '01-16' };

export const TERM_CODE = /^(\d{4})(HT|VT)$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface TermBounds {
  term: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

/**
 * True when both days are MM-DD days of every year (so not 02-29 or 02-30) and spring starts
 * in January–March, autumn in July–September.
 */
export function isValidTermDates(dates: TermDates): boolean {
  return (
    MONTH_DAY.test(dates.autumnStart) &&
    MONTH_DAY.test(dates.springStart) &&
    isIsoDate(`2023-${dates.autumnStart}`) &&
    isIsoDate(`2023-${dates.springStart}`) &&
    dates.springStart >= '01-01' &&
    dates.springStart <= '03-31' &&
    dates.autumnStart >= '07-01' &&
    dates.autumnStart <= '09-30'
  );
}

export function isTermCode(value: string): boolean {
  return TERM_CODE.test(value);
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The first and last day of a term such as `2026HT`, or null when the code is not a term. */
export function termBounds(term: string, dates: TermDates = DEFAULT_TERM_DATES): TermBounds | null {
  const match = TERM_CODE.exec(term);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === 'HT') {
    return { term, from: `${year}-${dates.autumnStart}`, to: dayBefore(`${year + 1}-${dates.springStart}`) };
  }
  return { term, from: `${year}-${dates.springStart}`, to: dayBefore(`${year}-${dates.autumnStart}`) };
}

/** The term a day (YYYY-MM-DD) belongs to. */
export function termOf(isoDate: string, dates: TermDates = DEFAULT_TERM_DATES): TermBounds {
  const year = Number(isoDate.slice(0, 4));
  const monthDay = isoDate.slice(5);
  const term =
    monthDay < dates.springStart ? `${year - 1}HT` : monthDay < dates.autumnStart ? `${year}VT` : `${year}HT`;
  return termBounds(term, dates)!;
}
