import { demoId } from '@app/demo';
import { ADMINS, AccessGroup, AccessRow, CallerName, everyone, only } from '../support/access-table';
import { API } from '../support/test-app';

/** Health, login, users, agencies and the access log. */
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

const rows: AccessRow<Ctx>[] = [
  { route: 'GET /health/live', request: () => ({ path: '/health/live' }), expect: () => 200 },
  { route: 'GET /health/ready', request: () => ({ path: '/health/ready' }), expect: () => 200 },
  {
    route: 'POST /auth/login',
    request: (_, caller) => ({ path: '/auth/login', body: { username: caller, password: 'wrong password' } }),
    expect: () => 401,
  },
  // Public, like login: a wrong code is the same 401 for every username, known or not.
  {
    route: 'POST /auth/setup',
    request: (_, caller) => ({
      path: '/auth/setup',
      body: { username: caller, code: 'WRONG-CODE0-WRONG-CODE0', newPassword: 'a-long-password-2026' },
    }),
    expect: () => 401,
  },
  {
    route: 'POST /auth/refresh',
    request: () => ({ path: '/auth/refresh', body: { refreshToken: 'not-a-token' } }),
    expect: () => 401,
  },
  { route: 'GET /auth/me', request: () => ({ path: '/auth/me' }), expect: everyone(200) },
  // Single sign-on (issue 20): public browser navigations and the code exchange; this app has no
  // provider configured, so all but the status answer 404 (test/oidc.e2e-spec.ts has the flow).
  { route: 'GET /auth/oidc', request: () => ({ path: '/auth/oidc' }), expect: () => 200 },
  { route: 'GET /auth/oidc/login', request: () => ({ path: '/auth/oidc/login' }), expect: () => 404 },
  {
    route: 'GET /auth/oidc/callback',
    request: () => ({ path: '/auth/oidc/callback?state=x&code=y' }),
    expect: () => 404,
  },
  {
    route: 'POST /auth/oidc/exchange',
    request: () => ({ path: '/auth/oidc/exchange', body: { code: 'not-a-code' } }),
    expect: () => 404,
  },
  { route: 'POST /auth/logout', request: () => ({ path: '/auth/logout' }), expect: everyone(204), freshLogin: true },
  // The second factor (issue 20, test/mfa.e2e-spec.ts): public to AccessGuard, the enrolment routes
  // check the bearer themselves (an access token or an enrolment token).
  { route: 'POST /auth/mfa/totp', request: () => ({ path: '/auth/mfa/totp' }), expect: everyone(200) },
  {
    route: 'POST /auth/mfa/totp/confirm',
    request: () => ({ path: '/auth/mfa/totp/confirm', body: { code: '000000' } }),
    expect: everyone(422),
  },
  {
    route: 'POST /auth/mfa/verify',
    request: () => ({ path: '/auth/mfa/verify', body: { mfaToken: 'not-a-token', code: '123456' } }),
    expect: () => 401,
  },
  {
    route: 'POST /users/:id/mfa/reset',
    request: (c) => ({ path: `/users/${c.mentorStorsjo}/mfa/reset` }),
    expect: municipalityAdminOnly(204),
  },
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
      },
    }),
    // The region admin cannot place a user in a municipal school: it is not in their organisation.
    expect: only(ADMINS, 201, 403, { 'admin@regionjh.demo': 422 }),
  },
  // Rule 4 against the admin itself: no account combines admin or auditor with a role that reads pupils or cases.
  {
    route: 'POST /users',
    request: (_, caller) => ({
      path: '/users',
      body: {
        username: `combined.${slug(caller)}@storsjo.demo`,
        displayName: 'Rektor och Admin',
        agencyId: demoId('agency:storsjo'),
        roles: ['admin', 'principal'],
      },
    }),
    expect: only(ADMINS, 422),
  },
  {
    route: 'PATCH /users/:id',
    request: (c) => ({ path: `/users/${c.mentorStorsjo}`, body: { displayName: 'Maja Mentor' } }),
    expect: municipalityAdminOnly(200),
  },
  // Nobody changes their own roles; the municipality admin's own account is another organisation's for the region admin.
  {
    route: 'PATCH /users/:id',
    request: () => ({ path: `/users/${demoId('user:admin@ostersund.demo')}`, body: { roles: ['admin', 'auditor'] } }),
    expect: municipalityAdminOnly(403),
  },
  {
    route: 'POST /users/:id/setup-code',
    request: (c) => ({ path: `/users/${c.mentorStorsjo}/setup-code` }),
    expect: municipalityAdminOnly(201),
  },
  {
    route: 'POST /users/:id/setup-code',
    request: (c) => ({ path: `/users/${c.bupWorker}/setup-code` }),
    expect: only(ADMINS, 201, 403, { 'admin@ostersund.demo': 404 }),
  },
  {
    route: 'POST /users/:id/deactivate',
    request: (c) => ({ path: `/users/${c.deactivationTarget}/deactivate` }),
    expect: municipalityAdminOnly(200),
  },
  // The principal of the school only; another school, or an agency that is no school, does not exist for it.
  {
    route: 'GET /schools/:id/accounts',
    request: () => ({ path: `/schools/${demoId('agency:storsjo')}/accounts` }),
    expect: only(['rektor@storsjo.demo'], 200),
  },
  {
    route: 'GET /schools/:id/accounts',
    request: () => ({ path: `/schools/${demoId('agency:park')}/accounts` }),
    expect: only([], 200, 403, { 'rektor@storsjo.demo': 404 }),
  },
  {
    route: 'GET /schools/:id/accounts',
    request: () => ({ path: `/schools/${demoId('agency:soc')}/accounts` }),
    expect: only([], 200, 403, { 'rektor@storsjo.demo': 404 }),
  },
  { route: 'GET /agencies', request: () => ({ path: '/agencies' }), expect: only(ADMINS, 200) },
  {
    route: 'POST /agencies',
    request: (_, caller) => ({ path: '/agencies', body: { name: `Enhet ${slug(caller)}`, type: 'other' } }),
    expect: only(ADMINS, 201),
  },
  // Auditors only; which rows each sees (by the subjects' organisation) is in access-log.e2e-spec.ts.
  { route: 'GET /access-log', request: () => ({ path: '/access-log' }), expect: only(['auditor@ostersund.demo'], 200) },
  {
    route: 'POST /access-log/search',
    request: () => ({ path: '/access-log/search', body: { outcome: 'denied', limit: 5 } }),
    expect: only(['auditor@ostersund.demo'], 200),
  },
];

export const identityAccess: AccessGroup<Ctx> = {
  name: 'identity',
  async setup(t, tokens) {
    const created = await t.http
      .post(`${API}/users`)
      .set('authorization', tokens.get('admin@ostersund.demo')!)
      .send({
        username: 'leaving@park.demo',
        displayName: 'Lämnar Snart',
        agencyId: demoId('agency:park'),
        roles: ['school_staff'],
      })
      .expect(201);
    ctx.deactivationTarget = created.body.id;
    return ctx;
  },
  rows,
  permissions: [
    'GET /access-log → accessLog.read',
    'POST /access-log/search → accessLog.read',
    'GET /agencies → agency.list',
    'GET /auth/me → profile.read',
    'GET /auth/oidc → public',
    'GET /auth/oidc/callback → public',
    'GET /auth/oidc/login → public',
    'GET /health/live → public',
    'GET /health/ready → public',
    'GET /schools/:id/accounts → schoolAccounts.read',
    'GET /users → user.list',
    'GET /users/:id → user.list',
    'PATCH /users/:id → user.update',
    'POST /users/:id/mfa/reset → user.update',
    'POST /agencies → agency.create',
    'POST /auth/login → public',
    'POST /auth/logout → profile.read',
    'POST /auth/mfa/totp → public',
    'POST /auth/mfa/totp/confirm → public',
    'POST /auth/mfa/verify → public',
    'POST /auth/oidc/exchange → public',
    'POST /auth/refresh → public',
    'POST /auth/setup → public',
    'POST /users → user.create',
    'POST /users/:id/deactivate → user.update',
    'POST /users/:id/setup-code → user.update',
  ],
};
