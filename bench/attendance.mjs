// Attendance benchmark (not a test): `npm run bench:attendance [-- --large]`.
//
// Generates a realistic term of lesson attendance as CSV files, imports them through the real
// HTTP import path of the real app, copies the same rows with raw COPY into a table of the lesson
// table's shape (partitioned, same indexes and constraints: the reference) and into a bare table,
// and prints import rows/s, the ratios to both, peak import memory (for a small and
// the full file: flat means the same), and watch-list latency (p50/p95/p99) for a 2 000-pupil school.
//
// Default: 2 000 pupils × 90 school days × 6 lessons ≈ 1.1 M rows.
// --large: 2 000 pupils at the measured school + 7 260 elsewhere × 180 days × 6 ≈ 10 M rows.
// DATABASE_URL selects a server (a database `narvaro_bench` is created there and dropped after);
// without it an embedded PostgreSQL runs in .data/bench-postgres (wiped first).
// Profiling: BENCH_CPU_PROF=<dir> runs the API with --cpu-prof (written there when it stops);
// BENCH_PG_LOG=<file> writes the embedded server's log there, with each statement over 100 ms.
// BENCH_PORT and BENCH_PG_PORT move the API and the embedded server off their default ports.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  BENCH_JWT_SECRET,
  benchDatabase,
  createPupils,
  dist,
  fmt,
  keepAlive,
  LESSONS,
  request,
  root,
  say,
  SCHOOL_PUPILS,
  schoolDays,
  sizes,
  waitReady,
  writeCsv,
  writeSchoolFiles,
} from './data.mjs';

const require = createRequire(import.meta.url);
const { DEMO_PASSWORD } = require(dist('libs/demo/src'));
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');

const LARGE = process.argv.includes('--large');
const { otherPupils: OTHER_PUPILS, schoolDays: SCHOOL_DAYS } = sizes(LARGE);
const WATCHLIST_CALLS = 300;
// The server runs with a small heap: an import that held the file in memory would run out of it.
const HEAP_MB = 160;
const PORT = Number(process.env.BENCH_PORT ?? 3977);
const work = join(root, '.data', 'bench');

/** The API's resident memory (kB), read from /proc: the server is a process of its own. */
function rssKb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]);
}

/**
 * CPU ms used so far by the API process and by the bench database's server processes (from
 * /proc; only for an embedded or local server). On this shared machine wall time moves with
 * whatever else runs; CPU time far less.
 */
function cpuMs(apiPid) {
  let api = 0;
  let db = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const isApi = Number(entry) === apiPid;
      if (!isApi && !/^postgres: \S+ narvaro_bench /.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) continue;
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      if (isApi) api += ms;
      else db += ms;
    } catch {
      // The process ended meanwhile.
    }
  }
  return { api, db };
}

/** Runs `fn` while sampling the server's RSS; returns its result and the peak RSS in MB. */
async function withPeakMemory(pid, fn) {
  let peak = rssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, rssKb(pid));
    return { result, peakMb: peak / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** Starts the real server (dist/apps/api/src/main.js) on `url` and waits until it answers. */
async function startServer(url, port) {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const args = [`--max-old-space-size=${HEAP_MB}`, ...profile, dist('apps/api/src/main.js')];
  const server = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url,
      PORT: String(port),
      DEMO_SEED: 'false',
      JWT_SECRET: BENCH_JWT_SECRET,
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitReady(port, server, 20);
  return server;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  // 1. A database: the given server, or a fresh embedded one.
  const { url, db, close } = await benchDatabase({
    name: 'narvaro_bench',
    port: 54349,
    dataDir: join(root, '.data', 'bench-postgres'),
  });

  // 2. Pupils: 2 000 at Storsjöskolan (the measured school), the rest at Parkskolan.
  const population = await createPupils(db, SCHOOL_PUPILS, OTHER_PUPILS);
  const { school } = population;

  // 3. The files: per school, plus a 10 % sample of the measured school for the memory comparison.
  // The memory sample gets ten days of its own before the term, so the big file is all new lessons.
  const allDays = schoolDays(SCHOOL_DAYS + 10);
  const sampleDays = allDays.slice(0, 10);
  const days = allDays.slice(10);
  const schoolPupils = population.pupils.filter((p) => p.school === school);
  const small = join(work, 'sample.csv');
  const smallRows = await writeCsv(small, schoolPupils.slice(0, SCHOOL_PUPILS / 10), sampleDays, 7);
  const files = await writeSchoolFiles(work, population, days);
  const totalRows = files.reduce((a, f) => a + f.rows, 0);
  const totalBytes = files.reduce((a, f) => a + statSync(f.file).size, 0);
  say(
    `data set: ${fmt(population.pupils.length)} pupils × ${days.length} school days × ${LESSONS.length} lessons = ${fmt(totalRows)} rows (${fmt(totalBytes / 1048576)} MB of CSV)`,
  );

  // 4. The real server in a process of its own (as in production), over real HTTP.
  const server = await startServer(url, PORT);
  const port = PORT;
  const tokens = {};
  for (const user of ['mentor@storsjo.demo', 'mentor@park.demo']) {
    const login = await request(port, 'POST', '/api/v1/auth/login', {
      body: { username: user, password: DEMO_PASSWORD },
    });
    tokens[user] = `Bearer ${login.body.accessToken}`;
  }
  const importFile = async (file, user) => {
    const res = await request(port, 'POST', '/api/v1/attendance/imports', {
      token: tokens[user],
      file,
      contentType: 'text/csv',
    });
    if (res.status !== 201)
      throw new Error(`import of ${file} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
    return res.body;
  };

  const sample = await withPeakMemory(server.pid, () => importFile(small, 'mentor@storsjo.demo'));
  let importMs = 0;
  let importPeak = 0;
  const cpuBefore = cpuMs(server.pid);
  for (const f of files) {
    const started = process.hrtime.bigint();
    const run = await withPeakMemory(server.pid, () => importFile(f.file, f.user));
    importMs += Number(process.hrtime.bigint() - started) / 1e6;
    importPeak = Math.max(importPeak, run.peakMb);
    if (run.result.rowsImported !== f.rows) throw new Error(`imported ${run.result.rowsImported} of ${f.rows} rows`);
  }
  const cpuAfter = cpuMs(server.pid);
  const importCpu = { api: cpuAfter.api - cpuBefore.api, db: cpuAfter.db - cpuBefore.db };
  const importRate = totalRows / (importMs / 1000);

  // 5. The reference: the same bytes into a bare table with COPY.
  await db.query(`CREATE TABLE bench_copy (external_id text, personnummer text, lesson_date date, start_time time,
                   offered_minutes smallint, valid_absence_minutes smallint, invalid_absence_minutes smallint, reason text)`);
  const copyStarted = process.hrtime.bigint();
  for (const f of files) {
    await pipeline(
      createReadStream(f.file),
      db.query(copyFrom(`COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)`)),
    );
  }
  const copyMs = Number(process.hrtime.bigint() - copyStarted) / 1e6;
  const copyRate = totalRows / (copyMs / 1000);

  // 5b. The fair reference: the imported rows, in the lesson table's own shape, with raw COPY
  // into a table like attendance_lesson — partitioned by the same bounds, with its primary key,
  // indexes, defaults and check constraints. What the import adds beyond that is its own cost.
  const shaped = join(work, 'lessons.copy');
  await pipeline(
    db.query(
      copyTo(`COPY (SELECT l.* FROM attendance_lesson l JOIN student s ON s.id = l.student_id
                     WHERE s.first_name = 'Bench' AND l.lesson_date >= '${days[0]}') TO STDOUT`),
    ),
    createWriteStream(shaped),
  );
  await db.query('CREATE TABLE bench_lesson (LIKE attendance_lesson INCLUDING ALL) PARTITION BY RANGE (lesson_date)');
  const { rows: partitions } = await db.query(
    `SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'attendance_lesson'::regclass`,
  );
  for (const p of partitions) await db.query(`CREATE TABLE bench_${p.relname} PARTITION OF bench_lesson ${p.bound}`);
  const shapedStarted = process.hrtime.bigint();
  const shapedCpuBefore = cpuMs(server.pid).db;
  await pipeline(createReadStream(shaped), db.query(copyFrom('COPY bench_lesson FROM STDIN')));
  const shapedMs = Number(process.hrtime.bigint() - shapedStarted) / 1e6;
  const shapedCpu = cpuMs(server.pid).db - shapedCpuBefore;
  const { rows: shapedCount } = await db.query('SELECT count(*)::int AS n FROM bench_lesson');
  if (shapedCount[0].n !== totalRows)
    throw new Error(`COPY into the lesson-shaped table took ${shapedCount[0].n} rows`);
  const shapedRate = totalRows / (shapedMs / 1000);

  // Fresh statistics and visibility map, as autovacuum would give a table after a bulk load.
  await db.query('VACUUM ANALYZE');

  // 6. Watch-list latency for the 2 000-pupil school, on the day after the last lesson.
  const watchPath = `/api/v1/schools/${school}/watchlist?date=${days[days.length - 1]}&limit=50`;
  const first = await request(port, 'GET', watchPath, { token: tokens['mentor@storsjo.demo'] });
  if (first.status !== 200)
    throw new Error(`watch list answered ${first.status}: ${JSON.stringify(first.body).slice(0, 300)}`);
  for (let i = 0; i < 20; i++) await request(port, 'GET', watchPath, { token: tokens['mentor@storsjo.demo'] });
  const times = [];
  for (let i = 0; i < WATCHLIST_CALLS; i++) {
    const started = process.hrtime.bigint();
    await request(port, 'GET', watchPath, { token: tokens['mentor@storsjo.demo'] });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const { rows: lessonCount } = await db.query('SELECT count(*)::bigint AS n FROM attendance_lesson');

  say('');
  say(
    `import (HTTP, CSV, all-or-nothing):  ${fmt(importRate)} rows/s  (${(importMs / 1000).toFixed(1)} s for ${fmt(totalRows)} rows)`,
  );
  say(`raw COPY into a bare table:          ${fmt(copyRate)} rows/s  (${(copyMs / 1000).toFixed(1)} s)`);
  say(
    `raw COPY into a lesson-shaped table: ${fmt(shapedRate)} rows/s  (${(shapedMs / 1000).toFixed(1)} s; partitioned, same indexes and constraints)`,
  );
  say(`import / COPY into the same shape:   ${((importRate / shapedRate) * 100).toFixed(0)} %   (target ≥ 60 %)`);
  say(`import / COPY into a bare table:     ${((importRate / copyRate) * 100).toFixed(0)} %   (for reference)`);
  say(
    `CPU time: import ${fmt(importCpu.api)} ms API + ${fmt(importCpu.db)} ms database; COPY into the same shape ${fmt(shapedCpu)} ms database; COPY / import ${((shapedCpu / (importCpu.api + importCpu.db)) * 100).toFixed(0)} % (database only ${((shapedCpu / importCpu.db) * 100).toFixed(0)} %)`,
  );
  say(
    `API server peak RSS during import:   ${sample.peakMb.toFixed(0)} MB for ${fmt(smallRows)} rows, ${importPeak.toFixed(0)} MB for ${fmt(Math.max(...files.map((f) => f.rows)))} rows  (heap capped at ${HEAP_MB} MB; flat = about the same)`,
  );
  say(
    `watch list, ${fmt(SCHOOL_PUPILS)}-pupil school, ${fmt(Number(lessonCount[0].n))} lesson rows, ${first.body.items.length} on the first page:`,
  );
  say(
    `  p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   p99 ${percentile(times, 99).toFixed(1)} ms   (target p99 < 100 ms, ${WATCHLIST_CALLS} calls)`,
  );

  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await close();
  keepAlive.destroy();
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.stack ?? error}`);
  process.exit(1);
});
