import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

const dist = (file: string) => join(__dirname, '../dist/apps/api/src', file);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * A developer's `.data/postgres` from before the owner and runtime roles (everything, pg-boss's
 * schema included, created by the superuser the app connected as) keeps working: the embedded
 * start hands the objects to the owner, the migrations grant the runtime role, and the app, its
 * pg-boss included, runs as the runtime role.
 */
describe('embedded PostgreSQL: a data directory from before the database roles', () => {
  const dataDir = join(__dirname, '../.data', `test-embedded-upgrade-${process.pid}`);
  let pgPort: number;
  const env = () => ({
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    EMBEDDED_PG_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    JWT_SECRET: 'x'.repeat(40),
    DEMO_SEED: 'false',
    LOG_LEVEL: 'silent',
  });

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    pgPort = await freePort();
    const legacy = spawnSync(
      process.execPath,
      [join(__dirname, 'support/legacy-embedded.mjs'), dataDir, String(pgPort)],
      {
        encoding: 'utf8',
      },
    );
    if (legacy.status !== 0) throw new Error(`making the old data directory failed:\n${legacy.stderr}`);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates as the owner, then runs (pg-boss included) as the runtime role on the old data', async () => {
    const migrate = spawnSync(process.execPath, [dist('migrate.js')], { env: env(), encoding: 'utf8' });
    expect(migrate.stderr).toMatch(/migrations run: JobSchema1795002900000, RuntimeRole1795002950000/);
    expect(migrate.status).toBe(0);

    // The server, jobs on: pg-boss starts as the runtime role on the schema it once installed itself.
    const server = spawn(process.execPath, [dist('main.js')], {
      env: { ...env(), PORT: '0', JOBS_ENABLED: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        server.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (/API docs: /.test(stderr)) resolve();
        });
        server.on('exit', () => reject(new Error(`the server stopped:\n${stderr}`)));
      });

      const owner = new Client({
        connectionString: `postgres://narvaroteam_owner:narvaroteam-owner-local@127.0.0.1:${pgPort}/narvaroteam`,
      });
      await owner.connect();
      try {
        const { rows } = await owner.query(`
          SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) AS owner
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname IN ('public', 'pgboss') AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
        expect(rows).toEqual([]);
      } finally {
        await owner.end();
      }

      const app = new Client({
        connectionString: `postgres://narvaroteam_app:narvaroteam-app-local@127.0.0.1:${pgPort}/narvaroteam`,
      });
      await app.connect();
      try {
        expect((await app.query(`SELECT action FROM access_log WHERE action = 'old'`)).rows).toHaveLength(1);
        // Raw on purpose: the upgraded database taking a new log row as the app's role is the subject.
        await app.query(`INSERT INTO access_log (action, subject_type, outcome) VALUES ('new', 'test', 'allowed')`);
        await expect(app.query(`DELETE FROM access_log`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
        // Nothing in the server's own pool connects as anything but the runtime role.
        const { rows } = await app.query(
          `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'narvaroteam' AND application_name LIKE 'narvaroteam%'`,
        );
        expect(rows).toEqual([{ usename: 'narvaroteam_app' }]);
      } finally {
        await app.end();
      }
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
  });
});
