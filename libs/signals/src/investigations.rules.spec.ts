import { dateProblems } from './investigations.rules';

const TODAY = '2026-11-20';
const codes = (startedOn: string, informedOn?: string) =>
  dateProblems(startedOn, informedOn, TODAY).map((e) => `${e.field}:${e.code}`);

describe('dateProblems (investigation dates)', () => {
  it('takes a start up to today, and the huvudman informed on or after it', () => {
    expect(codes('2026-11-20')).toEqual([]);
    expect(codes('2026-11-02', '2026-11-02')).toEqual([]);
    expect(codes('2026-11-02', '2026-11-20')).toEqual([]);
  });

  it('refuses impossible days', () => {
    expect(codes('2026-02-30')).toEqual(['startedOn:invalid-date']);
    expect(codes('2026-11-02', '2026-11-31')).toEqual(['huvudmanInformedOn:invalid-date']);
  });

  it('refuses days after today', () => {
    expect(codes('2026-11-21')).toEqual(['startedOn:in-future']);
    expect(codes('2026-11-02', '2026-11-21')).toEqual(['huvudmanInformedOn:in-future']);
  });

  it('refuses the huvudman informed before the investigation started', () => {
    expect(codes('2026-11-10', '2026-11-09')).toEqual(['huvudmanInformedOn:before-start']);
  });

  it('does not compare with a start that is not a real day', () => {
    expect(codes('2026-02-30', '2026-01-01')).toEqual(['startedOn:invalid-date']);
  });
});
