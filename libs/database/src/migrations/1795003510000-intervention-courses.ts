import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interventions in use: a plan action may name one (`plan_action.intervention_id`); a pupil's
 * course of an intervention (`intervention_course`) with its start, the behaviours it was referred
 * for, its end and why it ended (MST Sweden's categories), and its follow-ups 6 and 18 months
 * after the end (`intervention_follow_up`), in MST's terms.
 */
export class InterventionCourses1795003510000 implements MigrationInterface {
  name = 'InterventionCourses1795003510000';

  async up(db: QueryRunner): Promise<void> {
    const behaviours = `ARRAY['school_absence', 'crime', 'drugs', 'aggression', 'conflicts_at_home', 'running_away', 'other']::text[]`;
    await db.query(`ALTER TABLE plan_action ADD COLUMN intervention_id uuid REFERENCES intervention (id)`);
    await db.query(
      `CREATE INDEX plan_action_intervention_idx ON plan_action (intervention_id) WHERE intervention_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE intervention_course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case (id),
        intervention_id uuid NOT NULL REFERENCES intervention (id),
        started_on date NOT NULL,
        referred_behaviours text[] NOT NULL CONSTRAINT intervention_course_behaviours_check
          CHECK (cardinality(referred_behaviours) > 0 AND referred_behaviours <@ ${behaviours}),
        -- Attendance % in the 8 most recent weeks with lessons before the start / up to the end, as computed then.
        attendance_before_start numeric(4, 1),
        ended_on date,
        end_reason text CONSTRAINT intervention_course_end_reason_check
          CHECK (end_reason IN ('completed', 'placement', 'lack_of_engagement', 'moved', 'other')),
        attendance_before_end numeric(4, 1),
        started_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_by uuid REFERENCES app_user (id),
        ended_at timestamptz,
        CONSTRAINT intervention_course_end_check CHECK (
          (ended_on IS NULL) = (end_reason IS NULL) AND (ended_on IS NULL) = (ended_at IS NULL)
          AND (ended_on IS NULL OR ended_on >= started_on))
      )`);
    await db.query(`CREATE INDEX intervention_course_case_idx ON intervention_course (case_id, started_on)`);
    await db.query(`CREATE INDEX intervention_course_ended_idx ON intervention_course (intervention_id, ended_on)`);
    // One running course of an intervention per case at a time.
    await db.query(`
      CREATE UNIQUE INDEX intervention_course_running_key ON intervention_course (case_id, intervention_id)
        WHERE ended_on IS NULL`);
    await db.query(`
      CREATE TABLE intervention_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES intervention_course (id),
        months smallint NOT NULL CHECK (months IN (6, 18)),
        new_intervention_for text[] NOT NULL CONSTRAINT intervention_follow_up_behaviours_check
          CHECK (new_intervention_for <@ ${behaviours}),
        school_or_work_20h boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        CONSTRAINT intervention_follow_up_key UNIQUE (course_id, months)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE intervention_follow_up`);
    await db.query(`DROP TABLE intervention_course`);
    await db.query(`ALTER TABLE plan_action DROP COLUMN intervention_id`);
  }
}
