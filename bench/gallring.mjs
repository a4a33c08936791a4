// Gallring benchmark (not a test): `npm run bench:gallring [-- --large]`.
//
// Fills a school year of lessons that the retention rules make due (2024-08 … 2025-06: older than
// two school years), then runs the gallring as RetentionService does, through the database's
// retention functions: whole months detached and dropped, then batched deletes. Prints the time,
// the longest the lesson table's ACCESS EXCLUSIVE lock was held (sampled every 20 ms from
// pg_locks on a second connection), the longest a reader of this month's lessons waited for the
// table (a third connection querying all along; its wait measured by the server, from the
// statement's arrival to its execution, so the client's own scheduling delays do not count),
// and the longest single call (one transaction). BENCH_PG_PORT sets the embedded server's port.
// Default: 2 000 bench pupils (and the demo's) × ~215 weekdays × 6 lessons ≈ 3 M rows; --large: 9 260 pupils ≈ 12 M rows.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { benchDatabase, createPupils, fmt, root, say, SCHOOL_PUPILS, sizes } from './data.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');

const LARGE = process.argv.includes('--large');
const { otherPupils: OTHER_PUPILS } = sizes(LARGE);

async function main() {
  const { url, db, close } = await benchDatabase({
    name: 'narvaro_bench_gallring',
    port: Number(process.env.BENCH_PG_PORT ?? 54351),
    dataDir: join(root, '.data', 'bench-gallring-postgres'),
  });
  await createPupils(db, SCHOOL_PUPILS, OTHER_PUPILS);

  // A school year of lessons three school years back, every weekday, six lessons a day.
  const fillStart = Date.now();
  await db.query(`
    INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                   invalid_absence_minutes, source)
    SELECT s.id, d::date, t::time, 60, 50, 10, 'csv'
      FROM student s
      CROSS JOIN generate_series(date '2024-08-19', date '2025-06-13', interval '1 day') d
      CROSS JOIN unnest(ARRAY['08:10', '09:10', '10:15', '12:30', '13:30', '14:30']) t
     WHERE extract(isodow FROM d) < 6`);
  const [{ n: rows }] = (
    await db.query(`SELECT count(*)::int AS n FROM attendance_lesson WHERE lesson_date < '2025-07-01'`)
  ).rows;
  say(`lessons due: ${fmt(rows)} (filled in ${((Date.now() - fillStart) / 1000).toFixed(1)} s)`);

  // The sampler: how long the gallring's session holds ACCESS EXCLUSIVE on attendance_lesson.
  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  const [{ pid }] = (await db.query('SELECT pg_backend_pid() AS pid')).rows;
  let heldSince = null;
  const vacuumed = new Set();
  let longestLock = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows: held } = await monitor.query(
        `SELECT 1 FROM pg_locks WHERE pid = $1 AND relation = 'attendance_lesson'::regclass
            AND mode = 'AccessExclusiveLock' AND granted`,
        [pid],
      );
      // Vacuums of the lesson months going on (after the fill, autovacuum may still be at work:
      // a detach that waits for one holds the table's lock unless it locks the month first).
      const { rows: vacuums } = await monitor.query(
        `SELECT relid::regclass::text AS name FROM pg_stat_progress_vacuum
          WHERE relid::regclass::text LIKE 'attendance_lesson_%'`,
      );
      for (const v of vacuums) vacuumed.add(v.name);
      const now = performance.now();
      if (held.length && heldSince === null) heldSince = now;
      if (!held.length && heldSince !== null) {
        longestLock = Math.max(longestLock, now - heldSince);
        heldSince = null;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  // The reader: this month's lessons of one pupil, as the app reads them, all along the gallring.
  const reader = new pg.Client({ connectionString: url });
  await reader.connect();
  const [{ id: someone }] = (await db.query(`SELECT id FROM student WHERE first_name = 'Bench' LIMIT 1`)).rows;
  const today = new Date();
  const thisMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)).toISOString().slice(0, 10);
  const nextMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  let longestWait = 0;
  let reads = 0;
  const reading = (async () => {
    while (sampling) {
      // One simple-protocol message (no parameters): statement_timestamp() is its arrival, before
      // the table is locked (with the extended protocol it would be the Execute, after the lock);
      // literal dates, so the plan reads (and locks) this month's partition only.
      const { rows: waited } = await reader.query(
        `SELECT (SELECT count(*) FROM attendance_lesson WHERE student_id = '${someone}'
                    AND lesson_date >= '${thisMonth}' AND lesson_date < '${nextMonth}') AS n,
                extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000 AS wait`,
      );
      longestWait = Math.max(longestWait, Number(waited[0].wait));
      reads += 1;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();

  const at = new Date();
  let longestCall = 0;
  let busy = 0;
  const call = async (sql, params) => {
    const started = performance.now();
    const result = await db.query(sql, params);
    longestCall = Math.max(longestCall, performance.now() - started);
    return result.rows;
  };
  const started = performance.now();
  let months = 0;
  let erased = 0;
  for (;;) {
    // As RetentionRepository.dropLessonMonth: the detach gives up after 100 ms when the table is
    // busy (lock_not_available) and is tried again; the detached month is dropped in its own call.
    let dropped;
    try {
      dropped = await call('SELECT rows FROM retention_drop_lesson_month($1)', [at]);
    } catch (error) {
      if (error.code !== '55P03') throw error;
      busy += 1;
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    await call(`SELECT retention_drop_detached('attendance_lesson')`);
    if (!dropped.length) break;
    months += 1;
    erased += dropped.reduce((sum, r) => sum + Number(r.rows), 0);
  }
  const organisations = (await db.query('SELECT id FROM organisation')).rows;
  for (const { id } of organisations) {
    for (;;) {
      const [{ n }] = await call('SELECT retention_erase_lessons($1, $2, 5000) AS n', [id, at]);
      if (Number(n) === 0) break;
      erased += Number(n);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  await reading;

  say(
    `gallring: ${fmt(erased)} lesson rows in ${seconds.toFixed(1)} s (${months} month partitions detached and dropped)`,
  );
  say(`longest ACCESS EXCLUSIVE lock on attendance_lesson: ~${fmt(longestLock)} ms (sampled every 20 ms)`);
  say(`month partitions seen being vacuumed during the gallring: ${vacuumed.size}`);
  say(`longest wait of a reader of this month's lessons: ${fmt(longestWait)} ms (of ${fmt(reads)} reads; server side)`);
  say(`longest single call (one transaction): ${fmt(longestCall)} ms; detach retried when busy: ${busy}×`);
  const [{ n: left }] = (
    await db.query(`SELECT count(*)::int AS n FROM attendance_lesson WHERE lesson_date < '2025-07-01'`)
  ).rows;
  if (left !== 0) throw new Error(`${left} due lessons left`);

  await monitor.end();
  await reader.end();
  await close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
