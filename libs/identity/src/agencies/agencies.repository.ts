import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgencyType } from '@app/access';
import { sqlRow, sqlRows, SqlRepository } from '@app/database';

export interface AgencyRow {
  id: string;
  organisation_id: string;
  name: string;
  type: AgencyType;
  school_unit_code: string | null;
  created_at: Date;
}

/** All SQL of `agency`, always within one organisation. */
/** An agency as a bulk writer (the demo seed) gives it; the keys are its columns. */
export type AgencyRecord = Omit<AgencyRow, 'created_at'>;

@Injectable()
export class AgenciesRepository extends SqlRepository {
  /** A page of the organisation's agencies by name (one more than `limit`), after the (name, id) cursor. */
  page(organisationId: string, limit: number, cursor: unknown[] | null): Promise<AgencyRow[]> {
    return sqlRows<AgencyRow>(
      this.dataSource.manager,
      `SELECT * FROM agency WHERE organisation_id = $1 ${cursor ? 'AND (name, id) > ($3, $4)' : ''}
        ORDER BY name, id LIMIT $2`,
      [organisationId, limit + 1, ...(cursor ?? [])],
    );
  }

  async insert(
    tx: EntityManager,
    agency: { organisationId: string; name: string; type: AgencyType; schoolUnitCode: string | null },
  ): Promise<AgencyRow> {
    const row = await sqlRow<AgencyRow>(
      tx,
      `INSERT INTO agency (organisation_id, name, type, school_unit_code) VALUES ($1, $2, $3, $4) RETURNING *`,
      [agency.organisationId, agency.name, agency.type, agency.schoolUnitCode],
    );
    return row!;
  }

  /** Inserts agencies with their ids, in one statement; an id already there is left as it is. */
  async insertAgencies(tx: EntityManager, rows: AgencyRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO agency (id, organisation_id, name, type, school_unit_code)
       SELECT id, organisation_id, name, type, school_unit_code
         FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, organisation_id uuid, name text, type text, school_unit_code text)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
