import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, their timeline, consent, mobilisation of agencies, meetings and the mapping. */
export class Cases1795000500000 implements MigrationInterface {
  name = 'Cases1795000500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE support_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- A neutral reference for notifications and print: never the pupil's name.
        reference text NOT NULL CONSTRAINT support_case_reference_key UNIQUE,
        student_id uuid NOT NULL REFERENCES student (id),
        school_id uuid NOT NULL REFERENCES agency (id),
        coordinator_id uuid NOT NULL REFERENCES app_user (id),
        flag_id uuid REFERENCES absence_flag (id),
        status text NOT NULL DEFAULT 'open' CONSTRAINT support_case_status_check
          CHECK (status IN ('open', 'mapping', 'plan_active', 'follow_up', 'closed')),
        first_signal_on date,
        flagged_at timestamptz,
        opened_at timestamptz NOT NULL DEFAULT now(),
        plan_agreed_at timestamptz,
        closed_at timestamptz,
        outcome text CONSTRAINT support_case_outcome_check
          CHECK (outcome IN ('attendance_recovered', 'partly_recovered', 'not_recovered', 'moved', 'other')),
        close_reason text,
        CONSTRAINT support_case_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL AND outcome IS NOT NULL))
      )`);
    // One case at a time per pupil: a second open case would split the story the product exists to keep whole.
    await db.query(
      `CREATE UNIQUE INDEX support_case_one_open_key ON support_case (student_id) WHERE status <> 'closed'`,
    );
    await db.query(`CREATE INDEX support_case_school_idx ON support_case (school_id, opened_at DESC, id)`);
    await db.query(`CREATE UNIQUE INDEX support_case_flag_key ON support_case (flag_id) WHERE flag_id IS NOT NULL`);
    await db.query(`CREATE SEQUENCE support_case_reference_seq`);

    // Append-only: a trigger refuses updates and deletes, as for the access log.
    await db.query(`
      CREATE TABLE case_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES support_case (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user (id),
        agency_id uuid REFERENCES agency (id),
        kind text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX case_event_case_idx ON case_event (case_id, id)`);
    await db.query(`
      CREATE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
        FOR EACH ROW EXECUTE FUNCTION case_event_append_only()`);
    await db.query(`
      CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event
        FOR EACH STATEMENT EXECUTE FUNCTION case_event_append_only()`);

    await db.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        given_by text NOT NULL CONSTRAINT consent_given_by_check CHECK (given_by IN ('guardian', 'pupil')),
        given_by_name text NOT NULL,
        scope text[] NOT NULL CONSTRAINT consent_scope_check CHECK (
          cardinality(scope) > 0
          AND scope <@ ARRAY['case_summary', 'attendance', 'health_notes', 'mapping', 'plan']::text[]
        ),
        given_at date NOT NULL,
        valid_until date,
        document_reference text,
        withdrawn_at timestamptz,
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consent_validity_check CHECK (valid_until IS NULL OR valid_until >= given_at)
      )`);
    await db.query(`CREATE INDEX consent_case_agency_idx ON consent (case_id, agency_id)`);

    await db.query(`
      CREATE TABLE mobilisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        message text,
        invited_by uuid NOT NULL REFERENCES app_user (id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT mobilisation_status_check
          CHECK (status IN ('pending', 'accepted', 'declined')),
        representative_id uuid REFERENCES app_user (id),
        responded_by uuid REFERENCES app_user (id),
        responded_at timestamptz,
        decline_reason text,
        CONSTRAINT mobilisation_accepted_check CHECK ((status = 'accepted') = (representative_id IS NOT NULL))
      )`);
    // An agency is invited once while its invitation stands; after a decline it may be asked again.
    await db.query(
      `CREATE UNIQUE INDEX mobilisation_case_agency_key ON mobilisation (case_id, agency_id) WHERE status <> 'declined'`,
    );
    await db.query(`CREATE INDEX mobilisation_agency_idx ON mobilisation (agency_id, status, deadline)`);

    await db.query(`
      CREATE TABLE case_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case (id),
        starts_at timestamptz NOT NULL,
        place text,
        video_link text,
        agency_ids uuid[] NOT NULL,
        pupil_present boolean NOT NULL DEFAULT false,
        guardians_present boolean NOT NULL DEFAULT false,
        minutes text,
        decisions text,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_meeting_where_check CHECK (place IS NOT NULL OR video_link IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX case_meeting_case_idx ON case_meeting (case_id, starts_at)`);

    await db.query(`
      CREATE TABLE mapping_contribution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case (id),
        section text NOT NULL CONSTRAINT mapping_section_check
          CHECK (section IN ('school', 'health', 'home_family', 'leisure_friends', 'pupil_view', 'guardian_view')),
        agency_id uuid NOT NULL REFERENCES agency (id),
        author_id uuid NOT NULL REFERENCES app_user (id),
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX mapping_contribution_case_idx ON mapping_contribution (case_id, section, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['mapping_contribution', 'case_meeting', 'mobilisation', 'consent', 'case_event']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION case_event_append_only()`);
    await db.query(`DROP TABLE support_case`);
    await db.query(`DROP SEQUENCE support_case_reference_seq`);
  }
}
