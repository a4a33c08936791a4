import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TermDates } from '@app/calendar';
import { sqlCount, sqlRow, SqlRepository } from '@app/database';

/** All SQL of `organisation`: its term dates. */
@Injectable()
export class OrganisationRepository extends SqlRepository {
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
}
