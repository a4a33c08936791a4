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
}
