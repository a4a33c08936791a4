import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrations, runMigrations } from '@app/database';
import { DEMO_STEPS, seedDemo } from '@app/demo';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

const MAIN = join(__dirname, '../dist/apps/api/src/main.js');

/** Runs the built server with the given environment until it exits or `until` shows up on stderr. */
function run(env: Record<string, string>, until?: RegExp): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (until?.test(stderr)) child.kill('SIGTERM');
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('start-up', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://nope' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops with one line naming the bad setting: %j', async (env, setting) => {
    const { code, stderr } = await run(env);
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${setting} `));
  });

  it('never echoes a malformed DATABASE_URL, which may hold a password', async () => {
    const { stderr } = await run({ DATABASE_URL: 'postgres//user:s3cret@host' });
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).not.toContain('s3cret');
  });

  it('runs with DATABASE_URL alone as before: one role migrates and runs (development only)', async () => {
    const { name, url } = await createTestDatabase(false);
    try {
      const { code, stderr } = await run(
        {
          DATABASE_URL: url,
          PORT: '0',
          LOG_LEVEL: 'silent',
          JWT_SECRET: 'x'.repeat(40),
          NODE_ENV: 'test',
          DEMO_SEED: 'false',
        },
        /API docs: /,
      );
      expect(stderr).toMatch(/migrations run: Foundation.*RuntimeRole1795002950000/);
      expect(code).toBe(0);
    } finally {
      await dropTestDatabase(name);
    }
  });

  it('starts against DATABASE_URL, migrates as DATABASE_MIGRATION_URL, seeds, says where it listens, and stops cleanly on SIGTERM', async () => {
    const { name, appUrl, ownerUrl } = await createTestDatabase(false);
    try {
      const { code, stderr } = await run(
        {
          DATABASE_URL: appUrl,
          DATABASE_MIGRATION_URL: ownerUrl,
          PORT: '0',
          LOG_LEVEL: 'silent',
          JWT_SECRET: 'x'.repeat(40),
          NODE_ENV: 'test',
        },
        /API docs: /,
      );
      expect(stderr).toMatch(/migrations run: Foundation.*RuntimeRole1795002950000/);
      expect(stderr).toMatch(/demo data seeded: 001-organisations-agencies/);
      expect(stderr).toMatch(/listening on http:\/\/localhost:\d+\/api\/v1/);
      expect(stderr).toMatch(/SIGTERM received: stopping/);
      expect(code).toBe(0);
    } finally {
      await dropTestDatabase(name);
    }
  });
});

describe('migrations and demo seed', () => {
  let name: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    const db = await createTestDatabase(false);
    name = db.name;
    dataSource = await new DataSource(dataSourceOptions(db.url, { poolSize: 4 })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(name);
  });

  it('migrate an empty database up, once, even when two instances start together', async () => {
    const [first, second] = await Promise.all([runMigrations(dataSource), runMigrations(dataSource)]);
    expect([...first, ...second]).toEqual(migrations.map((m) => m.name));
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(
      expect.arrayContaining([
        'organisation',
        'agency',
        'student',
        'guardian',
        'attendance_lesson',
        'app_user',
        'refresh_token',
        'access_log',
      ]),
    );
    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('seeds the demo once: a second run changes nothing', async () => {
    const now = new Date('2026-11-23T08:00:00Z');
    expect(await seedDemo(dataSource, now)).toEqual(DEMO_STEPS.map((step) => step.name));
    const count = async () =>
      (
        await dataSource.query(
          `SELECT (SELECT count(*) FROM student)::int AS s, (SELECT count(*) FROM attendance_lesson)::int AS a, (SELECT count(*) FROM app_user)::int AS u`,
        )
      )[0];
    const before = await count();
    expect(before.s).toBe(300);
    expect(before.u).toBe(11);
    expect(before.a).toBeGreaterThan(300 * 60 * 5);
    expect(await seedDemo(dataSource, now)).toEqual([]);
    expect(await count()).toEqual(before);
    const statuses = await dataSource.query(`SELECT DISTINCT status FROM support_case ORDER BY status`);
    expect(statuses.map((r: { status: string }) => r.status)).toEqual([
      'closed',
      'follow_up',
      'mapping',
      'open',
      'plan_active',
    ]);
    const plans = await dataSource.query(
      `SELECT count(*)::int AS plans, count(c.plan_agreed_at)::int AS agreed,
              (SELECT count(*)::int FROM plan_version) AS versions
         FROM case_plan p JOIN support_case c ON c.id = p.case_id`,
    );
    expect(plans).toEqual([{ plans: 4, agreed: 3, versions: 7 }]);
    const flags = await dataSource.query(
      `SELECT status, count(*)::int AS n FROM absence_flag GROUP BY status ORDER BY status`,
    );
    expect(flags).toEqual([
      { status: 'dismissed', n: 1 },
      { status: 'new', n: 3 },
    ]);
  });

  it('gives the demo a realistic spread: most pupils under 5 % absence, some well above', async () => {
    const rows: { pct: number }[] = await dataSource.query(`
      SELECT 100.0 * sum(valid_absence_minutes + invalid_absence_minutes) / sum(offered_minutes) AS pct
        FROM attendance_lesson GROUP BY student_id`);
    const under5 = rows.filter((r) => Number(r.pct) < 5).length;
    const over15 = rows.filter((r) => Number(r.pct) >= 15).length;
    expect(under5 / rows.length).toBeGreaterThan(0.7);
    expect(over15).toBeGreaterThan(5);
  });

  it('keeps the access log append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    // Raw on purpose: the append-only trigger on this row is the subject.
    await dataSource.query(`INSERT INTO access_log (action, subject_type, outcome) VALUES ('test', 'test', 'allowed')`);
    await expect(dataSource.query(`UPDATE access_log SET outcome = 'denied'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
  });
});
