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
  givenAt: Date;
  validUntil: Date | null;
  withdrawnAt: Date | null;
}

export type SubjectFacts =
  | { type: 'organisation-member'; organisationId: string }
  | { type: 'student'; schoolId: string }
  /** A school's own record about a pupil (a flag, an investigation): the school's roles named may act. */
  | { type: 'school-record'; schoolId: string; roles: readonly Role[] }
  | {
      type: 'case';
      schoolId: string;
      /** Agencies invited into the case whose invitation is not declined or withdrawn. */
      mobilisedAgencyIds: string[];
      consents: ConsentFacts[];
    };

/** allow; deny and pretend it doesn't exist (404); deny and say so (403). */
export type Decision = 'allow' | 'hidden' | 'forbidden';

const SCHOOL_ROLES: Role[] = ['school_staff', 'principal', 'elevhalsa'];
const CASE_ROLES_AT_SCHOOL: Role[] = ['principal', 'elevhalsa'];

const hasAny = (caller: Caller, roles: Role[]) => caller.roles.some((role) => roles.includes(role));

/** Consent is in force from the day it is given until it expires or is withdrawn. */
export function consentInForce(consent: ConsentFacts, now: Date): boolean {
  if (consent.givenAt > now) return false;
  if (consent.withdrawnAt && consent.withdrawnAt <= now) return false;
  if (consent.validUntil && consent.validUntil < now) return false;
  return true;
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
      // Rule 2: an outside agency sees a case only while mobilised AND consent for it is in force.
      const mobilised = subject.mobilisedAgencyIds.includes(caller.agencyId);
      const consented = subject.consents.some((c) => c.agencyId === caller.agencyId && consentInForce(c, now));
      if (!(caller.roles.includes('agency_worker') && mobilised && consented)) return 'hidden';
      // Rule 3: an agency writes only its own contributions, which are subjects of their own.
      return action === 'read' ? 'allow' : 'forbidden';
    }
  }
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
  subject: 'student' | 'organisation-member',
  column: string,
  firstParam = 1,
): SqlCondition {
  switch (subject) {
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
