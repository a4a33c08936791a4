import { cleanText, endProblems, followUpDue, isFollowUpMonths, median, startProblems } from './intervention.rules';

describe('intervention rules', () => {
  it('cleans optional text', () => {
    expect(cleanText(undefined)).toBeNull();
    expect(cleanText(null)).toBeNull();
    expect(cleanText('   ')).toBeNull();
    expect(cleanText('  MST ')).toBe('MST');
  });

  it('dates follow-ups from the course’s end, recordable two weeks before', () => {
    expect(followUpDue('2026-01-31', 6)).toEqual({ dueOn: '2026-07-31', recordableFrom: '2026-07-17' });
    // The end of a longer month lands on the last day of a shorter one.
    expect(followUpDue('2025-08-31', 18)).toEqual({ dueOn: '2027-02-28', recordableFrom: '2027-02-14' });
    expect(isFollowUpMonths(6)).toBe(true);
    expect(isFollowUpMonths(12)).toBe(false);
  });

  it('a course starts and ends on days that have come, the end not before the start', () => {
    expect(startProblems('2026-03-02', '2026-03-01')).toEqual([
      { field: 'startedOn', message: 'must not be in the future' },
    ]);
    expect(startProblems('2026-03-01', '2026-03-01')).toEqual([]);
    expect(endProblems('2026-02-28', '2026-03-01', '2026-04-01')[0].field).toBe('endedOn');
    expect(endProblems('2026-04-02', '2026-03-01', '2026-04-01')[0].message).toBe('must not be in the future');
    expect(endProblems('2026-03-01', '2026-03-01', '2026-04-01')).toEqual([]);
  });

  it('medians', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
