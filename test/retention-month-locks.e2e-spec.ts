import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { migrations } from '@app/database';
import { demoId } from '@app/demo';
import { RetentionService } from '@app/dataprotection';
import { createTestApp, createTestDatabase, dropTestDatabase, TestApp } from './support/test-app';

const PUPIL = demoId('pupil:7');

/**
 * A whole month of lessons is dropped without holding the lesson table's lock for long
 * (gallring, issue 21; migration RetentionMonthLocks1795005000000): the detach waits at most
 * 100 ms for the table and otherwise gives up, the run tries again and, when the table stays
 * busy, erases the due months' rows by batches instead; the detached month is dropped in a
 * transaction of its own. Everything here runs as the runtime role, as the app does.
 */
describe('retention: dropping a month of lessons with short locks', () => {
  let t: TestApp;
  let retention: RetentionService;
  let app: Client;
  let reader: Client;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.db.query<{ n: string }>(sql, params)).rows[0].n);
  const lessons = (month: string) =>
    count(
      `SELECT count(*) AS n FROM attendance_lesson WHERE student_id = $1 AND to_char(lesson_date, 'YYYY_MM') = $2`,
      [PUPIL, month],
    );
  const table = (name: string) => count(`SELECT count(*) AS n FROM pg_class WHERE relname = $1`, [name]);
  const insertLesson = (day: string) =>
    t.db.query(
      `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes, source)
       VALUES ($1, $2, '06:05', 40, 40, 'manual')`,
      [PUPIL, day],
    );
  /** A reader of this month's lessons in an open transaction: it holds the table's ACCESS SHARE lock. */
  const startReading = async () => {
    await reader.query('BEGIN');
    await reader.query(
      `SELECT count(*) FROM attendance_lesson WHERE student_id = $1 AND lesson_date >= date_trunc('month', now())::date`,
      [PUPIL],
    );
  };

  beforeAll(async () => {
    t = await createTestApp();
    retention = t.app.get(RetentionService);
    app = new Client({ connectionString: t.appUrl });
    await app.connect();
    reader = new Client({ connectionString: t.appUrl });
    await reader.connect();
    // Two school years back and more: due for every organisation, months of their own.
    await insertLesson('2024-10-08');
    await insertLesson('2024-11-12');
  });
  afterAll(async () => {
    await reader?.end();
    await app?.end();
    await t?.close();
  });

  it('gives up at once behind a reader of the table (lock_not_available), leaving the month whole', async () => {
    await startReading();
    try {
      const started = Date.now();
      const error = await app.query(`SELECT * FROM retention_drop_lesson_month(now())`).then(
        () => null,
        (e: { code?: string }) => e,
      );
      // Not the 5 s lock_timeout of before: the detach waited 100 ms for the table.
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error?.code).toBe('55P03');
    } finally {
      await reader.query('COMMIT');
    }
    // Rolled back whole: the month is still a partition and its rows are there.
    expect(await lessons('2024_10')).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'attendance_lesson'::regclass
            AND inhrelid = 'attendance_lesson_2024_10'::regclass`,
      ),
    ).toBe(1);
  });

  it('waits for a month held by someone else (as by a vacuum of it) without making the table wait', async () => {
    // The month the next call drops, held as a (manual or anti-wraparound) vacuum holds it.
    const [{ name }] = (
      await t.db.query<{ name: string }>(
        `SELECT p.name FROM retention_old_partitions('attendance_lesson',
                  (SELECT min(retention_cutoff(o.id, 'attendance_lesson', now())) FROM organisation o)) p LIMIT 1`,
      )
    ).rows;
    const holder = await t.db.connect();
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE ${name} IN SHARE UPDATE EXCLUSIVE MODE`);
    const dropping = app.query(`SELECT * FROM retention_drop_lesson_month(now())`);
    try {
      await new Promise((r) => setTimeout(r, 300));
      // Meanwhile this month's lessons are read and written as usual: the drop holds nothing on
      // the table while it waits (before, the detach held ACCESS EXCLUSIVE on it all that time).
      await reader.query(`SET statement_timeout = '1s'`);
      await reader.query(
        `SELECT count(*) FROM attendance_lesson WHERE student_id = $1 AND lesson_date >= date_trunc('month', now())::date`,
        [PUPIL],
      );
      await reader.query(
        `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes, source)
         VALUES ($1, current_date, '06:07', 40, 40, 'manual')`,
        [PUPIL],
      );
      await reader.query(`RESET statement_timeout`);
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    const { rows } = await dropping;
    expect(rows[0]).toMatchObject({ partition: name });
    await app.query(`SELECT retention_drop_detached('attendance_lesson')`);
    expect(await table(name)).toBe(0);
  });

  it('while the table stays busy, the run erases the due months by batches and still finishes', async () => {
    await startReading();
    let runId: string | null;
    try {
      runId = await retention.runScheduled();
    } finally {
      await reader.query('COMMIT');
    }
    const [run] = (await t.db.query(`SELECT status FROM retention_run WHERE id = $1`, [runId])).rows;
    expect(run.status).toBe('finished');
    expect(await lessons('2024_10')).toBe(0);
    expect(await lessons('2024_11')).toBe(0);
    // The months were not detached (the batches emptied them); the run log counts the rows.
    expect(await table('attendance_lesson_2024_10')).toBe(1);
    const rows = await count(
      `SELECT coalesce(sum(rows), 0) AS n FROM retention_run_count WHERE run_id = $1 AND data_class = 'attendance_lesson'`,
      [runId],
    );
    expect(rows).toBeGreaterThanOrEqual(2);
  });

  it('with the table free, detaches each due month and drops it in its own transaction: no table left', async () => {
    await insertLesson('2024-12-10');
    const runId = await retention.runScheduled();
    for (const month of ['2024_10', '2024_11', '2024_12', '2025_01'])
      expect([month, await table(`attendance_lesson_${month}`)]).toEqual([month, 0]);
    const rows = await count(
      `SELECT coalesce(sum(rows), 0) AS n FROM retention_run_count WHERE run_id = $1 AND data_class = 'attendance_lesson'`,
      [runId],
    );
    expect(rows).toBe(1);
    // The months of this school year and the last are still partitions.
    const kept = new Date();
    kept.setUTCMonth(kept.getUTCMonth() - 1);
    expect(await table(`attendance_lesson_${kept.toISOString().slice(0, 4)}_${kept.toISOString().slice(5, 7)}`)).toBe(
      1,
    );
  });

  it('the runtime role may not lock or detach a month itself, and drops only detached months', async () => {
    for (const sql of [
      `SELECT retention_lock_month('attendance_lesson', 'attendance_lesson_2031_01')`,
      `SELECT retention_detach_month('attendance_lesson', 'attendance_lesson_2031_01')`,
    ]) {
      const error = await app.query(sql).then(
        () => null,
        (e: { code?: string }) => e,
      );
      expect([sql, error?.code]).toEqual([sql, '42501']);
    }
    const other = await app.query(`SELECT retention_drop_detached('student')`).then(
      () => null,
      (e: { code?: string }) => e,
    );
    expect(other?.code).toBe('22023');
    const partitions = await count(
      `SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'attendance_lesson'::regclass`,
    );
    const { rows } = await app.query(`SELECT retention_drop_detached('attendance_lesson') AS n`);
    expect(rows[0].n).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'attendance_lesson'::regclass`)).toBe(
      partitions,
    );
  });
});

describe('the migration RetentionMonthLocks1795005000000, reverted and applied again', () => {
  let name: string;
  const clients: Client[] = [];
  const client = async (url: string) => {
    const c = new Client({ connectionString: url });
    await c.connect();
    clients.push(c);
    return c;
  };
  afterAll(async () => {
    for (const c of clients) await c.end();
    if (name) await dropTestDatabase(name);
  });

  it("before it, a detach waiting for a held month made this month's readers wait; after it, not", async () => {
    const created = await createTestDatabase();
    name = created.name;
    const [db, holder, dropper, reader] = await Promise.all([1, 2, 3, 4].map(() => client(created.url)));
    const runner = { query: (sql: string, params?: unknown[]) => db.query(sql, params).then((r) => r.rows) };
    const Migration = migrations.find((m) => m.name === 'RetentionMonthLocks1795005000000')!;
    const migration = new Migration();
    // The month the next drop takes (the call drops one month, so it is looked up each time).
    const nextMonth = async () =>
      (
        await db.query<{ name: string }>(
          `SELECT p.name FROM retention_old_partitions('attendance_lesson',
                    (SELECT min(retention_cutoff(o.id, 'attendance_lesson', now())) FROM organisation o)) p LIMIT 1`,
        )
      ).rows[0].name;
    /** Whether this month's lessons can be read within 1 s while the month is held and a drop waits for it. */
    const readableWhileHeld = async () => {
      const month = await nextMonth();
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE ${month} IN SHARE UPDATE EXCLUSIVE MODE`);
      const dropping = dropper.query(`SELECT * FROM retention_drop_lesson_month(now())`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      await reader.query(`SET statement_timeout = '1s'`);
      const read = await reader
        .query(`SELECT count(*) FROM attendance_lesson WHERE lesson_date >= date_trunc('month', now())::date`)
        .then(
          () => true,
          (e: { code?: string }) => (e.code === '57014' ? false : Promise.reject(e)),
        );
      await reader.query(`RESET statement_timeout`);
      await holder.query('ROLLBACK');
      await dropping;
      return read;
    };

    await migration.down(runner as unknown as QueryRunner);
    expect(await db.query(`SELECT to_regprocedure('retention_drop_detached(text)') AS f`)).toMatchObject({
      rows: [{ f: null }],
    });
    expect(await readableWhileHeld()).toBe(false);

    await migration.up(runner as unknown as QueryRunner);
    expect(await readableWhileHeld()).toBe(true);
  });
});
