import { EntityManager } from 'typeorm';

/** A pupil's open case (not closed) as the watch list shows it. */
export interface OpenCaseRow {
  student_id: string;
  id: string;
  reference: string;
  status: string;
}

/** The SQL of the watch list beside the rule scan (`loadPupilSignals`). */
export const watchlistRepository = {
  /** The open case of each of these pupils (at most one each: a partial unique index). */
  openCasesOf(manager: EntityManager, studentIds: string[]): Promise<OpenCaseRow[]> {
    if (!studentIds.length) return Promise.resolve([]);
    return manager.query(
      `SELECT student_id, id, reference, status FROM support_case
        WHERE student_id = ANY ($1::uuid[]) AND status <> 'closed'`,
      [studentIds],
    );
  },
};
