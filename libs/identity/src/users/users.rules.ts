import { AgencyType, CASE_READING_ROLES, OVERSIGHT_ROLES, Role } from '@app/access';
import { FieldError } from '@app/http';

/** What an administrator may grant: pure checks of roles, no database. */

const SCHOOL_ROLES: Role[] = ['school_staff', 'principal', 'elevhalsa'];

/** A refusal of the roles asked for: the problem's title and its one field error. */
export interface RolesRefusal {
  detail: string;
  error: FieldError;
}

/** Roles must fit the agency: school roles at schools, case work at the other agencies. */
export function rolesMisfit(roles: readonly Role[], agencyType: AgencyType): RolesRefusal | null {
  const misfit = roles.filter((role) =>
    agencyType === 'school' ? role === 'agency_worker' : SCHOOL_ROLES.includes(role),
  );
  if (!misfit.length) return null;
  return {
    detail: `The roles ${misfit.join(', ')} do not fit an agency of type ${agencyType}.`,
    error: {
      field: 'roles',
      code: 'role-not-allowed',
      message: `${misfit.join(', ')} cannot be given at a ${agencyType} agency`,
    },
  };
}

/**
 * Rule 4 against the administrator itself: an account that manages accounts or reads the access
 * log never also reads pupils or cases (the database has the same check).
 */
export function rolesCombinationRefused(roles: readonly Role[]): RolesRefusal | null {
  const oversight = roles.filter((role) => OVERSIGHT_ROLES.includes(role));
  const reading = roles.filter((role) => CASE_READING_ROLES.includes(role));
  if (!oversight.length || !reading.length) return null;
  const message = `${oversight.join(', ')} cannot be combined with ${reading.join(', ')}`;
  return {
    detail: `${message}: administrators and auditors never read pupils' or cases' data; give those roles to another account.`,
    error: { field: 'roles', code: 'role-combination', message },
  };
}

export const sortedRoles = (roles: readonly Role[]): Role[] => [...roles].sort();
export const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean =>
  sortedRoles(a).join() === sortedRoles(b).join();
/** The roles that read pupils or cases. */
export const caseReading = (roles: readonly Role[]): Role[] =>
  roles.filter((role) => CASE_READING_ROLES.includes(role));
/** The roles an account holds in effect: a deactivated account holds none. */
export const rolesInEffect = (user: { roles: Role[]; active: boolean }): Role[] => (user.active ? user.roles : []);

/** Nobody widens (or narrows) their own access: another administrator must do it. */
export const changesOwnRoles = (callerId: string, userId: string, current: readonly Role[], next: readonly Role[]) =>
  callerId === userId && !sameRoles(next, current);

/**
 * A change of roles the school's principal hears of: at a school, when the roles that read pupils
 * or cases change.
 */
export const schoolAccessChanged = (agencyType: AgencyType, before: readonly Role[], after: readonly Role[]) =>
  agencyType === 'school' && !sameRoles(caseReading(before), caseReading(after));
