import { Client } from 'pg';
import { QueryRunner } from 'typeorm';

/**
 * The session setting through which the migration connection tells migrations which role the
 * application runs as (the role of DATABASE_URL), so that they grant it what it needs. Unset, or
 * equal to the migrating role, when both are one role (no DATABASE_MIGRATION_URL): then there is
 * nothing to grant.
 */
export const RUNTIME_ROLE_SETTING = 'narvaroteam.runtime_role';

/** The role a connection string logs in as (asked of the server: the URL may leave the user to PGUSER). */
export async function roleOf(url: string): Promise<string> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
    return rows[0].role;
  } finally {
    await client.end();
  }
}

/** The runtime role, from inside a migration; null when the migrating role is the runtime role too. */
export async function runtimeRole(db: QueryRunner): Promise<string | null> {
  const [row] = (await db.query(`SELECT nullif(current_setting($1, true), '') AS role, current_user AS me`, [
    RUNTIME_ROLE_SETTING,
  ])) as { role: string | null; me: string }[];
  return row.role && row.role !== row.me ? row.role : null;
}

/**
 * Makes a table append-only for every role but its owner: revokes UPDATE, DELETE and TRUNCATE
 * from whoever was granted them (the runtime role gets them by default privileges). Every
 * migration that creates an append-only table calls this right after creating it, besides the
 * table's triggers (which the owner could disable, the runtime role cannot).
 */
export async function revokeAppendOnlyWrites(db: QueryRunner, table: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a plain table name: ${table}`);
  await db.query(`
    DO $$
    DECLARE grantee_name text;
    BEGIN
      FOR grantee_name IN
        SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END
          FROM pg_class c
          CROSS JOIN LATERAL aclexplode(c.relacl) a
          LEFT JOIN pg_roles r ON r.oid = a.grantee
         WHERE c.oid = '${table}'::regclass AND a.grantee <> c.relowner
      LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM %s', grantee_name);
      END LOOP;
    END $$`);
}
