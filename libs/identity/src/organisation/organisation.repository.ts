import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TermDates } from '@app/calendar';
import { SchoolDirectory } from '@app/access';
import { sqlCount, sqlRow, SqlRepository } from '@app/database';

/** An organisation as a bulk writer (the demo seed) gives it; the keys are its columns. */
export interface OrganisationRecord {
  id: string;
  name: string;
  kind: string;
}

/** All SQL of `organisation`: its term dates, which of its agencies are schools. */
@Injectable()
export class OrganisationRepository extends SqlRepository implements SchoolDirectory {
  /** The first days of the organisation's terms, or null for no such organisation. */
  async termDates(tx: EntityManager, organisationId: string): Promise<TermDates | null> {
    const row = await sqlRow<{ autumn_start: string; spring_start: string }>(
      tx,
      `SELECT term_autumn_start AS autumn_start, term_spring_start AS spring_start FROM organisation WHERE id = $1`,
      [organisationId],
    );
    return row && { autumnStart: row.autumn_start, springStart: row.spring_start };
  }

  async setTermDates(tx: EntityManager, organisationId: string, dates: TermDates): Promise<void> {
    await sqlCount(tx, `UPDATE organisation SET term_autumn_start = $2, term_spring_start = $3 WHERE id = $1`, [
      organisationId,
      dates.autumnStart,
      dates.springStart,
    ]);
  }

  /** Whether the id is a school (for `/schools/:id/...` routes: AccessService.requireSchool). */
  async isSchool(id: string): Promise<boolean> {
    return (await sqlRow(this.manager, `SELECT id FROM agency WHERE id = $1 AND type = 'school'`, [id])) !== null;
  }

  /** Inserts organisations with their ids, in one statement; an id already there is left as it is. */
  async insertOrganisations(tx: EntityManager, rows: OrganisationRecord[]): Promise<void> {
    await sqlCount(
      tx,
      `INSERT INTO organisation (id, name, kind)
       SELECT id, name, kind FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, name text, kind text)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
