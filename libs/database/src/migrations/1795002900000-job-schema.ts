import { MigrationInterface, QueryRunner } from 'typeorm';
import { createJobQueue, installJobSchema } from '../job-schema';

/**
 * pg-boss's schema (`pgboss`) and our two queues, created by the owner like every other table:
 * the application starts pg-boss with `migrate: false` and never creates or alters anything.
 * On a database where pg-boss had already installed itself (before this migration), the schema
 * is left as it is (or brought up to the package's version) and the queues exist already.
 */
export class JobSchema1795002900000 implements MigrationInterface {
  name = 'JobSchema1795002900000';

  async up(db: QueryRunner): Promise<void> {
    await installJobSchema(db);
    // As JobQueue's QUEUES said when this was written; a changed policy needs a new migration.
    await createJobQueue(db, 'notifications.sweep', { policy: 'stately', retryLimit: 1 });
    await createJobQueue(db, 'mail.flush', { policy: 'standard', retryLimit: 1 });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
