// The benchmarks' shared set-up: a fresh migrated database (benchDatabase), pupils, and a term of
// lesson attendance as CSV files imported through the real HTTP import path. Used by
// bench/attendance.mjs, bench/ss12000.mjs, bench/gallring.mjs and bench/http.mjs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, createReadStream, createWriteStream, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const dist = (p) => join(root, 'dist', p);
const { luhnCheckDigit } = require(dist('libs/students/src/personnummer.js'));
const { demoId } = require(dist('libs/demo/src'));

export const SCHOOL_PUPILS = 2000;
export const LESSONS = ['08:10', '09:10', '10:15', '12:30', '13:30', '14:30'];
/** Sizes: default ≈ 1.1 M lesson rows; large ≈ 10 M (7 260 more pupils at another school, a full year). */
export const sizes = (large) => ({ otherPupils: large ? 7260 : 0, schoolDays: large ? 180 : 90 });

/** The signing secret the benchmarks' API processes and migrations share. */
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret';

/**
 * A fresh database for one benchmark, migrated and seeded with the demo data, as one role
 * (migrating and running). DATABASE_URL selects a server (database `name` is created there and
 * dropped by `close()`); without it an embedded PostgreSQL runs in `dataDir` (wiped first) on
 * `port`. Returns `url` (for the API's DATABASE_URL), `db` (a connected pg client on it) and
 * `close()`, which ends `db`, drops the database and stops the embedded server.
 */
export async function benchDatabase({ name, port, dataDir }) {
  const pg = require('pg');
  const { startEmbeddedPostgres } = require(dist('libs/database/src'));
  let adminUrl = process.env.DATABASE_URL;
  let embedded = null;
  if (!adminUrl) {
    rmSync(dataDir, { recursive: true, force: true });
    // BENCH_PG_LOG=<file>: the server's log (with every statement over 100 ms and its duration).
    const logFile = process.env.BENCH_PG_LOG;
    const onLog = logFile ? (line) => appendFileSync(logFile, `${line}\n`) : () => undefined;
    embedded = await startEmbeddedPostgres({ port: Number(process.env.BENCH_PG_PORT ?? port), dataDir, onLog });
    // The superuser: the benchmark creates its own database.
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const url = dbUrl.toString();
  const migrate = spawnSync(process.execPath, [dist('apps/api/src/migrate.js'), '--seed'], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', JWT_SECRET: BENCH_JWT_SECRET },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migration failed: ${migrate.stderr}`);
  // Only now: during spawnSync nothing reads the server's log pipe, so a long log would block it.
  if (process.env.BENCH_PG_LOG) {
    await admin.query(`ALTER DATABASE ${name} SET log_min_duration_statement = 100`);
    await admin.query(`ALTER DATABASE ${name} SET log_parameter_max_length = 0`);
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  return {
    url,
    db,
    async close() {
      await db.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
    },
  };
}

export const say = (line) => process.stdout.write(`${line}\n`);
export const fmt = (n) => Math.round(n).toLocaleString('en-US');

export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The last `count` weekdays before today, oldest first (UTC dates are fine for a benchmark). */
export function schoolDays(count) {
  const days = [];
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  while (days.length < count) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.unshift(d.toISOString().slice(0, 10));
  }
  return days;
}

/** Distinct valid personnummer for pupil i (mixed radix over year, month, day and serial). */
export function personnummer(i) {
  const year = 2010 + (i % 6);
  const month = String(1 + (Math.floor(i / 6) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(i / 72) % 28)).padStart(2, '0');
  const serial = String(Math.floor(i / 2016)).padStart(3, '0');
  const nine = `${String(year).slice(2)}${month}${day}${serial}`;
  return `${year}${month}${day}${serial}${luhnCheckDigit(nine)}`;
}

/** Writes one school's CSV; returns the row count. Most pupils rarely absent, some rising, some patterned. */
export async function writeCsv(file, pupils, days, seed) {
  const random = prng(seed);
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once('drain', r)));
  await write(
    'external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason\n',
  );
  let rows = 0;
  let buffer = '';
  for (const p of pupils) {
    const kind = p.index % 20 === 0 ? 'rising' : p.index % 20 === 1 ? 'weekday' : 'steady';
    const number = `${p.number.slice(0, 8)}-${p.number.slice(8)}`;
    days.forEach((date, d) => {
      const progress = d / days.length;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const absentDay =
        kind === 'rising'
          ? random() < progress * 0.5
          : kind === 'weekday'
            ? weekday === 1 && random() < 0.8
            : random() < 0.02;
      const invalidDay = absentDay && random() < 0.4;
      LESSONS.forEach((start, l) => {
        const absent = absentDay || random() < 0.01;
        const valid = absent && !invalidDay ? 60 : 0;
        const invalid = absent && invalidDay ? 60 : 0;
        const reason = valid ? 'Sjuk' : invalid ? 'Ogiltig frånvaro' : '';
        buffer += `b${p.index}-${d}-${l},${number},${date},${start},60,${valid},${invalid},${reason}\n`;
        rows++;
      });
    });
    if (buffer.length) {
      await write(buffer);
      buffer = '';
    }
  }
  await new Promise((r) => out.end(r));
  return rows;
}

/**
 * Adds the bench pupils to a demo-seeded database: `schoolPupils` at Storsjöskolan (the
 * measured school), `otherPupils` at Parkskolan. Returns them and the two school ids.
 */
export async function createPupils(db, schoolPupils, otherPupils) {
  const school = demoId('agency:storsjo');
  const other = demoId('agency:park');
  const [{ organisation_id: organisation }] = (
    await db.query('SELECT organisation_id FROM agency WHERE id = $1', [school])
  ).rows;
  const pupils = [];
  for (let i = 0; i < schoolPupils + otherPupils; i++) {
    pupils.push({ index: i, number: personnummer(i), school: i < schoolPupils ? school : other });
  }
  for (let i = 0; i < pupils.length; i += 5000) {
    const batch = pupils.slice(i, i + 5000);
    await db.query(
      `INSERT INTO student (organisation_id, school_id, personnummer, first_name, last_name, grade, class_name)
       SELECT $1, s, p, 'Bench', 'Elev ' || n, 1 + n % 9, (1 + n % 9) || 'B'
         FROM unnest($2::uuid[], $3::text[], $4::int[]) AS x(s, p, n)
       ON CONFLICT DO NOTHING`,
      [organisation, batch.map((p) => p.school), batch.map((p) => p.number), batch.map((p) => p.index)],
    );
  }
  const { rows: counted } = await db.query(`SELECT count(*)::int AS n FROM student WHERE first_name = 'Bench'`);
  if (counted[0].n !== pupils.length)
    throw new Error(`only ${counted[0].n} of ${pupils.length} bench pupils were created`);
  return { pupils, school, other };
}

/**
 * One term's CSV per school (Storsjöskolan by mentor@storsjo.demo, Parkskolan by mentor@park.demo),
 * or, with `maxPupilsPerFile`, several per school of at most that many pupils each: Node's HTTP
 * server resets a request not received within `requestTimeout` (300 s by default), and the
 * import reads its body only as fast as it writes, so a 7.8 M-row file on a busy machine is cut off.
 */
export async function writeSchoolFiles(dir, { pupils, school, other }, days, maxPupilsPerFile = Infinity) {
  const files = [];
  const schools = [
    { name: 'storsjo', id: school, user: 'mentor@storsjo.demo', seed: 1 },
    { name: 'park', id: other, user: 'mentor@park.demo', seed: 2 },
  ];
  for (const { name, id, user, seed } of schools) {
    const own = pupils.filter((p) => p.school === id);
    const chunks = Math.ceil(own.length / Math.min(maxPupilsPerFile, own.length || 1));
    for (let i = 0; i < chunks; i++) {
      const file = join(dir, chunks === 1 ? `${name}.csv` : `${name}-${i + 1}.csv`);
      const part = chunks === 1 ? own : own.slice(i * maxPupilsPerFile, (i + 1) * maxPupilsPerFile);
      files.push({ file, user, rows: await writeCsv(file, part, days, seed + 10 * i) });
    }
  }
  return files;
}

export const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One HTTP request to the API; JSON in and out, or a file streamed as the body. */
export function request(port, method, path, { token, body, file, contentType } = {}) {
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      {
        port,
        method,
        path,
        agent: keepAlive,
        headers: { ...(token ? { authorization: token } : {}), 'content-type': contentType ?? 'application/json' },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = text;
          }
          resolvePromise({ status: res.statusCode, body: parsed, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    if (file) createReadStream(file).pipe(req);
    else req.end(body ? JSON.stringify(body) : undefined);
  });
}

/** Waits until the server at `port` answers /health/ready, or throws (the process died or never came up). */
export async function waitReady(port, child, seconds = 60) {
  for (let i = 0; i < seconds * 10; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} during start-up`);
    const ready = await request(port, 'GET', '/api/v1/health/ready').catch(() => null);
    if (ready?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the API did not start');
}
