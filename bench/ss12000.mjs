// SS 12000 sync benchmark (not a test): `npm run bench:ss12000`.
//
// A 2 000-pupil school's term of lessons (80 classes × 6 lessons × 90 school days ≈ 43 000
// calendar events with ≈ 1.08 M attendance records) served by a local SS 12000 server (pages of
// `/calendarEvents?expand=attendance`, generated on the fly so the server's memory stays flat),
// synced by the real app (its own process, heap capped), and the same records imported as one
// SS 12000 JSON file through `POST /attendance/imports` for another 2 000 pupils in the same run.
// Prints records/s of both, their ratio, and the API's peak memory during each (flat in the size
// of the term: the sync holds one page at a time).
//
// DATABASE_URL selects a server (a database `narvaro_bench_ss12000` is created there and dropped
// after); without it an embedded PostgreSQL runs in .data/bench-ss12000/postgres (wiped first).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  BENCH_JWT_SECRET,
  benchDatabase,
  createPupils,
  dist,
  fmt,
  keepAlive,
  prng,
  request,
  root,
  say,
  schoolDays,
  waitReady,
} from './data.mjs';

const require = createRequire(import.meta.url);
const { DEMO_PASSWORD, demoId } = require(dist('libs/demo/src'));

const PUPILS = 2000;
const CLASS_SIZE = 25;
const CLASSES = PUPILS / CLASS_SIZE;
const TIMES = ['08:10', '09:10', '10:15', '12:30', '13:30', '14:30'];
// Default: 10 school days (≈ 120 000 records, a few minutes on a 2-core machine); `--full`: a term of 90.
const FULL = process.argv.includes('--full');
const DAYS = Number(process.argv.find((a) => a.startsWith('--days='))?.slice(7) ?? (FULL ? 90 : 10));
// `--profile`: the API runs with `--cpu-prof`, profiles in .data/bench-ss12000-profile/ (kept).
const PROFILE = process.argv.includes('--profile');
const EVENTS_PER_PAGE = 500;
const HEAP_MB = 160;
const UNIT = '8f1a0c2e-0000-4000-8000-0000000b0001';
const work = join(root, '.data', 'bench-ss12000');

const hex = (n, width) => n.toString(16).padStart(width, '0');
const uuid = (kind, n) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;

function rssKb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) : 0;
}

async function withPeakMemory(pid, fn) {
  let peak = rssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 20);
  try {
    const result = await fn();
    return { result, peakMb: Math.max(peak, rssKb(pid)) / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** HH:MM fifty minutes after `time`. */
function endOf(time) {
  const [h, m] = time.split(':').map(Number);
  const end = h * 60 + m + 50;
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/** Calendar event `index` (day-major) with its attendance, for pupils named by `personId(pupil)`. */
function event(days, index, personId) {
  const perDay = CLASSES * TIMES.length;
  const day = days[Math.floor(index / perDay)];
  const klass = Math.floor((index % perDay) / TIMES.length);
  const time = TIMES[index % TIMES.length];
  const id = uuid(0xe0, index);
  const meta = { created: `${day}T07:00:00+01:00`, modified: `${day}T16:00:00+01:00` };
  const random = prng(index + 1);
  const attendance = [];
  for (let s = 0; s < CLASS_SIZE; s++) {
    const pupil = klass * CLASS_SIZE + s;
    const r = random();
    const invalid = r < 0.04 ? 50 : r < 0.06 ? 20 : 0;
    const valid = r > 0.97 ? 50 : 0;
    attendance.push({
      id: uuid(0xa0, index * CLASS_SIZE + s),
      meta,
      calendarEvent: { id },
      student: { id: personId(pupil) },
      isReported: true,
      attendanceMinutes: 50 - invalid - valid,
      validAbsenceMinutes: valid,
      invalidAbsenceMinutes: invalid,
    });
  }
  return {
    id,
    meta,
    activity: { id: uuid(0xac, klass) },
    startTime: `${day}T${time}:00+01:00`,
    endTime: `${day}T${endOf(time)}:00+01:00`,
    teachingLengthStudent: 50,
    _embedded: { attendance },
  };
}

/** The local SS 12000 server: lessons page by page; every other listing is empty. */
function startSs12000Server(days, personId, total) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/calendarEvents' || url.searchParams.get('meta.modified.after')) {
      res.end(
        JSON.stringify(
          url.pathname === '/deletedEntities' ? { data: {}, pageToken: null } : { data: [], pageToken: null },
        ),
      );
      return;
    }
    const from = Number(url.searchParams.get('pageToken') ?? 0);
    const to = Math.min(total, from + EVENTS_PER_PAGE);
    res.write('{"data":[');
    for (let i = from; i < to; i++) res.write((i > from ? ',' : '') + JSON.stringify(event(days, i, personId)));
    res.end(`],"pageToken":${to < total ? JSON.stringify(String(to)) : 'null'}}`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A free local port (the API's). */
function freePort() {
  return new Promise((resolve) => {
    const probe = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Children to stop if the benchmark fails half-way (so no API is left holding its port). */
const children = [];

async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const { url, db, close } = await benchDatabase({
    name: 'narvaro_bench_ss12000',
    port: 54359,
    dataDir: join(work, 'postgres'),
  });
  const env = { NODE_ENV: 'test', DATABASE_URL: url, JWT_SECRET: BENCH_JWT_SECRET };

  // 2 000 pupils at each school: Storsjöskolan's are synced, Parkskolan's get the same records by file.
  const { pupils, school, other } = await createPupils(db, PUPILS, PUPILS);
  await db.query(
    `UPDATE student s SET external_id = CASE WHEN s.school_id = $1 THEN 'e0000001' ELSE 'e0000002' END
              || '-0000-4000-8000-' || lpad(to_hex(x.n), 12, '0')
       FROM unnest($2::text[], $3::int[]) AS x(p, n) WHERE s.personnummer = x.p`,
    [school, pupils.map((p) => p.number), pupils.map((p) => p.index % PUPILS)],
  );
  const synced = (n) => `e0000001-0000-4000-8000-${hex(n, 12)}`;
  const filed = (n) => `e0000002-0000-4000-8000-${hex(n, 12)}`;
  const days = schoolDays(DAYS);
  const events = days.length * CLASSES * TIMES.length;
  const records = events * CLASS_SIZE;

  // The same records as one SS 12000 JSON page (for Parkskolan's pupils).
  const file = join(work, 'term.json');
  const out = createWriteStream(file);
  const write = (t) => (out.write(t) ? undefined : new Promise((r) => out.once('drain', r)));
  await write('{"data":[');
  for (let i = 0; i < events; i++) await write((i ? ',\n' : '') + JSON.stringify(event(days, i, filed)));
  await write('],"pageToken":null}');
  await new Promise((r) => out.end(r));
  say(
    `data set: ${fmt(PUPILS)} pupils × ${days.length} school days: ${fmt(events)} calendar events, ${fmt(records)} attendance records (${fmt(statSync(file).size / 1048576)} MB as one JSON page)`,
  );

  const ss12000 = await startSs12000Server(days, synced, events);
  const PORT = await freePort();
  const profileDir = join(root, '.data', 'bench-ss12000-profile');
  const nodeArgs = [`--max-old-space-size=${HEAP_MB}`];
  if (PROFILE) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  const api = spawn(process.execPath, [...nodeArgs, dist('apps/api/src/main.js')], {
    env: {
      ...process.env,
      ...env,
      LOG_LEVEL: 'warn',
      PORT: String(PORT),
      DEMO_SEED: 'false',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(api);
  await waitReady(PORT, api, 30);
  const login = async (username) =>
    `Bearer ${(await request(PORT, 'POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } })).body.accessToken}`;
  const adminToken = await login('admin@ostersund.demo');
  const parkMentor = await login('mentor@park.demo');

  // 1. The file import of the same records.
  const started = process.hrtime.bigint();
  const imported = await withPeakMemory(api.pid, () =>
    request(PORT, 'POST', '/api/v1/attendance/imports?mode=partial', {
      token: parkMentor,
      file,
      contentType: 'application/json',
    }),
  );
  const importMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (imported.result.status !== 201) throw new Error(`import answered ${imported.result.status}`);
  void other;

  // 2. The sync, over HTTP from the local server, page by page.
  const source = await request(PORT, 'POST', '/api/v1/ss12000/sources', {
    token: adminToken,
    body: {
      name: 'Bench',
      baseUrl: `http://127.0.0.1:${ss12000.address().port}`,
      auth: { type: 'none' },
      schools: [{ organisationId: UNIT, agencyId: demoId('agency:storsjo') }],
      syncFrom: days[0],
    },
  });
  if (source.status !== 201) throw new Error(`source answered ${source.status}: ${JSON.stringify(source.body)}`);
  const syncStarted = process.hrtime.bigint();
  const run = await withPeakMemory(api.pid, async () => {
    const queued = await request(PORT, 'POST', `/api/v1/ss12000/sources/${source.body.id}/runs`, { token: adminToken });
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const r = await request(PORT, 'GET', `/api/v1/ss12000/sources/${source.body.id}/runs/${queued.body.id}`, {
        token: adminToken,
      });
      if (r.body.status === 'succeeded' || r.body.status === 'failed') return r.body;
    }
  });
  const syncMs = Number(process.hrtime.bigint() - syncStarted) / 1e6;
  if (run.result.status !== 'succeeded') throw new Error(`sync failed: ${run.result.failure}`);
  // The demo seed has lessons of its own at the school: count only the synced pupils'.
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM attendance_lesson l JOIN student s ON s.id = l.student_id
      WHERE s.school_id = $1 AND s.external_id LIKE 'e0000001-%'`,
    [school],
  );
  if (rows[0].n !== records) throw new Error(`the sync wrote ${rows[0].n} of ${records} lessons`);

  // Per-page import time early and late in the run: flat means no page costs more as the term grows.
  const { rows: pages } = await db.query(
    `SELECT extract(epoch FROM finished_at - started_at) * 1000 AS ms FROM attendance_import
      WHERE sync_run_id IS NOT NULL ORDER BY started_at`,
  );
  const mean = (list) => list.reduce((sum, r) => sum + Number(r.ms), 0) / Math.max(1, list.length);
  const tenth = Math.max(1, Math.floor(pages.length / 10));
  const firstPagesMs = mean(pages.slice(0, tenth));
  const lastPagesMs = mean(pages.slice(-tenth));

  const importRate = records / (importMs / 1000);
  const syncRate = records / (syncMs / 1000);
  say('');
  say(
    `file import (one SS 12000 page, HTTP): ${fmt(importRate)} records/s  (${(importMs / 1000).toFixed(1)} s), API peak RSS ${imported.peakMb.toFixed(0)} MB`,
  );
  say(
    `sync (${fmt(Math.ceil(events / EVENTS_PER_PAGE))} pages of ${EVENTS_PER_PAGE} events):       ${fmt(syncRate)} records/s  (${(syncMs / 1000).toFixed(1)} s), API peak RSS ${run.peakMb.toFixed(0)} MB`,
  );
  say(
    `sync page write (import of one page), first / last tenth of the pages: ${fmt(firstPagesMs)} / ${fmt(lastPagesMs)} ms`,
  );
  say(
    `sync / file import:                    ${((syncRate / importRate) * 100).toFixed(0)} %   (heap capped at ${HEAP_MB} MB)`,
  );

  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  ss12000.close();
  await close();
  keepAlive.destroy();
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.stack ?? error}`);
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
});
