import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface SourceRow {
  id: string;
  organisation_id: string;
  name: string;
  base_url: string;
  auth_type: 'none' | 'bearer' | 'oauth2_client_credentials';
  auth_settings: { tokenUrl?: string; clientId?: string; scope?: string };
  auth_secret: string | null;
  sync_from: string | null;
  sync_every_minutes: number | null;
  created_at: Date;
}

export interface SourceSchoolRow {
  source_id: string;
  organisation_ref: string;
  agency_id: string;
  agency_name: string;
  organisation_id: string;
}

export interface SourceWrite {
  name: string;
  baseUrl: string;
  authType: SourceRow['auth_type'];
  authSettings: SourceRow['auth_settings'];
  authSecret: string | null;
  syncFrom: string | null;
  syncEveryMinutes: number | null;
}

const SOURCE_COLUMNS = `id, organisation_id, name, base_url, auth_type, auth_settings, auth_secret,
                        sync_from, sync_every_minutes, created_at`;

/** SS 12000 sources and their school mappings. */
@Injectable()
export class SourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string): Promise<SourceRow[]> {
    return (await this.dataSource.query(
      `SELECT ${SOURCE_COLUMNS} FROM ss12000_source WHERE organisation_id = $1 ORDER BY name, id`,
      [organisationId],
    )) as SourceRow[];
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<SourceRow | null> {
    const [row] = (await manager.query(`SELECT ${SOURCE_COLUMNS} FROM ss12000_source WHERE id = $1`, [
      id,
    ])) as SourceRow[];
    return row ?? null;
  }

  async schools(sourceIds: string[], manager: EntityManager = this.dataSource.manager): Promise<SourceSchoolRow[]> {
    return (await manager.query(
      `SELECT m.source_id, m.organisation_ref, m.agency_id, a.name AS agency_name, a.organisation_id
         FROM ss12000_source_school m JOIN agency a ON a.id = m.agency_id
        WHERE m.source_id = ANY($1::uuid[]) ORDER BY a.name, m.organisation_ref`,
      [sourceIds],
    )) as SourceSchoolRow[];
  }

  /** The organisation's schools with a skolenhetskod that no source of the organisation maps by Organisation id. */
  async unmappedSchools(organisationId: string): Promise<{ id: string; name: string; school_unit_code: string }[]> {
    return (await this.dataSource.query(
      `SELECT a.id, a.name, a.school_unit_code FROM agency a
        WHERE a.organisation_id = $1 AND a.type = 'school' AND a.school_unit_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ss12000_source_school m JOIN ss12000_source s ON s.id = m.source_id
                           WHERE m.agency_id = a.id AND s.organisation_id = $1)
        ORDER BY a.name`,
      [organisationId],
    )) as { id: string; name: string; school_unit_code: string }[];
  }

  /** Of these agency ids, those that are schools of the organisation. */
  async schoolsOf(manager: EntityManager, organisationId: string, agencyIds: string[]): Promise<Set<string>> {
    const rows = (await manager.query(
      `SELECT id FROM agency WHERE id = ANY($1::uuid[]) AND organisation_id = $2 AND type = 'school'`,
      [agencyIds, organisationId],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  async insert(manager: EntityManager, organisationId: string, userId: string, w: SourceWrite): Promise<string> {
    const [{ id }] = (await manager.query(
      `INSERT INTO ss12000_source (organisation_id, name, base_url, auth_type, auth_settings, auth_secret, sync_from,
                                   sync_every_minutes, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) RETURNING id`,
      [
        organisationId,
        w.name,
        w.baseUrl,
        w.authType,
        JSON.stringify(w.authSettings),
        w.authSecret,
        w.syncFrom,
        w.syncEveryMinutes,
        userId,
      ],
    )) as { id: string }[];
    return id;
  }

  async update(manager: EntityManager, id: string, w: SourceWrite): Promise<void> {
    await manager.query(
      `UPDATE ss12000_source SET name = $2, base_url = $3, auth_type = $4, auth_settings = $5::jsonb, auth_secret = $6,
              sync_from = $7, sync_every_minutes = $8, updated_at = now()
        WHERE id = $1`,
      [id, w.name, w.baseUrl, w.authType, JSON.stringify(w.authSettings), w.authSecret, w.syncFrom, w.syncEveryMinutes],
    );
  }

  async replaceSchools(
    manager: EntityManager,
    id: string,
    schools: { organisationId: string; agencyId: string }[],
  ): Promise<void> {
    await manager.query(`DELETE FROM ss12000_source_school WHERE source_id = $1`, [id]);
    await manager.query(
      `INSERT INTO ss12000_source_school (source_id, organisation_ref, agency_id)
       SELECT $1, s.organisation_ref, s.agency_id
         FROM jsonb_to_recordset($2::jsonb) AS s (organisation_ref text, agency_id uuid)`,
      [id, JSON.stringify(schools.map((s) => ({ organisation_ref: s.organisationId, agency_id: s.agencyId })))],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM ss12000_source WHERE id = $1`, [id]);
  }

  /** The first days of the organisation's terms (MM-DD). */
  async termDates(organisationId: string): Promise<{ autumnStart: string; springStart: string }> {
    const [row] = (await this.dataSource.query(
      `SELECT term_autumn_start AS "autumnStart", term_spring_start AS "springStart" FROM organisation WHERE id = $1`,
      [organisationId],
    )) as { autumnStart: string; springStart: string }[];
    return row;
  }

  /** Sources with a schedule whose last run started longer ago than their interval (or never ran). */
  async due(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.id FROM ss12000_source s
        WHERE s.sync_every_minutes IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ss12000_sync_run r
                           WHERE r.source_id = s.id
                             AND r.created_at > now() - make_interval(mins => s.sync_every_minutes))`,
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
