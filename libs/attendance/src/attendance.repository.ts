import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlRow, sqlRows, SqlRepository } from '@app/database';

/** A lesson as the API shows it (date and time as text). */
export interface LessonRow {
  student_id: string;
  lesson_date: string;
  start_time: string;
  offered_minutes: number;
  attended_minutes: number;
  valid_absence_minutes: number;
  invalid_absence_minutes: number;
  reason: string | null;
  reported: boolean;
  source: string;
  external_id: string | null;
  updated_at: Date;
}

/** A lesson entered by hand: its key (pupil, date, start time) and its minutes. */
export interface ManualLesson {
  studentId: string;
  date: string;
  startTime: string;
  offeredMinutes: number;
  attendedMinutes: number;
  validAbsenceMinutes: number;
  invalidAbsenceMinutes: number;
  reason: string | null;
  externalId: string | null;
}

/** One ISO week's sums of a set of pupils' days. */
export interface AbsenceWeekRow {
  week: string;
  week_start: string;
  offered: number;
  valid: number;
  invalid: number;
}

/** A set of pupils for the absence figures: SQL selecting their ids (column `id`), with its parameters. */
export interface PupilSet {
  sql: string;
  params: unknown[];
}

export const onePupil = (studentId: string): PupilSet => ({ sql: `SELECT $1::uuid AS id`, params: [studentId] });

export const classPupils = (schoolId: string, className: string): PupilSet => ({
  sql: `SELECT id FROM student WHERE school_id = $1 AND class_name = $2`,
  params: [schoolId, className],
});

const LESSON_SELECT = `SELECT student_id, lesson_date, to_char(start_time, 'HH24:MI') AS start_time,
                              offered_minutes, attended_minutes, valid_absence_minutes, invalid_absence_minutes,
                              reason, reported, source, external_id, updated_at
                         FROM attendance_lesson`;

/** Lessons as a bulk writer gives them: one array per column, the same index for one lesson. */
export interface LessonColumns {
  studentIds: string[];
  dates: string[];
  startTimes: string[];
  offeredMinutes: number[];
  attendedMinutes: number[];
  validAbsenceMinutes: number[];
  invalidAbsenceMinutes: number[];
  reasons: (string | null)[];
}

/**
 * The SQL of lessons, of the per-day aggregate (`attendance_day`) that every writer of lessons
 * refreshes, and of the absence figures summed from it (set-based, raw).
 */
@Injectable()
export class AttendanceRepository extends SqlRepository {
  /** For the writers of lessons in other libraries, which pass their own transaction's manager. */
  static of(manager: EntityManager): AttendanceRepository {
    return new AttendanceRepository(manager.dataSource);
  }

  /** Records a lesson entered by hand, or corrects it (its date and start time are its key). */
  async saveManualLesson(tx: EntityManager, lesson: ManualLesson): Promise<LessonRow> {
    const row = await sqlRow<LessonRow>(
      tx,
      `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                      valid_absence_minutes, invalid_absence_minutes, reason, source, external_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'manual', $9)
       ON CONFLICT (student_id, lesson_date, start_time) DO UPDATE
          SET offered_minutes = excluded.offered_minutes, attended_minutes = excluded.attended_minutes,
              valid_absence_minutes = excluded.valid_absence_minutes,
              invalid_absence_minutes = excluded.invalid_absence_minutes, reason = excluded.reason,
              source = excluded.source, external_id = coalesce(excluded.external_id, attendance_lesson.external_id),
              reported = true, updated_at = now()
       RETURNING student_id, lesson_date, to_char(start_time, 'HH24:MI') AS start_time,
                 offered_minutes, attended_minutes, valid_absence_minutes, invalid_absence_minutes, reason, reported,
                 source, external_id, updated_at`,
      [
        lesson.studentId,
        lesson.date,
        lesson.startTime,
        lesson.offeredMinutes,
        lesson.attendedMinutes,
        lesson.validAbsenceMinutes,
        lesson.invalidAbsenceMinutes,
        lesson.reason,
        lesson.externalId,
      ],
    );
    return row!;
  }

  /**
   * A pupil's lessons between two dates, newest first, after `before` (date, time) when given;
   * one more row than `limit` asks for tells the page helper whether more follow.
   */
  lessons(studentId: string, from: string, to: string, limit: number, before: unknown[] | null): Promise<LessonRow[]> {
    return sqlRows(
      this.dataSource.manager,
      `${LESSON_SELECT}
        WHERE student_id = $1 AND lesson_date BETWEEN $2 AND $3
          ${before ? `AND (lesson_date, start_time) < ($5::date, $6::time)` : ''}
        ORDER BY lesson_date DESC, start_time DESC LIMIT $4`,
      [studentId, from, to, limit, ...(before ?? [])],
    );
  }

  /** Brings one pupil's day up to date after a lesson of it was written. */
  refreshDay(tx: EntityManager, studentId: string, day: string): Promise<void> {
    return this.refreshDays(tx, `SELECT $1::uuid AS student_id, $2::date AS lesson_date`, [studentId, day]);
  }

  /**
   * Brings `attendance_day` up to date for the (student, day) pairs that `keysSql` selects
   * (columns `student_id`, `lesson_date`). Lessons not yet reported (SS 12000 isReported=false)
   * are neither present nor absent: they are not counted. `removeEmptyDays` also drops the day
   * rows left without a reported lesson.
   */
  async refreshDays(
    tx: EntityManager,
    keysSql: string,
    params: unknown[] = [],
    options: { removeEmptyDays?: boolean } = {},
  ): Promise<void> {
    if (options.removeEmptyDays) {
      await sqlRows(
        tx,
        `DELETE FROM attendance_day d
          USING (SELECT DISTINCT student_id, lesson_date FROM (${keysSql}) k) keys
          WHERE d.student_id = keys.student_id AND d.day = keys.lesson_date
            AND NOT EXISTS (SELECT 1 FROM attendance_lesson a
                             WHERE a.student_id = d.student_id AND a.lesson_date = d.day AND a.reported)`,
        params,
      );
    }
    await sqlRows(
      tx,
      `WITH keys AS (SELECT DISTINCT student_id, lesson_date FROM (${keysSql}) k)
       INSERT INTO attendance_day (student_id, day, lessons, offered_minutes, valid_absence_minutes, invalid_absence_minutes)
       SELECT a.student_id, a.lesson_date, count(*), sum(a.offered_minutes), sum(a.valid_absence_minutes),
              sum(a.invalid_absence_minutes)
         FROM attendance_lesson a
         JOIN keys USING (student_id, lesson_date)
        WHERE a.reported
        GROUP BY a.student_id, a.lesson_date
       ON CONFLICT (student_id, day) DO UPDATE
          SET lessons = excluded.lessons,
              offered_minutes = excluded.offered_minutes,
              valid_absence_minutes = excluded.valid_absence_minutes,
              invalid_absence_minutes = excluded.invalid_absence_minutes
        WHERE (attendance_day.lessons, attendance_day.offered_minutes, attendance_day.valid_absence_minutes,
               attendance_day.invalid_absence_minutes)
              IS DISTINCT FROM (excluded.lessons, excluded.offered_minutes, excluded.valid_absence_minutes,
                                excluded.invalid_absence_minutes)`,
      params,
    );
  }

  /** A set of pupils' minutes per ISO week between two dates (inclusive), from the per-day aggregate. */
  absenceWeeks(db: EntityManager, pupils: PupilSet, from: string, to: string): Promise<AbsenceWeekRow[]> {
    const n = pupils.params.length;
    return sqlRows(
      db,
      `SELECT to_char(d.day, 'IYYY-"W"IW') AS week,
              to_char(date_trunc('week', d.day), 'YYYY-MM-DD') AS week_start,
              sum(d.offered_minutes)::int AS offered,
              sum(d.valid_absence_minutes)::int AS valid,
              sum(d.invalid_absence_minutes)::int AS invalid
         FROM attendance_day d
        WHERE d.student_id IN (${pupils.sql}) AND d.day BETWEEN $${n + 1} AND $${n + 2}
        GROUP BY 1, 2
        ORDER BY 2`,
      [...pupils.params, from, to],
    );
  }

  /** How many pupils the set holds. */
  async pupilCount(db: EntityManager, pupils: PupilSet): Promise<number> {
    const row = await sqlRow<{ pupils: number }>(
      db,
      `SELECT count(*)::int AS pupils FROM (${pupils.sql}) s`,
      pupils.params,
    );
    return row!.pupils;
  }

  /**
   * Inserts lessons given by column, in one statement whatever their number (eight array
   * parameters, far from the bind-parameter limit). The caller then refreshes their days.
   */
  async insertLessons(tx: EntityManager, source: 'demo' | 'csv' | 'manual', lessons: LessonColumns): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                      valid_absence_minutes, invalid_absence_minutes, reason, source)
       SELECT s, d, t, o, a, v, i, r, $9
         FROM unnest($1::uuid[], $2::date[], $3::time[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[])
           AS x(s, d, t, o, a, v, i, r)`,
      [
        lessons.studentIds,
        lessons.dates,
        lessons.startTimes,
        lessons.offeredMinutes,
        lessons.attendedMinutes,
        lessons.validAbsenceMinutes,
        lessons.invalidAbsenceMinutes,
        lessons.reasons,
        source,
      ],
    );
  }

  /** Brings every day of every lesson up to date (after a bulk insert of lessons). */
  refreshAllDays(tx: EntityManager): Promise<void> {
    return this.refreshDays(tx, `SELECT student_id, lesson_date FROM attendance_lesson`);
  }
}
