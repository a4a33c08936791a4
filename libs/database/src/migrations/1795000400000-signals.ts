import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The watch list reads each pupil's days of the last weeks from `attendance_day`. With the
 * minutes in the primary-key index (INCLUDE), that read is an index-only range scan per pupil
 * instead of a visit to a heap page per day (rows of one pupil are scattered over the heap,
 * since days arrive for all pupils at once): about half the time for a 2 000-pupil school.
 * Replacing the key's index rather than adding a second one keeps writes at one index.
 */
export class Signals1795000400000 implements MigrationInterface {
  name = 'Signals1795000400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE attendance_day
        DROP CONSTRAINT attendance_day_pkey,
        ADD CONSTRAINT attendance_day_pkey PRIMARY KEY (student_id, day)
          INCLUDE (offered_minutes, valid_absence_minutes, invalid_absence_minutes)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE attendance_day
        DROP CONSTRAINT attendance_day_pkey,
        ADD CONSTRAINT attendance_day_pkey PRIMARY KEY (student_id, day)`);
  }
}
