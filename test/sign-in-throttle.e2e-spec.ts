import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '@app/config';
import { demoId } from '@app/demo';
import { givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const PASSWORD = 'Demo-2026!';
type Agent = ReturnType<typeof request>;

const login = (http: Agent, username: string, password = PASSWORD, forwardedFor?: string) => {
  const req = http.post(`${API}/auth/login`);
  if (forwardedFor) req.set('x-forwarded-for', forwardedFor);
  return req.send({ username, password });
};

/** The throttle answers in problem details, saying when to come back. */
function expectThrottled(res: request.Response) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(res.body).toMatchObject({ status: 429, type: expect.any(String), detail: expect.any(String) });
}

describe('sign-in at 08:00: a whole school behind one address', () => {
  let t: TestApp;
  // The default per-address budget, as in production (createTestApp raises it for other files).
  beforeAll(async () => {
    t = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '' });
  });
  afterAll(() => t.close());

  it('lets 40 different users log in from one address within a minute', async () => {
    const usernames = Array.from({ length: 40 }, (_, i) => `larare${i + 1}@storsjo.test`);
    // Demo-like teachers with the demo password.
    const given = givenFor(t.db);
    for (const [i, username] of usernames.entries()) {
      await given.user({
        agency: demoId('agency:storsjo'),
        roles: ['school_staff'],
        username,
        displayName: `Lärare ${i + 1}`,
      });
    }
    const statuses: number[] = [];
    for (const username of usernames) statuses.push((await login(t.http, username)).status);
    expect(statuses).toEqual(usernames.map(() => 200));
  });

  it('does not throttle authenticated reads per address', async () => {
    const mentor = await bearer(t.http, 'mentor@storsjo.demo');
    for (let i = 0; i < 30; i++) await t.http.get(`${API}/auth/me`).set('authorization', mentor).expect(200);
  });
});

describe('sign-in throttle per address', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  const env = { SIGN_IN_RATE_LIMIT_PER_MINUTE: '5' };

  beforeAll(async () => {
    t = await createTestApp(env);
    // A second API instance on the same database, as behind a load balancer.
    const url = (t.app.get(DataSource).options as { url: string }).url;
    second = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        JWT_SECRET: 'test-secret-test-secret-test-secret-42',
        JOBS_ENABLED: 'false',
        DATABASE_URL: url,
        ...env,
      }),
      url,
    );
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });
  beforeEach(() => t.db.query(`DELETE FROM sign_in_throttle`).catch(() => undefined));

  it('stops a flood from one address with 429 and Retry-After, on every sign-in route', async () => {
    for (let i = 0; i < 5; i++) await login(t.http, 'nobody@nowhere.demo', 'guess').expect(401);
    expectThrottled(await login(t.http, 'mentor@storsjo.demo'));
    expectThrottled(await t.http.post(`${API}/auth/refresh`).send({ refreshToken: 'x'.repeat(43) }));
  });

  it('counts refreshes in the same budget', async () => {
    for (let i = 0; i < 5; i++)
      await t.http
        .post(`${API}/auth/refresh`)
        .send({ refreshToken: 'y'.repeat(43) })
        .expect(401);
    expectThrottled(await login(t.http, 'mentor@storsjo.demo'));
  });

  it('shares the count between two API instances on one database', async () => {
    const other = request(second.getHttpServer());
    for (let i = 0; i < 3; i++) await login(t.http, 'nobody@nowhere.demo', 'guess').expect(401);
    for (let i = 0; i < 2; i++) await login(other, 'nobody@nowhere.demo', 'guess').expect(401);
    expectThrottled(await login(other, 'mentor@storsjo.demo'));
    expectThrottled(await login(t.http, 'mentor@storsjo.demo'));
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is not set', async () => {
    for (let i = 0; i < 5; i++) await login(t.http, 'nobody@nowhere.demo', 'guess', `203.0.113.${i + 1}`).expect(401);
    expectThrottled(await login(t.http, 'mentor@storsjo.demo', PASSWORD, '203.0.113.99'));
  });
});

describe('sign-in throttle behind a load balancer (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('counts the forwarded client address, one budget per client', async () => {
    for (let i = 0; i < 3; i++) await login(t.http, 'nobody@nowhere.demo', 'guess', '203.0.113.7').expect(401);
    expectThrottled(await login(t.http, 'mentor@storsjo.demo', PASSWORD, '203.0.113.7'));
    // Another client behind the same balancer has its own budget.
    await login(t.http, 'mentor@storsjo.demo', PASSWORD, '203.0.113.8').expect(200);
  });
});
