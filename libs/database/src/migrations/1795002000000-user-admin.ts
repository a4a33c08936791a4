import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User administration that keeps rule 4 (admins and auditors never read case content) against
 * the administrators themselves:
 * - an account never combines `admin` or `auditor` with a role that reads pupils' or cases' data;
 * - a new user has no password until they choose one with a one-time setup code (only its
 *   SHA-256 is stored), which may be mailed through the outbox;
 * - the access log carries the roles before and after a change of who holds a role.
 */
export class UserAdmin1795002000000 implements MigrationInterface {
  name = 'UserAdmin1795002000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_roles_separation_check CHECK (
        NOT (roles && ARRAY['admin', 'auditor']::text[]
             AND roles && ARRAY['school_staff', 'principal', 'elevhalsa', 'agency_worker']::text[]))`);
    // NULL: no password chosen yet (a new user who has not redeemed a setup code). Login refuses it.
    await db.query(`ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL`);
    await db.query(`
      CREATE TABLE user_setup_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        code_hash text NOT NULL CONSTRAINT user_setup_code_hash_key UNIQUE,
        issued_by uuid NOT NULL REFERENCES app_user (id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        -- Set when a newer code is issued for the same user.
        voided_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX user_setup_code_open_idx ON user_setup_code (user_id) WHERE used_at IS NULL AND voided_at IS NULL`,
    );
    // A mail is either a notification's or a setup code's.
    await db.query(`ALTER TABLE mail_outbox ALTER COLUMN notification_id DROP NOT NULL`);
    await db.query(
      `ALTER TABLE mail_outbox ADD COLUMN setup_code_id uuid REFERENCES user_setup_code (id) CONSTRAINT mail_outbox_setup_code_key UNIQUE`,
    );
    await db.query(
      `ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_source_check CHECK (num_nonnulls(notification_id, setup_code_id) = 1)`,
    );
    // Facts of a change that the log must keep beyond ids (roles before and after); never personal data.
    await db.query(`ALTER TABLE access_log ADD COLUMN detail jsonb`);
    // The school's list of accounts reads each account's latest role change.
    await db.query(
      `CREATE INDEX access_log_role_change_idx ON access_log ((subject_ids[1]), id DESC) WHERE action = 'user.roles.change'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX access_log_role_change_idx`);
    await db.query(`ALTER TABLE access_log DROP COLUMN detail`);
    await db.query(`DELETE FROM mail_outbox WHERE setup_code_id IS NOT NULL`);
    await db.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_source_check`);
    await db.query(`ALTER TABLE mail_outbox DROP COLUMN setup_code_id`);
    await db.query(`ALTER TABLE mail_outbox ALTER COLUMN notification_id SET NOT NULL`);
    await db.query(`DROP TABLE user_setup_code`);
    await db.query(`UPDATE app_user SET password_hash = '!' WHERE password_hash IS NULL`);
    await db.query(`ALTER TABLE app_user ALTER COLUMN password_hash SET NOT NULL`);
    await db.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_roles_separation_check`);
  }
}
