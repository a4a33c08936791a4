import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `retention_run_count` gets a primary key (an identity column), as every table has one: its
 * entity (issue 16) needs it, and a row of the gallring log can be named. Rows already there are
 * numbered; the runtime role's INSERT needs no sequence grant for an identity column.
 */
export class RetentionRunCountKey1795004500000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE retention_run_count ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY`);
    await db.query(`ALTER TABLE retention_run_count ADD CONSTRAINT retention_run_count_pkey PRIMARY KEY (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE retention_run_count DROP COLUMN id`);
  }
}
