import { EntityManager } from 'typeorm';
import { sqlRow, sqlRows } from '@app/database';

/** The demo seed's own bookkeeping: which steps have run (`seed_run`), one seeder at a time. */
export class SeedRunRepository {
  /** Waits for any other seeder; the lock is released with the transaction. */
  async lock(tx: EntityManager): Promise<void> {
    await sqlRows(tx, `SELECT pg_advisory_xact_lock(74262027)`);
  }

  async hasRun(tx: EntityManager, step: string): Promise<boolean> {
    return (await sqlRow(tx, `SELECT 1 FROM seed_run WHERE name = $1`, [step])) !== null;
  }

  async record(tx: EntityManager, step: string): Promise<void> {
    await sqlRows(tx, `INSERT INTO seed_run (name) VALUES ($1)`, [step]);
  }
}
