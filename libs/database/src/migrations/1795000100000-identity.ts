import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, refresh-token families and the append-only access log. */
export class Identity1795000100000 implements MigrationInterface {
  name = 'Identity1795000100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency (id),
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CONSTRAINT app_user_roles_check CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['school_staff', 'principal', 'elevhalsa', 'agency_worker', 'admin', 'auditor']::text[]
        ),
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        lockouts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username))`);
    await db.query(`CREATE INDEX app_user_agency_idx ON app_user (agency_id)`);
    // A family is one login; every refresh rotates within it. Only SHA-256 hashes are stored.
    await db.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        family_id uuid NOT NULL,
        token_hash text NOT NULL CONSTRAINT refresh_token_hash_key UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await db.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);
    await db.query(`
      CREATE TABLE access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        agency_id uuid,
        organisation_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_ids text[] NOT NULL DEFAULT '{}',
        outcome text NOT NULL CONSTRAINT access_log_outcome_check CHECK (outcome IN ('allowed', 'denied')),
        request_id text
      )`);
    await db.query(`CREATE INDEX access_log_organisation_at_idx ON access_log (organisation_id, at DESC, id DESC)`);
    await db.query(`CREATE INDEX access_log_user_at_idx ON access_log (user_id, at DESC)`);
    await db.query(`CREATE INDEX access_log_subject_idx ON access_log USING gin (subject_ids)`);
    // Append-only, whatever the application's role may do: updates, deletes and truncation fail.
    await db.query(`
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await db.query(`
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE access_log`);
    await db.query(`DROP FUNCTION access_log_append_only()`);
    await db.query(`DROP TABLE refresh_token`);
    await db.query(`DROP TABLE app_user`);
  }
}
