import { demoId } from '@app/demo';
import { AccessRow, ADMINS, CALLERS, CallerName, everyone, only, send, tokensFor } from './support/access-table';
import { declaredRoutes } from './support/routes';
import { API, createTestApp, TestApp } from './support/test-app';

/**
 * Who may call what, for every route and every demo user (each role × agency of the demo) plus
 * an anonymous caller, as PRODUCT.md's access rules say. A new endpoint adds its rows here; the
 * last test fails while any route has none.
 */
interface Ctx {
  mentorStorsjo: string;
  bupWorker: string;
  /** A user made for this test, so that deactivating it spares the demo callers. */
  deactivationTarget: string;
}

const ctx: Ctx = {
  mentorStorsjo: demoId('user:mentor@storsjo.demo'),
  bupWorker: demoId('user:bup@regionjh.demo'),
  deactivationTarget: '',
};
const slug = (caller: CallerName) => caller.replace(/[^a-z]/g, '');
const municipalityAdminOnly = (ok: number) => only(ADMINS, ok, 403, { 'admin@regionjh.demo': 404 });

const TABLE: AccessRow<Ctx>[] = [
  { route: 'GET /health/live', request: () => ({ path: '/health/live' }), expect: () => 200 },
  { route: 'GET /health/ready', request: () => ({ path: '/health/ready' }), expect: () => 200 },
  {
    route: 'POST /auth/login',
    request: (_, caller) => ({ path: '/auth/login', body: { username: caller, password: 'wrong password' } }),
    expect: () => 401,
  },
  {
    route: 'POST /auth/refresh',
    request: () => ({ path: '/auth/refresh', body: { refreshToken: 'not-a-token' } }),
    expect: () => 401,
  },
  { route: 'GET /auth/me', request: () => ({ path: '/auth/me' }), expect: everyone(200) },
  { route: 'POST /auth/logout', request: () => ({ path: '/auth/logout' }), expect: everyone(204), freshLogin: true },
  { route: 'GET /users', request: () => ({ path: '/users' }), expect: only(ADMINS, 200) },
  // Rule: admins manage their own organisation; another organisation's users do not exist for them.
  {
    route: 'GET /users/:id',
    request: (c) => ({ path: `/users/${c.mentorStorsjo}` }),
    expect: municipalityAdminOnly(200),
  },
  {
    route: 'GET /users/:id',
    request: (c) => ({ path: `/users/${c.bupWorker}` }),
    expect: only(ADMINS, 200, 403, { 'admin@ostersund.demo': 404 }),
  },
  {
    route: 'POST /users',
    request: (_, caller) => ({
      path: '/users',
      body: {
        username: `new.${slug(caller)}@storsjo.demo`,
        displayName: 'Ny Mentor',
        agencyId: demoId('agency:storsjo'),
        roles: ['school_staff'],
        password: 'a-long-password-2026',
      },
    }),
    // The region admin cannot place a user in a municipal school: it is not in their organisation.
    expect: only(ADMINS, 201, 403, { 'admin@regionjh.demo': 422 }),
  },
  {
    route: 'PATCH /users/:id',
    request: (c) => ({ path: `/users/${c.mentorStorsjo}`, body: { displayName: 'Maja Mentor' } }),
    expect: municipalityAdminOnly(200),
  },
  {
    route: 'POST /users/:id/deactivate',
    request: (c) => ({ path: `/users/${c.deactivationTarget}/deactivate` }),
    expect: municipalityAdminOnly(200),
  },
  { route: 'GET /agencies', request: () => ({ path: '/agencies' }), expect: only(ADMINS, 200) },
  {
    route: 'POST /agencies',
    request: (_, caller) => ({ path: '/agencies', body: { name: `Enhet ${slug(caller)}`, type: 'other' } }),
    expect: only(ADMINS, 201),
  },
  { route: 'GET /access-log', request: () => ({ path: '/access-log' }), expect: only(['auditor@ostersund.demo'], 200) },
];

describe('access table: every route × every demo caller', () => {
  let t: TestApp;
  let tokens: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await tokensFor(t.http);
    const created = await t.http
      .post(`${API}/users`)
      .set('authorization', tokens.get('admin@ostersund.demo')!)
      .send({
        username: 'leaving@park.demo',
        displayName: 'Lämnar Snart',
        agencyId: demoId('agency:park'),
        roles: ['school_staff'],
        password: 'a-long-password-2026',
      })
      .expect(201);
    ctx.deactivationTarget = created.body.id;
  });
  afterAll(() => t.close());

  // Rows run in order, callers in the demo's order; a row may depend on an earlier one (deactivation).
  it.each(TABLE.map((row, i) => [`${i}`, row.route, row] as const))('row %s: %s', async (_, __, row) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const caller of CALLERS) {
      got[caller] = await send(t.http, tokens, row, ctx, caller);
      want[caller] = row.expect(caller);
    }
    expect(got).toEqual(want);
  });

  it('logs every denied call in the access log', async () => {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE outcome = 'denied' AND action IN ('user.list', 'accessLog.read', 'agency.list', 'agency.create', 'user.create', 'user.update', 'user.read')`,
    );
    // 9 non-admin callers × (GET /users, GET/POST /agencies, POST /users, PATCH, GET ×2, deactivate) +
    // 10 non-auditors on GET /access-log, plus the region admin's hidden reads: all logged.
    expect(rows[0].n).toBeGreaterThanOrEqual(9 * 5 + 10);
    const { rows: anonymous } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'auth.token' AND outcome = 'denied'`,
    );
    expect(anonymous[0].n).toBeGreaterThanOrEqual(TABLE.length - 4);
  });

  it('has a row for every route the application declares', () => {
    const covered = new Set(TABLE.map((row) => row.route));
    const missing = declaredRoutes(t.app)
      .map((r) => r.route)
      .filter((route) => !covered.has(route));
    expect(missing).toEqual([]);
  });

  /**
   * A diff here changes who can reach an endpoint: review it as a permission change.
   * UNDECLARED would mean a route the guard refuses to everyone.
   */
  it('declares a permission (or public) on every route', () => {
    expect(declaredRoutes(t.app).map((r) => `${r.route} → ${r.permission}`)).toEqual([
      'GET /access-log → accessLog.read',
      'GET /agencies → agency.list',
      'GET /auth/me → profile.read',
      'GET /health/live → public',
      'GET /health/ready → public',
      'GET /users → user.list',
      'GET /users/:id → user.list',
      'PATCH /users/:id → user.update',
      'POST /agencies → agency.create',
      'POST /auth/login → public',
      'POST /auth/logout → profile.read',
      'POST /auth/refresh → public',
      'POST /users → user.create',
      'POST /users/:id/deactivate → user.update',
    ]);
  });

  it('never shows an admin the users or agencies of another organisation', async () => {
    const regionAdmin = tokens.get('admin@regionjh.demo')!;
    const users = await t.http.get(`${API}/users?limit=500`).set('authorization', regionAdmin).expect(200);
    expect(users.body.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'admin@regionjh.demo',
      'bup@regionjh.demo',
      'hab@regionjh.demo',
    ]);
    const agencies = await t.http.get(`${API}/agencies`).set('authorization', regionAdmin).expect(200);
    expect(agencies.body.items.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['BUP Östersund', 'Habiliteringen Östersund']),
    );
    expect(agencies.body.items.map((a: { name: string }) => a.name)).not.toContain('Storsjöskolan');
  });
});
