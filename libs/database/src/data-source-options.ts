import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/** The one place that says how we talk to PostgreSQL: same options for the app, migrations and tests. */
export function dataSourceOptions(
  url: string,
  options: { poolSize?: number; onPoolError?: (error: Error) => void } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName: 'narvaroteam',
    poolSize: options.poolSize ?? 10,
    connectTimeoutMS: 5000,
    // A dropped server or a pg_terminate_backend() raises errors on idle pooled clients; an
    // unhandled pool 'error' event would crash the process, so it is always handled.
    poolErrorHandler: options.onPoolError ?? (() => undefined),
    extra: { idleTimeoutMillis: 30_000 },
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
}

// Any number: it only has to be the same for every instance of this application.
const MIGRATION_LOCK_KEY = 74_262_026;

/**
 * Runs pending migrations, all in one transaction, under an advisory lock so that several
 * instances starting at once migrate exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'all' });
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
