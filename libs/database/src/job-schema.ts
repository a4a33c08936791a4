import { readFileSync } from 'node:fs';
import PgBoss from 'pg-boss';
import { QueryRunner } from 'typeorm';

/** pg-boss's schema; the application starts pg-boss with `migrate: false` against it. */
export const JOB_SCHEMA = 'pgboss';

/** The schema version the installed pg-boss package expects (its `version.json`). */
export function jobSchemaVersion(): number {
  return (JSON.parse(readFileSync(require.resolve('pg-boss/version.json'), 'utf8')) as { schema: number }).schema;
}

/**
 * pg-boss wraps its plans in BEGIN … COMMIT; inside our migration transaction that COMMIT would
 * end the transaction half-way, so the plans run without the wrapper (their advisory lock and
 * SET LOCALs then hold until our transaction ends).
 */
function withoutTransaction(plans: string): string {
  const inner = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/.exec(plans);
  // The wrapper changed shape in a new pg-boss: better to stop than to commit half a migration.
  if (!inner) throw new Error('pg-boss plans are not wrapped in BEGIN … COMMIT as expected');
  return inner[1];
}

/**
 * Creates pg-boss's schema, or brings it up to the installed package's version, as the migrating
 * role (the owner), so that the application never needs to create or alter anything. A migration
 * calls this; after an upgrade of pg-boss to a release with a new schema version, a new
 * migration calls it again (the application refuses to start pg-boss on an older schema).
 */
export async function installJobSchema(db: QueryRunner): Promise<void> {
  const target = jobSchemaVersion();
  const [{ installed }] = (await db.query(`SELECT to_regclass($1) IS NOT NULL AS installed`, [
    `${JOB_SCHEMA}.version`,
  ])) as { installed: boolean }[];
  if (!installed) {
    await db.query(withoutTransaction(PgBoss.getConstructionPlans(JOB_SCHEMA)));
    return;
  }
  const [{ version }] = (await db.query(`SELECT version::int AS version FROM ${JOB_SCHEMA}.version`)) as {
    version: number;
  }[];
  if (version > target) {
    throw new Error(`the ${JOB_SCHEMA} schema is at version ${version}, newer than pg-boss's ${target}`);
  }
  if (version < target) await db.query(withoutTransaction(PgBoss.getMigrationPlans(JOB_SCHEMA, String(version))));
}

/** Creates a pg-boss queue (its partition table) unless it exists; for migrations only. */
export async function createJobQueue(
  db: QueryRunner,
  name: string,
  options: { policy: 'standard' | 'short' | 'singleton' | 'stately'; retryLimit?: number },
): Promise<void> {
  await db.query(`SELECT ${JOB_SCHEMA}.create_queue($1, $2::json)`, [name, JSON.stringify(options)]);
}
