import type { Caller } from '@app/access';
import { DEFAULT_TERM_DATES } from '@app/calendar';
import { ForbiddenError, ValidationError } from '@app/http';
import { CHOOSABLE_TERMS, statisticsSchool, statisticsTerm } from './statistics.rules';

const unknownTerm = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([
      expect.objectContaining({ field: 'term', code: 'unknown-term' }),
    ]);
    return;
  }
  throw new Error('expected a 400 unknown-term');
};

describe('statisticsTerm', () => {
  const dates = DEFAULT_TERM_DATES;

  it('defaults to the current term and offers it and the three before it, newest first', () => {
    const { period, terms } = statisticsTerm(undefined, '2026-10-01', dates);
    expect(period).toEqual({ term: '2026HT', from: '2026-08-15', to: '2027-01-15' });
    expect(terms.map((t) => t.term)).toEqual(['2026HT', '2026VT', '2025HT', '2025VT']);
    expect(terms).toHaveLength(CHOOSABLE_TERMS);
  });

  it('answers a term that has begun, the current one included, with the organisation’s dates', () => {
    expect(statisticsTerm('2024VT', '2026-10-01', dates).period).toEqual({
      term: '2024VT',
      from: '2024-01-16',
      to: '2024-08-14',
    });
    expect(statisticsTerm('2026HT', '2026-08-15', dates).period.from).toBe('2026-08-15');
    const own = { autumnStart: '08-20', springStart: '01-10' };
    expect(statisticsTerm('2026HT', '2026-10-01', own).period).toEqual({
      term: '2026HT',
      from: '2026-08-20',
      to: '2027-01-09',
    });
    expect(statisticsTerm(undefined, '2027-01-09', own).period.term).toBe('2026HT');
  });

  it('refuses a term not yet begun, of a later year, or before 2000', () => {
    unknownTerm(() => statisticsTerm('2026HT', '2026-08-14', dates));
    unknownTerm(() => statisticsTerm('2027VT', '2026-10-01', dates));
    unknownTerm(() => statisticsTerm('9999HT', '2026-10-01', dates));
    unknownTerm(() => statisticsTerm('1999HT', '2026-10-01', dates));
    expect(statisticsTerm('2000VT', '2026-10-01', dates).period.term).toBe('2000VT');
  });

  it('names the current term in the message', () => {
    expect(() => statisticsTerm('2030VT', '2026-10-01', dates)).toThrow(ValidationError);
    try {
      statisticsTerm('2030VT', '2026-10-01', dates);
    } catch (error) {
      expect((error as ValidationError).errors[0].message).toContain('2026HT');
    }
  });
});

describe('statisticsSchool', () => {
  type Who = Pick<Caller, 'roles' | 'agencyType' | 'agencyId'>;
  const school: Who = { roles: ['principal'], agencyType: 'school', agencyId: 'school-a' };
  const admin: Who = { roles: ['admin'], agencyType: 'school', agencyId: 'school-a' };

  it('lets an admin choose any school of the organisation, or none (the whole organisation)', () => {
    expect(statisticsSchool(admin, undefined)).toBeNull();
    expect(statisticsSchool(admin, 'school-b')).toBe('school-b');
  });

  it('gives a school’s staff their own school, by default too', () => {
    expect(statisticsSchool(school, undefined)).toBe('school-a');
    expect(statisticsSchool(school, 'school-a')).toBe('school-a');
    expect(statisticsSchool({ ...school, roles: ['elevhalsa'] }, undefined)).toBe('school-a');
  });

  it('refuses another school, and a caller of an agency that is not a school', () => {
    expect(() => statisticsSchool(school, 'school-b')).toThrow(ForbiddenError);
    expect(() =>
      statisticsSchool({ roles: ['principal'], agencyType: 'social_services', agencyId: 'x' }, undefined),
    ).toThrow(ForbiddenError);
  });
});
