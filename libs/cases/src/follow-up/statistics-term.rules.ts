/**
 * The term a statistics request is for, as pure logic shared by the outcome statistics and the
 * results per intervention (@app/interventions): the term asked for (default the current one,
 * Swedish time) and the terms offered to choose from.
 */
import { addDays, TermBounds, termBounds, TermDates, termOf } from '@app/calendar';
import { ValidationError } from '@app/http';

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
