import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The intervention catalogue (insatskatalog) of each organisation: MST, Komet, BUP treatment, …
 * An intervention is never deleted: a retired one (`active = false`) stays for the history of
 * the plans and courses that used it. Names are unique within an organisation, case-insensitively.
 */
export class Interventions1795003500000 implements MigrationInterface {
  name = 'Interventions1795003500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE intervention (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        description text,
        provider_agency_type text NOT NULL
          CHECK (provider_agency_type IN ('school', 'social_services', 'bup', 'habilitation', 'other')),
        evidence_based boolean NOT NULL,
        target_group text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id)
      )`);
    await db.query(`CREATE UNIQUE INDEX intervention_name_key ON intervention (organisation_id, lower(name))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE intervention`);
  }
}
