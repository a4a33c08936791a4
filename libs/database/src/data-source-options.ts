import { DataSource, DataSourceOptions, EntitySchema } from 'typeorm';
import './date-columns';
import { roleOf, RUNTIME_ROLE_SETTING } from './database-roles';
import { migrations } from './migrations';
import { SchemaNamingStrategy } from './naming-strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = (Function | EntitySchema)[];

/** The one place that says how we talk to PostgreSQL: same options for the app, migrations and tests. */
export function dataSourceOptions(
  url: string,
  options: {
    poolSize?: number;
    onPoolError?: (error: Error) => void;
    /** For the migration connection: the role the application runs as, which migrations grant to. */
    runtimeRole?: string | null;
    /** The entities of every table (apps/api's ENTITIES); they describe the schema, never change it. */
    entities?: EntityList;
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
    entities: options.entities ?? [],
    namingStrategy: new SchemaNamingStrategy(),
    // The migrations own the schema: never synchronized from the entities, no extensions installed
    // at connect (gen_random_uuid() is built in), as the runtime role could not anyway.
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
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
