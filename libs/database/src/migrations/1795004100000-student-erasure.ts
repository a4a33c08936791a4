import { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from '../database-roles';

/**
 * Erasure on request (GDPR art. 17) of a pupil registered by mistake: `erase_student(id)`, a
 * SECURITY DEFINER function owned by the owner role, is the only way the application removes a
 * pupil. The runtime role may only EXECUTE it (it cannot DELETE from the append-only
 * `student_change`), and the function itself refuses a pupil whose data a statutory duty keeps:
 * it returns the reasons (`kept-case`, `kept-flag`, `kept-investigation`, `kept-guardian-notice`)
 * and changes nothing, or erases everything about the pupil in the caller's transaction and
 * returns an empty array (null: no such pupil). The access log, which names pupils by id only,
 * is left alone (it has its own retention).
 *
 * The pupil's row is locked FOR UPDATE first: a flag, case, investigation or guardian notice
 * being written at the same moment takes a KEY SHARE lock on it through its foreign key (the flag
 * service even FOR NO KEY UPDATE), so either it commits first and is seen as a reason, or it waits
 * and then fails on the erased pupil. Lessons have no foreign key; their writers refresh
 * `attendance_day`, whose foreign key fails the same way.
 *
 * `student_change` stays append-only for everyone: its trigger lets a DELETE through only inside
 * this function's erasure of that very pupil (a transaction-local setting the function sets; the
 * runtime role has no DELETE privilege on the table, so setting it alone achieves nothing).
 */
export class StudentErasure1795004100000 implements MigrationInterface {
  name = 'StudentErasure1795004100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION student_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.student_id::text = current_setting('narvaroteam.erasing_student', true) THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION 'student_change is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE FUNCTION erase_student(p_student uuid) RETURNS text[]
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        kept text[] := ARRAY[]::text[];
      BEGIN
        PERFORM 1 FROM student WHERE id = p_student FOR UPDATE;
        IF NOT FOUND THEN RETURN NULL; END IF;
        -- Art. 17(3)(b): what a legal obligation or the public task keeps (docs/DATA-PROTECTION.md).
        IF EXISTS (SELECT 1 FROM support_case WHERE student_id = p_student) THEN
          kept := kept || 'kept-case'::text;
        END IF;
        IF EXISTS (SELECT 1 FROM absence_flag WHERE student_id = p_student) THEN
          kept := kept || 'kept-flag'::text;
        END IF;
        IF EXISTS (SELECT 1 FROM absence_investigation WHERE student_id = p_student) THEN
          kept := kept || 'kept-investigation'::text;
        END IF;
        IF EXISTS (SELECT 1 FROM guardian_notice WHERE student_id = p_student) THEN
          kept := kept || 'kept-guardian-notice'::text;
        END IF;
        IF cardinality(kept) > 0 THEN RETURN kept; END IF;

        PERFORM set_config('narvaroteam.erasing_student', p_student::text, true);
        DELETE FROM student_change WHERE student_id = p_student;
        PERFORM set_config('narvaroteam.erasing_student', '', true);
        DELETE FROM ss12000_lesson WHERE student_id = p_student;
        -- Partitioned, no foreign key: by the primary key's leading column in every partition.
        DELETE FROM attendance_lesson WHERE student_id = p_student;
        DELETE FROM attendance_day WHERE student_id = p_student;
        DELETE FROM guardian WHERE student_id = p_student;
        DELETE FROM student WHERE id = p_student;
        RETURN kept;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION erase_student(uuid) FROM PUBLIC`);
    const role = await runtimeRole(db);
    if (role) {
      const [{ grantee }] = (await db.query(`SELECT quote_ident($1) AS grantee`, [role])) as { grantee: string }[];
      await db.query(`GRANT EXECUTE ON FUNCTION erase_student(uuid) TO ${grantee}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION erase_student(uuid)`);
    await db.query(`
      CREATE OR REPLACE FUNCTION student_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'student_change is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }
}
