import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attempts on the sign-in routes per client address and minute, shared by every API instance
 * (the in-memory throttler counted per instance). One row per address and window, bumped by an
 * atomic upsert; rows older than two windows are deleted by the instances as they go.
 */
export class SignInThrottle1795002310000 implements MigrationInterface {
  name = 'SignInThrottle1795002310000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sign_in_throttle (
        bucket text NOT NULL,
        window_start timestamptz NOT NULL,
        attempts integer NOT NULL,
        CONSTRAINT sign_in_throttle_pkey PRIMARY KEY (bucket, window_start)
      )`);
    await db.query(`CREATE INDEX sign_in_throttle_window_idx ON sign_in_throttle (window_start)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sign_in_throttle`);
  }
}
