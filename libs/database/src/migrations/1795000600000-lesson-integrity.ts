import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lesson rows no longer carry a foreign key to `student`. On a partitioned table of ~100 M rows
 * a year, the per-row RI check (a `FOR KEY SHARE` lock on the pupil's row for every lesson) was a
 * quarter of the import's database time. Integrity holds by construction: every writer resolves
 * the pupil inside its own transaction (single entry through the access layer, imports from the
 * school's pupils), and pupils are never deleted — lessons leave by partition (gallring). The
 * per-day aggregate keeps its foreign key: it is small and catches any writer that went wrong.
 */
export class LessonIntegrity1795000600000 implements MigrationInterface {
  name = 'LessonIntegrity1795000600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE attendance_lesson DROP CONSTRAINT attendance_lesson_student_id_fkey`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE attendance_lesson ADD CONSTRAINT attendance_lesson_student_id_fkey FOREIGN KEY (student_id) REFERENCES student (id)`,
    );
  }
}
