import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOB_SCHEMA, sqlRows } from '@app/database';
import type PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';

/** Jobs of one queue in one state. */
export interface JobCountRow {
  queue: string;
  state: string;
  n: number;
}

/** The SQL around pg-boss's tables; pg-boss itself writes them, we never do. */
@Injectable()
export class JobQueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** pg-boss's `db` option: its own SQL (a send) run in the caller's transaction. */
  within(tx: EntityManager): PgBoss.Db {
    return { executeSql: async (text: string, values: unknown[]) => ({ rows: await sqlRows(tx, text, values) }) };
  }

  /**
   * Jobs waiting (`created`, `retry`), running (`active`) or given up (`failed`), per queue and
   * state; [] before the database is connected or without pg-boss's schema (a database migrated
   * without it).
   */
  async jobCounts(): Promise<JobCountRow[]> {
    if (!this.dataSource.isInitialized) return [];
    return sqlRows<JobCountRow>(
      this.dataSource.manager,
      `SELECT name AS queue, state::text AS state, count(*)::int AS n FROM ${JOB_SCHEMA}.job
        WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
    ).catch(() => []);
  }
}
