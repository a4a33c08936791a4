import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance at city scale (~100 million lesson rows a year), the per-day aggregate the watch
 * list reads, imports, absence rules, flags to elevhälsa, absence investigations and same-day
 * guardian notices. docs/ARCHITECTURE.md ("Attendance at scale") gives the reasoning.
 */
export class Attendance1795000200000 implements MigrationInterface {
  name = 'Attendance1795000200000';

  async up(db: QueryRunner): Promise<void> {
    // Lesson rows, partitioned by month: a month of a city is ~8 M rows, old months can be
    // detached for gallring, and every query names a date range so only its months are read.
    // The natural key is the primary key (no surrogate id: 16 bytes and an index less per row).
    await db.query(`
      CREATE TABLE attendance_lesson (
        student_id uuid NOT NULL REFERENCES student (id),
        lesson_date date NOT NULL,
        start_time time NOT NULL,
        offered_minutes smallint NOT NULL CONSTRAINT attendance_offered_check CHECK (offered_minutes > 0),
        attended_minutes smallint NOT NULL CONSTRAINT attendance_attended_check CHECK (attended_minutes >= 0),
        valid_absence_minutes smallint NOT NULL DEFAULT 0
          CONSTRAINT attendance_valid_check CHECK (valid_absence_minutes >= 0),
        invalid_absence_minutes smallint NOT NULL DEFAULT 0
          CONSTRAINT attendance_invalid_check CHECK (invalid_absence_minutes >= 0),
        reason text,
        source text NOT NULL CONSTRAINT attendance_source_check CHECK (source IN ('manual', 'csv', 'ss12000', 'demo')),
        external_id text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attendance_minutes_check
          CHECK (attended_minutes + valid_absence_minutes + invalid_absence_minutes <= offered_minutes),
        CONSTRAINT attendance_lesson_pkey PRIMARY KEY (student_id, lesson_date, start_time)
      ) PARTITION BY RANGE (lesson_date)`);
    await db.query(`
      DO $$
      DECLARE month date := date '2024-07-01';
      BEGIN
        WHILE month < date '2031-07-01' LOOP
          EXECUTE format(
            'CREATE TABLE %I PARTITION OF attendance_lesson FOR VALUES FROM (%L) TO (%L)',
            'attendance_lesson_' || to_char(month, 'YYYY_MM'), month, month + interval '1 month');
          month := month + interval '1 month';
        END LOOP;
      END $$`);
    // Anything outside the prepared months still has a home; docs say how to add months.
    await db.query(`CREATE TABLE attendance_lesson_other PARTITION OF attendance_lesson DEFAULT`);
    await db.query(
      `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                      valid_absence_minutes, invalid_absence_minutes, reason, source, external_id, updated_at)
       SELECT student_id, lesson_date, start_time, offered_minutes, attended_minutes,
              valid_absence_minutes, invalid_absence_minutes, reason, source, external_id, updated_at
         FROM attendance_record`,
    );
    await db.query(`DROP TABLE attendance_record`);

    // One row per pupil and school day: what the watch list, the weekly figures and the flag
    // snapshot read (a term of a 2 000-pupil school is ~200 000 rows, not ~1.2 M lessons).
    // Kept current by the code that writes lessons, in the same transaction.
    await db.query(`
      CREATE TABLE attendance_day (
        student_id uuid NOT NULL REFERENCES student (id),
        day date NOT NULL,
        lessons smallint NOT NULL,
        offered_minutes integer NOT NULL,
        valid_absence_minutes integer NOT NULL,
        invalid_absence_minutes integer NOT NULL,
        CONSTRAINT attendance_day_pkey PRIMARY KEY (student_id, day)
      )`);
    await db.query(`
      INSERT INTO attendance_day (student_id, day, lessons, offered_minutes, valid_absence_minutes, invalid_absence_minutes)
      SELECT student_id, lesson_date, count(*), sum(offered_minutes), sum(valid_absence_minutes), sum(invalid_absence_minutes)
        FROM attendance_lesson GROUP BY student_id, lesson_date`);
    await db.query(`CREATE INDEX student_class_idx ON student (school_id, class_name)`);

    await db.query(`
      CREATE TABLE attendance_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        school_id uuid NOT NULL REFERENCES agency (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        format text NOT NULL CONSTRAINT attendance_import_format_check CHECK (format IN ('csv', 'ss12000')),
        mode text NOT NULL CONSTRAINT attendance_import_mode_check CHECK (mode IN ('all_or_nothing', 'partial')),
        status text NOT NULL CONSTRAINT attendance_import_status_check
          CHECK (status IN ('running', 'completed', 'rejected', 'failed')),
        rows_total integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        rows_rejected integer NOT NULL DEFAULT 0,
        -- The first 100 problems: [{ line, field, reason }]. Never a personnummer.
        errors jsonb NOT NULL DEFAULT '[]',
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX attendance_import_school_idx ON attendance_import (school_id, started_at DESC)`);

    // Organisation overrides of the default absence rules (the defaults live in code).
    await db.query(`
      CREATE TABLE absence_rule (
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        kind text NOT NULL CONSTRAINT absence_rule_kind_check
          CHECK (kind IN ('absence_share', 'invalid_streak', 'weekday_pattern', 'rising_trend')),
        enabled boolean NOT NULL,
        params jsonb NOT NULL,
        updated_by uuid NOT NULL REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT absence_rule_pkey PRIMARY KEY (organisation_id, kind)
      )`);

    await db.query(`
      CREATE TABLE absence_flag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        student_id uuid NOT NULL REFERENCES student (id),
        school_id uuid NOT NULL REFERENCES agency (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        text text NOT NULL,
        -- The absence figures at the moment of flagging.
        snapshot jsonb NOT NULL,
        status text NOT NULL DEFAULT 'new' CONSTRAINT absence_flag_status_check
          CHECK (status IN ('new', 'accepted', 'dismissed')),
        triaged_by uuid REFERENCES app_user (id),
        triaged_at timestamptz,
        dismiss_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT absence_flag_triage_check CHECK ((status = 'new') = (triaged_at IS NULL))
      )`);
    await db.query(`CREATE INDEX absence_flag_school_idx ON absence_flag (school_id, status, created_at DESC, id)`);
    await db.query(`CREATE INDEX absence_flag_student_idx ON absence_flag (student_id)`);

    // Frånvaroutredning (skollagen 7 kap. 19 a §): started by the principal, huvudman informed.
    await db.query(`
      CREATE TABLE absence_investigation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        student_id uuid NOT NULL REFERENCES student (id),
        school_id uuid NOT NULL REFERENCES agency (id),
        started_on date NOT NULL,
        huvudman_informed_on date,
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT absence_investigation_dates_check CHECK (huvudman_informed_on IS NULL OR huvudman_informed_on >= started_on)
      )`);
    await db.query(
      `CREATE INDEX absence_investigation_student_idx ON absence_investigation (student_id, started_on DESC)`,
    );

    // Same-day notice to guardians of invalid absence (skollagen 7 kap. 17 §).
    await db.query(`
      CREATE TABLE guardian_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        student_id uuid NOT NULL REFERENCES student (id),
        absence_date date NOT NULL,
        method text NOT NULL CONSTRAINT guardian_notice_method_check
          CHECK (method IN ('phone', 'sms', 'email', 'letter', 'in_person', 'school_app')),
        informed_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT guardian_notice_day_key UNIQUE (student_id, absence_date)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'guardian_notice',
      'absence_investigation',
      'absence_flag',
      'absence_rule',
      'attendance_import',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP INDEX student_class_idx`);
    await db.query(`DROP TABLE attendance_day`);
    await db.query(`ALTER TABLE attendance_lesson RENAME TO attendance_record`);
  }
}
