import { swedishDate } from '@app/calendar';
import type { Caller } from './caller';
import type { Role } from './permissions';

/**
 * PRODUCT.md's access rules as pure decisions. Each module loads the facts of an object
 * (which school, which organisation, which agencies are mobilised, which consents exist) and
 * asks here; list queries take their WHERE clause from `scopeCondition`. Nothing else in the
 * code base decides who sees what.
 */

export type Action = 'read' | 'write';

/** A consent as the policy needs it (the consent object itself lives with cases). */
export interface ConsentFacts {
  agencyId: string;
  /** What the consent covers: `case_summary`, `attendance`, `health_notes`, `mapping`, `plan`. */
  scope: string[];
  /** The day it was given (YYYY-MM-DD, a Swedish date). */
  givenAt: string;
  /** The last day it is valid (inclusive), or null for no end. */
  validUntil: string | null;
  withdrawnAt: Date | null;
}

export const CONSENT_SCOPES = ['case_summary', 'attendance', 'health_notes', 'mapping', 'plan'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** A case as the policy needs it (rules 2–4). */
export interface CaseSubjectFacts {
  type: 'case';
  schoolId: string;
  /** Agencies invited into the case whose invitation is not declined or withdrawn. */
  mobilisedAgencyIds: string[];
  consents: ConsentFacts[];
  /** A closed case is history: outside agencies no longer see it (only follow-ups that name them). */
  closed: boolean;
  /** Agencies a recorded follow-up of the case names (by their type) for new interventions. */
  followUpAgencyIds: string[];
}

export type SubjectFacts =
  | { type: 'organisation-member'; organisationId: string }
  | { type: 'student'; schoolId: string }
  /** A school's own record about a pupil (a flag, an investigation): the school's roles named may act. */
  | { type: 'school-record'; schoolId: string; roles: readonly Role[] }
  | CaseSubjectFacts
  /** The follow-ups of a case: after closure, open to an outside agency only if one names it. */
  | { type: 'case-follow-ups'; case: CaseSubjectFacts };

/** allow; deny and pretend it doesn't exist (404); deny and say so (403). */
export type Decision = 'allow' | 'hidden' | 'forbidden';

const SCHOOL_ROLES: Role[] = ['school_staff', 'principal', 'elevhalsa'];
const CASE_ROLES_AT_SCHOOL: Role[] = ['principal', 'elevhalsa'];

const hasAny = (caller: Caller, roles: Role[]) => caller.roles.some((role) => roles.includes(role));

/** Consent is in force from the day it is given through its last valid day, until withdrawn. */
export function consentInForce(consent: ConsentFacts, now: Date): boolean {
  const today = swedishDate(now);
  if (consent.givenAt > today) return false;
  if (consent.withdrawnAt && consent.withdrawnAt <= now) return false;
  if (consent.validUntil && consent.validUntil < today) return false;
  return true;
}

/**
 * What of a case the caller may see: everything for the school's elevhälsa and principal; for an
 * outside agency, the union of the scopes of its consents in force (consent may be partial).
 * Call only after `decide` allowed the read.
 */
export function caseScopes(caller: Caller, subject: CaseSubjectFacts, now = new Date()): Set<ConsentScope> {
  if (caller.agencyType === 'school' && caller.agencyId === subject.schoolId) return new Set(CONSENT_SCOPES);
  return new Set(
    subject.consents
      .filter((c) => c.agencyId === caller.agencyId && consentInForce(c, now))
      .flatMap((c) => c.scope as ConsentScope[]),
  );
}

export function decide(caller: Caller, action: Action, subject: SubjectFacts, now = new Date()): Decision {
  switch (subject.type) {
    case 'organisation-member':
      // Admins manage their own organisation only; another organisation's objects don't exist for them.
      return caller.organisationId === subject.organisationId && caller.roles.includes('admin') ? 'allow' : 'hidden';
    case 'student':
      // Rule 1: school staff see pupils of their own school only.
      return caller.agencyType === 'school' && caller.agencyId === subject.schoolId && hasAny(caller, SCHOOL_ROLES)
        ? 'allow'
        : 'hidden';
    case 'school-record': {
      if (caller.agencyType !== 'school' || caller.agencyId !== subject.schoolId) return 'hidden';
      if (hasAny(caller, [...subject.roles])) return 'allow';
      // Staff of the school may know the record exists (they see the pupil) but not act on it.
      return hasAny(caller, SCHOOL_ROLES) ? 'forbidden' : 'hidden';
    }
    case 'case': {
      if (caller.agencyType === 'school' && caller.agencyId === subject.schoolId) {
        if (hasAny(caller, CASE_ROLES_AT_SCHOOL)) return 'allow';
        // A mentor knows the school's pupils but not the content of their cases.
        return hasAny(caller, SCHOOL_ROLES) ? 'forbidden' : 'hidden';
      }
      // Rule 2: an outside agency sees a case only while mobilised AND consent for it is in force,
      // and only while the case is open: closing it ends every outside agency's access.
      if (subject.closed || !outsideAgencyIn(caller, subject, now)) return 'hidden';
      // Rule 3: an agency writes only its own contributions, which are subjects of their own.
      return action === 'read' ? 'allow' : 'forbidden';
    }
    case 'case-follow-ups': {
      const kase = subject.case;
      if (!kase.closed || (caller.agencyType === 'school' && caller.agencyId === kase.schoolId)) {
        return decide(caller, action, kase, now);
      }
      // After closure: only an agency a recorded follow-up names, still mobilised and with consent in force.
      if (action !== 'read' || !kase.followUpAgencyIds.includes(caller.agencyId)) return 'hidden';
      return outsideAgencyIn(caller, kase, now) ? 'allow' : 'hidden';
    }
  }
}

/** An agency worker whose agency is mobilised into the case and holds a consent in force for it. */
function outsideAgencyIn(caller: Caller, kase: CaseSubjectFacts, now: Date): boolean {
  return (
    caller.roles.includes('agency_worker') &&
    kase.mobilisedAgencyIds.includes(caller.agencyId) &&
    kase.consents.some((c) => c.agencyId === caller.agencyId && consentInForce(c, now))
  );
}

/**
 * The SQL form of `consentInForce`, and the only one: every query that asks whether a consent is
 * in force (the case scope below, the case list, invitations, plans, notifications) builds it
 * here. True when a consent of the agency in `agency` for the case in `caseColumn` is in force on
 * the Swedish date `today` at the moment `now` (SQL expressions or parameters), optionally
 * covering the scope in `scope` (an SQL expression such as `'case_summary'`).
 */
export function consentInForceSql(
  caseColumn: string,
  agency: string,
  today: string,
  now = 'now()',
  scope?: string,
): string {
  return `EXISTS (SELECT 1 FROM consent k WHERE k.case_id = ${caseColumn} AND k.agency_id = ${agency}
                    AND k.given_at <= ${today}::date AND (k.valid_until IS NULL OR k.valid_until >= ${today}::date)
                    AND (k.withdrawn_at IS NULL OR k.withdrawn_at > ${now})
                    ${scope ? `AND ${scope} = ANY (k.scope)` : ''})`;
}

/** A WHERE fragment and its parameters, numbered from `firstParam`. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The list-query form of `decide`, so lists, counts and searches never include what the caller
 * may not see. `column` names the column the rule is about (e.g. `s.school_id`).
 */
export function scopeCondition(
  caller: Caller,
  subject: 'student' | 'organisation-member' | 'case',
  column: string,
  firstParam = 1,
): SqlCondition {
  switch (subject) {
    case 'case': {
      // `column` is the case id column; the case row must be aliased so that `<alias>.school_id` exists.
      const alias = column.split('.')[0];
      if (caller.agencyType === 'school' && hasAny(caller, CASE_ROLES_AT_SCHOOL)) {
        return { sql: `${alias}.school_id = $${firstParam}`, params: [caller.agencyId] };
      }
      if (!caller.roles.includes('agency_worker')) return { sql: 'false', params: [] };
      // The SQL form of rule 2, as `decide` and `consentInForce` state it: open cases only.
      const agency = `$${firstParam}`;
      return {
        sql: `(${alias}.status <> 'closed'
               AND EXISTS (SELECT 1 FROM mobilisation m WHERE m.case_id = ${column} AND m.agency_id = ${agency} AND m.status <> 'declined')
               AND ${consentInForceSql(column, agency, `$${firstParam + 1}`)})`,
        params: [caller.agencyId, swedishDate()],
      };
    }
    case 'student':
      return caller.agencyType === 'school' && hasAny(caller, SCHOOL_ROLES)
        ? { sql: `${column} = $${firstParam}`, params: [caller.agencyId] }
        : { sql: 'false', params: [] };
    case 'organisation-member':
      return caller.roles.includes('admin')
        ? { sql: `${column} = $${firstParam}`, params: [caller.organisationId] }
        : { sql: 'false', params: [] };
  }
}
