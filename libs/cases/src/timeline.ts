import { EntityManager } from 'typeorm';
import type { Caller } from '@app/access';
import { insertCaseEvent } from './cases.repository';

/**
 * Appends one event to a case's timeline, in the transaction of the change it records. The
 * table is append-only (a trigger refuses updates and deletes). `data` holds ids and short
 * facts, never free text about the pupil's health. (The SQL is the case repository's.)
 */
export async function recordEvent(
  manager: EntityManager,
  caseId: string,
  caller: Caller | null,
  kind: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await insertCaseEvent(manager, caseId, caller, kind, data);
}
