import { sign } from 'jsonwebtoken';
import { demoId } from '@app/demo';
import { API, bearer, createTestApp, TestApp } from './support/test-app';
import { createUserWithPassword } from './support/users';

const SECRET = 'test-secret-test-secret-test-secret-42';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('login, tokens and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.http.post(`${API}/auth/login`).send({ username, password });
  const me = (authorization: string) => t.http.get(`${API}/auth/me`).set('authorization', authorization);
  const countRows = async (table: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  it.each([
    ['admin@ostersund.demo', ['admin'], 'social_services', 'Socialtjänsten Östersund'],
    ['auditor@ostersund.demo', ['auditor'], 'social_services', 'Socialtjänsten Östersund'],
    ['admin@regionjh.demo', ['admin'], 'bup', 'BUP Östersund'],
    ['mentor@storsjo.demo', ['school_staff'], 'school', 'Storsjöskolan'],
    ['rektor@storsjo.demo', ['principal'], 'school', 'Storsjöskolan'],
    ['elevhalsa@storsjo.demo', ['elevhalsa'], 'school', 'Storsjöskolan'],
    ['mentor@park.demo', ['school_staff'], 'school', 'Parkskolan'],
    ['elevhalsa@park.demo', ['elevhalsa'], 'school', 'Parkskolan'],
    ['soc@ostersund.demo', ['agency_worker'], 'social_services', 'Socialtjänsten Östersund'],
    ['bup@regionjh.demo', ['agency_worker'], 'bup', 'BUP Östersund'],
    ['hab@regionjh.demo', ['agency_worker'], 'habilitation', 'Habiliteringen Östersund'],
  ])('%s logs in and sees who they are', async (username, roles, type, name) => {
    const res = await login(username, 'Demo-2026!').expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const who = await me(`Bearer ${res.body.accessToken}`).expect(200);
    expect(who.body).toEqual({
      id: demoId(`user:${username}`),
      username,
      displayName: expect.any(String),
      roles,
      agency: { id: expect.any(String), type, name, organisationId: expect.any(String) },
    });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody@nowhere.demo', 'Demo-2026!').expect(401);
    const wrong = await login('mentor@storsjo.demo', 'not the password').expect(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
  });

  it('locks an account after 5 failures, for a growing period, and a good login afterwards resets it', async () => {
    const user = 'elevhalsa@park.demo';
    for (let i = 0; i < 5; i++) await login(user, `wrong-${i}`).expect(401);
    // Locked: even the right password is refused, with the same answer as any failure.
    await login(user, 'Demo-2026!').expect(401);
    const first = (
      await t.db.query(`SELECT locked_until - now() AS left, lockouts FROM app_user WHERE username = $1`, [user])
    ).rows[0];
    expect(first.lockouts).toBe(1);
    expect(first.left.minutes ?? 0).toBeLessThanOrEqual(1);

    // Time travel: the lock has run out; five more failures lock it for longer.
    await t.db.query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = $1`, [user]);
    for (let i = 0; i < 5; i++) await login(user, `wrong-${i}`).expect(401);
    const second = (
      await t.db.query(
        `SELECT extract(epoch FROM locked_until - now())::int AS seconds, lockouts FROM app_user WHERE username = $1`,
        [user],
      )
    ).rows[0];
    expect(second.lockouts).toBe(2);
    expect(second.seconds).toBeGreaterThan(100);

    await t.db.query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = $1`, [user]);
    await login(user, 'Demo-2026!').expect(200);
    const reset = (
      await t.db.query(`SELECT failed_logins, lockouts, locked_until FROM app_user WHERE username = $1`, [user])
    ).rows[0];
    expect(reset).toEqual({ failed_logins: 0, lockouts: 0, locked_until: null });
  });

  it('rotates refresh tokens, and a reused one revokes the whole family at once', async () => {
    const first = (await login('soc@ostersund.demo', 'Demo-2026!').expect(200)).body;
    const second = (await t.http.post(`${API}/auth/refresh`).send({ refreshToken: first.refreshToken }).expect(200))
      .body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await me(`Bearer ${second.accessToken}`).expect(200);

    // The old token again: somebody copied it. Everything of that login stops working.
    await t.http.post(`${API}/auth/refresh`).send({ refreshToken: first.refreshToken }).expect(401);
    await t.http.post(`${API}/auth/refresh`).send({ refreshToken: second.refreshToken }).expect(401);
    await me(`Bearer ${second.accessToken}`).expect(401);
    const logged = await t.db.query(
      `SELECT 1 FROM access_log WHERE action = 'auth.refresh.reuse' AND subject_ids @> ARRAY[$1]`,
      [demoId('user:soc@ostersund.demo')],
    );
    expect(logged.rowCount).toBe(1);
  });

  it('stores refresh tokens only as hashes', async () => {
    const { refreshToken } = (await login('hab@regionjh.demo', 'Demo-2026!').expect(200)).body;
    const found = await t.db.query(`SELECT 1 FROM refresh_token WHERE token_hash = $1`, [refreshToken]);
    expect(found.rowCount).toBe(0);
    const hashes = await t.db.query(`SELECT token_hash FROM refresh_token`);
    expect(hashes.rows.every((r: { token_hash: string }) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('logout ends the access token and the refresh token at once', async () => {
    const pair = (await login('bup@regionjh.demo', 'Demo-2026!').expect(200)).body;
    await t.http.post(`${API}/auth/logout`).set('authorization', `Bearer ${pair.accessToken}`).expect(204);
    await me(`Bearer ${pair.accessToken}`).expect(401);
    await t.http.post(`${API}/auth/refresh`).send({ refreshToken: pair.refreshToken }).expect(401);
  });

  it('deactivation stops a user at once: open sessions, refresh and new logins', async () => {
    const admin = await bearer(t.http, 'admin@ostersund.demo');
    const id = await createUserWithPassword(
      t.http,
      admin,
      {
        username: 'vikarie@storsjo.demo',
        displayName: 'Vera Vikarie',
        agencyId: demoId('agency:storsjo'),
        roles: ['school_staff'],
      },
      'vikarie-password-1',
    );
    const pair = (await login('vikarie@storsjo.demo', 'vikarie-password-1').expect(200)).body;
    await me(`Bearer ${pair.accessToken}`).expect(200);

    const deactivated = await t.http.post(`${API}/users/${id}/deactivate`).set('authorization', admin).expect(200);
    expect(deactivated.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    await me(`Bearer ${pair.accessToken}`).expect(401);
    await t.http.post(`${API}/auth/refresh`).send({ refreshToken: pair.refreshToken }).expect(401);
    await login('vikarie@storsjo.demo', 'vikarie-password-1').expect(401);
    // Never deleted: the access log names the user.
    expect((await t.db.query(`SELECT 1 FROM app_user WHERE id = $1`, [id])).rowCount).toBe(1);
  });

  it('refuses forged, expired, unsigned and malformed tokens with 401, and writes nothing but the denial', async () => {
    const pair = (await login('rektor@storsjo.demo', 'Demo-2026!').expect(200)).body;
    const [, payload] = pair.accessToken.split('.');
    const { sub, sid, typ } = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const claims = { sub, sid, typ };
    const before = { users: await countRows('app_user'), tokens: await countRows('refresh_token') };
    const bad = [
      'not-a-jwt',
      `${pair.accessToken}x`,
      sign(claims, 'another-key-another-key-another-key', { expiresIn: 600 }),
      sign(claims, SECRET, { expiresIn: -10 }),
      `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      sign(claims, SECRET, { algorithm: 'HS512', expiresIn: 600 }),
      // A well-signed token of no session.
      sign({ sub, typ: 'access' }, SECRET, { expiresIn: 600 }),
    ];
    for (const token of bad) {
      const res = await me(`Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect({ users: await countRows('app_user'), tokens: await countRows('refresh_token') }).toEqual(before);
  });

  it('refuses over-long strings, missing fields and unknown roles with 400, writing nothing', async () => {
    const admin = await bearer(t.http, 'admin@ostersund.demo');
    await login('x'.repeat(300), 'y').expect(400);
    await t.http.post(`${API}/auth/login`).send({ username: 'mentor@storsjo.demo' }).expect(400);
    const before = await countRows('app_user');
    const res = await t.http
      .post(`${API}/users`)
      .set('authorization', admin)
      .send({
        username: 'boss@storsjo.demo',
        displayName: 'B',
        agencyId: demoId('agency:storsjo'),
        roles: ['superuser'],
      })
      .expect(400);
    expect(res.body.errors).toEqual([
      { field: 'roles', code: expect.any(String), message: expect.stringContaining('roles') },
    ]);
    await t.http
      .post(`${API}/users`)
      .set('authorization', admin)
      .send({
        username: 'kim@storsjo.demo',
        displayName: 'K',
        agencyId: demoId('agency:storsjo'),
        roles: ['agency_worker'],
      })
      .expect(422);
    expect(await countRows('app_user')).toBe(before);
  });

  it('will not let an admin change their own roles or deactivate themselves', async () => {
    const admin = await bearer(t.http, 'admin@regionjh.demo');
    const id = demoId('user:admin@regionjh.demo');
    await t.http
      .patch(`${API}/users/${id}`)
      .set('authorization', admin)
      .send({ roles: ['auditor'] })
      .expect(403);
    await t.http.post(`${API}/users/${id}/deactivate`).set('authorization', admin).expect(409);
  });

  it('lets the auditor follow denied calls in the access log of their own organisation only', async () => {
    const mentor = await bearer(t.http, 'mentor@storsjo.demo');
    await t.http.get(`${API}/users`).set('authorization', mentor).expect(403);
    const auditor = await bearer(t.http, 'auditor@ostersund.demo');
    const res = await t.http
      .get(`${API}/access-log`)
      .query({ userId: demoId('user:mentor@storsjo.demo'), limit: 5 })
      .set('authorization', auditor)
      .expect(200);
    expect(res.body.items[0]).toMatchObject({ action: 'user.list', outcome: 'denied', subjectType: 'endpoint' });
    // The region's user has touched none of the municipality's data here: nothing to see (who sees
    // outside readers of the municipality's pupils is in access-log.e2e-spec.ts).
    const region = await t.http
      .get(`${API}/access-log`)
      .query({ userId: demoId('user:bup@regionjh.demo') })
      .set('authorization', auditor)
      .expect(200);
    expect(region.body.items).toEqual([]);
  });

  it('pages the access log with an opaque cursor and refuses a forged one', async () => {
    const auditor = await bearer(t.http, 'auditor@ostersund.demo');
    const first = await t.http.get(`${API}/access-log?limit=2`).set('authorization', auditor).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.http
      .get(`${API}/access-log`)
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set('authorization', auditor)
      .expect(200);
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));
    const forged = await t.http.get(`${API}/access-log?cursor=abc`).set('authorization', auditor).expect(400);
    expect(forged.body.errors).toEqual([{ field: 'cursor', code: expect.any(String), message: expect.any(String) }]);
    await t.http.get(`${API}/access-log?limit=501`).set('authorization', auditor).expect(400);
  });
});
