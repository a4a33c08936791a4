/*
 * Left only for libs/cases/src/plan/plan.service.ts, which another change is rewriting: the
 * collaboration services no longer use it. Delete this file once plan.service.ts takes
 * `consentInForceSql` from @app/access (scope as its fifth argument, after `'now()'`) and maps
 * its timestamps itself.
 */

import { consentInForceSql as consentSql } from '@app/access';

/** @deprecated Use `consentInForceSql(caseColumn, agency, today, 'now()', scope)` from @app/access. */
export function consentInForceSql(caseColumn: string, agency: string, today: string, scope?: string): string {
  return consentSql(caseColumn, agency, today, 'now()', scope);
}

/** @deprecated Map timestamps where the row is read (`Date#toISOString()`). */
export const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();
