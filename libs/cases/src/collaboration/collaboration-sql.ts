/* SQL pieces and helpers the mobilisation, meeting and mapping services share. */

import { consentInForceSql as consentSql } from '@app/access';

/**
 * True while a consent of `agency` for the case in `caseColumn` is in force and covers `scope`
 * (as `consentInForce` in the access policy says). `today` is the parameter holding the Swedish date.
 */
export function consentInForceSql(caseColumn: string, agency: string, today: string, scope?: string): string {
  return consentSql(caseColumn, agency, today, 'now()', scope);
}

/** PostgreSQL's unique violation, raised by the driver (TypeORM wraps it). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === '23505';
}

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();
