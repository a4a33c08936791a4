import { MigrationInterface, QueryRunner } from 'typeorm';
import { revokeAppendOnlyWrites } from '../database-roles';

/**
 * A pupil can be updated (by school staff and by an SS 12000 sync): `student.version` is the
 * pupil's ETag (optimistic concurrency), and `student_change` keeps every change: the field, the
 * earlier and the new value, who made it (a user, or a sync source) and when. Append-only.
 */
export class StudentChanges1795003000000 implements MigrationInterface {
  name = 'StudentChanges1795003000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE student ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await db.query(`
      CREATE TABLE student_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        student_id uuid NOT NULL REFERENCES student (id),
        -- The pupil's field as the API names it (className, grade, guardians, protectedIdentity, …).
        field text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        source text NOT NULL CONSTRAINT student_change_source_check CHECK (source IN ('user', 'sync')),
        changed_by uuid REFERENCES app_user (id),
        -- The SS 12000 source of a sync's change (no foreign key: sources may be removed, history stays).
        sync_source_id uuid,
        -- The pupil's version the change made.
        version integer NOT NULL,
        request_id text,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT student_change_author_check
          CHECK ((source = 'user' AND changed_by IS NOT NULL) OR (source = 'sync' AND sync_source_id IS NOT NULL))
      )`);
    await revokeAppendOnlyWrites(db, 'student_change');
    await db.query(`
      CREATE FUNCTION student_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'student_change is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER student_change_no_update_delete BEFORE UPDATE OR DELETE ON student_change
      FOR EACH ROW EXECUTE FUNCTION student_change_append_only()`);
    await db.query(`
      CREATE TRIGGER student_change_no_truncate BEFORE TRUNCATE ON student_change
      FOR EACH STATEMENT EXECUTE FUNCTION student_change_append_only()`);
    await db.query(`CREATE INDEX student_change_student_idx ON student_change (student_id, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE student_change`);
    await db.query(`DROP FUNCTION student_change_append_only()`);
    await db.query(`ALTER TABLE student DROP COLUMN version`);
  }
}
