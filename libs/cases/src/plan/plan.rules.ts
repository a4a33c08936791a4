import type { ActionStatus } from './plan.dto';

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
