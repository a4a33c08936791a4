// HTTP benchmark (not a test): `npm run bench:http [-- --duration=10 --connections=64 --large --profile
// --mode=dev|prod --only=name,name]`.
//
// Starts the real server (dist/apps/api/src/main.js, as `npm start` runs it) as a process of its
// own on a fresh database with the demo data and 2 000 extra pupils with a term of lessons at
// Storsjöskolan, and a minimal Fastify hello-world in another process; drives both with
// autocannon and prints req/s, p50, p99, non-2xx and each route's share of hello-world. The API
// runs twice: with development settings (as `npm start`) and with production settings
// (NODE_ENV=production, DATABASE_URL, JWT_SECRET; the demo data is seeded by the benchmark
// before, as production never seeds). Every run logs in once per user before the load: the
// sign-in throttle (per address, and all load comes from one address) only guards login.
//
// --large: the data set is bench:attendance --large's (≈ 10 M lesson rows) and a watch-list row
//          at 16 connections is added (`watchlist-16`).
// --profile: the API runs under `node --cpu-prof` (profiles in .data/bench-http/profiles); the
//          heaviest functions by own time are printed after each mode.
// DATABASE_URL selects a server (a database `narvaro_bench_http` is created there and dropped
// after); without it an embedded PostgreSQL runs in .data/bench-http/postgres (wiped first).
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync, rmSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { join } from 'node:path';
import {
  createPupils,
  dist,
  fmt,
  keepAlive,
  request,
  root,
  say,
  SCHOOL_PUPILS,
  schoolDays,
  sizes,
  waitReady,
  writeSchoolFiles,
} from './data.mjs';

const require = createRequire(import.meta.url);
const { startEmbeddedPostgres } = require(dist('libs/database/src'));
const { DEMO_PASSWORD } = require(dist('libs/demo/src'));
const pg = require('pg');

const option = (name, fallback) => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3) : fallback;
};
const LARGE = process.argv.includes('--large');
const PROFILE = process.argv.includes('--profile');
const DURATION = Number(option('duration', '10'));
const CONNECTIONS = Number(option('connections', '64'));
const MODES = option('mode', 'dev,prod').split(',');
const ONLY = option('only', '') ? option('only', '').split(',') : null;
const JWT_SECRET = 'bench-http-secret-bench-http-secret-0123456789';
const work = join(root, '.data', 'bench-http');

/** A port nobody listens on right now. */
function freePort() {
  return new Promise((resolvePromise, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePromise(port));
    });
  });
}

/** The environment of one mode: only what `npm start` (dev) or a production deployment would set. */
function serverEnv(mode, url, port, migrationUrl) {
  const inherited = { ...process.env };
  for (const name of [
    'NODE_ENV',
    'DATABASE_URL',
    'DATABASE_MIGRATION_URL',
    'LOG_LEVEL',
    'JWT_SECRET',
    'DEMO_SEED',
    'DB_POOL_SIZE',
    'PORT',
  ])
    delete inherited[name];
  const common = {
    ...inherited,
    DATABASE_URL: url,
    ...(migrationUrl ? { DATABASE_MIGRATION_URL: migrationUrl } : {}),
    PORT: String(port),
    // The login row measures argon2 and the login path, not the throttle's 429.
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
  };
  // Production asks every role for a second factor at login; the benchmark's users have none, and
  // what it measures (reads with a token) is the same once signed in.
  if (mode === 'prod')
    return { ...common, NODE_ENV: 'production', JWT_SECRET, SECRETS_KEY: JWT_SECRET, MFA_REQUIRED_ROLES: 'none' };
  // Development: the signing key is made and kept beside this benchmark's (unused) embedded data dir.
  return { ...common, EMBEDDED_PG_DATA_DIR: join(work, 'dev-pg-unused') };
}

async function startApi(mode, url, migrationUrl) {
  const port = await freePort();
  const log = openSync(join(work, `server-${mode}.log`), 'w');
  const flags = PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'profiles')}`, `--cpu-prof-name=${mode}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...flags, dist('apps/api/src/main.js')], {
    env: serverEnv(mode, url, port, migrationUrl),
    // Request logs (stdout) and start-up lines (stderr) go to a file, as `npm start > server.log`.
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  try {
    await waitReady(port, child);
  } catch (error) {
    say(readFileSync(join(work, `server-${mode}.log`), 'utf8').slice(-2000));
    throw error;
  }
  return { child, port };
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function startHello() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bench', 'hello-fastify.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolvePromise, reject) => {
    child.stdout.once('data', resolvePromise);
    child.once('exit', (code) => reject(new Error(`hello-world exited with ${code}`)));
  });
  return { child, port };
}

/** CPU time (user + system, ms) the processes have used so far; 0 for one that is gone or not ours. */
function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // /proc/<pid>/stat: fields 14 and 15 (utime, stime) follow the command name in parentheses.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* not on Linux, or the process ended */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/**
 * One load: a one-second warm-up (JIT, pools), then the measured run. Besides req/s it measures
 * the CPU the server process (`serverPids`) and its database backends (`dbPids`) spent per
 * answered request: a figure a shared, noisy machine disturbs far less than req/s.
 */
async function load({ url, method = 'GET', headers = {}, body, connections = CONNECTIONS, serverPids = [], dbPids }) {
  const options = { url, method, headers, body, connections };
  await autocannon({ ...options, duration: 1 });
  const backends = dbPids ? await dbPids() : [];
  const cpuBefore = [cpuMs(serverPids), cpuMs(backends)];
  const result = await autocannon({ ...options, duration: DURATION });
  const answered = Math.max(1, result.requests.total);
  // Nothing answered within the run (every request slower than --duration): no latency to show,
  // and the CPU figures are totals, not per request.
  const none = result.requests.total === 0;
  return {
    rps: result.requests.average,
    p50: none ? `>${DURATION * 1000}` : result.latency.p50,
    p99: none ? `>${DURATION * 1000}` : result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx + result.errors + result.timeouts,
    serverCpu: none ? null : (cpuMs(serverPids) - cpuBefore[0]) / answered,
    dbCpu: dbPids && !none ? (cpuMs(backends) - cpuBefore[1]) / answered : null,
  };
}

/**
 * Waits (up to a minute) until no statement of the benchmark's database is running: requests that
 * autocannon gave up on (a timeout) may still be queued in the server, and would be measured in
 * the next row.
 */
async function drained(admin) {
  for (let i = 0; i < 600; i++) {
    // As the admin connection: the superuser (embedded) sees every role's sessions' state.
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = 'narvaro_bench_http' AND pid <> pg_backend_pid() AND state = 'active'`,
    );
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function login(port, username) {
  const res = await request(port, 'POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } });
  if (res.status !== 200) throw new Error(`login of ${username} answered ${res.status}`);
  return `Bearer ${res.body.accessToken}`;
}

/** Demo cases to read: one the coordinator reads with its plan, one social services reads under consent. */
async function findCases(port, tokens) {
  const get = (path, token) => request(port, 'GET', path, { token });
  const socCases = (await get('/api/v1/cases?limit=100', tokens.soc)).body.items ?? [];
  let socCase = null;
  for (const c of socCases)
    if (!socCase && (await get(`/api/v1/cases/${c.id}`, tokens.soc)).status === 200) socCase = c.id;
  const ownCases = (await get('/api/v1/cases?limit=100', tokens.elevhalsa)).body.items ?? [];
  let planCase = null;
  for (const c of ownCases)
    if (!planCase && (await get(`/api/v1/cases/${c.id}/plan`, tokens.elevhalsa)).status === 200) planCase = c.id;
  if (!socCase || !planCase) throw new Error('no demo case found for the case reads');
  return { socCase, planCase };
}

/** The heaviest functions of a .cpuprofile by own (self) time, and the share of GC and idle. */
function summariseProfile(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfSamples = new Map();
  for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
  const byFunction = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, count] of selfSamples) {
    const { callFrame } = byId.get(id);
    total += count;
    if (callFrame.functionName === '(idle)') idle += count;
    const where = callFrame.url
      ? `${callFrame.url.replace(/^.*node_modules\//, '').replace(root, '')}:${callFrame.lineNumber + 1}`
      : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  }
  const busy = total - idle;
  say(
    `  profile ${file.replace(root + '/', '')}: ${fmt(total)} samples, ${((idle / total) * 100).toFixed(0)} % idle; own time as a share of busy samples:`,
  );
  [...byFunction.entries()]
    .filter(([key]) => !key.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([key, count]) => say(`    ${((count / busy) * 100).toFixed(1).padStart(5)} %  ${key}`));
}

const pad = (text, n) => String(text).padEnd(n);
const lpad = (text, n) => String(text).padStart(n);

function printTable(title, rows, hello) {
  say('');
  say(title);
  say(
    `${pad('route', 52)}${lpad('req/s', 9)}${lpad('p50 ms', 8)}${lpad('p99 ms', 8)}${lpad('non-2xx', 9)}${lpad('share', 8)}` +
      `${lpad('CPU ms/req', 12)}${lpad('DB ms/req', 11)}`,
  );
  for (const r of rows) {
    const share = hello ? `${((r.rps / hello.rps) * 100).toFixed(1)} %` : '';
    const dbCpu = r.dbCpu === null || r.dbCpu === undefined ? '' : r.dbCpu.toFixed(3);
    say(
      `${pad(r.name, 52)}${lpad(fmt(r.rps), 9)}${lpad(r.p50, 8)}${lpad(r.p99, 8)}${lpad(r.non2xx, 9)}${lpad(share, 8)}` +
        `${lpad(r.serverCpu === null ? '–' : r.serverCpu.toFixed(3), 12)}${lpad(dbCpu, 11)}`,
    );
  }
  say("  CPU ms/req: the server process's CPU time per answered request; DB ms/req: its database backends'.");
}

async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const wanted = (name) => !ONLY || ONLY.includes(name);
  const needLessons = wanted('watchlist') || LARGE;

  // 1. A database with the demo data: the given server, or a fresh embedded one. Embedded, it has
  //    production's shape: owned by the owner role (migrations), used by the runtime role (the app).
  let adminUrl = process.env.DATABASE_URL;
  let embedded = null;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({
      port: await freePort(),
      dataDir: join(work, 'postgres'),
      onLog: () => undefined,
    });
    adminUrl = embedded.adminUrl;
  }
  const inDatabase = (base) => {
    const u = new URL(base);
    u.pathname = '/narvaro_bench_http';
    return u.toString();
  };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS narvaro_bench_http WITH (FORCE)');
  const owner = embedded ? new URL(embedded.migrationUrl).username : null;
  await admin.query(`CREATE DATABASE narvaro_bench_http${owner ? ` OWNER ${owner}` : ''}`);
  const url = inDatabase(embedded ? embedded.url : adminUrl);
  const migrationUrl = embedded ? inDatabase(embedded.migrationUrl) : undefined;
  const migrate = spawnSync(process.execPath, [dist('apps/api/src/migrate.js'), '--seed'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url,
      ...(migrationUrl ? { DATABASE_MIGRATION_URL: migrationUrl } : {}),
      LOG_LEVEL: 'silent',
      JWT_SECRET,
    },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migration failed: ${migrate.stderr}`);
  // The benchmark's own writes (extra pupils, VACUUM) run as the owner, as a migration would.
  const db = new pg.Client({ connectionString: migrationUrl ?? url });
  await db.connect();

  // 2. The watch list's school: 2 000 pupils with a term of lessons (bench:attendance's generator).
  let population = null;
  let days = [];
  let files = [];
  if (needLessons) {
    const size = sizes(LARGE);
    population = await createPupils(db, SCHOOL_PUPILS, size.otherPupils);
    days = schoolDays(size.schoolDays);
    // --large: files of ≤ 1 000 pupils (≈ 1.1 M rows), each imported well within the server's request timeout.
    files = await writeSchoolFiles(work, population, days, LARGE ? 1000 : Infinity);
  }

  const hello = await startHello();
  const results = {};
  try {
    for (const mode of MODES) {
      const api = await startApi(mode, url, migrationUrl);
      const base = `http://127.0.0.1:${api.port}/api/v1`;
      try {
        if (files.length) {
          // Imported once, through the real import path, by the first server that runs.
          const started = Date.now();
          for (const f of files) {
            const token = await login(api.port, f.user);
            const res = await request(api.port, 'POST', '/api/v1/attendance/imports', {
              token,
              file: f.file,
              contentType: 'text/csv',
            });
            if (res.status !== 201) throw new Error(`import answered ${res.status}`);
          }
          await db.query('VACUUM ANALYZE');
          const { rows } = await db.query('SELECT count(*)::bigint AS n FROM attendance_lesson');
          say(
            `data set: ${fmt(Number(rows[0].n))} lesson rows (imported in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
          );
          files = [];
        }
        const tokens = {
          elevhalsa: await login(api.port, 'elevhalsa@storsjo.demo'),
          soc: await login(api.port, 'soc@ostersund.demo'),
          mentor: await login(api.port, 'mentor@storsjo.demo'),
        };
        const { socCase, planCase } = await findCases(api.port, tokens);
        const auth = (token) => ({ authorization: token });
        const watchPath = `/schools/${population?.school}/watchlist?date=${days[days.length - 1]}&limit=50`;
        const routes = [
          { name: 'hello', label: 'Fastify hello-world', url: `http://127.0.0.1:${hello.port}/` },
          { name: 'live', label: 'GET /health/live', url: `${base}/health/live` },
          {
            name: 'case',
            label: 'GET /cases/:id as elevhälsa (coordinator)',
            url: `${base}/cases/${planCase}`,
            headers: auth(tokens.elevhalsa),
            logAction: 'case.read',
          },
          {
            name: 'case-soc',
            label: 'GET /cases/:id as social services (consent)',
            url: `${base}/cases/${socCase}`,
            headers: auth(tokens.soc),
            logAction: 'case.read',
          },
          {
            name: 'plan',
            label: 'GET /cases/:id/plan as elevhälsa',
            url: `${base}/cases/${planCase}/plan`,
            headers: auth(tokens.elevhalsa),
          },
          {
            name: 'watchlist',
            label: `GET /schools/:id/watchlist (${fmt(SCHOOL_PUPILS)} pupils)`,
            url: `${base}${watchPath}`,
            headers: auth(tokens.mentor),
          },
          {
            name: 'cases',
            label: 'GET /cases (case list) as elevhälsa',
            url: `${base}/cases?limit=20`,
            headers: auth(tokens.elevhalsa),
          },
          {
            name: 'cases-soc',
            label: 'GET /cases (case list) as social services',
            url: `${base}/cases?limit=20`,
            headers: auth(tokens.soc),
          },
          {
            name: 'inbox',
            label: 'GET /notifications (inbox), soc.',
            url: `${base}/notifications?limit=20`,
            headers: auth(tokens.soc),
          },
          {
            name: 'unread',
            label: 'GET /notifications/unread-count, soc.',
            url: `${base}/notifications/unread-count`,
            headers: auth(tokens.soc),
          },
          {
            name: 'actions',
            label: 'GET /actions?agency=true (work list), soc.',
            url: `${base}/actions?agency=true`,
            headers: auth(tokens.soc),
          },
          ...(LARGE
            ? [
                {
                  name: 'watchlist-16',
                  label: `GET /schools/:id/watchlist (${fmt(SCHOOL_PUPILS)} pupils), 16 connections`,
                  url: `${base}${watchPath}`,
                  headers: auth(tokens.mentor),
                  connections: 16,
                },
              ]
            : []),
          {
            name: 'login',
            label: 'POST /auth/login',
            url: `${base}/auth/login`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'mentor@park.demo', password: DEMO_PASSWORD }),
          },
        ].filter((r) => r.name === 'hello' || wanted(r.name));
        const rows = [];
        for (const route of routes) {
          await drained(admin);
          const before = route.logAction
            ? Number(
                (await db.query('SELECT count(*) AS n FROM access_log WHERE action = $1', [route.logAction])).rows[0].n,
              )
            : 0;
          const result = await load({
            ...route,
            serverPids: [route.name === 'hello' ? hello.child.pid : api.child.pid],
            dbPids:
              route.name === 'hello'
                ? undefined
                : async () =>
                    (
                      await db.query(
                        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
                      )
                    ).rows.map((r) => r.pid),
          });
          const row = { name: route.label + (route.connections ? '' : ''), ...result };
          if (route.logAction) {
            const after = Number(
              (await db.query('SELECT count(*) AS n FROM access_log WHERE action = $1', [route.logAction])).rows[0].n,
            );
            row.logged = after - before;
          }
          rows.push(row);
          process.stderr.write(`  ${mode}: ${route.label}: ${fmt(result.rps)} req/s\n`);
        }
        results[mode] = rows;
        printTable(
          `${mode === 'dev' ? 'development settings (as npm start)' : 'production settings (NODE_ENV=production)'}, ${CONNECTIONS} connections, ${DURATION} s per route:`,
          rows,
          rows.find((r) => r.name === 'Fastify hello-world'),
        );
        for (const r of rows.filter((row) => row.logged !== undefined)) {
          say(
            `  access log: ${fmt(r.logged)} case.read rows for ${fmt(r.ok)} answered reads of "${r.name}" (and their warm-up)`,
          );
        }
      } finally {
        await stop(api.child);
      }
      if (PROFILE) summariseProfile(join(work, 'profiles', `${mode}.cpuprofile`));
    }
  } finally {
    await stop(hello.child);
    await db.end();
    await admin.query('DROP DATABASE IF EXISTS narvaro_bench_http WITH (FORCE)');
    await admin.end();
    keepAlive.destroy();
    if (embedded) await embedded.stop();
  }
  if (!PROFILE) rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.stack ?? error}`);
  process.exit(1);
});
