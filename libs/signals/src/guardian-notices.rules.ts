import { isIsoDate, swedishDate } from '@app/calendar';
import type { FieldError } from '@app/http';

/** Clocks differ a little: an informedAt up to this far ahead of the server's clock is still "now". */
export const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * A notice's day and time: `date` a real day, not after today (in Sweden); `informedAt` a time,
 * not ahead of `now` (beyond the clock skew), not before the day of the absence.
 */
export function noticeProblems(date: string, informedAt: Date, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(date)) errors.push({ field: 'date', code: 'invalid-date', message: 'date must be a real date' });
  else if (date > swedishDate(now))
    errors.push({ field: 'date', code: 'in-future', message: 'date must not be in the future' });
  if (Number.isNaN(informedAt.getTime())) {
    errors.push({ field: 'informedAt', code: 'invalid-date', message: 'informedAt must be a date-time' });
  } else if (informedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.push({ field: 'informedAt', code: 'in-future', message: 'informedAt must not be in the future' });
  } else if (isIsoDate(date) && swedishDate(informedAt) < date) {
    errors.push({
      field: 'informedAt',
      code: 'before-start',
      message: 'informedAt must not be before the day of the absence',
    });
  }
  return errors;
}
