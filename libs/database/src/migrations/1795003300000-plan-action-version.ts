import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan edits that don't collide: each plan action has its own version (its ETag `"a<n>"`), so an
 * agency updating its own action needs only that action unchanged, not the whole plan.
 */
export class PlanActionVersion1795003300000 implements MigrationInterface {
  name = 'PlanActionVersion1795003300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE plan_action ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE plan_action DROP COLUMN version`);
  }
}
