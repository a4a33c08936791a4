import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlRow, sqlRows, SqlRepository } from '@app/database';

export interface NoticeRow {
  id: string;
  student_id: string;
  absence_date: string;
  method: string;
  informed_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  created_at: Date;
}

/** A pupil with invalid absence on the day, and the notice to the guardians if one is recorded. */
export interface NoticeItemRow {
  id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  grade: number;
  personnummer: string;
  invalid: number;
  method: string | null;
  informed_at: Date | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
}

/** The day's list: a school's pupils (optionally one class, optionally only those not yet informed). */
export interface NoticeListFilter {
  schoolId: string;
  day: string;
  pendingOnly: boolean;
  className?: string;
  /** (class name, last name, first name, id) of the last row of the previous page. */
  after: unknown[] | null;
  limit: number;
}

export interface NewNotice {
  studentId: string;
  date: string;
  method: string;
  informedAt: Date;
  recordedBy: string;
}

/**
 * A notice as a bulk writer gives it; the keys are its columns. `informed_at` is text PostgreSQL
 * reads as a time (an ISO instant, or a local time such as `2026-11-20 10:30` in the session's zone).
 */
export interface NoticeRecord {
  student_id: string;
  absence_date: string;
  method: string;
  informed_at: string;
  recorded_by: string;
}

/** The SQL of same-day notices to guardians of invalid absence. */
@Injectable()
export class GuardianNoticesRepository extends SqlRepository {
  /** A page of the day's list (one more row than `limit`: the page helper tells whether more follow). */
  list(filter: NoticeListFilter): Promise<NoticeItemRow[]> {
    const params: unknown[] = [filter.schoolId, filter.day];
    const where = ['s.school_id = $1', 'd.day = $2::date', 'd.invalid_absence_minutes > 0'];
    if (filter.pendingOnly) where.push('n.id IS NULL');
    if (filter.className) {
      params.push(filter.className);
      where.push(`s.class_name = $${params.length}`);
    }
    if (filter.after) {
      params.push(...filter.after);
      const k = params.length - 3;
      where.push(`(s.class_name, s.last_name, s.first_name, s.id) > ($${k}, $${k + 1}, $${k + 2}, $${k + 3}::uuid)`);
    }
    params.push(filter.limit);
    return sqlRows(
      this.dataSource.manager,
      `SELECT s.id, s.first_name, s.last_name, s.class_name, s.grade, s.personnummer,
              d.invalid_absence_minutes AS invalid, n.method, n.informed_at, n.recorded_by,
              u.display_name AS recorded_by_name
         FROM attendance_day d
         JOIN student s ON s.id = d.student_id
         LEFT JOIN guardian_notice n ON n.student_id = d.student_id AND n.absence_date = d.day
         LEFT JOIN app_user u ON u.id = n.recorded_by
        WHERE ${where.join(' AND ')}
        ORDER BY s.class_name, s.last_name, s.first_name, s.id
        LIMIT $${params.length}`,
      params,
    );
  }

  /** The pupil's invalid absence minutes on the day; null when no day is recorded. */
  async invalidMinutes(tx: EntityManager, studentId: string, day: string): Promise<number | null> {
    const row = await sqlRow<{ invalid_absence_minutes: number }>(
      tx,
      `SELECT invalid_absence_minutes FROM attendance_day WHERE student_id = $1 AND day = $2`,
      [studentId, day],
    );
    return row ? row.invalid_absence_minutes : null;
  }

  /** Records the notice; null when the day's notice is already recorded. */
  async insert(tx: EntityManager, notice: NewNotice): Promise<string | null> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO guardian_notice (student_id, absence_date, method, informed_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (student_id, absence_date) DO NOTHING RETURNING id`,
      [notice.studentId, notice.date, notice.method, notice.informedAt, notice.recordedBy],
    );
    return row?.id ?? null;
  }

  find(tx: EntityManager, id: string): Promise<NoticeRow | null> {
    return sqlRow(
      tx,
      `SELECT n.id, n.student_id, n.absence_date, n.method, n.informed_at,
              n.recorded_by, u.display_name AS recorded_by_name, n.created_at
         FROM guardian_notice n JOIN app_user u ON u.id = n.recorded_by WHERE n.id = $1`,
      [id],
    );
  }

  /** The school's first pupil (by last name, id) with invalid absence on the day; null when none. */
  async firstPupilWithInvalidAbsence(tx: EntityManager, schoolId: string, day: string): Promise<string | null> {
    const row = await sqlRow<{ student_id: string }>(
      tx,
      `SELECT d.student_id FROM attendance_day d JOIN student s ON s.id = d.student_id
        WHERE d.day = $1::date AND d.invalid_absence_minutes > 0 AND s.school_id = $2
        ORDER BY s.last_name, s.id LIMIT 1`,
      [day, schoolId],
    );
    return row?.student_id ?? null;
  }

  /** Records notices in one statement (a bulk writer: the demo seed); a day already noticed is left as it is. */
  async insertNotices(tx: EntityManager, rows: NoticeRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO guardian_notice (student_id, absence_date, method, informed_at, recorded_by)
       SELECT student_id, absence_date, method, informed_at, recorded_by
         FROM jsonb_to_recordset($1::jsonb)
           AS r (student_id uuid, absence_date date, method text, informed_at timestamptz, recorded_by uuid)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
