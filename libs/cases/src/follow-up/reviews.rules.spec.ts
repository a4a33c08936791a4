import { UnprocessableError } from '@app/http';
import { requireReviewable, reviewPeriods } from './reviews.rules';

const problem = (run: () => void) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnprocessableError);
    return ((error as UnprocessableError).extensions.errors as { code: string }[]).map((e) => e.code);
  }
  return [];
};

describe('review rules', () => {
  it('records a review of a day from the plan start up to today', () => {
    expect(problem(() => requireReviewable('2026-10-01', '2026-10-01', '2026-09-01'))).toEqual([]);
    expect(problem(() => requireReviewable('2026-09-01', '2026-10-01', '2026-09-01'))).toEqual([]);
  });

  it('refuses a future day and a day before the plan started', () => {
    expect(problem(() => requireReviewable('2026-10-02', '2026-10-01', '2026-09-01'))).toEqual(['in-future']);
    expect(problem(() => requireReviewable('2026-08-31', '2026-10-01', '2026-09-01'))).toEqual(['before-plan-start']);
  });

  it('compares the weeks before the plan with the weeks up to the review', () => {
    expect(reviewPeriods('2026-09-01', '2026-10-28', 4)).toEqual({
      before: { from: '2026-08-04', to: '2026-08-31' },
      after: { from: '2026-10-01', to: '2026-10-28' },
    });
    expect(reviewPeriods('2026-09-01', '2026-10-28', 1)).toEqual({
      before: { from: '2026-08-25', to: '2026-08-31' },
      after: { from: '2026-10-22', to: '2026-10-28' },
    });
  });

  it('starts the period after no earlier than the plan', () => {
    expect(reviewPeriods('2026-09-01', '2026-09-10', 4).after).toEqual({ from: '2026-09-01', to: '2026-09-10' });
  });
});
