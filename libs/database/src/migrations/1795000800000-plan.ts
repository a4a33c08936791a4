import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared action plan (SIP-style) of a case, its versions, progress notes, agreement,
 * reviews and the follow-ups 6 and 18 months after closure.
 */
export class Plan1795000800000 implements MigrationInterface {
  name = 'Plan1795000800000';

  async up(db: QueryRunner): Promise<void> {
    // One plan per case; `version` grows with every change and is the ETag.
    await db.query(`
      CREATE TABLE case_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case (id) CONSTRAINT case_plan_case_key UNIQUE,
        version integer NOT NULL DEFAULT 1,
        pupil_view text,
        guardian_view text,
        review_dates date[] NOT NULL DEFAULT '{}',
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NOT NULL REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE plan_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES case_plan (id),
        position smallint NOT NULL,
        text text NOT NULL,
        -- A measurable target, e.g. attendance >= 80 % by a date.
        target_attendance_percent numeric(5, 1) CONSTRAINT plan_goal_target_check
          CHECK (target_attendance_percent BETWEEN 0 AND 100),
        target_date date,
        target_text text,
        removed_at timestamptz
      )`);
    await db.query(`CREATE INDEX plan_goal_plan_idx ON plan_goal (plan_id, position)`);
    await db.query(`
      CREATE TABLE plan_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES case_plan (id),
        case_id uuid NOT NULL REFERENCES support_case (id),
        position smallint NOT NULL,
        description text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency (id),
        responsible_user_id uuid REFERENCES app_user (id),
        start_date date,
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'planned' CONSTRAINT plan_action_status_check
          CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        CONSTRAINT plan_action_dates_check CHECK (start_date IS NULL OR start_date <= due_date)
      )`);
    await db.query(`CREATE INDEX plan_action_plan_idx ON plan_action (plan_id, position)`);
    // The agency work list: my agency's (or my own) open actions across cases, by due date.
    await db.query(`CREATE INDEX plan_action_agency_idx ON plan_action (agency_id, due_date) WHERE removed_at IS NULL`);
    await db.query(
      `CREATE INDEX plan_action_responsible_idx ON plan_action (responsible_user_id, due_date) WHERE removed_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE plan_action_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_id uuid NOT NULL REFERENCES plan_action (id),
        author_id uuid NOT NULL REFERENCES app_user (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX plan_action_note_action_idx ON plan_action_note (action_id, created_at)`);
    // Every version as it was, for GET /plan/versions/:n (the plan, goals, actions and notes as JSON).
    await db.query(`
      CREATE TABLE plan_version (
        plan_id uuid NOT NULL REFERENCES case_plan (id),
        version integer NOT NULL,
        snapshot jsonb NOT NULL,
        changed_by uuid NOT NULL REFERENCES app_user (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        change text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_version_pkey PRIMARY KEY (plan_id, version)
      )`);
    // Who agreed to the plan, and when (the pupil and guardians too, by name).
    await db.query(`
      CREATE TABLE plan_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES case_plan (id),
        plan_version integer NOT NULL,
        participant text NOT NULL CONSTRAINT plan_agreement_participant_check
          CHECK (participant IN ('pupil', 'guardian', 'agency')),
        agency_id uuid REFERENCES agency (id),
        name text NOT NULL,
        agreed_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        CONSTRAINT plan_agreement_agency_check CHECK ((participant = 'agency') = (agency_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX plan_agreement_plan_idx ON plan_agreement (plan_id, agreed_at)`);
    // At a review date: attendance before/after (computed, not typed), goal reached, decisions.
    await db.query(`
      CREATE TABLE plan_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case (id),
        reviewed_on date NOT NULL,
        period_before_from date NOT NULL,
        period_before_to date NOT NULL,
        attendance_before_percent numeric(5, 1),
        period_after_from date NOT NULL,
        period_after_to date NOT NULL,
        attendance_after_percent numeric(5, 1),
        goal_reached boolean NOT NULL,
        decisions text,
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX plan_review_case_idx ON plan_review (case_id, reviewed_on)`);
    // Scheduled at closure for 6 and 18 months; recorded later (in the style of the MST follow-ups).
    await db.query(`
      CREATE TABLE case_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case (id),
        months smallint NOT NULL CONSTRAINT case_follow_up_months_check CHECK (months IN (6, 18)),
        due_on date NOT NULL,
        recorded_at timestamptz,
        attendance_percent numeric(5, 1),
        school_or_work_20h boolean,
        new_interventions text[],
        note text,
        recorded_by uuid REFERENCES app_user (id),
        CONSTRAINT case_follow_up_key UNIQUE (case_id, months),
        CONSTRAINT case_follow_up_recorded_check CHECK ((recorded_at IS NULL) = (recorded_by IS NULL))
      )`);
    await db.query(`CREATE INDEX case_follow_up_due_idx ON case_follow_up (due_on) WHERE recorded_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'case_follow_up',
      'plan_review',
      'plan_agreement',
      'plan_version',
      'plan_action_note',
      'plan_action',
      'plan_goal',
      'case_plan',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
