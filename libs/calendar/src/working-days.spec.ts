import { addDays } from './dates';
import {
  addWorkingDays,
  easterSunday,
  isWorkingDay,
  swedishHolidays,
  workingDaysBetween,
  workingDaysCutoff,
} from './working-days';

describe('Swedish working days', () => {
  it('finds Easter by the computus', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('knows the public holidays and the eves that are days off', () => {
    const h = swedishHolidays(2026);
    for (const day of [
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-06-06',
      '2026-06-19',
      '2026-10-31',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]) {
      expect(h.has(day)).toBe(true);
    }
    expect(h.has('2026-06-18')).toBe(false);
    expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton, a Friday
    expect(isWorkingDay('2026-11-21')).toBe(false); // a Saturday
    expect(isWorkingDay('2026-11-23')).toBe(true);
  });

  it('counts 5 working days past weekends and holidays', () => {
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30'); // Monday → next Monday
    expect(addWorkingDays('2026-12-21', 5)).toBe('2026-12-30'); // over Christmas Eve and Day and the weekend
    expect(addWorkingDays('2026-04-01', 5)).toBe('2026-04-10'); // over Good Friday and Easter Monday
    expect(workingDaysBetween('2026-11-23', '2026-11-30')).toBe(5);
    expect(workingDaysBetween('2026-11-30', '2026-11-23')).toBe(0);
  });

  it('turns "at least n working days since" into one date to compare with', () => {
    // Tuesday 2026-11-24: the 2nd working day back counting today is Monday 23rd.
    expect(workingDaysCutoff('2026-11-24', 2)).toBe('2026-11-23');
    // Saturday 2026-11-28: Friday and Thursday are the two working days up to it.
    expect(workingDaysCutoff('2026-11-28', 2)).toBe('2026-11-26');
    for (const to of ['2026-11-24', '2026-11-28', '2026-12-28', '2026-04-07']) {
      for (const n of [1, 2, 3]) {
        const cutoff = workingDaysCutoff(to, n);
        expect(workingDaysBetween(addDays(cutoff, -1), to)).toBeGreaterThanOrEqual(n);
        expect(workingDaysBetween(cutoff, to)).toBeLessThan(n);
      }
    }
  });
});
