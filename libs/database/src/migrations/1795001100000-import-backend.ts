import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which database session runs an attendance import. A server that dies mid-import leaves its row
 * `running` while PostgreSQL rolls the data back; once that session is gone, the row is marked
 * `failed` (pid and start time together name one session: a pid alone may be reused).
 */
export class ImportBackend1795001100000 implements MigrationInterface {
  name = 'ImportBackend1795001100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE attendance_import ADD COLUMN backend_pid integer, ADD COLUMN backend_started_at timestamptz`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE attendance_import DROP COLUMN backend_pid, DROP COLUMN backend_started_at`);
  }
}
