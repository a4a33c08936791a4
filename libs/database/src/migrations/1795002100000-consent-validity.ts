import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent is time-limited (issue 14): every consent has a last valid day. Consents recorded
 * without one get the default validity of the time, 12 months from the day they were given
 * (`CONSENT_DEFAULT_VALIDITY_MONTHS` sets it for new ones); those already older stop being in
 * force, as they would have had the rule applied when they were given.
 */
export class ConsentValidity1795002100000 implements MigrationInterface {
  name = 'ConsentValidity1795002100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE consent SET valid_until = (given_at + interval '12 months')::date WHERE valid_until IS NULL`,
    );
    await db.query(`ALTER TABLE consent ALTER COLUMN valid_until SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE consent ALTER COLUMN valid_until DROP NOT NULL`);
  }
}
