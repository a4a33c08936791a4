import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One flag per worry: a second observation about a pupil whose flag awaits triage is added to
 * that flag as a note, instead of a flag of its own (elevhälsa triages one thing per pupil).
 */
export class FlagNotes1795002800000 implements MigrationInterface {
  name = 'FlagNotes1795002800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE absence_flag_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        flag_id uuid NOT NULL REFERENCES absence_flag (id),
        text text NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX absence_flag_note_flag_idx ON absence_flag_note (flag_id, created_at)`);
    // The untriaged flag of a pupil is looked up on every new flag.
    await db.query(`CREATE INDEX absence_flag_new_idx ON absence_flag (student_id) WHERE status = 'new'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX absence_flag_new_idx`);
    await db.query(`DROP TABLE absence_flag_note`);
  }
}
