import { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from '../database-roles';

/**
 * Two more retention classes (gallring, issue 21): absence investigations (skollagen 7 kap. 19 a §,
 * `absence_investigation`) and guardian notices of invalid absence (7 kap. 17 §,
 * `guardian_notice`). Their due and erase functions follow Retention1795004000000: the due
 * function names what a rule makes erasable, the erase function (SECURITY DEFINER, owned by the
 * owner role, one batch per call) deletes only that. docs/DATA-PROTECTION.md gives the defaults
 * and bounds, docs/ARCHITECTURE.md ("Retention") why.
 *
 * - `absence_investigation`: years counted from the day the huvudman was informed (the last step
 *   the register records). An investigation whose huvudman is not yet informed is never due, nor
 *   one of a pupil with a case that is not closed. Default 5, bounds 3–10.
 * - `guardian_notice`: years counted from the day of absence. Default 5 (as the per-day figures
 *   the notice is about), bounds 2–10.
 */
export class RetentionSignals1795004600000 implements MigrationInterface {
  name = 'RetentionSignals1795004600000';

  async up(db: QueryRunner): Promise<void> {
    // Shown in this order: attendance, notices, flags, investigations, cases, then the rest.
    await db.query(`
      UPDATE retention_class k SET position = p.position
        FROM (VALUES ('attendance_lesson', 1), ('attendance_day', 2), ('dismissed_flag', 4), ('closed_case', 6),
                     ('notification', 7), ('attendance_import', 8), ('sign_in_session', 9), ('access_log', 10))
             AS p (data_class, position)
       WHERE k.data_class = p.data_class`);
    await db.query(`
      INSERT INTO retention_class (data_class, position, unit, default_period, min_period, max_period, legal_basis) VALUES
        ('guardian_notice', 3, 'years', 5, 2, 10,
         'Allmänt intresse: skollagen 7 kap. 17 § (underrättelse till vårdnadshavare); arkivlagen'),
        ('absence_investigation', 5, 'years', 5, 3, 10,
         'Allmänt intresse: skollagen 7 kap. 19 a § (utredning av frånvaro); arkivlagen')`);
    // Every organisation gets the two rules at their defaults (new ones get them by the trigger).
    await db.query(`
      INSERT INTO retention_rule (organisation_id, data_class, period, legal_basis)
      SELECT o.id, k.data_class, k.default_period, k.legal_basis
        FROM organisation o CROSS JOIN retention_class k
       WHERE k.data_class IN ('guardian_notice', 'absence_investigation')
      ON CONFLICT DO NOTHING`);

    await db.query(`
      CREATE FUNCTION retention_due_investigations(org uuid, as_of timestamptz) RETURNS TABLE (investigation_id uuid)
        LANGUAGE sql STABLE AS $$
        SELECT i.id FROM absence_investigation i JOIN student s ON s.id = i.student_id
         WHERE s.organisation_id = org AND i.huvudman_informed_on IS NOT NULL
           AND i.huvudman_informed_on
               < (retention_cutoff(org, 'absence_investigation', as_of) AT TIME ZONE 'Europe/Stockholm')::date
           AND NOT EXISTS (SELECT 1 FROM support_case c WHERE c.student_id = i.student_id AND c.status <> 'closed')
      $$`);
    await db.query(`
      CREATE FUNCTION retention_due_guardian_notices(org uuid, as_of timestamptz) RETURNS TABLE (notice_id uuid)
        LANGUAGE sql STABLE AS $$
        SELECT n.id FROM guardian_notice n JOIN student s ON s.id = n.student_id
         WHERE s.organisation_id = org
           AND n.absence_date < (retention_cutoff(org, 'guardian_notice', as_of) AT TIME ZONE 'Europe/Stockholm')::date
      $$`);

    const definer = `SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s'`;
    await db.query(`
      CREATE FUNCTION retention_erase_investigations(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE ids uuid[]; n bigint;
      BEGIN
        SELECT array_agg(investigation_id) INTO ids
          FROM (SELECT investigation_id FROM retention_due_investigations(org, as_of) LIMIT batch) d;
        IF ids IS NULL THEN RETURN 0; END IF;
        -- Locked, then checked again: a case opened meanwhile for the pupil keeps the investigation.
        PERFORM 1 FROM absence_investigation WHERE id = ANY(ids) FOR UPDATE;
        DELETE FROM absence_investigation WHERE id = ANY(ids)
           AND id IN (SELECT investigation_id FROM retention_due_investigations(org, as_of));
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
      END $$`);
    await db.query(`
      CREATE FUNCTION retention_erase_guardian_notices(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE n bigint;
      BEGIN
        DELETE FROM guardian_notice
         WHERE id IN (SELECT notice_id FROM retention_due_guardian_notices(org, as_of) LIMIT batch);
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
      END $$`);

    const functions = [
      'retention_due_investigations(uuid, timestamptz)',
      'retention_due_guardian_notices(uuid, timestamptz)',
      'retention_erase_investigations(uuid, timestamptz, integer)',
      'retention_erase_guardian_notices(uuid, timestamptz, integer)',
    ];
    for (const signature of functions) await db.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    const role = await runtimeRole(db);
    if (!role) return;
    const [{ grantee }] = (await db.query(`SELECT quote_ident($1) AS grantee`, [role])) as { grantee: string }[];
    for (const signature of functions) await db.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${grantee}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const signature of [
      'retention_erase_guardian_notices(uuid, timestamptz, integer)',
      'retention_erase_investigations(uuid, timestamptz, integer)',
      'retention_due_guardian_notices(uuid, timestamptz)',
      'retention_due_investigations(uuid, timestamptz)',
    ])
      await db.query(`DROP FUNCTION ${signature}`);
    await db.query(`DELETE FROM retention_run_count WHERE data_class IN ('guardian_notice', 'absence_investigation')`);
    await db.query(`DELETE FROM retention_rule WHERE data_class IN ('guardian_notice', 'absence_investigation')`);
    await db.query(`DELETE FROM retention_class WHERE data_class IN ('guardian_notice', 'absence_investigation')`);
    await db.query(`
      UPDATE retention_class k SET position = p.position
        FROM (VALUES ('attendance_lesson', 1), ('attendance_day', 2), ('dismissed_flag', 3), ('closed_case', 4),
                     ('notification', 5), ('attendance_import', 6), ('sign_in_session', 7), ('access_log', 8))
             AS p (data_class, position)
       WHERE k.data_class = p.data_class`);
  }
}
