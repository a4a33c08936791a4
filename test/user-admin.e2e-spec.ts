import { demoId } from '@app/demo';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');

/**
 * Issue 14, first High item: an administrator could give itself, or a new user, any role, and
 * chose new users' passwords. Rule 4 (admins never read case content) must hold against the
 * administrator itself.
 */
describe('user administration keeps rule 4 against the administrator', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await bearer(t.http, 'admin@ostersund.demo');
  });
  afterAll(() => t.close());

  const rolesOf = async (id: string) =>
    (await t.db.query(`SELECT roles FROM app_user WHERE id = $1`, [id])).rows[0].roles as string[];

  it('refuses an admin who gives itself case-reading roles (was 200)', async () => {
    const self = demoId('user:admin@ostersund.demo');
    const res = await t.http
      .patch(`${API}/users/${self}`)
      .set('authorization', admin)
      .send({ roles: ['admin', 'agency_worker', 'auditor'] });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await rolesOf(self)).toEqual(['admin']);
    // Still no case list for the admin.
    await t.http.get(`${API}/cases`).set('authorization', admin).expect(403);
  });

  it('refuses a new user combining admin with school roles, and a chosen password (was 201)', async () => {
    const body = {
      username: 'superrektor@storsjo.demo',
      displayName: 'Super Rektor',
      agencyId: STORSJO,
      roles: ['admin', 'elevhalsa', 'principal'],
    };
    const withPassword = await t.http
      .post(`${API}/users`)
      .set('authorization', admin)
      .send({ ...body, password: 'a-long-password-2026' });
    expect(withPassword.status).toBe(400);
    expect(withPassword.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));

    const combined = await t.http.post(`${API}/users`).set('authorization', admin).send(body);
    expect(combined.status).toBe(422);
    expect(combined.body.errors).toEqual([{ field: 'roles', message: expect.any(String) }]);
    const created = await t.db.query(`SELECT 1 FROM app_user WHERE username = $1`, [body.username]);
    expect(created.rowCount).toBe(0);
  });
});
