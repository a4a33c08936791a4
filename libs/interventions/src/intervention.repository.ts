import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlRow, SqlRepository } from '@app/database';
import type { ProviderAgencyType } from './intervention.rules';

/** A row of `intervention`. */
export interface InterventionRow {
  id: string;
  organisation_id: string;
  name: string;
  description: string | null;
  provider_agency_type: ProviderAgencyType;
  evidence_based: boolean;
  target_group: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface InterventionValues {
  name: string;
  description: string | null;
  providerAgencyType: ProviderAgencyType;
  evidenceBased: boolean;
  targetGroup: string | null;
  active: boolean;
}

/** A catalogue entry as a bulk writer gives it, with its id; the keys are its columns. */
export type InterventionRecord = Omit<InterventionRow, 'created_at' | 'updated_at'> & { created_by: string };

/** All SQL of the intervention catalogue. Every read is scoped to one organisation. */
@Injectable()
export class InterventionRepository extends SqlRepository {
  /** A page of the organisation's catalogue by name, after the cursor `[name, id]`. */
  async page(
    organisationId: string,
    active: boolean | null,
    limit: number,
    after: unknown[] | null,
  ): Promise<InterventionRow[]> {
    const params: unknown[] = [organisationId, limit, active];
    if (after) params.push(...after);
    return this.dataSource.query(
      `SELECT * FROM intervention
        WHERE organisation_id = $1 AND ($3::boolean IS NULL OR active = $3)
          ${after ? 'AND (name, id) > ($4, $5::uuid)' : ''}
        ORDER BY name, id LIMIT $2`,
      params,
    );
  }

  /** One intervention of the organisation, locked for a change; undefined when not there (or not its). */
  async findOwnForUpdate(
    manager: EntityManager,
    organisationId: string,
    id: string,
  ): Promise<InterventionRow | undefined> {
    const [row]: InterventionRow[] = await manager.query(
      `SELECT * FROM intervention WHERE id = $1 AND organisation_id = $2 FOR UPDATE`,
      [id, organisationId],
    );
    return row;
  }

  async insert(
    manager: EntityManager,
    organisationId: string,
    userId: string,
    v: InterventionValues,
  ): Promise<InterventionRow> {
    const [row]: InterventionRow[] = await manager.query(
      `INSERT INTO intervention (organisation_id, name, description, provider_agency_type, evidence_based, target_group,
                                 active, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING *`,
      [organisationId, v.name, v.description, v.providerAgencyType, v.evidenceBased, v.targetGroup, v.active, userId],
    );
    return row;
  }

  async update(manager: EntityManager, id: string, userId: string, v: InterventionValues): Promise<InterventionRow> {
    const row = await sqlRow<InterventionRow>(
      manager,
      `UPDATE intervention SET name = $2, description = $3, provider_agency_type = $4, evidence_based = $5,
              target_group = $6, active = $7, updated_by = $8, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, v.name, v.description, v.providerAgencyType, v.evidenceBased, v.targetGroup, v.active, userId],
    );
    // The caller found the row under lock first, so it is there.
    return row!;
  }

  /**
   * Inserts catalogue entries with their ids, in one statement (a bulk writer: the demo seed); an
   * id already there is left as it is.
   */
  async insertInterventions(manager: EntityManager, rows: InterventionRecord[]): Promise<void> {
    await manager.query(
      `INSERT INTO intervention (id, organisation_id, name, description, provider_agency_type, evidence_based,
                                 target_group, active, created_by, updated_by)
       SELECT id, organisation_id, name, description, provider_agency_type, evidence_based, target_group, active,
              created_by, created_by
         FROM jsonb_to_recordset($1::jsonb)
           AS r (id uuid, organisation_id uuid, name text, description text, provider_agency_type text,
                 evidence_based boolean, target_group text, active boolean, created_by uuid)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
