/**
 * What a statistics request is for, as pure logic shared by the outcome statistics and the
 * results per intervention (@app/interventions): the term asked for (default the current one,
 * Swedish time), the terms offered to choose from, and whose figures the caller may see.
 */
import { Caller } from '@app/access';
import { addDays, TermBounds, termBounds, TermDates, termOf } from '@app/calendar';
import { ForbiddenError, ValidationError } from '@app/http';

/** How many terms the chooser offers: the current one and those before it. */
export const CHOOSABLE_TERMS = 4;
/** Terms before this year are unknown (400): nothing was recorded then. */
export const FIRST_STATISTICS_YEAR = 2000;

export interface StatisticsTerm {
  /** The term the figures are for. */
  period: TermBounds;
  /** The current term and the CHOOSABLE_TERMS − 1 before it, newest first. */
  terms: TermBounds[];
}

/**
 * The term `term` (e.g. `2026HT`; undefined: the current one) under the organisation's term
 * dates, on the Swedish day `today`. A term before FIRST_STATISTICS_YEAR, after this year or not
 * yet begun is a 400 `unknown-term` at the field `term`. The code's form is the DTO's check.
 */
export function statisticsTerm(term: string | undefined, today: string, dates: TermDates): StatisticsTerm {
  const current = termOf(today, dates);
  // The year is checked first: termBounds cannot date a term past year 9998.
  const year = Number(term?.slice(0, 4));
  const known = term === undefined || (year >= FIRST_STATISTICS_YEAR && year <= Number(today.slice(0, 4)));
  const period = term === undefined ? current : known ? termBounds(term, dates) : null;
  if (!period || period.from > today) {
    throw new ValidationError([
      { field: 'term', code: 'unknown-term', message: `term must be a term that has begun, such as ${current.term}` },
    ]);
  }
  const terms = [current];
  while (terms.length < CHOOSABLE_TERMS) terms.push(termOf(addDays(terms[terms.length - 1].from, -1), dates));
  return { period, terms };
}

/**
 * Whose statistics (null: the whole organisation). Admins choose a school of their own
 * organisation or none; principals and elevhälsa see their own school, the default. Another
 * school of the same organisation is not theirs to see (403). `schoolId`, when given, is already
 * known to be a school of the caller's organisation (404 otherwise, a database check).
 */
export function statisticsSchool(
  caller: Pick<Caller, 'roles' | 'agencyType' | 'agencyId'>,
  schoolId: string | undefined,
): string | null {
  if (caller.roles.includes('admin')) return schoolId ?? null;
  const ownSchool = caller.agencyType === 'school' ? caller.agencyId : null;
  if (!ownSchool || (schoolId && schoolId !== ownSchool)) {
    throw new ForbiddenError('You see the statistics of your own school only.');
  }
  return ownSchool;
}
