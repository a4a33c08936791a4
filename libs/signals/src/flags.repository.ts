import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SqlCondition } from '@app/access';
import { sqlRow, sqlRows, SqlRepository } from '@app/database';
import type { FlagSnapshotDto, FlagStatus } from './flags.dto';

/** A flag with its pupil and who made and triaged it. */
export interface FlagRow {
  id: string;
  student_id: string;
  school_id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  grade: number;
  personnummer: string;
  text: string;
  status: FlagStatus;
  snapshot: FlagSnapshotDto;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  created_key: string;
  triaged_by: string | null;
  triaged_by_name: string | null;
  triaged_at: Date | null;
  dismiss_reason: string | null;
}

export interface FlagNoteRow {
  id: string;
  text: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

/** A pupil's flag awaiting triage or open case: what a second flag would repeat. */
export interface ExistingWorryRow {
  type: 'flag' | 'case';
  id: string;
  reference: string | null;
  created_at: Date;
}

export interface NewFlag {
  studentId: string;
  schoolId: string;
  createdBy: string;
  text: string;
  snapshot: FlagSnapshotDto;
}

/** The school list's filters, the caller's scope among them; the cursor is (created_at key, id). */
export interface FlagListFilter {
  scope: SqlCondition;
  status?: FlagStatus;
  before: unknown[] | null;
  limit: number;
}

const FLAG_SELECT = `
  SELECT f.id, f.student_id, f.school_id, s.first_name, s.last_name, s.class_name, s.grade, s.personnummer,
         f.text, f.status, f.snapshot, f.created_by, cu.display_name AS created_by_name, f.created_at,
         to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_key,
         f.triaged_by, tu.display_name AS triaged_by_name, f.triaged_at, f.dismiss_reason
    FROM absence_flag f
    JOIN student s ON s.id = f.student_id
    JOIN app_user cu ON cu.id = f.created_by
    LEFT JOIN app_user tu ON tu.id = f.triaged_by`;

/** A flag as a bulk writer gives it, with its id and state; the keys are its columns. */
export interface FlagRecord {
  id: string;
  student_id: string;
  created_by: string;
  text: string;
  /** Stored as given (JSONB). */
  snapshot: object;
  status: FlagStatus;
  triaged_by: string | null;
  dismiss_reason: string | null;
}

/** The SQL of flags to elevhälsa and their notes. */
@Injectable()
export class FlagsRepository extends SqlRepository {
  /** Locks the pupil's row (NO KEY UPDATE: attendance writers still reference it) until the transaction ends. */
  async lockPupil(tx: EntityManager, studentId: string): Promise<void> {
    await sqlRows(tx, `SELECT 1 FROM student WHERE id = $1 FOR NO KEY UPDATE`, [studentId]);
  }

  /** The pupil's flag awaiting triage, else its open case, else null. */
  existingWorry(tx: EntityManager, studentId: string): Promise<ExistingWorryRow | null> {
    return sqlRow(
      tx,
      `SELECT 'flag' AS type, id, NULL AS reference, created_at FROM absence_flag
        WHERE student_id = $1 AND status = 'new'
       UNION ALL
       SELECT 'case', id, reference, opened_at FROM support_case WHERE student_id = $1 AND status <> 'closed'
       ORDER BY type DESC, created_at
       LIMIT 1`,
      [studentId],
    );
  }

  async insert(tx: EntityManager, flag: NewFlag): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO absence_flag (student_id, school_id, created_by, text, snapshot)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [flag.studentId, flag.schoolId, flag.createdBy, flag.text, JSON.stringify(flag.snapshot)],
    );
    return row!.id;
  }

  /** The flag's status, its row locked until the transaction ends. */
  async lockStatus(tx: EntityManager, id: string): Promise<FlagStatus | null> {
    const row = await sqlRow<{ status: FlagStatus }>(tx, `SELECT status FROM absence_flag WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return row?.status ?? null;
  }

  async status(tx: EntityManager, id: string): Promise<FlagStatus | null> {
    const row = await sqlRow<{ status: FlagStatus }>(tx, `SELECT status FROM absence_flag WHERE id = $1`, [id]);
    return row?.status ?? null;
  }

  async addNote(tx: EntityManager, flagId: string, text: string, userId: string): Promise<void> {
    await sqlRows(tx, `INSERT INTO absence_flag_note (flag_id, text, created_by) VALUES ($1, $2, $3)`, [
      flagId,
      text,
      userId,
    ]);
  }

  /** A page of flags, newest first (one more row than `limit`: the page helper tells whether more follow). */
  list(filter: FlagListFilter): Promise<FlagRow[]> {
    const params: unknown[] = [...filter.scope.params];
    const where = [filter.scope.sql];
    if (filter.status) {
      params.push(filter.status);
      where.push(`f.status = $${params.length}`);
    }
    if (filter.before) {
      params.push(...filter.before);
      where.push(
        `(f.created_at, f.id) < ($${params.length - 1}::timestamp AT TIME ZONE 'UTC', $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit);
    return sqlRows(
      this.dataSource.manager,
      `${FLAG_SELECT} WHERE ${where.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** The pupil a flag is about and when it was made. */
  origin(tx: EntityManager, id: string): Promise<{ student_id: string; created_at: Date } | null> {
    return sqlRow(tx, `SELECT student_id, created_at FROM absence_flag WHERE id = $1`, [id]);
  }

  /** Triages a new flag; false when it was not new (of two concurrent triages exactly one updates the row). */
  async triage(
    tx: EntityManager,
    id: string,
    status: 'accepted' | 'dismissed',
    userId: string,
    reason: string | null,
  ): Promise<boolean> {
    const updated = await sqlRow(
      tx,
      `UPDATE absence_flag SET status = $2, triaged_by = $3, triaged_at = now(), dismiss_reason = $4
        WHERE id = $1 AND status = 'new' RETURNING id`,
      [id, status, userId, reason],
    );
    return updated !== null;
  }

  async schoolOf(tx: EntityManager, id: string): Promise<string | null> {
    const row = await sqlRow<{ school_id: string }>(tx, `SELECT school_id FROM absence_flag WHERE id = $1`, [id]);
    return row?.school_id ?? null;
  }

  find(tx: EntityManager, id: string): Promise<FlagRow | null> {
    return sqlRow(tx, `${FLAG_SELECT} WHERE f.id = $1`, [id]);
  }

  notes(tx: EntityManager, flagId: string): Promise<FlagNoteRow[]> {
    return sqlRows(
      tx,
      `SELECT n.id, n.text, n.created_by, u.display_name AS created_by_name, n.created_at
         FROM absence_flag_note n JOIN app_user u ON u.id = n.created_by
        WHERE n.flag_id = $1 ORDER BY n.created_at, n.id`,
      [flagId],
    );
  }

  /**
   * Inserts flags with their ids and state, in one statement (a bulk writer: the demo seed); the
   * school is the pupil's, a triaged flag is triaged now. An id already there is left as it is.
   */
  async insertFlags(tx: EntityManager, rows: FlagRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO absence_flag (id, student_id, school_id, created_by, text, snapshot, status, triaged_by, triaged_at,
                                 dismiss_reason)
       SELECT r.id, s.id, s.school_id, r.created_by, r.text, r.snapshot, r.status, r.triaged_by,
              CASE WHEN r.triaged_by IS NULL THEN NULL ELSE now() END, r.dismiss_reason
         FROM jsonb_to_recordset($1::jsonb)
           AS r (id uuid, student_id uuid, created_by uuid, text text, snapshot jsonb, status text, triaged_by uuid,
                 dismiss_reason text)
         JOIN student s ON s.id = r.student_id
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
