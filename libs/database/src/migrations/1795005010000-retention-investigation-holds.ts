import { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from '../database-roles';

/**
 * Absence investigations kept under a legal hold, listed (gallring, issue 21): an investigation
 * past its period (the huvudman informed longer ago than the rule keeps it) is not due while its
 * pupil has a case that is not closed (`retention_due_investigations`); this names those, with
 * the case that holds each (the earliest opened), for the preview and the run's `held` count, as
 * `retention_due_cases` names the closed cases held.
 */
export class RetentionInvestigationHolds1795005010000 implements MigrationInterface {
  name = 'RetentionInvestigationHolds1795005010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION retention_held_investigations(org uuid, as_of timestamptz)
        RETURNS TABLE (investigation_id uuid, informed_on date, case_id uuid, reference text, hold text)
        LANGUAGE sql STABLE AS $$
        SELECT i.id, i.huvudman_informed_on, c.id, c.reference, 'open-case'
          FROM absence_investigation i JOIN student s ON s.id = i.student_id
          CROSS JOIN LATERAL (SELECT c.id, c.reference FROM support_case c
                               WHERE c.student_id = i.student_id AND c.status <> 'closed'
                               ORDER BY c.opened_at, c.id LIMIT 1) c
         WHERE s.organisation_id = org AND i.huvudman_informed_on IS NOT NULL
           AND i.huvudman_informed_on
               < (retention_cutoff(org, 'absence_investigation', as_of) AT TIME ZONE 'Europe/Stockholm')::date
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION retention_held_investigations(uuid, timestamptz) FROM PUBLIC`);
    const role = await runtimeRole(db);
    if (!role) return;
    const [{ grantee }] = (await db.query(`SELECT quote_ident($1) AS grantee`, [role])) as { grantee: string }[];
    await db.query(`GRANT EXECUTE ON FUNCTION retention_held_investigations(uuid, timestamptz) TO ${grantee}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION retention_held_investigations(uuid, timestamptz)`);
  }
}
