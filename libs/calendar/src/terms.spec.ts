import { DEFAULT_TERM_DATES, isTermCode, isValidTermDates, termBounds, termOf } from './terms';

describe('school terms', () => {
  it('bounds HT and VT with the default dates', () => {
    expect(termBounds('2026HT')).toEqual({ term: '2026HT', from: '2026-08-15', to: '2027-01-15' });
    expect(termBounds('2027VT')).toEqual({ term: '2027VT', from: '2027-01-16', to: '2027-08-14' });
  });

  it('handles a leap-year day before the spring start', () => {
    expect(termBounds('2027HT', { autumnStart: '08-20', springStart: '03-01' })?.to).toBe('2028-02-29');
  });

  it('finds the term of a day, at each edge', () => {
    expect(termOf('2027-01-15').term).toBe('2026HT');
    expect(termOf('2027-01-16').term).toBe('2027VT');
    expect(termOf('2027-08-14').term).toBe('2027VT');
    expect(termOf('2027-08-15').term).toBe('2027HT');
    expect(termOf('2026-12-31').term).toBe('2026HT');
  });

  it('follows an organisation’s own dates', () => {
    const dates = { autumnStart: '08-20', springStart: '01-08' };
    expect(termOf('2027-01-10', dates)).toEqual({ term: '2027VT', from: '2027-01-08', to: '2027-08-19' });
    expect(termOf('2027-08-19', dates).term).toBe('2027VT');
  });

  it('rejects what is not a term or not a sensible definition', () => {
    expect(termBounds('2026ht')).toBeNull();
    expect(termBounds('26HT')).toBeNull();
    expect(isTermCode('2026VT')).toBe(true);
    expect(isTermCode('2026XT')).toBe(false);
    expect(isValidTermDates(DEFAULT_TERM_DATES)).toBe(true);
    expect(isValidTermDates({ autumnStart: '02-01', springStart: '01-16' })).toBe(false);
    expect(isValidTermDates({ autumnStart: '08-32', springStart: '01-16' })).toBe(false);
    // Not a day of every year: the term would start on a day that does not exist.
    expect(isValidTermDates({ autumnStart: '08-15', springStart: '02-30' })).toBe(false);
    expect(isValidTermDates({ autumnStart: '08-15', springStart: '02-29' })).toBe(false);
    expect(isValidTermDates({ autumnStart: '08-15', springStart: '02-28' })).toBe(true);
  });
});
