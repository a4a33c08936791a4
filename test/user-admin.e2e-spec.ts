import { createHash } from 'node:crypto';
import { demoId } from '@app/demo';
import { MailWorker } from '@app/notifications';
import { SmtpTestServer } from './support/smtp-test-server';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const SOC = demoId('agency:soc');
const ADMIN = demoId('user:admin@ostersund.demo');
const REKTOR = demoId('user:rektor@storsjo.demo');
const CODE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;
const sha256 = (code: string) => createHash('sha256').update(code.replace(/-/g, '')).digest('hex');
const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

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
    expect(combined.body.errors).toEqual([{ field: 'roles', code: expect.any(String), message: expect.any(String) }]);
    const created = await t.db.query(`SELECT 1 FROM app_user WHERE username = $1`, [body.username]);
    expect(created.rowCount).toBe(0);
  });

  it('refuses combining admin or auditor with a case-reading role on update too, and the database refuses it as well', async () => {
    const mentor = demoId('user:mentor@storsjo.demo');
    for (const roles of [
      ['school_staff', 'auditor'],
      ['principal', 'admin'],
    ]) {
      const res = await t.http.patch(`${API}/users/${mentor}`).set('authorization', admin).send({ roles }).expect(422);
      expect(res.body.errors).toEqual([
        { field: 'roles', code: expect.any(String), message: expect.stringContaining('cannot be combined') },
      ]);
    }
    // An auditor may not be given a worker's role either.
    await t.http
      .patch(`${API}/users/${demoId('user:auditor@ostersund.demo')}`)
      .set('authorization', admin)
      .send({ roles: ['auditor', 'agency_worker'] })
      .expect(422);
    expect(await rolesOf(mentor)).toEqual(['school_staff']);
    await expect(
      t.db.query(`UPDATE app_user SET roles = ARRAY['admin', 'elevhalsa'] WHERE id = $1`, [mentor]),
    ).rejects.toThrow(/app_user_roles_separation_check/);
  });

  it('refuses an own role change even when it only narrows, logged as denied; an own display name may change', async () => {
    await t.http
      .patch(`${API}/users/${ADMIN}`)
      .set('authorization', admin)
      .send({ roles: ['admin'] })
      .expect(200);
    await t.http
      .patch(`${API}/users/${ADMIN}`)
      .set('authorization', admin)
      .send({ roles: ['auditor'] })
      .expect(403);
    await t.http
      .patch(`${API}/users/${ADMIN}`)
      .set('authorization', admin)
      .send({ displayName: 'Anna Administratör' })
      .expect(200);
    const { rows } = await t.db.query(
      `SELECT outcome FROM access_log WHERE action = 'user.update' AND user_id = $1 AND subject_ids = ARRAY[$1::text]`,
      [ADMIN],
    );
    expect(rows.map((r) => r.outcome)).toEqual(expect.arrayContaining(['denied', 'allowed']));
  });

  describe('changes of who holds a role', () => {
    let rektor: string;
    let userId: string;

    const roleChanges = async (id: string) =>
      (
        await t.db.query(
          `SELECT user_id, detail FROM access_log WHERE action = 'user.roles.change' AND subject_ids = ARRAY[$1] ORDER BY id`,
          [id],
        )
      ).rows as { user_id: string; detail: Record<string, unknown> }[];
    const told = async () =>
      (
        await t.db.query(
          `SELECT recipient_id, title, link, case_id FROM notification WHERE kind = 'school-access.changed' ORDER BY created_at, id`,
        )
      ).rows as { recipient_id: string; title: string; link: string; case_id: string | null }[];
    const accounts = async () =>
      (await t.http.get(`${API}/schools/${STORSJO}/accounts?limit=500`).set('authorization', rektor).expect(200)).body
        .items as { id: string; username: string; roles: string[]; active: boolean; latestGrant: unknown }[];

    beforeAll(async () => {
      rektor = await bearer(t.http, 'rektor@storsjo.demo');
    });

    it('logs a creation with the roles before and after, tells the principal, and lists who gave the role', async () => {
      const created = await t.http
        .post(`${API}/users`)
        .set('authorization', admin)
        .send({
          username: 'larare2@storsjo.demo',
          displayName: 'Lina Lärare',
          agencyId: STORSJO,
          roles: ['school_staff'],
        })
        .expect(201);
      userId = created.body.id;
      expect(await roleChanges(userId)).toEqual([
        { user_id: ADMIN, detail: { change: 'create', rolesBefore: [], rolesAfter: ['school_staff'] } },
      ]);
      // The principal only: not elevhälsa or the mentor of the school, not the admin who made the change.
      expect(await told()).toEqual([
        {
          recipient_id: REKTOR,
          title: 'Ett konto på Storsjöskolan har fått ändrad behörighet',
          link: '/skolans-konton',
          case_id: null,
        },
      ]);
      const listed = (await accounts()).find((a) => a.id === userId);
      expect(listed).toMatchObject({
        username: 'larare2@storsjo.demo',
        roles: ['school_staff'],
        active: true,
        latestGrant: {
          at: expect.any(String),
          byUserId: ADMIN,
          byDisplayName: 'Anna Administratör',
          rolesBefore: [],
          rolesAfter: ['school_staff'],
        },
      });
      // Accounts seeded before any change was recorded have no grant to show.
      expect((await accounts()).find((a) => a.id === REKTOR)).toMatchObject({
        roles: ['principal'],
        latestGrant: null,
      });
    });

    it('logs adding and removing a case-reading role, and a deactivation, each telling the principal', async () => {
      await t.http
        .patch(`${API}/users/${userId}`)
        .set('authorization', admin)
        .send({ roles: ['school_staff', 'elevhalsa'] })
        .expect(200);
      await t.http
        .patch(`${API}/users/${userId}`)
        .set('authorization', admin)
        .send({ roles: ['elevhalsa', 'school_staff'] })
        .expect(200);
      await t.http
        .patch(`${API}/users/${userId}`)
        .set('authorization', admin)
        .send({ displayName: 'Lina Lärare-Kurator' })
        .expect(200);
      await t.http
        .patch(`${API}/users/${userId}`)
        .set('authorization', admin)
        .send({ roles: ['elevhalsa'] })
        .expect(200);
      await t.http.post(`${API}/users/${userId}/deactivate`).set('authorization', admin).expect(200);
      // The same roles in another order, and a new display name, are no change of who holds a role.
      expect((await roleChanges(userId)).map((r) => r.detail)).toEqual([
        { change: 'create', rolesBefore: [], rolesAfter: ['school_staff'] },
        { change: 'update', rolesBefore: ['school_staff'], rolesAfter: ['elevhalsa', 'school_staff'] },
        { change: 'update', rolesBefore: ['elevhalsa', 'school_staff'], rolesAfter: ['elevhalsa'] },
        { change: 'deactivate', rolesBefore: ['elevhalsa'], rolesAfter: [] },
      ]);
      expect((await told()).map((n) => n.recipient_id)).toEqual([REKTOR, REKTOR, REKTOR, REKTOR]);
      // The latest grant is still the one that added elevhälsa, by the admin.
      expect((await accounts()).find((a) => a.id === userId)).toMatchObject({
        active: false,
        latestGrant: { byUserId: ADMIN, rolesBefore: ['school_staff'], rolesAfter: ['elevhalsa', 'school_staff'] },
      });
    });

    it('logs changes at an outside agency too (it has no principal to tell), and shows the auditor the roles', async () => {
      const before = (await told()).length;
      const created = await t.http
        .post(`${API}/users`)
        .set('authorization', admin)
        .send({ username: 'soc3@ostersund.demo', displayName: 'Sune Soc', agencyId: SOC, roles: ['agency_worker'] })
        .expect(201);
      expect(await roleChanges(created.body.id)).toHaveLength(1);
      expect(await told()).toHaveLength(before);
      const auditor = await bearer(t.http, 'auditor@ostersund.demo');
      const log = await t.http
        .get(`${API}/access-log`)
        .query({ subjectId: created.body.id, subjectType: 'user' })
        .set('authorization', auditor)
        .expect(200);
      expect(log.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'user.roles.change',
            userId: ADMIN,
            detail: { change: 'create', rolesBefore: [], rolesAfter: ['agency_worker'] },
          }),
        ]),
      );
    });

    it('shows the list of accounts to the principal of the school only, and logs the refusals', async () => {
      const elevhalsa = await bearer(t.http, 'elevhalsa@storsjo.demo');
      await t.http.get(`${API}/schools/${STORSJO}/accounts`).set('authorization', elevhalsa).expect(403);
      await t.http.get(`${API}/schools/${STORSJO}/accounts`).set('authorization', admin).expect(403);
      await t.http
        .get(`${API}/schools/${demoId('agency:park')}/accounts`)
        .set('authorization', rektor)
        .expect(404);
      const { rows } = await t.db.query(
        `SELECT user_id, action FROM access_log WHERE outcome = 'denied' AND action IN ('schoolAccounts.read', 'school.accounts.read')`,
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { user_id: demoId('user:elevhalsa@storsjo.demo'), action: 'schoolAccounts.read' },
          { user_id: ADMIN, action: 'schoolAccounts.read' },
          { user_id: REKTOR, action: 'school.accounts.read' },
        ]),
      );
      // Only the school's own accounts.
      const usernames = (await accounts()).map((a) => a.username);
      expect(usernames).toEqual(expect.arrayContaining(['mentor@storsjo.demo', 'elevhalsa@storsjo.demo']));
      expect(usernames).not.toContain('mentor@park.demo');
    });
  });

  describe('setup codes: the user chooses the password, the admin never knows it', () => {
    const setup = (username: string, code: string, newPassword = 'ett-eget-lösenord-2026') =>
      t.http.post(`${API}/auth/setup`).send({ username, code, newPassword });
    const login = (username: string, password: string) => t.http.post(`${API}/auth/login`).send({ username, password });
    const newCode = async (id: string, as = admin) =>
      (await t.http.post(`${API}/users/${id}/setup-code`).set('authorization', as).expect(201)).body as {
        delivered: string;
        setupCode: string;
        expiresAt: string;
      };
    let userId: string;
    const USERNAME = 'specialpedagog@storsjo.demo';

    it('answers a new user with a code shown once, stores only its hash, and lets the user choose a password', async () => {
      const created = await t.http
        .post(`${API}/users`)
        .set('authorization', admin)
        .send({ username: USERNAME, displayName: 'Sigge Special', agencyId: STORSJO, roles: ['elevhalsa'] })
        .expect(201);
      userId = created.body.id;
      const { setup: answer } = created.body;
      expect(answer).toEqual({
        delivered: 'shown',
        setupCode: expect.stringMatching(CODE),
        expiresAt: expect.any(String),
      });
      const hours = (Date.parse(answer.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(71.9);
      expect(hours).toBeLessThanOrEqual(72);
      const { rows } = await t.db.query(`SELECT code_hash FROM user_setup_code WHERE user_id = $1`, [userId]);
      expect(rows).toEqual([{ code_hash: sha256(answer.setupCode) }]);
      // No password yet: nothing logs in.
      await login(USERNAME, 'ett-eget-lösenord-2026').expect(401);

      await setup(USERNAME, answer.setupCode).expect(204);
      await login(USERNAME, 'ett-eget-lösenord-2026').expect(200);
      // Single use.
      const again = await setup(USERNAME, answer.setupCode, 'ett-annat-lösenord-2026').expect(401);
      await login(USERNAME, 'ett-annat-lösenord-2026').expect(401);
      // The same answer for a wrong code, an unknown user and a used code.
      const wrong = await setup(USERNAME, 'AAAAA-AAAAA-AAAAA-AAAAA').expect(401);
      const unknown = await setup('nobody@storsjo.demo', answer.setupCode).expect(401);
      expect(withoutRequestId(wrong.body)).toEqual(withoutRequestId(again.body));
      expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(again.body));
      const { rows: logged } = await t.db.query(
        `SELECT outcome FROM access_log WHERE action = 'auth.setup' AND subject_ids = ARRAY[$1::text] ORDER BY id`,
        [userId],
      );
      expect(logged.map((r) => r.outcome)).toEqual(['allowed', 'denied', 'denied']);
    });

    it('applies the password policy and takes no unknown fields', async () => {
      const { setupCode } = await newCode(userId);
      // A new code for an account that reads pupils: its school's principal is told.
      const { rows: told } = await t.db.query(
        `SELECT recipient_id, title FROM notification WHERE kind = 'school-access.setup-code'`,
      );
      expect(told).toEqual([
        { recipient_id: REKTOR, title: 'Ett konto på Storsjöskolan har fått en ny engångskod för att välja lösenord' },
      ]);
      const short = await setup(USERNAME, setupCode, 'kort').expect(400);
      expect(short.body.errors).toEqual([
        { field: 'newPassword', code: expect.any(String), message: expect.any(String) },
      ]);
      await t.http
        .post(`${API}/auth/setup`)
        .send({ username: USERNAME, code: setupCode, newPassword: 'ett-eget-lösenord-2026', roles: ['admin'] })
        .expect(400);
      // The code still works after refused requests.
      await setup(USERNAME, setupCode, 'tredje-lösenordet-2026').expect(204);
    });

    it('voids the earlier code when a new one is issued, and ends the sessions of the old password', async () => {
      const session = await bearer(t.http, USERNAME, 'tredje-lösenordet-2026');
      const first = await newCode(userId);
      const second = await newCode(userId);
      expect(second.setupCode).not.toBe(first.setupCode);
      // The old password works until the new one is chosen.
      await t.http.get(`${API}/auth/me`).set('authorization', session).expect(200);
      await setup(USERNAME, first.setupCode).expect(401);
      await setup(USERNAME, second.setupCode.toLowerCase().replace(/-/g, ' '), 'fjärde-lösenordet-2026').expect(204);
      await t.http.get(`${API}/auth/me`).set('authorization', session).expect(401);
      await login(USERNAME, 'tredje-lösenordet-2026').expect(401);
      await login(USERNAME, 'fjärde-lösenordet-2026').expect(200);
    });

    it('refuses an expired code', async () => {
      const { setupCode } = await newCode(userId);
      await t.db.query(`UPDATE user_setup_code SET expires_at = now() - interval '1 second' WHERE code_hash = $1`, [
        sha256(setupCode),
      ]);
      await setup(USERNAME, setupCode).expect(401);
    });

    it('refuses an admin of another organisation (404, logged), and codes for a deactivated user', async () => {
      const regionAdmin = await bearer(t.http, 'admin@regionjh.demo');
      await t.http.post(`${API}/users/${userId}/setup-code`).set('authorization', regionAdmin).expect(404);
      const { rows } = await t.db.query(
        `SELECT 1 FROM access_log WHERE action = 'user.setup-code' AND outcome = 'denied' AND user_id = $1`,
        [demoId('user:admin@regionjh.demo')],
      );
      expect(rows).toHaveLength(1);
      const mentor = await bearer(t.http, 'mentor@storsjo.demo');
      await t.http.post(`${API}/users/${userId}/setup-code`).set('authorization', mentor).expect(403);

      const { setupCode } = await newCode(userId);
      await t.http.post(`${API}/users/${userId}/deactivate`).set('authorization', admin).expect(200);
      await setup(USERNAME, setupCode).expect(401);
      await t.http.post(`${API}/users/${userId}/setup-code`).set('authorization', admin).expect(409);
    });
  });
});

describe('setup codes by mail, when SMTP is configured', () => {
  const smtp = new SmtpTestServer();
  let t: TestApp;

  beforeAll(async () => {
    await smtp.start(0);
    t = await createTestApp({
      SMTP_URL: smtp.url,
      APP_BASE_URL: 'https://narvaro.test',
      MAIL_FROM: 'noreply@narvaro.test',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('mails the code to the user and never shows it to the admin; the mail is not kept once sent', async () => {
    const admin = await bearer(t.http, 'admin@ostersund.demo');
    const created = await t.http
      .post(`${API}/users`)
      .set('authorization', admin)
      .send({ username: 'kurator2@storsjo.demo', displayName: 'Kim Kurator', agencyId: STORSJO, roles: ['elevhalsa'] })
      .expect(201);
    expect(created.body.setup).toEqual({ delivered: 'email', expiresAt: expect.any(String) });
    const reissued = await t.http
      .post(`${API}/users/${created.body.id}/setup-code`)
      .set('authorization', admin)
      .expect(201);
    expect(reissued.body).toEqual({ delivered: 'email', expiresAt: expect.any(String) });

    await t.app.get(MailWorker).flush();
    const mails = smtp.received.filter((m) => m.to.includes('kurator2@storsjo.demo'));
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.subject).toBe('Välj ditt lösenord i Närvaroteam');
      expect(mail.text).toContain('https://narvaro.test/valj-losenord');
    }
    // Which mail carries which code: its Message-ID names the code's row; the first one was voided by the second.
    const { rows: issued } = await t.db.query(`SELECT id FROM user_setup_code WHERE user_id = $1 ORDER BY issued_at`, [
      created.body.id,
    ]);
    const codes = issued.map(({ id }: { id: string }) => {
      const mail = mails.find((m) => m.messageId === `<setup-${id}@narvaro.test>`);
      return /engångskod är: (\S+)/.exec(mail?.text ?? '')?.[1] ?? '';
    });
    expect(codes[0]).toMatch(CODE);
    expect(codes[1]).toMatch(CODE);
    const setup = (code: string) =>
      t.http
        .post(`${API}/auth/setup`)
        .send({ username: 'kurator2@storsjo.demo', code, newPassword: 'kuratorns-lösenord-2026' });
    await setup(codes[0]).expect(401);
    await setup(codes[1]).expect(204);
    await t.http
      .post(`${API}/auth/login`)
      .send({ username: 'kurator2@storsjo.demo', password: 'kuratorns-lösenord-2026' })
      .expect(200);
    const { rows } = await t.db.query(
      `SELECT o.status, o.body FROM mail_outbox o JOIN user_setup_code c ON c.id = o.setup_code_id WHERE c.user_id = $1`,
      [created.body.id],
    );
    expect(rows).toEqual([
      { status: 'sent', body: '' },
      { status: 'sent', body: '' },
    ]);
  });
});
