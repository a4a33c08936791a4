import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlRow, sqlRows } from '@app/database';
import type { CalendarEventTimes, StudentExceptionTimes } from './ss12000.rules';
import { STAGING_TABLE, TOUCHED_TABLE } from './staging';

/** A lesson to remove: every pupil's of a cancelled event (`student` null), or one pupil's. */
export interface LessonRemoval {
  event: string;
  student: string | null;
}

interface EventRow {
  id: string;
  date: string;
  start_time: string;
  offered_minutes: number;
  cancelled: boolean;
  student_exceptions: StudentExceptionTimes[];
}

const BATCH = 5_000;

const shortTime = (time: string) => (time.endsWith(':00') ? time.slice(0, 5) : time);

/**
 * The SQL of SS 12000 lessons: the calendar events a school's imports have seen, and the identity
 * of a lesson (pupil + calendar event → its row in attendance_lesson). Every method is limited to
 * one school; the writers work inside the import's transaction on its staging table and list the
 * days whose lessons they changed in the touched table, so the per-day aggregate follows.
 */
@Injectable()
export class Ss12000LessonsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The school's known events among `ids`. Read on its own pooled connection (the import's is busy
   * with COPY): an /attendances page refers to events that an earlier import committed.
   */
  async eventsByIds(schoolId: string, ids: string[]): Promise<Map<string, CalendarEventTimes>> {
    if (!ids.length) return new Map();
    const rows = await sqlRows<EventRow>(
      this.dataSource.manager,
      `SELECT id, lesson_date AS date, to_char(start_time, 'HH24:MI:SS') AS start_time,
              offered_minutes, cancelled, student_exceptions
         FROM ss12000_calendar_event
        WHERE school_id = $1 AND id = ANY($2::text[])`,
      [schoolId, ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          date: r.date,
          startTime: shortTime(r.start_time),
          offeredMinutes: r.offered_minutes,
          cancelled: r.cancelled,
          exceptions: r.student_exceptions,
        },
      ]),
    );
  }

  /**
   * Whether an earlier import stored an event of the school that a staged lesson (or a removal)
   * belongs to. Asked before `saveEvents` stores this import's events.
   */
  async anyKnown(manager: EntityManager, schoolId: string, removedEvents: string[]): Promise<boolean> {
    const row = await sqlRow<{ known: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM ss12000_calendar_event e
                       WHERE e.school_id = $1
                         AND (e.id IN (SELECT DISTINCT calendar_event_id FROM ${STAGING_TABLE}) OR e.id = ANY($2::text[])))
              AS known`,
      [schoolId, removedEvents],
    );
    return row!.known;
  }

  /** Stores the events of a page; an event that did not change is not written. */
  async saveEvents(manager: EntityManager, schoolId: string, events: CalendarEventTimes[]): Promise<void> {
    for (let i = 0; i < events.length; i += BATCH) {
      const batch = events.slice(i, i + BATCH).map((e) => ({
        id: e.id,
        date: e.date,
        start_time: e.startTime,
        offered: e.offeredMinutes,
        cancelled: e.cancelled,
        exceptions: e.exceptions,
      }));
      await sqlRows(
        manager,
        `INSERT INTO ss12000_calendar_event AS e (school_id, id, lesson_date, start_time, offered_minutes, cancelled,
                                                 student_exceptions)
         SELECT $1, r.id, r.date::date, r.start_time::time, r.offered, r.cancelled, r.exceptions
           FROM jsonb_to_recordset($2::jsonb)
                AS r(id text, date text, start_time text, offered smallint, cancelled boolean, exceptions jsonb)
         ON CONFLICT (school_id, id) DO UPDATE
            SET lesson_date = excluded.lesson_date, start_time = excluded.start_time,
                offered_minutes = excluded.offered_minutes, cancelled = excluded.cancelled,
                student_exceptions = excluded.student_exceptions, updated_at = now()
          WHERE (e.lesson_date, e.start_time, e.offered_minutes, e.cancelled, e.student_exceptions)
                IS DISTINCT FROM (excluded.lesson_date, excluded.start_time, excluded.offered_minutes,
                                  excluded.cancelled, excluded.student_exceptions)`,
        [schoolId, JSON.stringify(batch)],
      );
    }
  }

  /** Removes the lessons of cancelled events and of pupils who no longer take part, and their identity. */
  async removeLessons(manager: EntityManager, schoolId: string, removals: LessonRemoval[]): Promise<void> {
    for (let i = 0; i < removals.length; i += BATCH) {
      await sqlRows(
        manager,
        `WITH r AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(event text, student uuid)),
              identity AS (
                DELETE FROM ss12000_lesson l USING r, student s
                 WHERE l.calendar_event_id = r.event AND (r.student IS NULL OR l.student_id = r.student)
                   AND s.id = l.student_id AND s.school_id = $1
                RETURNING l.student_id, l.lesson_date, l.start_time),
              gone AS (
                DELETE FROM attendance_lesson a USING identity g
                 WHERE a.student_id = g.student_id AND a.lesson_date = g.lesson_date AND a.start_time = g.start_time
                RETURNING a.student_id, a.lesson_date)
         INSERT INTO ${TOUCHED_TABLE} SELECT student_id, lesson_date FROM gone`,
        [schoolId, JSON.stringify(removals.slice(i, i + BATCH))],
      );
    }
  }

  /**
   * A staged lesson whose (pupil, event) was known at another date or start has moved: its old
   * row goes (the new one is written with the rest), so the lesson is never counted twice.
   */
  async vacateMovedLessons(manager: EntityManager, schoolId: string): Promise<void> {
    await sqlRows(
      manager,
      `WITH moved AS (
         SELECT DISTINCT l.student_id, l.lesson_date, l.start_time
           FROM ss12000_lesson l
           JOIN ${STAGING_TABLE} s ON s.student_id = l.student_id AND s.calendar_event_id = l.calendar_event_id
           JOIN student p ON p.id = l.student_id AND p.school_id = $1
          WHERE (l.lesson_date, l.start_time) IS DISTINCT FROM (s.lesson_date, s.start_time)),
       gone AS (
         DELETE FROM attendance_lesson a USING moved m
          WHERE a.student_id = m.student_id AND a.lesson_date = m.lesson_date AND a.start_time = m.start_time
         RETURNING a.student_id, a.lesson_date)
       INSERT INTO ${TOUCHED_TABLE} SELECT student_id, lesson_date FROM gone`,
      [schoolId],
    );
  }

  /**
   * Records which lesson row each staged (pupil, event) now is. A row another event held before
   * is this event's now (the last event written to a pupil's slot owns it). `skipLines` names a
   * temporary table of staged lines left out (repeats, in partial mode).
   */
  async saveIdentities(manager: EntityManager, schoolId: string, skipLines?: string, slotsHeld = true): Promise<void> {
    const kept = skipLines ? `AND NOT EXISTS (SELECT 1 FROM ${skipLines} d WHERE d.line = s.line)` : '';
    if (slotsHeld)
      await sqlRows(
        manager,
        `DELETE FROM ss12000_lesson l
        USING ${STAGING_TABLE} s, student p
        WHERE l.student_id = s.student_id AND l.lesson_date = s.lesson_date AND l.start_time = s.start_time
          AND l.calendar_event_id <> s.calendar_event_id AND p.id = l.student_id AND p.school_id = $1 ${kept}`,
        [schoolId],
      );
    await sqlRows(
      manager,
      `INSERT INTO ss12000_lesson AS l (student_id, calendar_event_id, lesson_date, start_time, attendance_id)
       SELECT DISTINCT ON (s.student_id, s.calendar_event_id)
              s.student_id, s.calendar_event_id, s.lesson_date, s.start_time, s.external_id
         FROM ${STAGING_TABLE} s
        WHERE s.calendar_event_id IS NOT NULL ${kept}
        ORDER BY s.student_id, s.calendar_event_id, s.line DESC
       ON CONFLICT (student_id, calendar_event_id) DO UPDATE
          SET lesson_date = excluded.lesson_date, start_time = excluded.start_time,
              attendance_id = excluded.attendance_id
        WHERE (l.lesson_date, l.start_time, l.attendance_id)
              IS DISTINCT FROM (excluded.lesson_date, excluded.start_time, excluded.attendance_id)`,
    );
  }
}
