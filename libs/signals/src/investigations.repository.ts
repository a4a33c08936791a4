import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlRow, sqlRows, SqlRepository } from '@app/database';

export interface InvestigationRow {
  id: string;
  student_id: string;
  school_id: string;
  started_on: string;
  huvudman_informed_on: string | null;
  recorded_by: string;
  recorded_by_name: string;
  created_at: Date;
}

/** A pupil of the overview: absence over the window and the latest investigation started. */
export interface OverviewRow {
  id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  grade: number;
  personnummer: string;
  offered: number;
  valid: number;
  invalid: number;
  last_started_on: string | null;
  open_flag: boolean;
}

export interface NewInvestigation {
  studentId: string;
  schoolId: string;
  startedOn: string;
  huvudmanInformedOn: string | null;
  recordedBy: string;
}

/** The overview's window and thresholds, and its page (one more row than `limit` tells whether more follow). */
export interface OverviewFilter {
  schoolId: string;
  from: string;
  to: string;
  minPercent: number;
  validMonths: number;
  limit: number;
  offset: number;
}

const INVESTIGATION_SELECT = `
  SELECT i.id, i.student_id, i.school_id, i.started_on,
         i.huvudman_informed_on, i.recorded_by,
         u.display_name AS recorded_by_name, i.created_at
    FROM absence_investigation i JOIN app_user u ON u.id = i.recorded_by`;

/** An investigation as a bulk writer gives it, with its id; the keys are its columns. */
export interface InvestigationRecord {
  id: string;
  student_id: string;
  started_on: string;
  huvudman_informed_on: string | null;
  recorded_by: string;
}

/** The SQL of absence investigations (frånvaroutredningar) and the overview of pupils who need one. */
@Injectable()
export class InvestigationsRepository extends SqlRepository {
  async insert(tx: EntityManager, investigation: NewInvestigation): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO absence_investigation (student_id, school_id, started_on, huvudman_informed_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        investigation.studentId,
        investigation.schoolId,
        investigation.startedOn,
        investigation.huvudmanInformedOn,
        investigation.recordedBy,
      ],
    );
    return row!.id;
  }

  /** The investigation's school (for the access check) and start day. */
  facts(tx: EntityManager, id: string): Promise<{ school_id: string; started_on: string } | null> {
    return sqlRow(tx, `SELECT school_id, started_on FROM absence_investigation WHERE id = $1`, [id]);
  }

  async setHuvudmanInformed(tx: EntityManager, id: string, informedOn: string): Promise<void> {
    await sqlRows(tx, `UPDATE absence_investigation SET huvudman_informed_on = $2 WHERE id = $1`, [id, informedOn]);
  }

  /** A pupil's investigations, latest started first. */
  forStudent(studentId: string): Promise<InvestigationRow[]> {
    return sqlRows(
      this.dataSource.manager,
      `${INVESTIGATION_SELECT} WHERE i.student_id = $1 ORDER BY i.started_on DESC, i.created_at DESC`,
      [studentId],
    );
  }

  find(tx: EntityManager, id: string): Promise<InvestigationRow | null> {
    return sqlRow(tx, `${INVESTIGATION_SELECT} WHERE i.id = $1`, [id]);
  }

  /**
   * The school's pupils whose absence (valid and invalid) reaches `minPercent` of offered minutes
   * between `from` and `to`, without an investigation started in the `validMonths` up to `to`;
   * highest share first. Set-based SQL over the per-day aggregate.
   */
  overview(filter: OverviewFilter): Promise<OverviewRow[]> {
    return sqlRows(
      this.dataSource.manager,
      `WITH absence AS (
         SELECT d.student_id, sum(d.offered_minutes)::int AS offered, sum(d.valid_absence_minutes)::int AS valid,
                sum(d.invalid_absence_minutes)::int AS invalid
           FROM attendance_day d JOIN student s ON s.id = d.student_id
          WHERE s.school_id = $1 AND d.day BETWEEN $2::date AND $3::date
          GROUP BY d.student_id
         HAVING sum(d.offered_minutes) > 0
            AND sum(d.valid_absence_minutes + d.invalid_absence_minutes) * 100 >= $4::int * sum(d.offered_minutes)
       )
       SELECT s.id, s.first_name, s.last_name, s.class_name, s.grade, s.personnummer, a.offered, a.valid, a.invalid,
              (SELECT max(i.started_on) FROM absence_investigation i
                WHERE i.student_id = s.id AND i.started_on <= $3::date) AS last_started_on,
              EXISTS (SELECT 1 FROM absence_flag f WHERE f.student_id = s.id AND f.status = 'new') AS open_flag
         FROM absence a JOIN student s ON s.id = a.student_id
        WHERE NOT EXISTS (SELECT 1 FROM absence_investigation i
                           WHERE i.student_id = s.id AND i.started_on <= $3::date
                             AND i.started_on > $3::date - make_interval(months => $5::int))
        ORDER BY (a.valid + a.invalid)::numeric / a.offered DESC, s.last_name, s.first_name, s.id
        LIMIT $6 OFFSET $7`,
      [filter.schoolId, filter.from, filter.to, filter.minPercent, filter.validMonths, filter.limit, filter.offset],
    );
  }

  /**
   * Inserts investigations with their ids, in one statement (a bulk writer: the demo seed); the
   * school is the pupil's. An id already there is left as it is.
   */
  async insertInvestigations(tx: EntityManager, rows: InvestigationRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO absence_investigation (id, student_id, school_id, started_on, huvudman_informed_on, recorded_by)
       SELECT r.id, s.id, s.school_id, r.started_on, r.huvudman_informed_on, r.recorded_by
         FROM jsonb_to_recordset($1::jsonb)
           AS r (id uuid, student_id uuid, started_on date, huvudman_informed_on date, recorded_by uuid)
         JOIN student s ON s.id = r.student_id
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
