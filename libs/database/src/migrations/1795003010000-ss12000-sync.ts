import { MigrationInterface, QueryRunner } from 'typeorm';
import { createJobQueue } from '../job-schema';

/**
 * SS 12000 sync: sources (a school organiser's SS 12000 server, its auth with the secret
 * encrypted, which SS 12000 school units are which of our schools), runs with their report, and
 * per source and entity the delta watermark and where an unfinished listing resumes. Pupils get
 * `enrolled` (a pupil who left stays, marked) and guardians the SS 12000 person id; imports made
 * by a sync name the run instead of a user.
 */
export class Ss12000Sync1795003010000 implements MigrationInterface {
  name = 'Ss12000Sync1795003010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ss12000_source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        name text NOT NULL,
        base_url text NOT NULL,
        auth_type text NOT NULL CONSTRAINT ss12000_source_auth_type_check
          CHECK (auth_type IN ('none', 'bearer', 'oauth2_client_credentials')),
        -- tokenUrl, clientId, scope: nothing secret.
        auth_settings jsonb NOT NULL DEFAULT '{}',
        -- The bearer token or client secret, AES-256-GCM with SECRETS_KEY (never returned, never logged).
        auth_secret text,
        sync_from date,
        sync_every_minutes integer CONSTRAINT ss12000_source_every_check CHECK (sync_every_minutes BETWEEN 5 AND 10080),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ss12000_source_name_key UNIQUE (organisation_id, name)
      )`);
    await db.query(`
      CREATE TABLE ss12000_source_school (
        source_id uuid NOT NULL REFERENCES ss12000_source (id) ON DELETE CASCADE,
        -- The SS 12000 Organisation (school unit) id.
        organisation_ref text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency (id),
        CONSTRAINT ss12000_source_school_pkey PRIMARY KEY (source_id, organisation_ref)
      )`);
    await db.query(`
      CREATE TABLE ss12000_sync_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id uuid NOT NULL REFERENCES ss12000_source (id) ON DELETE CASCADE,
        status text NOT NULL CONSTRAINT ss12000_sync_run_status_check
          CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        trigger text NOT NULL CONSTRAINT ss12000_sync_run_trigger_check CHECK (trigger IN ('manual', 'schedule')),
        requested_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        -- Written by the running instance every page; a running run without one for long died with its instance.
        heartbeat_at timestamptz,
        counts jsonb NOT NULL DEFAULT '{}',
        -- [{ entity, id, field, reason }]: the SS 12000 id, never a personnummer or a name.
        errors jsonb NOT NULL DEFAULT '[]',
        failure text
      )`);
    // One run per source at a time, across all instances.
    await db.query(
      `CREATE UNIQUE INDEX ss12000_sync_run_active_key ON ss12000_sync_run (source_id) WHERE status IN ('queued', 'running')`,
    );
    await db.query(
      `CREATE INDEX ss12000_sync_run_source_idx ON ss12000_sync_run (source_id, created_at DESC, id DESC)`,
    );
    await db.query(`
      CREATE TABLE ss12000_sync_state (
        source_id uuid NOT NULL REFERENCES ss12000_source (id) ON DELETE CASCADE,
        entity text NOT NULL,
        -- meta.modified.after for the next listing: when the last complete listing started.
        modified_after timestamptz,
        -- An unfinished listing: its start and the token of the next page after the last committed one.
        listing_started_at timestamptz,
        resume_page_token text,
        CONSTRAINT ss12000_sync_state_pkey PRIMARY KEY (source_id, entity)
      )`);
    await db.query(`ALTER TABLE student ADD COLUMN enrolled boolean NOT NULL DEFAULT true`);
    // A pupil the school register knows only by a temporary number (SS 12000 civicNo such as
    // 20130101TF01) is kept, by its SS 12000 id, with no personnummer until one is given.
    await db.query(`ALTER TABLE student ADD COLUMN temporary_number text`);
    await db.query(`ALTER TABLE student ALTER COLUMN personnummer DROP NOT NULL`);
    await db.query(`ALTER TABLE student ADD CONSTRAINT student_identity_check
      CHECK (personnummer IS NOT NULL OR (temporary_number IS NOT NULL AND external_id IS NOT NULL))`);
    await db.query(`ALTER TABLE guardian ADD COLUMN external_id text`);
    await db.query(`ALTER TABLE attendance_import ALTER COLUMN created_by DROP NOT NULL`);
    await db.query(
      `ALTER TABLE attendance_import ADD COLUMN sync_run_id uuid REFERENCES ss12000_sync_run (id) ON DELETE SET NULL`,
    );
    // The schedule's job (every minute, one at a time across instances): JobQueue's QUEUES.
    await createJobQueue(db, 'ss12000.schedule', { policy: 'stately', retryLimit: 1 });
    await db.query(`ALTER TABLE attendance_import ADD CONSTRAINT attendance_import_author_check
      CHECK (num_nonnulls(created_by, sync_run_id) = 1) NOT VALID`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE attendance_import DROP CONSTRAINT attendance_import_author_check`);
    await db.query(`ALTER TABLE attendance_import DROP COLUMN sync_run_id`);
    await db.query(`ALTER TABLE guardian DROP COLUMN external_id`);
    await db.query(`ALTER TABLE student DROP CONSTRAINT student_identity_check`);
    await db.query(`ALTER TABLE student ALTER COLUMN personnummer SET NOT NULL`);
    await db.query(`ALTER TABLE student DROP COLUMN temporary_number`);
    await db.query(`ALTER TABLE student DROP COLUMN enrolled`);
    for (const t of ['ss12000_sync_state', 'ss12000_sync_run', 'ss12000_source_school', 'ss12000_source']) {
      await db.query(`DROP TABLE ${t}`);
    }
  }
}
