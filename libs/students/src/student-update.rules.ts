import type { Role } from '@app/access';

/** A guardian as a pupil's history records it (no id: ids are the register's, not the family's). */
export interface GuardianValue {
  name: string;
  relation: string;
  phone: string | null;
  email: string | null;
}

export interface StoredGuardian extends GuardianValue {
  id: string;
}

/** A guardian in a change: an existing one by `id`, or a new one. Absent contact fields keep what is stored. */
export interface GuardianPatch {
  id?: string;
  name: string;
  relation: string;
  phone?: string | null;
  email?: string | null;
}

/** One field's change, as `student_change` keeps it. */
export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** Who may change which field of a pupil (PATCH /students/:id): everyone at the school, or the school's coordinators. */
export const FIELDS_FOR_SCHOOL_STAFF = ['className', 'grade'] as const;
export const FIELDS_FOR_COORDINATORS = ['guardians', 'protectedIdentity', 'externalId'] as const;
const COORDINATOR_ROLES: readonly Role[] = ['principal', 'elevhalsa'];

/** The fields of a change the caller's roles do not allow (empty: all allowed). */
export function fieldsNotAllowed(roles: readonly Role[], fields: readonly string[]): string[] {
  const coordinator = roles.some((r) => COORDINATOR_ROLES.includes(r));
  return fields.filter((f) => {
    if ((FIELDS_FOR_SCHOOL_STAFF as readonly string[]).includes(f)) return false;
    if ((FIELDS_FOR_COORDINATORS as readonly string[]).includes(f)) return !coordinator;
    return true;
  });
}

/** Whether a caller sees guardians' contact details: always, except under protected identity (then the school's coordinators only). */
export function seesGuardianContacts(
  caller: { agencyId: string; roles: readonly Role[] },
  pupil: { schoolId: string; protectedIdentity: boolean },
): boolean {
  if (!pupil.protectedIdentity) return true;
  return caller.agencyId === pupil.schoolId && caller.roles.some((r) => COORDINATOR_ROLES.includes(r));
}

/**
 * The guardians after a change. Listed guardians with an `id` are updated (an unknown id is an
 * error at its index), those without are added, the rest removed. A contact detail left out is kept;
 * one sent as null is cleared only by a caller who sees it: nobody wipes what they cannot see.
 */
export function mergeGuardians(
  current: readonly StoredGuardian[],
  input: readonly GuardianPatch[],
  seesContacts: boolean,
): { guardians: (GuardianValue & { id?: string })[]; unknownIds: number[] } {
  const byId = new Map(current.map((g) => [g.id, g]));
  const unknownIds: number[] = [];
  const guardians = input.map((g, index) => {
    const stored = g.id === undefined ? undefined : byId.get(g.id);
    if (g.id !== undefined && !stored) unknownIds.push(index);
    const contact = (field: 'phone' | 'email'): string | null => {
      const sent = g[field];
      if (sent === undefined) return stored?.[field] ?? null;
      if (sent === null) return seesContacts ? null : (stored?.[field] ?? null);
      return sent.trim();
    };
    return {
      ...(stored ? { id: stored.id } : {}),
      name: g.name.trim(),
      relation: g.relation.trim(),
      phone: contact('phone'),
      email: contact('email'),
    };
  });
  return { guardians, unknownIds };
}

/** Guardians as history compares and keeps them: no ids, in order. */
export const guardianValues = (guardians: readonly GuardianValue[]): GuardianValue[] =>
  guardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone ?? null, email: g.email ?? null }));

/**
 * The changes from `current` to `next`: one per field whose value differs (deep, as JSON). Fields
 * `next` leaves undefined are not changed. Nothing different: no change (a repeat writes nothing).
 */
export function diffFields(current: Record<string, unknown>, next: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const old = current[field] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(value)) changes.push({ field, oldValue: old, newValue: value });
  }
  return changes;
}

/** A guardian value as a caller may see it in a pupil's history. */
export function hideGuardianContacts(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((g: GuardianValue) => ({ ...g, phone: null, email: null, contactHidden: true }));
}
