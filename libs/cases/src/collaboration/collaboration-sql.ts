/* SQL pieces and helpers the mobilisation, meeting and mapping services share. */

/**
 * True while a consent of `agency` for the case in `caseColumn` is in force and covers `scope`
 * (as `consentInForce` in the access policy says). `today` is the parameter holding the Swedish date.
 */
export function consentInForceSql(caseColumn: string, agency: string, today: string, scope?: string): string {
  return `EXISTS (SELECT 1 FROM consent k WHERE k.case_id = ${caseColumn} AND k.agency_id = ${agency}
                    AND k.given_at <= ${today}::date AND (k.valid_until IS NULL OR k.valid_until >= ${today}::date)
                    AND (k.withdrawn_at IS NULL OR k.withdrawn_at > now())
                    ${scope ? `AND ${scope} = ANY (k.scope)` : ''})`;
}

/** PostgreSQL's unique violation, raised by the driver (TypeORM wraps it). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === '23505';
}

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();
