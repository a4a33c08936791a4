import { EntityManager } from 'typeorm';
import type { Caller } from '@app/access';

/**
 * Appends one event to a case's timeline, in the transaction of the change it records. The
 * table is append-only (a trigger refuses updates and deletes). `data` holds ids and short
 * facts, never free text about the pupil's health.
 */
export async function recordEvent(
  manager: EntityManager,
  caseId: string,
  caller: Caller | null,
  kind: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await manager.query(`INSERT INTO case_event (case_id, actor_id, agency_id, kind, data) VALUES ($1, $2, $3, $4, $5)`, [
    caseId,
    caller?.userId ?? null,
    caller?.agencyId ?? null,
    kind,
    JSON.stringify(data),
  ]);
}
