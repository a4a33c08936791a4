import { MigrationInterface, QueryRunner } from 'typeorm';
import { revokeAppendOnlyWrites, runtimeRole } from '../database-roles';

/** Tables whose rows are never changed or removed (their triggers say so too). */
const APPEND_ONLY = ['access_log', 'case_event'];

/**
 * The runtime role (DATABASE_URL's) gets only what the application needs, on the tables of today
 * and, by default privileges, on those later migrations create: rows of ordinary tables, the
 * sequences, pg-boss's tables; on append-only tables only INSERT and SELECT. It owns nothing, so
 * it can neither alter a table nor disable a trigger. When one role both migrates and runs the
 * application (no DATABASE_MIGRATION_URL), there is nothing to grant.
 */
export class RuntimeRole1795002950000 implements MigrationInterface {
  name = 'RuntimeRole1795002950000';

  async up(db: QueryRunner): Promise<void> {
    const role = await runtimeRole(db);
    if (!role) return;
    const [found] = (await db.query(`SELECT quote_ident(rolname) AS grantee FROM pg_roles WHERE rolname = $1`, [
      role,
    ])) as { grantee: string }[];
    if (!found) throw new Error(`the runtime role ${role} does not exist`);
    const { grantee } = found;
    for (const schema of ['public', 'pgboss']) {
      await db.query(`GRANT USAGE ON SCHEMA ${schema} TO ${grantee}`);
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${grantee}`);
      await db.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${grantee}`);
      // What later migrations create (as this same owner) is granted the same way. A migration that
      // creates an append-only table revokes the writes right after (revokeAppendOnlyWrites).
      await db.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${grantee}`,
      );
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE ON SEQUENCES TO ${grantee}`);
    }
    // The migrations' own bookkeeping is not the application's to touch.
    await db.query(`REVOKE ALL ON schema_migration, seed_run FROM ${grantee}`);

    // Append-only: the two known tables, and any other table that refuses TRUNCATE by a BEFORE
    // TRUNCATE trigger (how this schema marks append-only tables), such as one created by a
    // migration of the same release that ran before this one.
    const marked = (await db.query(`
      SELECT DISTINCT c.relname AS name
        FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND NOT t.tgisinternal
         AND t.tgtype & 2 <> 0   -- BEFORE
         AND t.tgtype & 32 <> 0  -- TRUNCATE`)) as { name: string }[];
    for (const table of new Set([...APPEND_ONLY, ...marked.map((m) => m.name)])) {
      await revokeAppendOnlyWrites(db, table);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    const role = await runtimeRole(db);
    if (!role) return;
    const [{ grantee }] = (await db.query(`SELECT quote_ident($1) AS grantee`, [role])) as { grantee: string }[];
    for (const schema of ['public', 'pgboss']) {
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE ALL ON TABLES FROM ${grantee}`);
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE ALL ON SEQUENCES FROM ${grantee}`);
      await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${grantee}`);
      await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${grantee}`);
      await db.query(`REVOKE USAGE ON SCHEMA ${schema} FROM ${grantee}`);
    }
  }
}
