import { ACCESS_GROUPS } from './access';
import { CALLERS, send, tokensFor } from './support/access-table';
import { declaredRoutes } from './support/routes';
import { API, createTestApp, TestApp } from './support/test-app';

/**
 * Who may call what, for every route and every demo user (each role × agency of the demo) plus
 * an anonymous caller, as PRODUCT.md's access rules say. Each domain keeps its rows in
 * test/access/<domain>.access.ts; the route-coverage test fails while any route has none.
 */
describe('access table: every route × every demo caller', () => {
  let t: TestApp;
  let tokens: Map<string, string>;
  const contexts = new Map<string, unknown>();

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await tokensFor(t.http);
    for (const group of ACCESS_GROUPS) contexts.set(group.name, await group.setup(t, tokens));
  });
  afterAll(() => t.close());

  // Rows run in order, callers in the demo's order; a row may depend on an earlier one (deactivation).
  const rows = ACCESS_GROUPS.flatMap((group) =>
    group.rows.map((row, i) => [`${group.name} ${i}`, row.route, group.name, row] as const),
  );
  it.each(rows)('row %s: %s', async (_, __, groupName, row) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const caller of CALLERS) {
      got[caller] = await send(t.http, tokens, row, contexts.get(groupName) as never, caller);
      want[caller] = row.expect(caller);
    }
    expect(got).toEqual(want);
  });

  it('logs every denied call in the access log', async () => {
    const { rows: denied } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE outcome = 'denied' AND action IN ('user.list', 'accessLog.read', 'agency.list', 'agency.create', 'user.create', 'user.update', 'user.read')`,
    );
    // 9 non-admin callers × (GET /users, GET/POST /agencies, POST /users, PATCH, GET ×2, deactivate) +
    // 10 non-auditors on GET /access-log, plus the region admin's hidden reads: all logged.
    expect(denied[0].n).toBeGreaterThanOrEqual(9 * 5 + 10);
    // Every route that needs a login refused the anonymous caller, and each refusal is logged.
    const { rows: anonymous } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'auth.token' AND outcome = 'denied'`,
    );
    const publicRows = rows.filter(([, route]) =>
      declaredRoutes(t.app).some((r) => r.route === route && r.permission === 'public'),
    );
    expect(anonymous[0].n).toBeGreaterThanOrEqual(rows.length - publicRows.length);
  });

  it('has a row for every route the application declares', () => {
    const covered = new Set(rows.map(([, route]) => route));
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
    const declared = declaredRoutes(t.app).map((r) => `${r.route} → ${r.permission}`);
    const expected = ACCESS_GROUPS.flatMap((group) => group.permissions);
    expect([...declared].sort()).toEqual([...expected].sort());
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
