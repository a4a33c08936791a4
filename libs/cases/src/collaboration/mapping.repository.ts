import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlCount, sqlRow, sqlRows, SqlRepository } from '@app/database';
import type { MappingSection } from './mapping.dto';

export interface ContributionRow {
  id: string;
  section: MappingSection;
  text: string;
  author_id: string;
  author_name: string;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewContribution {
  caseId: string;
  section: MappingSection;
  agencyId: string;
  authorId: string;
  text: string;
}

const SELECT = `
  SELECT mc.id, mc.section, mc.text, mc.author_id, u.display_name AS author_name,
         mc.agency_id, a.name AS agency_name, a.type AS agency_type, mc.created_at, mc.updated_at
    FROM mapping_contribution mc
    JOIN app_user u ON u.id = mc.author_id
    JOIN agency a ON a.id = mc.agency_id`;

/** A contribution as a bulk writer gives it, with when it was written; the keys are its columns. */
export interface ContributionRecord {
  case_id: string;
  section: MappingSection;
  agency_id: string;
  author_id: string;
  text: string;
  created_at: string;
}

/** All SQL of the mapping (kartläggning): the agencies' contributions to a case. */
@Injectable()
export class MappingRepository extends SqlRepository {
  /** The case's contributions in `sections`, and all of `agencyId`'s own, in the order written. */
  async listForCase(
    db: EntityManager,
    caseId: string,
    sections: MappingSection[],
    agencyId: string,
  ): Promise<ContributionRow[]> {
    return sqlRows<ContributionRow>(
      db,
      `${SELECT} WHERE mc.case_id = $1 AND (mc.section = ANY ($2::text[]) OR mc.agency_id = $3)
        ORDER BY mc.created_at, mc.id`,
      [caseId, sections, agencyId],
    );
  }

  async insert(tx: EntityManager, c: NewContribution): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO mapping_contribution (case_id, section, agency_id, author_id, text)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [c.caseId, c.section, c.agencyId, c.authorId, c.text],
    );
    return row!.id;
  }

  /** Who wrote the contribution and where, row locked; null when the case has no such contribution. */
  async findForEdit(
    tx: EntityManager,
    caseId: string,
    contributionId: string,
  ): Promise<{ agency_id: string; section: MappingSection } | null> {
    return sqlRow(tx, `SELECT agency_id, section FROM mapping_contribution WHERE id = $1 AND case_id = $2 FOR UPDATE`, [
      contributionId,
      caseId,
    ]);
  }

  async setText(tx: EntityManager, contributionId: string, text: string): Promise<void> {
    await sqlCount(tx, `UPDATE mapping_contribution SET text = $2, updated_at = now() WHERE id = $1`, [
      contributionId,
      text,
    ]);
  }

  async find(db: EntityManager, id: string): Promise<ContributionRow | null> {
    return sqlRow<ContributionRow>(db, `${SELECT} WHERE mc.id = $1`, [id]);
  }

  /** Inserts contributions written at the given times, in one statement (a bulk writer: the demo seed). */
  async insertContributions(tx: EntityManager, rows: ContributionRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO mapping_contribution (case_id, section, agency_id, author_id, text, created_at, updated_at)
       SELECT case_id, section, agency_id, author_id, text, created_at, created_at
         FROM jsonb_to_recordset($1::jsonb)
           AS r (case_id uuid, section text, agency_id uuid, author_id uuid, text text, created_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }
}
