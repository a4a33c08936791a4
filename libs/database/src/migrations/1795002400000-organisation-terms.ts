import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first day of each school term (MM-DD) per organisation: HT starts 15 Aug and VT 16 Jan
 * unless the organisation moves them (libs/calendar terms.ts holds the rule; the API validates
 * the pair, the checks here only keep the shape).
 */
export class OrganisationTerms1795002400000 implements MigrationInterface {
  name = 'OrganisationTerms1795002400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisation
        ADD COLUMN term_autumn_start text NOT NULL DEFAULT '08-15'
          CONSTRAINT organisation_term_autumn_start_check CHECK (term_autumn_start ~ '^(07|08|09)-[0-3][0-9]$'),
        ADD COLUMN term_spring_start text NOT NULL DEFAULT '01-16'
          CONSTRAINT organisation_term_spring_start_check CHECK (term_spring_start ~ '^(01|02|03)-[0-3][0-9]$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organisation DROP COLUMN term_autumn_start, DROP COLUMN term_spring_start`);
  }
}
