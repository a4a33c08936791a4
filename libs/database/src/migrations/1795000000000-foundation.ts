import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, agencies, the pupil register, lesson-level attendance and the seed journal. */
export class Foundation1795000000000 implements MigrationInterface {
  name = 'Foundation1795000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT organisation_name_key UNIQUE,
        kind text NOT NULL CONSTRAINT organisation_kind_check CHECK (kind IN ('municipality', 'region')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        name text NOT NULL,
        type text NOT NULL CONSTRAINT agency_type_check
          CHECK (type IN ('school', 'social_services', 'bup', 'habilitation', 'other')),
        -- Skolenhetskod: every school carries one, nothing else does.
        school_unit_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agency_name_key UNIQUE (organisation_id, name),
        CONSTRAINT agency_school_unit_code_check CHECK ((type = 'school') = (school_unit_code IS NOT NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX agency_school_unit_code_key ON agency (school_unit_code) WHERE school_unit_code IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE student (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        school_id uuid NOT NULL REFERENCES agency (id),
        -- Canonical 12-digit personnummer or samordningsnummer (YYYYMMDDNNNN).
        personnummer char(12) NOT NULL CONSTRAINT student_personnummer_check CHECK (personnummer ~ '^[0-9]{12}$'),
        first_name text NOT NULL,
        last_name text NOT NULL,
        grade smallint NOT NULL CONSTRAINT student_grade_check CHECK (grade BETWEEN 0 AND 13),
        class_name text NOT NULL,
        external_id text,
        protected_identity boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT student_personnummer_key UNIQUE (organisation_id, personnummer),
        CONSTRAINT student_external_id_key UNIQUE (organisation_id, external_id)
      )`);
    await db.query(`CREATE INDEX student_school_idx ON student (school_id, last_name, first_name, id)`);
    await db.query(`
      CREATE TABLE guardian (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        student_id uuid NOT NULL REFERENCES student (id) ON DELETE CASCADE,
        name text NOT NULL,
        relation text NOT NULL,
        phone text,
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX guardian_student_idx ON guardian (student_id)`);
    // One row per pupil and lesson, in the shape of SS 12000's Attendance object.
    await db.query(`
      CREATE TABLE attendance_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        student_id uuid NOT NULL REFERENCES student (id),
        lesson_date date NOT NULL,
        start_time time NOT NULL,
        offered_minutes smallint NOT NULL CONSTRAINT attendance_offered_check CHECK (offered_minutes > 0),
        attended_minutes smallint NOT NULL CONSTRAINT attendance_attended_check CHECK (attended_minutes >= 0),
        valid_absence_minutes smallint NOT NULL DEFAULT 0 CONSTRAINT attendance_valid_check CHECK (valid_absence_minutes >= 0),
        invalid_absence_minutes smallint NOT NULL DEFAULT 0 CONSTRAINT attendance_invalid_check CHECK (invalid_absence_minutes >= 0),
        reason text,
        source text NOT NULL CONSTRAINT attendance_source_check CHECK (source IN ('manual', 'csv', 'ss12000', 'demo')),
        external_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attendance_minutes_check
          CHECK (attended_minutes + valid_absence_minutes + invalid_absence_minutes <= offered_minutes),
        CONSTRAINT attendance_lesson_key UNIQUE (student_id, lesson_date, start_time)
      )`);
    await db.query(`
      CREATE TABLE seed_run (
        name text PRIMARY KEY,
        ran_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['seed_run', 'attendance_record', 'guardian', 'student', 'agency', 'organisation']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
