import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each access-log row names the organisation responsible for its subjects (the pupil's school's
 * organisation for a pupil, its case and everything under it; a user's own organisation for an
 * account), so that organisation's auditor sees every access to its data, whoever made it.
 * `organisation_id` stays the reader's organisation.
 *
 * Existing rows are backfilled once, here, with the append-only trigger held off inside this
 * transaction: a row whose subjects all belong to one organisation gets it; a row with no known
 * subject (an endpoint, an unknown id) or, rarely, subjects of several organisations keeps the
 * reader's organisation, which could already read it. From now on the application writes one row
 * per responsible organisation, so a list spanning two organisations is split.
 */
export class AccessLogResponsibleOrganisation1795002300000 implements MigrationInterface {
  name = 'AccessLogResponsibleOrganisation1795002300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_log ADD COLUMN subject_organisation_id uuid`);
    await db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_no_update_delete`);
    await db.query(`
      WITH subject_organisation (subject_type, subject_id, organisation_id) AS (
        SELECT 'student', id::text, organisation_id FROM student
        UNION ALL SELECT t, id::text, organisation_id FROM agency, unnest(ARRAY['agency', 'school']) t
        UNION ALL SELECT 'organisation', id::text, id FROM organisation
        UNION ALL SELECT 'user', u.id::text, a.organisation_id FROM app_user u JOIN agency a ON a.id = u.agency_id
        UNION ALL SELECT 'case', c.id::text, a.organisation_id FROM support_case c JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'consent', x.id::text, a.organisation_id
          FROM consent x JOIN support_case c ON c.id = x.case_id JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'mobilisation', x.id::text, a.organisation_id
          FROM mobilisation x JOIN support_case c ON c.id = x.case_id JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'case_meeting', x.id::text, a.organisation_id
          FROM case_meeting x JOIN support_case c ON c.id = x.case_id JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'mapping_contribution', x.id::text, a.organisation_id
          FROM mapping_contribution x JOIN support_case c ON c.id = x.case_id JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'case_plan', x.id::text, a.organisation_id
          FROM case_plan x JOIN support_case c ON c.id = x.case_id JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'plan_action', x.id::text, a.organisation_id
          FROM plan_action x JOIN support_case c ON c.id = x.case_id JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'plan_agreement', x.id::text, a.organisation_id
          FROM plan_agreement x JOIN case_plan p ON p.id = x.plan_id JOIN support_case c ON c.id = p.case_id
          JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'plan_review', x.id::text, a.organisation_id
          FROM plan_review x JOIN support_case c ON c.id = x.case_id JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'case_follow_up', x.id::text, a.organisation_id
          FROM case_follow_up x JOIN support_case c ON c.id = x.case_id JOIN agency a ON a.id = c.school_id
        UNION ALL SELECT 'flag', x.id::text, s.organisation_id FROM absence_flag x JOIN student s ON s.id = x.student_id
        UNION ALL SELECT 'investigation', x.id::text, s.organisation_id
          FROM absence_investigation x JOIN student s ON s.id = x.student_id
        UNION ALL SELECT 'attendance_import', id::text, organisation_id FROM attendance_import
        UNION ALL SELECT 'notification', x.id::text, a.organisation_id
          FROM notification x JOIN app_user u ON u.id = x.recipient_id JOIN agency a ON a.id = u.agency_id
        UNION ALL SELECT 'class', a.id::text || '/' || s.class_name, a.organisation_id
          FROM (SELECT DISTINCT school_id, class_name FROM student) s JOIN agency a ON a.id = s.school_id
        UNION ALL SELECT 'absence_rule', o.id::text || '/' || r.kind, o.id FROM absence_rule r JOIN organisation o ON o.id = r.organisation_id
      ),
      resolved AS (
        SELECT l.id, CASE WHEN count(DISTINCT so.organisation_id) = 1 THEN min(so.organisation_id::text)::uuid END AS only_org
          FROM access_log l
          CROSS JOIN LATERAL unnest(l.subject_ids) AS sid(subject_id)
          JOIN subject_organisation so ON so.subject_type = l.subject_type AND so.subject_id = sid.subject_id
         GROUP BY l.id
      )
      UPDATE access_log l
         SET subject_organisation_id = coalesce(r.only_org, l.organisation_id)
        FROM access_log self
        LEFT JOIN resolved r ON r.id = self.id
       WHERE self.id = l.id`);
    await db.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_no_update_delete`);
    // The auditor's list: one organisation's rows, newest first, read by the index in order.
    await db.query(`CREATE INDEX access_log_subject_organisation_idx ON access_log (subject_organisation_id, id DESC)`);
    // The list used to filter on the reader's organisation; nothing reads by it any more.
    await db.query(`DROP INDEX access_log_organisation_at_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX access_log_organisation_at_idx ON access_log (organisation_id, at DESC, id DESC)`);
    await db.query(`DROP INDEX access_log_subject_organisation_idx`);
    await db.query(`ALTER TABLE access_log DROP COLUMN subject_organisation_id`);
  }
}
