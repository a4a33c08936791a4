/**
 * Reviews (avstämningar) as pure logic: when a review may be recorded and which two periods of
 * attendance it compares.
 */
import { addDays } from '@app/calendar';
import { FieldError, UnprocessableError } from '@app/http';

/** Both measured periods are this many weeks long unless the review says otherwise. */
export const DEFAULT_REVIEW_PERIOD_WEEKS = 4;
/** A review counts as held for a review date when it was recorded at most this many days before it. */
export const REVIEW_EARLY_DAYS = 7;

export interface Period {
  from: string;
  to: string;
}

/**
 * A review is of a day that has come (`in-future` otherwise) and not before the plan started on
 * `started` (`before-plan-start`): 422 with the field error.
 */
export function requireReviewable(reviewedOn: string, today: string, started: string): void {
  const problems: FieldError[] = [];
  if (reviewedOn > today) {
    problems.push({ field: 'reviewedOn', code: 'in-future', message: 'a review cannot be recorded for a future day' });
  } else if (reviewedOn < started) {
    problems.push({
      field: 'reviewedOn',
      code: 'before-plan-start',
      message: `the plan started on ${started}; a review comes after it`,
    });
  }
  if (problems.length) throw new UnprocessableError('The review cannot be recorded.', { errors: problems });
}

/**
 * The two periods a review compares, `weeks` long each: the weeks before the plan started, and the
 * weeks up to the review day, starting no earlier than the plan.
 */
export function reviewPeriods(started: string, reviewedOn: string, weeks: number): { before: Period; after: Period } {
  const afterFrom = addDays(reviewedOn, -7 * weeks + 1);
  return {
    before: { from: addDays(started, -7 * weeks), to: addDays(started, -1) },
    after: { from: afterFrom < started ? started : afterFrom, to: reviewedOn },
  };
}
