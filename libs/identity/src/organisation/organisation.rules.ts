import { DEFAULT_TERM_DATES, isValidTermDates, TermDates } from '@app/calendar';
import { FieldError } from '@app/http';

/**
 * What is wrong with a change of the term dates. Each day is checked against the defaults for
 * the other, so the error names the field at fault.
 */
export function termDatesProblems(change: Partial<TermDates>): FieldError[] {
  const errors: FieldError[] = [];
  if (
    change.autumnStart !== undefined &&
    !isValidTermDates({ ...DEFAULT_TERM_DATES, autumnStart: change.autumnStart })
  ) {
    errors.push({
      field: 'autumnStart',
      code: 'out-of-range',
      message: 'autumnStart must be a day in July–September (MM-DD)',
    });
  }
  if (
    change.springStart !== undefined &&
    !isValidTermDates({ ...DEFAULT_TERM_DATES, springStart: change.springStart })
  ) {
    errors.push({
      field: 'springStart',
      code: 'out-of-range',
      message: 'springStart must be a day in January–March (MM-DD), not 02-29',
    });
  }
  return errors;
}

/** The dates after the change: what it leaves out stays as it is. */
export function changedTermDates(current: TermDates, change: Partial<TermDates>): TermDates {
  // Not a spread: the change may carry the field it left out as undefined.
  return {
    autumnStart: change.autumnStart ?? current.autumnStart,
    springStart: change.springStart ?? current.springStart,
  };
}
