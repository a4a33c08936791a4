import { Client } from 'pg';
import { demoId } from '@app/demo';
import { RetentionService } from '@app/dataprotection';
import { createTestApp, TestApp } from './support/test-app';

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
