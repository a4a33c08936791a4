import type { PoolClient } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * The one way repositories run raw SQL. TypeORM's `query()` answers a SELECT or INSERT with the
 * rows but an UPDATE or DELETE with `[rows, count]`; these helpers always answer rows (or one row
 * and the count), so no caller unpacks `[[row]]`.
 */
export interface SqlResult<T> {
  rows: T[];
  /** Rows the statement returned or changed. */
  count: number;
}

export async function sql<T>(db: EntityManager, text: string, params: readonly unknown[] = []): Promise<SqlResult<T>> {
  // As EntityManager.query does: the transaction's runner, or a pooled one for this statement.
  const runner = db.queryRunner ?? db.dataSource.createQueryRunner();
  try {
    const result = await runner.query(text, params as unknown[], true);
    return { rows: result.records as T[], count: result.affected ?? result.records.length };
  } finally {
    if (!db.queryRunner) await runner.release();
  }
}

/** Every row of the statement (SELECT, or INSERT/UPDATE/DELETE … RETURNING). */
export async function sqlRows<T>(db: EntityManager, text: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await sql<T>(db, text, params)).rows;
}

/** The first row of the statement, or null when it returned none. */
export async function sqlRow<T>(db: EntityManager, text: string, params: readonly unknown[] = []): Promise<T | null> {
  return (await sql<T>(db, text, params)).rows[0] ?? null;
}

/** How many rows an UPDATE or DELETE changed. */
export async function sqlCount(db: EntityManager, text: string, params: readonly unknown[] = []): Promise<number> {
  return (await sql(db, text, params)).count;
}

/** The pg client under a connected query runner, for what TypeORM has no API for (COPY). */
export function poolClientOf(runner: QueryRunner): PoolClient {
  return (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
}

/** Gives the runner's connection back; one that broke (`error` set) is destroyed, not pooled. */
export async function releaseRunner(runner: QueryRunner, error?: Error): Promise<void> {
  await (runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> })
    .releasePostgresConnection(error)
    .catch(() => undefined);
}
