import { changedTermDates, termDatesProblems } from './organisation.rules';

describe('organisation term dates', () => {
  it('accepts HT in July–September and VT in January–March', () => {
    expect(termDatesProblems({ autumnStart: '08-20' })).toEqual([]);
    expect(termDatesProblems({ springStart: '01-09', autumnStart: '07-01' })).toEqual([]);
    expect(termDatesProblems({})).toEqual([]);
  });

  it('names the field at fault', () => {
    expect(termDatesProblems({ autumnStart: '10-01' }).map((e) => [e.field, e.code])).toEqual([
      ['autumnStart', 'out-of-range'],
    ]);
    expect(termDatesProblems({ springStart: '02-29', autumnStart: '08-15' }).map((e) => e.field)).toEqual([
      'springStart',
    ]);
    expect(termDatesProblems({ autumnStart: '13-01', springStart: '06-01' }).map((e) => e.field)).toEqual([
      'autumnStart',
      'springStart',
    ]);
  });

  it('keeps the day a change leaves out, also when it is there as undefined', () => {
    const current = { autumnStart: '08-15', springStart: '01-16' };
    expect(changedTermDates(current, { autumnStart: '08-20', springStart: undefined })).toEqual({
      autumnStart: '08-20',
      springStart: '01-16',
    });
    expect(changedTermDates(current, { springStart: '01-09' })).toEqual({ autumnStart: '08-15', springStart: '01-09' });
  });
});
