import { DataSource, DataSourceOptions } from 'typeorm';
import { roleOf, RUNTIME_ROLE_SETTING } from './database-roles';
import { migrations } from './migrations';

/** The one place that says how we talk to PostgreSQL: same options for the app, migrations and tests. */
export function dataSourceOptions(
  url: string,
  options: {
    poolSize?: number;
    onPoolError?: (error: Error) => void;
    /** For the migration connection: the role the application runs as, which migrations grant to. */
    runtimeRole?: string | null;
  } = {},
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
    extra: {
      idleTimeoutMillis: 30_000,
      // A session setting of every connection in this pool (spaces and backslashes escaped for `-c`).
      ...(options.runtimeRole
        ? { options: `-c ${RUNTIME_ROLE_SETTING}=${options.runtimeRole.replace(/[\\ ]/g, '\\$&')}` }
        : {}),
    },
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
}

/**
 * The short-lived connection that migrates (and seeds the demo): as the owner (`migrationUrl`),
 * telling the migrations which role the application runs as (`url`'s), so that they grant it.
 */
export async function openMigrationDataSource(target: { url: string; migrationUrl: string }): Promise<DataSource> {
  const runtimeRole = target.migrationUrl === target.url ? null : await roleOf(target.url);
  return new DataSource(dataSourceOptions(target.migrationUrl, { poolSize: 2, runtimeRole })).initialize();
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
