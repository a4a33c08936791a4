import { Injectable } from '@nestjs/common';
import { EntityManager, QueryRunner } from 'typeorm';
import { sqlRow, sqlRows, SqlRepository } from '@app/database';
import { AttendanceRepository } from '../attendance.repository';
import type { ImportFormat, ImportMode, ImportStatus } from './import.dto';
import type { ImportError } from './import-rows';
import { CREATE_STAGING, DUPLICATE_TABLE, STAGING_TABLE, TOUCHED_TABLE } from './staging';

/** One import as stored (and as the school's list reads it (the report's problems included: never a personnummer). */
export interface ImportRow {
  id: string;
  school_id: string;
  format: ImportFormat;
  mode: ImportMode;
  status: ImportStatus;
  rows_total: number;
  rows_imported: number;
  rows_rejected: number;
  errors: ImportError[];
  started_at: Date;
  finished_at: Date | null;
}

/** The database session that runs an import: if the server dies, the import is failed once it is gone. */
export interface ImportSession {
  pid: number;
  /** As text: a JS Date would drop the microseconds the comparison needs. */
  started: string;
}

export interface NewImport {
  organisationId: string;
  schoolId: string;
  createdBy: string | null;
  format: ImportFormat;
  mode: ImportMode;
  session: ImportSession;
  syncRunId: string | null;
}

/** How an import ended: its counts and the problems reported. */
export interface ImportResult {
  status: ImportStatus;
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  errors: ImportError[];
}

/** A row that repeats an earlier row's lesson. */
export interface RepeatedLine {
  line: number;
  first_line: number;
}

const IMPORT_COLUMNS = `id, school_id, format, mode, status, rows_total, rows_imported, rows_rejected, errors, started_at, finished_at`;

/** PostgreSQL: ON CONFLICT DO UPDATE met the same row twice (a file that repeats a lesson). */
const CARDINALITY_VIOLATION = '21000';
const UNIQUE_VIOLATION = '23505';

const sqlState = (error: unknown) => (error as { code?: string }).code;

/**
 * The SQL of attendance imports: the import rows (`attendance_import`), the pupils a file may
 * name, and the writes from the staging table (filled by COPY, see `StagingCopy`) into the
 * lessons, inside the import's transaction on its own connection. Bulk, set-based SQL.
 */
@Injectable()
export class AttendanceImportsRepository extends SqlRepository {
  /** A dedicated connection for one import (COPY needs its pg client); connect it before use. */
  createRunner(): QueryRunner {
    return this.dataSource.createQueryRunner();
  }

  /** The session of the runner's connection. */
  async session(tx: EntityManager): Promise<ImportSession> {
    const row = await sqlRow<ImportSession>(
      tx,
      `SELECT pid, backend_start::text AS started FROM pg_stat_activity WHERE pid = pg_backend_pid()`,
    );
    return row!;
  }

  /** Stores the import as `running`, committed at once (on a pooled connection), so a reader sees it. */
  async insertRunning(entry: NewImport): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      this.dataSource.manager,
      `INSERT INTO attendance_import (organisation_id, school_id, created_by, format, mode, status,
                                     backend_pid, backend_started_at, sync_run_id)
       VALUES ($1, $2, $3, $4, $5, 'running', $6, $7::timestamptz, $8) RETURNING id`,
      [
        entry.organisationId,
        entry.schoolId,
        entry.createdBy,
        entry.format,
        entry.mode,
        entry.session.pid,
        entry.session.started,
        entry.syncRunId,
      ],
    );
    return row!.id;
  }

  /** Records how the import ended. */
  async finish(tx: EntityManager, id: string, result: ImportResult): Promise<ImportRow> {
    const row = await sqlRow<ImportRow>(
      tx,
      `UPDATE attendance_import
          SET status = $2, rows_total = $3, rows_imported = $4, rows_rejected = $5, errors = $6::jsonb,
              finished_at = clock_timestamp()
        WHERE id = $1
        RETURNING ${IMPORT_COLUMNS}`,
      [id, result.status, result.rowsTotal, result.rowsImported, result.rowsRejected, JSON.stringify(result.errors)],
    );
    return row!;
  }

  find(id: string): Promise<ImportRow | null> {
    return sqlRow(this.dataSource.manager, `SELECT ${IMPORT_COLUMNS} FROM attendance_import WHERE id = $1`, [id]);
  }

  /**
   * A running import whose database session is gone: its server died and PostgreSQL rolled the
   * data back, so it is marked failed. Null when it is still running (or was not running).
   */
  failIfSessionGone(id: string): Promise<ImportRow | null> {
    return sqlRow(
      this.dataSource.manager,
      `UPDATE attendance_import i SET status = 'failed', finished_at = clock_timestamp()
        WHERE i.id = $1 AND i.status = 'running'
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                           WHERE a.pid = i.backend_pid AND a.backend_start = i.backend_started_at)
        RETURNING ${IMPORT_COLUMNS}`,
      [id],
    );
  }

  /** The school's imports, newest first, after `before` (started_at, id) when given; at most `limit`. */
  listForSchool(schoolId: string, limit: number, before: [string, string] | null): Promise<ImportRow[]> {
    return sqlRows(
      this.dataSource.manager,
      `SELECT id, school_id, format, mode, status, rows_total, rows_imported, rows_rejected, errors, started_at, finished_at
         FROM attendance_import
        WHERE school_id = $1 ${before ? 'AND (started_at, id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY started_at DESC, id DESC
        LIMIT $2`,
      before ? [schoolId, limit, ...before] : [schoolId, limit],
    );
  }

  /** The school's pupils by personnummer (CSV) or external id (SS 12000): key → pupil id. */
  async pupilKeys(
    tx: EntityManager,
    organisationId: string,
    schoolId: string,
    format: ImportFormat,
  ): Promise<Map<string, string>> {
    const column = format === 'csv' ? 'personnummer' : 'external_id';
    const rows = await sqlRows<{ id: string; key: string }>(
      tx,
      `SELECT id, ${column} AS key FROM student
        WHERE organisation_id = $1 AND school_id = $2 AND ${column} IS NOT NULL`,
      [organisationId, schoolId],
    );
    return new Map(rows.map((r) => [r.key.trim(), r.id]));
  }

  /** The staging table COPY fills; it disappears with the transaction. */
  async createStaging(tx: EntityManager): Promise<void> {
    await sqlRows(tx, CREATE_STAGING);
  }

  /**
   * One import per school at a time (so the fast path's "all new" cannot change under it), and the
   * table of days whose lessons the import changes.
   */
  async lockSchoolAndTrackDays(tx: EntityManager, schoolId: string): Promise<void> {
    await sqlRows(tx, `SELECT pg_advisory_xact_lock(hashtext('attendance-import'), hashtext($1))`, [schoolId]);
    await sqlRows(tx, `CREATE TEMP TABLE ${TOUCHED_TABLE} (student_id uuid, lesson_date date) ON COMMIT DROP`);
  }

  /**
   * The fast path, for the usual file of new lessons: a plain INSERT in partition order, without
   * the per-row conflict machinery of ON CONFLICT. False (and nothing written) as soon as one
   * lesson already exists — a re-import or a correction — or the file repeats a lesson.
   */
  async insertAllNew(tx: EntityManager, format: ImportFormat): Promise<boolean> {
    await sqlRows(tx, `SAVEPOINT attendance_import_fast`);
    try {
      await sqlRows(
        tx,
        `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                        valid_absence_minutes, invalid_absence_minutes, reason, source, external_id,
                                        reported)
         SELECT student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                valid_absence_minutes, invalid_absence_minutes, reason, $1, external_id, reported
           FROM ${STAGING_TABLE}
          ORDER BY lesson_date, student_id, start_time`,
        [format],
      );
      return true;
    } catch (error) {
      if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
      await sqlRows(tx, `ROLLBACK TO SAVEPOINT attendance_import_fast`);
      return false;
    }
  }

  /**
   * Writes the staged lessons (see `apply`); false (and nothing written) when the file repeats a
   * lesson: the repeats are found only then, when they exist.
   */
  async applyUnlessRepeated(tx: EntityManager, format: ImportFormat): Promise<boolean> {
    await sqlRows(tx, `SAVEPOINT attendance_import_apply`);
    try {
      await this.apply(tx, format, false);
      return true;
    } catch (error) {
      if (sqlState(error) !== CARDINALITY_VIOLATION) throw error;
      await sqlRows(tx, `ROLLBACK TO SAVEPOINT attendance_import_apply`);
      return false;
    }
  }

  /** Writes the staged lessons; only rows that really change are updated (and listed as touched). */
  async apply(tx: EntityManager, format: ImportFormat, skipRepeats: boolean): Promise<void> {
    await sqlRows(
      tx,
      `WITH written AS (
         INSERT INTO attendance_lesson AS a (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                             valid_absence_minutes, invalid_absence_minutes, reason, source, external_id,
                                             reported)
         SELECT s.student_id, s.lesson_date, s.start_time, s.offered_minutes, s.attended_minutes,
                s.valid_absence_minutes, s.invalid_absence_minutes, s.reason, $1, s.external_id, s.reported
           FROM ${STAGING_TABLE} s
          ${skipRepeats ? `WHERE NOT EXISTS (SELECT 1 FROM ${DUPLICATE_TABLE} d WHERE d.line = s.line)` : ''}
         ON CONFLICT (student_id, lesson_date, start_time) DO UPDATE
            SET offered_minutes = excluded.offered_minutes, attended_minutes = excluded.attended_minutes,
                valid_absence_minutes = excluded.valid_absence_minutes,
                invalid_absence_minutes = excluded.invalid_absence_minutes, reason = excluded.reason,
                source = excluded.source, external_id = coalesce(excluded.external_id, a.external_id),
                reported = excluded.reported, updated_at = now()
          WHERE (a.offered_minutes, a.attended_minutes, a.valid_absence_minutes, a.invalid_absence_minutes,
                 a.reason, a.source, a.external_id, a.reported)
                IS DISTINCT FROM
                (excluded.offered_minutes, excluded.attended_minutes, excluded.valid_absence_minutes,
                 excluded.invalid_absence_minutes, excluded.reason, excluded.source,
                 coalesce(excluded.external_id, a.external_id), excluded.reported)
         RETURNING a.student_id, a.lesson_date)
       INSERT INTO ${TOUCHED_TABLE} SELECT DISTINCT student_id, lesson_date FROM written`,
      [format],
    );
  }

  /**
   * Rows that repeat an earlier row's lesson (same pupil, date and start time), kept in a table
   * for `apply(…, true)` to skip: how many, and the first `limit` of them.
   */
  async findRepeats(tx: EntityManager, limit: number): Promise<{ count: number; first: RepeatedLine[] }> {
    await sqlRows(
      tx,
      `CREATE TEMP TABLE ${DUPLICATE_TABLE} ON COMMIT DROP AS
       SELECT line, first_line FROM (
         SELECT line, min(line) OVER (PARTITION BY student_id, lesson_date, start_time) AS first_line
           FROM ${STAGING_TABLE}) d
        WHERE line > first_line`,
    );
    const { count } = (await sqlRow<{ count: number }>(tx, `SELECT count(*)::int AS count FROM ${DUPLICATE_TABLE}`))!;
    if (!count) return { count, first: [] };
    const first = await sqlRows<RepeatedLine>(
      tx,
      `SELECT line, first_line FROM ${DUPLICATE_TABLE} ORDER BY line LIMIT ${limit}`,
    );
    return { count, first };
  }

  /**
   * Brings the per-day aggregate up to date for the days the import changed. Days listed as
   * touched (changed or removed lessons) are recomputed from their lessons. With `allNew` (the
   * fast path: every staged lesson was inserted, none replaced) the other staged days are not read
   * back from the lesson table: the staged lessons' sums are added to the day rows, which held the
   * day's earlier lessons (the aggregate is kept in the same transaction as the lessons).
   */
  async refreshTouchedDays(tx: EntityManager, allNew: boolean, removeEmptyDays: boolean): Promise<void> {
    const touched = await sqlRow(tx, `SELECT 1 AS one FROM ${TOUCHED_TABLE} LIMIT 1`);
    if (allNew) {
      await sqlRows(
        tx,
        `INSERT INTO attendance_day AS d (student_id, day, lessons, offered_minutes, valid_absence_minutes,
                                         invalid_absence_minutes)
         SELECT s.student_id, s.lesson_date, count(*), sum(s.offered_minutes), sum(s.valid_absence_minutes),
                sum(s.invalid_absence_minutes)
           FROM ${STAGING_TABLE} s
          WHERE s.reported
            ${touched ? `AND NOT EXISTS (SELECT 1 FROM ${TOUCHED_TABLE} t WHERE t.student_id = s.student_id AND t.lesson_date = s.lesson_date)` : ''}
          GROUP BY s.student_id, s.lesson_date
         ON CONFLICT (student_id, day) DO UPDATE
            SET lessons = d.lessons + excluded.lessons,
                offered_minutes = d.offered_minutes + excluded.offered_minutes,
                valid_absence_minutes = d.valid_absence_minutes + excluded.valid_absence_minutes,
                invalid_absence_minutes = d.invalid_absence_minutes + excluded.invalid_absence_minutes`,
      );
    }
    if (!touched) return;
    return AttendanceRepository.of(tx).refreshDays(tx, `SELECT student_id, lesson_date FROM ${TOUCHED_TABLE}`, [], {
      removeEmptyDays,
    });
  }
}
