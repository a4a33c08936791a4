import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lessons from SS 12000 (issue 17): a lesson not yet reported, the calendar events the import has
 * seen, and the identity of a lesson as the school system knows it (calendar event + pupil), so a
 * moved lesson is updated, never counted twice. docs/ARCHITECTURE.md ("SS 12000 lessons").
 */
export class Ss12000Lessons1795002700000 implements MigrationInterface {
  name = 'Ss12000Lessons1795002700000';

  async up(db: QueryRunner): Promise<void> {
    // isReported=false in SS 12000: the lesson took place but the teacher has not reported it yet.
    // Neither present nor absent: left out of attendance_day (and so of every figure) until reported.
    // A constant default: no rewrite of the partitions.
    await db.query(`ALTER TABLE attendance_lesson ADD COLUMN reported boolean NOT NULL DEFAULT true`);
    await db.query(`ALTER TABLE attendance_lesson ADD CONSTRAINT attendance_unreported_check
                      CHECK (reported OR attended_minutes + valid_absence_minutes + invalid_absence_minutes = 0)`);

    // The calendar events (lessons of the timetable) of a school as SS 12000 last described them:
    // an /attendances page names its lesson only by calendarEvent.id; the times live here.
    await db.query(`
      CREATE TABLE ss12000_calendar_event (
        school_id uuid NOT NULL REFERENCES agency (id),
        id text NOT NULL,
        lesson_date date NOT NULL,
        start_time time NOT NULL,
        offered_minutes smallint NOT NULL CONSTRAINT ss12000_event_offered_check CHECK (offered_minutes > 0),
        cancelled boolean NOT NULL DEFAULT false,
        -- studentExceptions, read: [{ student, participates, date?, startTime?, offeredMinutes? }]
        student_exceptions jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ss12000_calendar_event_pkey PRIMARY KEY (school_id, id)
      )`);

    // Which lesson row a (pupil, calendar event) is today. attendance_lesson is partitioned by
    // month, so a unique key on the event cannot be enforced there; this small table holds it and
    // the import moves the lesson row (delete the old, insert the new) in the same transaction.
    await db.query(`
      CREATE TABLE ss12000_lesson (
        student_id uuid NOT NULL REFERENCES student (id),
        calendar_event_id text NOT NULL,
        lesson_date date NOT NULL,
        start_time time NOT NULL,
        attendance_id text,
        CONSTRAINT ss12000_lesson_pkey PRIMARY KEY (student_id, calendar_event_id),
        -- One event per lesson row: the last event written to a pupil's slot owns it.
        CONSTRAINT ss12000_lesson_slot_key UNIQUE (student_id, lesson_date, start_time)
      )`);
    await db.query(`CREATE INDEX ss12000_lesson_event_idx ON ss12000_lesson (calendar_event_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ss12000_lesson`);
    await db.query(`DROP TABLE ss12000_calendar_event`);
    await db.query(`ALTER TABLE attendance_lesson DROP CONSTRAINT attendance_unreported_check`);
    await db.query(`ALTER TABLE attendance_lesson DROP COLUMN reported`);
  }
}
