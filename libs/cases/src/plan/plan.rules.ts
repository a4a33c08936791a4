import type { FieldError } from '@app/http';
import type { ActionStatus, PlanDto } from './plan.dto';

/** What of an action the coordinator's PUT sets, as compared across versions. */
export interface ActionContent {
  description: string;
  agencyId: string;
  responsibleUserId: string | null;
  startDate: string | null;
  dueDate: string;
  status: ActionStatus;
}

/** An action as the coordinator read it (in the version named by If-Match). */
export interface ReadAction extends ActionContent {
  id: string;
  version: number;
}

/** An action of the PUT's body. */
export interface SentAction {
  id?: string;
  description: string;
  agencyId: string;
  responsibleUserId?: string;
  startDate?: string;
  dueDate: string;
  status: ActionStatus;
}

export type StaleMerge = { ok: true; keepStatus: Map<string, ActionStatus> } | { ok: false; conflicting: string[] };

const sameContent = (read: ActionContent, sent: SentAction): boolean =>
  read.description === sent.description.trim() &&
  read.agencyId === sent.agencyId &&
  read.responsibleUserId === (sent.responsibleUserId ?? null) &&
  read.startDate === (sent.startDate ?? null) &&
  read.dueDate === sent.dueDate &&
  read.status === sent.status;

/**
 * The coordinator's PUT made on a version that agencies have since moved on, by updates of
 * their own actions only. Each action an agency changed since (its version differs from the
 * one read) must come back exactly as read: then the agency's status is kept (the PUT does
 * not write back the status it read); if the PUT changes or removes it, both changed the same
 * action and the PUT is refused (412, naming the actions).
 */
export function mergeStaleActions(
  read: ReadAction[],
  current: ReadonlyMap<string, { version: number; status: ActionStatus }>,
  sent: SentAction[],
): StaleMerge {
  const sentById = new Map(sent.flatMap((a) => (a.id ? [[a.id, a] as const] : [])));
  const keepStatus = new Map<string, ActionStatus>();
  const conflicting: string[] = [];
  for (const action of read) {
    const now = current.get(action.id);
    if (!now || now.version === action.version) continue;
    const mine = sentById.get(action.id);
    if (!mine || !sameContent(action, mine)) conflicting.push(action.id);
    else keepStatus.set(action.id, now.status);
  }
  return conflicting.length ? { ok: false, conflicting } : { ok: true, keepStatus };
}

/** An action of a stored plan snapshot (`PlanDto`), as read; old snapshots have no version (1). */
export function readActionOf(a: {
  id: string;
  version?: number;
  description: string;
  agency: { id: string };
  responsible: { id: string } | null;
  startDate: string | null;
  dueDate: string;
  status: ActionStatus;
}): ReadAction {
  return {
    id: a.id,
    version: a.version ?? 1,
    description: a.description,
    agencyId: a.agency.id,
    responsibleUserId: a.responsible?.id ?? null,
    startDate: a.startDate,
    dueDate: a.dueDate,
    status: a.status,
  };
}

/* ---------- input checks of the coordinator's PUT, an agency's PATCH and an agreement ---------- */

/** What a change of the plan was, as stored with each version. */
export type PlanChange = 'created' | 'replaced' | 'action.updated' | 'agreed';

/** The body of a PUT, as the checks read it. */
export interface PlanInput {
  goals: {
    id?: string;
    text: string;
    target?: { attendancePercent?: number; byDate?: string; text?: string };
  }[];
  actions: (SentAction & { interventionId?: string })[];
  reviewDates?: string[];
}

/**
 * Checks of a PUT that need no database: blank texts, empty targets, an action due before its
 * start, an id sent twice. (The DTO has already refused a malformed or impossible goal, action or
 * review date with 400.)
 */
export function planInputErrors(dto: PlanInput): FieldError[] {
  const errors: FieldError[] = [];
  const goalIds = new Set<string>();
  dto.goals.forEach((g, i) => {
    if (!g.text.trim()) errors.push({ field: `goals.${i}.text`, code: 'blank', message: 'must not be blank' });
    const t = g.target;
    if (t && t.attendancePercent === undefined && t.byDate === undefined && t.text === undefined) {
      errors.push({
        field: `goals.${i}.target`,
        code: 'one-of-required',
        message: 'give attendancePercent, byDate or text',
      });
    }
    if (g.id && goalIds.has(g.id)) errors.push({ field: `goals.${i}.id`, code: 'duplicate', message: 'appears twice' });
    if (g.id) goalIds.add(g.id);
  });
  const actionIds = new Set<string>();
  dto.actions.forEach((a, i) => {
    if (!a.description.trim())
      errors.push({ field: `actions.${i}.description`, code: 'blank', message: 'must not be blank' });
    if (a.startDate && a.startDate > a.dueDate) {
      errors.push({ field: `actions.${i}.dueDate`, code: 'before-start', message: 'must not be before startDate' });
    }
    if (a.id && actionIds.has(a.id))
      errors.push({ field: `actions.${i}.id`, code: 'duplicate', message: 'appears twice' });
    if (a.id) actionIds.add(a.id);
  });
  return errors;
}

/** What the database says about the ids a PUT names. */
export interface PlanReferences {
  /** Goals and actions of this plan among the ids sent. */
  goalIds: ReadonlySet<string>;
  actionIds: ReadonlySet<string>;
  /** The school and the agencies mobilised into the case. */
  agencies: ReadonlySet<string>;
  /** Active users among the responsible persons sent, with their agency. */
  users: readonly { id: string; agency_id: string }[];
  /** Interventions sent that are in the catalogue of the case's organisation, and the actions using each. */
  interventions: readonly { id: string; active: boolean; actions: string[] }[];
}

/**
 * Checks of a PUT against the case: ids of this plan, agencies in the case, a responsible person
 * of the action's agency, an intervention active in the catalogue (or the one the action already uses).
 */
export function planReferenceErrors(dto: PlanInput, known: PlanReferences): FieldError[] {
  const errors: FieldError[] = [];
  dto.goals.forEach((g, i) => {
    if (g.id && !known.goalIds.has(g.id))
      errors.push({ field: `goals.${i}.id`, code: 'not-in-plan', message: 'is not a goal of this plan' });
  });
  dto.actions.forEach((a, i) => {
    if (a.id && !known.actionIds.has(a.id)) {
      errors.push({ field: `actions.${i}.id`, code: 'not-in-plan', message: 'is not an action of this plan' });
    }
    if (!known.agencies.has(a.agencyId)) {
      errors.push({
        field: `actions.${i}.agencyId`,
        code: 'not-in-case',
        message: 'must be the school or an agency in the case',
      });
    }
    if (a.responsibleUserId && !known.users.some((u) => u.id === a.responsibleUserId && u.agency_id === a.agencyId)) {
      errors.push({
        field: `actions.${i}.responsibleUserId`,
        code: 'not-a-member',
        message: "must be an active user of the action's agency",
      });
    }
  });
  dto.actions.forEach((a, i) => {
    const found = known.interventions.find((u) => u.id === a.interventionId);
    if (a.interventionId && !(found && (found.active || (a.id && found.actions.includes(a.id))))) {
      errors.push({
        field: `actions.${i}.interventionId`,
        code: 'not-in-catalogue',
        message: "must be an active intervention of the catalogue of the case's organisation",
      });
    }
  });
  return errors;
}

/** The school and the agencies whose mobilisation is not declined. */
export function caseAgencies(facts: { schoolId: string; subject: { mobilisedAgencyIds: string[] } }): Set<string> {
  return new Set([facts.schoolId, ...facts.subject.mobilisedAgencyIds]);
}

/**
 * An agency's PATCH of its action: it must give a status or a note (`none` → 400), and a note
 * must not be blank (`blank` → 422); otherwise the trimmed note, if any.
 */
export function actionPatchNote(dto: {
  status?: ActionStatus;
  progressNote?: string;
}): { ok: true; note: string | undefined } | { ok: false; problem: 'none' | 'blank' } {
  if (dto.status === undefined && dto.progressNote === undefined) return { ok: false, problem: 'none' };
  const note = dto.progressNote?.trim();
  if (dto.progressNote !== undefined && !note) return { ok: false, problem: 'blank' };
  return { ok: true, note };
}

/** An agreement may be recorded up to five minutes ahead of the server's clock (clock skew), not later. */
export const isAgreementInFuture = (agreedAt: Date, now: number): boolean =>
  Number.isNaN(agreedAt.getTime()) || agreedAt.getTime() > now + 5 * 60_000;

/** Participants of an agreement: an agency must be one in the case; only an agency participant names one. */
export function participantErrors(
  participants: readonly { participant: string; agencyId?: string }[],
  agencies: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  participants.forEach((p, i) => {
    if (p.participant === 'agency' && (!p.agencyId || !agencies.has(p.agencyId))) {
      errors.push({
        field: `participants.${i}.agencyId`,
        code: 'not-in-case',
        message: 'must be an agency in the case',
      });
    }
    if (p.participant !== 'agency' && p.agencyId !== undefined) {
      errors.push({
        field: `participants.${i}.agencyId`,
        code: 'not-allowed-here',
        message: 'only for participant agency',
      });
    }
  });
  return errors;
}

/** The work list lists either the caller's own actions or the agency's: exactly one of the two. */
export const isWorkListModeValid = (mine: boolean, agency: boolean): boolean => mine !== agency;

/* ---------- versions, assignments and names ---------- */

/** The snapshot stored with a version: a replace after an agreement already counts as a change since. */
export function versionSnapshot(loaded: PlanDto, change: PlanChange): PlanDto {
  return change === 'replaced' && loaded.agreedVersion !== null ? { ...loaded, changedSinceAgreement: true } : loaded;
}

/**
 * The open actions this version gave to someone: a new action, or one moved to another agency or
 * person. One whose assignment is as before tells nobody again.
 */
export function newlyAssigned<T extends { id: string; assignment: string }>(
  open: readonly T[],
  before: ReadonlyMap<string, string>,
): T[] {
  return open.filter((a) => before.get(a.id) !== a.assignment);
}

/**
 * The plan with the family's names among those who agreed only where the caller may see them
 * (as the case summary: `namesVisible`); agencies' representatives keep theirs.
 */
export function withNames(plan: PlanDto, names: { pupil: boolean; guardians: boolean }): PlanDto {
  // Old snapshots may lack agreements altogether.
  if ((names.pupil && names.guardians) || !plan.agreements) return plan;
  return {
    ...plan,
    agreements: plan.agreements.map((a) => {
      const visible = a.participant === 'agency' || (a.participant === 'pupil' ? names.pupil : names.guardians);
      return visible ? a : { ...a, name: null };
    }),
  };
}

/** A timestamp as the API answers it (ISO 8601, UTC), null kept. */
export const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();
