import { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from '../database-roles';

/**
 * Dropping a whole month (gallring, issue 21) without holding the parent table's lock for long.
 *
 * `retention_drop_lesson_month` and the month branch of `retention_erase_access_log` used to
 * count the month, then `DETACH PARTITION` and `DROP TABLE` in the same transaction. The detach
 * takes `ACCESS EXCLUSIVE` on the parent, then on the month and the default partition; from then
 * on every reader and writer of the whole table waits: while the detach itself waited (for an
 * autovacuum of the month, cancelled only after `deadlock_timeout`, 1 s; for a reader ahead of
 * it, with new ones queueing behind), and until the commit had removed the dropped month's files.
 * Now:
 *
 * - the month and the default partition are locked `SHARE` first (no writes into them, so the
 *   count is what goes; readers go on; an autovacuum of them is waited out here, holding nothing
 *   on the parent);
 * - the detach waits at most 100 ms (`lock_timeout`) for the parent: rather than queue in front
 *   of the table's readers and writers it gives up (`lock_not_available`, 55P03) and the
 *   application tries again a little later;
 * - the detached month is dropped by `retention_drop_detached(parent)`, in a transaction of its
 *   own that holds no lock on the parent.
 */
export class RetentionMonthLocks1795005000000 implements MigrationInterface {
  name = 'RetentionMonthLocks1795005000000';

  async up(db: QueryRunner): Promise<void> {
    const definer = `SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s'`;
    // Detaches a month whose rows the caller has counted under SHARE locks on the month and the
    // default partition (retention_lock_month): waits at most 100 ms for the parent.
    await db.query(`
      CREATE FUNCTION retention_lock_month(parent text, part text) RETURNS void
        LANGUAGE plpgsql ${definer} AS $$
      BEGIN
        IF parent NOT IN ('access_log', 'attendance_lesson')
           OR NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhparent = parent::regclass AND i.inhrelid = part::regclass)
        THEN
          RAISE EXCEPTION 'not a month of ours: %', part USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('LOCK TABLE %I, %I IN SHARE MODE', part, parent || '_other');
      END $$`);
    await db.query(`
      CREATE FUNCTION retention_detach_month(parent text, part text) RETURNS void
        LANGUAGE plpgsql ${definer} AS $$
      BEGIN
        IF parent NOT IN ('access_log', 'attendance_lesson') THEN
          RAISE EXCEPTION 'not a partitioned table of ours: %', parent USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM set_config('lock_timeout', '100ms', true);
        EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, part);
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION retention_lock_month(text, text) FROM PUBLIC`);
    await db.query(`REVOKE ALL ON FUNCTION retention_detach_month(text, text) FROM PUBLIC`);

    await db.query(`
      CREATE OR REPLACE FUNCTION retention_drop_lesson_month(as_of timestamptz)
        RETURNS TABLE (organisation_id uuid, partition text, rows bigint)
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        cutoff timestamptz := (SELECT min(retention_cutoff(o.id, 'attendance_lesson', as_of)) FROM organisation o);
        part text;
      BEGIN
        SELECT p.name INTO part FROM retention_old_partitions('attendance_lesson', cutoff) p LIMIT 1;
        IF part IS NULL THEN RETURN; END IF;
        -- No writes into the month from here on: the count is what goes. Readers go on.
        PERFORM retention_lock_month('attendance_lesson', part);
        RETURN QUERY EXECUTE format(
          'SELECT s.organisation_id, %L::text, count(*) FROM %I l JOIN student s ON s.id = l.student_id GROUP BY 1',
          part, part);
        IF NOT FOUND THEN
          organisation_id := NULL; partition := part; rows := 0; RETURN NEXT;
        END IF;
        EXECUTE format('DELETE FROM ss12000_lesson WHERE lesson_date >= %L AND lesson_date < %L',
          to_date(right(part, 7), 'YYYY_MM'), to_date(right(part, 7), 'YYYY_MM') + interval '1 month');
        PERFORM retention_detach_month('attendance_lesson', part);
      END $$`);

    await db.query(`
      CREATE OR REPLACE FUNCTION retention_erase_access_log(as_of timestamptz, batch integer)
        RETURNS TABLE (organisation_id uuid, partition text, rows bigint)
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        cutoff timestamptz := retention_access_log_cutoff(as_of);
        part text;
      BEGIN
        SELECT p.name INTO part FROM retention_old_partitions('access_log', cutoff) p LIMIT 1;
        IF part IS NOT NULL THEN
          PERFORM retention_lock_month('access_log', part);
          RETURN QUERY EXECUTE format(
            'SELECT subject_organisation_id, %L::text, count(*) FROM %I GROUP BY 1', part, part);
          IF NOT FOUND THEN
            organisation_id := NULL; partition := part; rows := 0; RETURN NEXT;
          END IF;
          PERFORM retention_detach_month('access_log', part);
          RETURN;
        END IF;
        PERFORM set_config('narvaroteam.gallring', 'on', true);
        RETURN QUERY
          WITH gone AS (
            DELETE FROM access_log_other WHERE ctid IN (SELECT ctid FROM access_log_other WHERE at < cutoff LIMIT batch)
            RETURNING subject_organisation_id)
          SELECT g.subject_organisation_id, 'access_log_other'::text, count(*) FROM gone g GROUP BY 1;
        PERFORM set_config('narvaroteam.gallring', 'off', true);
      END $$`);

    // The months a detach left behind (tables named <parent>_YYYY_MM that are no partition any
    // more), dropped in a transaction that holds no lock on the parent. Returns how many.
    await db.query(`
      CREATE FUNCTION retention_drop_detached(parent text) RETURNS integer
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        part text;
        n integer := 0;
      BEGIN
        IF parent NOT IN ('access_log', 'attendance_lesson') THEN
          RAISE EXCEPTION 'not a partitioned table of ours: %', parent USING ERRCODE = 'invalid_parameter_value';
        END IF;
        FOR part IN
          SELECT c.relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
           WHERE s.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition
             AND c.relname ~ ('^' || parent || '_[0-9]{4}_[0-9]{2}$')
           ORDER BY c.relname
        LOOP
          EXECUTE format('DROP TABLE %I', part);
          n := n + 1;
        END LOOP;
        RETURN n;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION retention_drop_detached(text) FROM PUBLIC`);

    const role = await runtimeRole(db);
    if (!role) return;
    const [{ grantee }] = (await db.query(`SELECT quote_ident($1) AS grantee`, [role])) as { grantee: string }[];
    await db.query(`GRANT EXECUTE ON FUNCTION retention_drop_detached(text) TO ${grantee}`);
  }

  /** Back to Retention1795004000000's functions: count, detach and drop in one transaction. */
  async down(db: QueryRunner): Promise<void> {
    const definer = `SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s'`;
    await db.query(`
      CREATE OR REPLACE FUNCTION retention_drop_lesson_month(as_of timestamptz)
        RETURNS TABLE (organisation_id uuid, partition text, rows bigint)
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        cutoff timestamptz := (SELECT min(retention_cutoff(o.id, 'attendance_lesson', as_of)) FROM organisation o);
        part text;
      BEGIN
        SELECT p.name INTO part FROM retention_old_partitions('attendance_lesson', cutoff) p LIMIT 1;
        IF part IS NULL THEN RETURN; END IF;
        RETURN QUERY EXECUTE format(
          'SELECT s.organisation_id, %L::text, count(*) FROM %I l JOIN student s ON s.id = l.student_id GROUP BY 1',
          part, part);
        IF NOT FOUND THEN
          organisation_id := NULL; partition := part; rows := 0; RETURN NEXT;
        END IF;
        EXECUTE format('DELETE FROM ss12000_lesson WHERE lesson_date >= %L AND lesson_date < %L',
          to_date(right(part, 7), 'YYYY_MM'), to_date(right(part, 7), 'YYYY_MM') + interval '1 month');
        EXECUTE format('ALTER TABLE attendance_lesson DETACH PARTITION %I', part);
        EXECUTE format('DROP TABLE %I', part);
      END $$`);
    await db.query(`
      CREATE OR REPLACE FUNCTION retention_erase_access_log(as_of timestamptz, batch integer)
        RETURNS TABLE (organisation_id uuid, partition text, rows bigint)
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        cutoff timestamptz := retention_access_log_cutoff(as_of);
        part text;
      BEGIN
        SELECT p.name INTO part FROM retention_old_partitions('access_log', cutoff) p LIMIT 1;
        IF part IS NOT NULL THEN
          RETURN QUERY EXECUTE format(
            'SELECT subject_organisation_id, %L::text, count(*) FROM %I GROUP BY 1', part, part);
          IF NOT FOUND THEN
            organisation_id := NULL; partition := part; rows := 0; RETURN NEXT;
          END IF;
          EXECUTE format('ALTER TABLE access_log DETACH PARTITION %I', part);
          EXECUTE format('DROP TABLE %I', part);
          RETURN;
        END IF;
        PERFORM set_config('narvaroteam.gallring', 'on', true);
        RETURN QUERY
          WITH gone AS (
            DELETE FROM access_log_other WHERE ctid IN (SELECT ctid FROM access_log_other WHERE at < cutoff LIMIT batch)
            RETURNING subject_organisation_id)
          SELECT g.subject_organisation_id, 'access_log_other'::text, count(*) FROM gone g GROUP BY 1;
        PERFORM set_config('narvaroteam.gallring', 'off', true);
      END $$`);
    // A month detached but not yet dropped goes now, as the earlier functions would have.
    await db.query(`SELECT retention_drop_detached('attendance_lesson'), retention_drop_detached('access_log')`);
    await db.query(`DROP FUNCTION retention_drop_detached(text)`);
    await db.query(`DROP FUNCTION retention_detach_month(text, text)`);
    await db.query(`DROP FUNCTION retention_lock_month(text, text)`);
  }
}
