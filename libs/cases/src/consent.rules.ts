import { addMonths } from '@app/calendar';
import type { FieldError } from '@app/http';

/** The consent's last valid day: as given, or the default validity counted from the day it was given. */
export function consentValidUntil(givenAt: string, validUntil: string | undefined, defaultMonths: number): string {
  return validUntil ?? addMonths(givenAt, defaultMonths);
}

/**
 * Why a consent given on `givenAt` and valid through `validUntil` cannot be recorded on `today`
 * (all dates YYYY-MM-DD): not given yet, ending before it starts, or valid longer than `maxMonths`.
 */
export function consentValidityProblems(
  givenAt: string,
  validUntil: string,
  today: string,
  maxMonths: number,
): FieldError[] {
  const problems: FieldError[] = [];
  if (givenAt > today) {
    problems.push({ field: 'givenAt', code: 'in-future', message: 'consent cannot be given in the future' });
  }
  const longest = addMonths(givenAt, maxMonths);
  if (validUntil < givenAt) {
    problems.push({ field: 'validUntil', code: 'before-start', message: 'must not be before givenAt' });
  } else if (validUntil > longest) {
    problems.push({
      field: 'validUntil',
      code: 'too-long-validity',
      message: `must be at most ${maxMonths} months after givenAt (${longest})`,
    });
  }
  return problems;
}

/** Whom a consent may let in: an existing agency, and not the case's own school (it needs none). */
export function consentAgencyProblems(agencyExists: boolean, agencyId: string, schoolId: string): FieldError[] {
  if (!agencyExists) return [{ field: 'agencyId', code: 'unknown', message: 'unknown agency' }];
  if (agencyId === schoolId) {
    return [{ field: 'agencyId', code: 'own-school', message: 'the school needs no consent for its own case' }];
  }
  return [];
}
