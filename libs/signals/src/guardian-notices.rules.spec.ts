import { CLOCK_SKEW_MS, noticeProblems } from './guardian-notices.rules';

// 2026-11-20 10:00 in Sweden (UTC+1).
const NOW = new Date('2026-11-20T09:00:00Z');
const codes = (date: string, informedAt: Date) =>
  noticeProblems(date, informedAt, NOW).map((e) => `${e.field}:${e.code}`);

describe('noticeProblems (guardian notice day and time)', () => {
  it('takes today or an earlier day, informed on that day or later, up to now', () => {
    expect(codes('2026-11-20', NOW)).toEqual([]);
    expect(codes('2026-11-18', new Date('2026-11-19T07:00:00Z'))).toEqual([]);
  });

  it('refuses an impossible or future day', () => {
    expect(codes('2026-02-30', NOW)).toEqual(['date:invalid-date']);
    expect(codes('2026-11-21', new Date('2026-11-21T09:00:00Z'))).toContain('date:in-future');
    // Informed now of a day still to come: also before the day.
    expect(codes('2026-11-21', NOW)).toEqual(['date:in-future', 'informedAt:before-start']);
  });

  it('refuses a time that is not one, or ahead of the clock beyond the skew', () => {
    expect(codes('2026-11-20', new Date('nonsense'))).toEqual(['informedAt:invalid-date']);
    expect(codes('2026-11-20', new Date(NOW.getTime() + CLOCK_SKEW_MS))).toEqual([]);
    expect(codes('2026-11-20', new Date(NOW.getTime() + CLOCK_SKEW_MS + 1000))).toEqual(['informedAt:in-future']);
  });

  it('refuses being informed before the day of the absence (in Swedish time)', () => {
    // 23:30 UTC on the 18th is already the 19th in Sweden.
    expect(codes('2026-11-19', new Date('2026-11-18T23:30:00Z'))).toEqual([]);
    expect(codes('2026-11-19', new Date('2026-11-18T22:30:00Z'))).toEqual(['informedAt:before-start']);
  });
});
