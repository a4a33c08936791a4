import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
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

const statementNames = new Map<string, string>();

/** A name per statement text, the same in every process (a hash), so pooled connections reuse it. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `nt_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Every row of a hot read run as a named prepared statement. PostgreSQL then plans it once per
 * connection (a generic plan after five runs) instead of on every call: planning the case facts
 * and the caller took several times as long as running them. Only for fixed statement texts.
 */
export async function preparedRows<T>(db: EntityManager, text: string, params: readonly unknown[] = []): Promise<T[]> {
  const query = { name: statementName(text), text, values: params as unknown[] };
  if (db.queryRunner) {
    // The transaction's own connection (connect() answers it once connected).
    const client = (await db.queryRunner.connect()) as PoolClient;
    return (await client.query(query)).rows as T[];
  }
  // Outside a transaction straight from TypeORM's pool: a checkout, the statement, a release.
  const pool = (db.dataSource.driver as unknown as { master: Pool }).master;
  return (await pool.query(query)).rows as T[];
}

/** The first row of a hot read run as a named prepared statement (see preparedRows), or null. */
export async function preparedRow<T>(
  db: EntityManager,
  text: string,
  params: readonly unknown[] = [],
): Promise<T | null> {
  return (await preparedRows<T>(db, text, params))[0] ?? null;
}
