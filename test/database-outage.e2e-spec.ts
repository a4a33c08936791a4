import { adminQuery, API, bearer, createTestApp, TestApp } from './support/test-app';

/** The app must survive the database going away, answer 503 meanwhile, and recover by itself. */
describe('database outages', () => {
  let t: TestApp;
  let auth: string;

  beforeAll(async () => {
    t = await createTestApp();
    auth = await bearer(t.http, 'rektor@storsjo.demo');
  });
  afterAll(async () => {
    await adminQuery(`ALTER DATABASE ${t.dbName} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await t.close();
  });

  const killConnections = () =>
    adminQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [t.dbName],
    );

  async function eventually(check: () => Promise<boolean>, tries = 20): Promise<boolean> {
    for (let i = 0; i < tries; i++) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  }

  it('keeps serving after its connections are killed with pg_terminate_backend', async () => {
    await t.http.get(`${API}/auth/me`).set('authorization', auth).expect(200);
    await killConnections();
    // Idle pooled clients die with an 'error' event; the process must not crash on it.
    await new Promise((r) => setTimeout(r, 300));
    expect(
      await eventually(async () => (await t.http.get(`${API}/auth/me`).set('authorization', auth)).status === 200),
    ).toBe(true);
    await t.http.get(`${API}/health/ready`).expect(200);
  });

  it('answers 503 while the database is gone and recovers without a restart', async () => {
    await adminQuery(`ALTER DATABASE ${t.dbName} ALLOW_CONNECTIONS false`);
    await killConnections();

    const ready = await t.http.get(`${API}/health/ready`).expect(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.body.checks.database.status).toBe('down');

    const me = await t.http.get(`${API}/auth/me`).set('authorization', auth).expect(503);
    expect(me.body).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(JSON.stringify(me.body)).not.toMatch(/ECONNREFUSED|pg_|SELECT/);
    // Liveness does not depend on the database: the process is fine.
    await t.http.get(`${API}/health/live`).expect(200);

    await adminQuery(`ALTER DATABASE ${t.dbName} ALLOW_CONNECTIONS true`);
    expect(await eventually(async () => (await t.http.get(`${API}/health/ready`)).status === 200)).toBe(true);
    await t.http.get(`${API}/auth/me`).set('authorization', auth).expect(200);
  });
});
