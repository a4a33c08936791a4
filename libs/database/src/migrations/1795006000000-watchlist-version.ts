import { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from '../database-roles';

/** The tables whose rows carry `student_id` and feed the watch list's rule scan (`signalRows`). */
const PUPIL_TABLES = ['attendance_day', 'absence_flag', 'absence_investigation'];

/**
 * A data version per school for the watch list's result cache (WatchlistService): every statement
 * that can change a school's rule scan bumps its school's version in the same transaction, so a
 * reader that sees the new version also sees the change (docs/ARCHITECTURE.md, "Watch list").
 *
 * Statement-level triggers with transition tables: a 1 M-row import marks each school once per
 * statement, not once per row. The mark (`watchlist_pending`, one row per transaction and school)
 * is applied at COMMIT by a deferred constraint trigger: the version row is locked only while the
 * transaction commits, so a teacher's entry does not wait for a 30-second import at the same
 * school to finish (an upsert in the statement's own trigger held the row lock until commit).
 * Versions come from one sequence, so a version never repeats. The runtime role only reads the
 * tables: the trigger functions write them as their owner (SECURITY DEFINER).
 *
 * The rules are not versioned here: the watch list keys its cache by the rule set itself.
 */
export class WatchlistVersion1795006000000 implements MigrationInterface {
  name = 'WatchlistVersion1795006000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE watchlist_version_seq`);
    await db.query(`
      CREATE TABLE watchlist_version (
        school_id uuid PRIMARY KEY,
        version bigint NOT NULL
      )`);
    // Marked per transaction and school; a second statement of the same transaction adds nothing.
    await db.query(`
      CREATE TABLE watchlist_pending (
        xact bigint NOT NULL DEFAULT txid_current(),
        school_id uuid NOT NULL,
        PRIMARY KEY (xact, school_id)
      )`);
    await db.query(`
      CREATE FUNCTION watchlist_bump(schools uuid[]) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        INSERT INTO watchlist_pending (school_id)
        SELECT DISTINCT id FROM unnest(schools) AS u(id) WHERE id IS NOT NULL
        ON CONFLICT DO NOTHING
      $$`);
    // At COMMIT (deferred): the new version, and the mark gone. Readers see the version and the
    // change it stands for in the same commit.
    await db.query(`
      CREATE FUNCTION watchlist_apply_pending() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO watchlist_version AS v (school_id, version)
        VALUES (NEW.school_id, nextval('watchlist_version_seq'))
        ON CONFLICT (school_id) DO UPDATE SET version = excluded.version;
        DELETE FROM watchlist_pending WHERE xact = NEW.xact AND school_id = NEW.school_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER watchlist_pending_apply AFTER INSERT ON watchlist_pending
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION watchlist_apply_pending()`);
    // attendance_day, absence_flag, absence_investigation: the pupils' current schools.
    await db.query(`
      CREATE FUNCTION watchlist_bump_pupils() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM watchlist_bump(ARRAY(
            SELECT s.school_id FROM student s WHERE s.id IN (SELECT student_id FROM new_rows)));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM watchlist_bump(ARRAY(
            SELECT s.school_id FROM student s WHERE s.id IN (SELECT student_id FROM old_rows)));
        ELSE
          PERFORM watchlist_bump(ARRAY(
            SELECT s.school_id FROM student s
             WHERE s.id IN (SELECT student_id FROM old_rows UNION SELECT student_id FROM new_rows)));
        END IF;
        RETURN NULL;
      END $$`);
    // student: the columns the scan reads; a move bumps both schools. Other columns (guardians'
    // version, sync bookkeeping) leave the watch list as it was.
    await db.query(`
      CREATE FUNCTION watchlist_bump_students() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM watchlist_bump(ARRAY(SELECT school_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM watchlist_bump(ARRAY(SELECT school_id FROM old_rows));
        ELSE
          PERFORM watchlist_bump(ARRAY(
            SELECT unnest(ARRAY[o.school_id, n.school_id])
              FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.school_id, o.first_name, o.last_name, o.class_name, o.grade, o.personnummer)
                   IS DISTINCT FROM (n.school_id, n.first_name, n.last_name, n.class_name, n.grade, n.personnummer)));
        END IF;
        RETURN NULL;
      END $$`);
    // TRUNCATE has no transition table: every school.
    await db.query(`
      CREATE FUNCTION watchlist_bump_all() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM watchlist_bump(ARRAY(SELECT id FROM agency));
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ...PUPIL_TABLES.map((t) => [t, 'watchlist_bump_pupils']),
      ['student', 'watchlist_bump_students'],
    ]) {
      // One event per trigger: PostgreSQL allows transition tables only so.
      await db.query(`
        CREATE TRIGGER ${table}_watchlist_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await db.query(`
        CREATE TRIGGER ${table}_watchlist_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await db.query(`
        CREATE TRIGGER ${table}_watchlist_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await db.query(`
        CREATE TRIGGER ${table}_watchlist_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION watchlist_bump_all()`);
    }
    const role = await runtimeRole(db);
    if (role) {
      const [{ grantee }] = (await db.query(`SELECT quote_ident($1) AS grantee`, [role])) as { grantee: string }[];
      await db.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON watchlist_version, watchlist_pending FROM ${grantee}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...PUPIL_TABLES, 'student']) {
      for (const event of ['insert', 'update', 'delete', 'truncate']) {
        await db.query(`DROP TRIGGER ${table}_watchlist_${event} ON ${table}`);
      }
    }
    await db.query(`DROP FUNCTION watchlist_bump_all()`);
    await db.query(`DROP FUNCTION watchlist_bump_students()`);
    await db.query(`DROP FUNCTION watchlist_bump_pupils()`);
    await db.query(`DROP FUNCTION watchlist_bump(uuid[])`);
    await db.query(`DROP TABLE watchlist_pending`);
    await db.query(`DROP FUNCTION watchlist_apply_pending()`);
    await db.query(`DROP TABLE watchlist_version`);
    await db.query(`DROP SEQUENCE watchlist_version_seq`);
  }
}
