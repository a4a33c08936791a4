import { consentAgencyProblems, consentValidityProblems, consentValidUntil } from './consent.rules';

const codes = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('consent validity', () => {
  it('ends after the default validity unless a last day is given', () => {
    expect(consentValidUntil('2026-01-31', undefined, 12)).toBe('2027-01-31');
    expect(consentValidUntil('2026-01-31', undefined, 1)).toBe('2026-02-28');
    expect(consentValidUntil('2026-01-31', '2026-03-01', 12)).toBe('2026-03-01');
  });

  it('accepts a consent given today or earlier that ends within the maximum', () => {
    expect(consentValidityProblems('2026-05-04', '2026-05-04', '2026-05-04', 24)).toEqual([]);
    expect(consentValidityProblems('2026-01-01', '2028-01-01', '2026-05-04', 24)).toEqual([]);
  });

  it('refuses a consent given in the future', () => {
    expect(codes(consentValidityProblems('2026-05-05', '2026-06-01', '2026-05-04', 24))).toEqual(['givenAt:in-future']);
  });

  it('refuses a last day before the first, and a validity past the maximum', () => {
    expect(codes(consentValidityProblems('2026-05-04', '2026-05-03', '2026-05-04', 24))).toEqual([
      'validUntil:before-start',
    ]);
    const tooLong = consentValidityProblems('2026-01-01', '2028-01-02', '2026-05-04', 24);
    expect(codes(tooLong)).toEqual(['validUntil:too-long-validity']);
    expect(tooLong[0].message).toContain('2028-01-01');
  });

  it('reports every problem at once', () => {
    expect(codes(consentValidityProblems('2026-06-01', '2026-05-01', '2026-05-04', 24))).toEqual([
      'givenAt:in-future',
      'validUntil:before-start',
    ]);
  });
});

describe('consent agency', () => {
  it('must exist and not be the case’s own school', () => {
    expect(codes(consentAgencyProblems(false, 'a', 's'))).toEqual(['agencyId:unknown']);
    expect(codes(consentAgencyProblems(true, 's', 's'))).toEqual(['agencyId:own-school']);
    expect(consentAgencyProblems(true, 'a', 's')).toEqual([]);
  });
});
