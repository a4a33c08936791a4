import { DEMO_PASSWORD, demoId } from '@app/demo';
import { MfaClock, totpCode } from '@app/identity';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

/** A fixed start for the injected clock, at the beginning of a 30-second step. */
const T0 = Math.floor(Date.now() / 30_000) * 30_000 + 1_000;

describe('second factor (TOTP) for local accounts', () => {
  let t: TestApp;
  let now = T0;
  const USER = 'mentor@park.demo';
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(MfaClock).now = () => now;
  });
  afterAll(() => t.close());

  const login = (username = USER) =>
    t.http.post(`${API}/auth/login`).send({ username, password: DEMO_PASSWORD }).expect(200);
  const verify = (mfaToken: string, code: string) => t.http.post(`${API}/auth/mfa/verify`).send({ mfaToken, code });
  const lastLog = async (action: string) =>
    (
      await t.db.query(
        `SELECT subject_ids, outcome, detail FROM access_log WHERE action = $1 ORDER BY id DESC LIMIT 1`,
        [action],
      )
    ).rows[0];

  it('enrols an authenticator app: a secret and its otpauth URI, confirmed with a code, ten recovery codes once', async () => {
    const authorization = await bearer(t.http, USER);
    const started = await t.http.post(`${API}/auth/mfa/totp`).set('authorization', authorization).expect(200);
    secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/N%C3%A4rvaroteam:mentor%40park\.demo\?/);
    expect(started.body.otpauthUri).toContain(`secret=${secret}`);
    // Until confirmed, login stays one step.
    expect((await login()).body).toHaveProperty('accessToken');

    const wrong = await t.http
      .post(`${API}/auth/mfa/totp/confirm`)
      .set('authorization', authorization)
      .send({ code: totpCode(secret, now - 120_000) })
      .expect(422);
    expect(wrong.body).toMatchObject({ type: '/problems/mfa-code-invalid', errors: [{ field: 'code' }] });

    const confirmed = await t.http
      .post(`${API}/auth/mfa/totp/confirm`)
      .set('authorization', authorization)
      .send({ code: totpCode(secret, now) })
      .expect(200);
    recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(confirmed.body).not.toHaveProperty('session');

    // Stored sealed and hashed: neither the secret nor a recovery code is in the database.
    const stored = await t.db.query(
      `SELECT (SELECT secret_sealed FROM user_totp WHERE user_id = $1) AS sealed,
              (SELECT array_agg(code_hash) FROM mfa_recovery_code WHERE user_id = $1) AS hashes`,
      [demoId(`user:${USER}`)],
    );
    expect(stored.rows[0].sealed).not.toContain(secret);
    expect(stored.rows[0].hashes).toHaveLength(10);
    expect(JSON.stringify(stored.rows[0].hashes)).not.toContain(recoveryCodes[0].replace(/-/g, ''));

    // Enrolling again while the factor exists is refused (an administrator resets it first).
    const again = await t.http.post(`${API}/auth/mfa/totp`).set('authorization', authorization).expect(409);
    expect(again.body.type).toBe('/problems/mfa-already-enrolled');
    expect(await lastLog('auth.mfa.confirm')).toMatchObject({ outcome: 'allowed' });
  });

  it('asks for the code after the password, and gives the tokens for it; a code works once', async () => {
    const first = await login();
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String), expiresIn: 300 });
    expect(first.body).not.toHaveProperty('accessToken');
    // The confirmation used this step's code: it is spent.
    const replayed = await verify(first.body.mfaToken, totpCode(secret, now)).expect(401);
    expect(replayed.body).toMatchObject({ type: '/problems/mfa-code-invalid', tokenVoid: false });

    now += 30_000;
    const tokens = await verify(first.body.mfaToken, totpCode(secret, now)).expect(200);
    expect(tokens.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await t.http.get(`${API}/auth/me`).set('authorization', `Bearer ${tokens.body.accessToken}`).expect(200);
    expect(me.body.username).toBe(USER);
    // The mfaToken is spent too.
    expect((await verify(first.body.mfaToken, totpCode(secret, now + 30_000)).expect(401)).body.type).toBe(
      '/problems/mfa-token-invalid',
    );
    // The same code in another sign-in: refused.
    const second = await login();
    await verify(second.body.mfaToken, totpCode(secret, now)).expect(401);
    expect(await lastLog('auth.mfa.verify')).toMatchObject({ outcome: 'denied', detail: { method: 'password' } });
    now += 30_000;
    await verify(second.body.mfaToken, totpCode(secret, now)).expect(200);
    expect(await lastLog('auth.mfa.verify')).toMatchObject({ outcome: 'allowed', detail: { factor: 'totp' } });
  });

  it('voids the mfaToken after five wrong codes, which do not count toward the password lockout', async () => {
    const { body } = await login();
    for (let i = 1; i <= 4; i++) {
      expect((await verify(body.mfaToken, '000000').expect(401)).body.tokenVoid).toBe(false);
    }
    expect((await verify(body.mfaToken, 'WRONG-RECOVERY-CODE').expect(401)).body.tokenVoid).toBe(true);
    now += 30_000;
    expect((await verify(body.mfaToken, totpCode(secret, now)).expect(401)).body.type).toBe(
      '/problems/mfa-token-invalid',
    );
    const user = await t.db.query(`SELECT failed_logins, locked_until FROM app_user WHERE id = $1`, [
      demoId(`user:${USER}`),
    ]);
    expect(user.rows[0]).toEqual({ failed_logins: 0, locked_until: null });
    // The password still works: a new sign-in, and the right code.
    const next = await login();
    await verify(next.body.mfaToken, totpCode(secret, now)).expect(200);
  });

  it('accepts each recovery code once, typed loosely', async () => {
    const first = await login();
    await verify(first.body.mfaToken, recoveryCodes[0]).expect(200);
    expect(await lastLog('auth.mfa.verify')).toMatchObject({ outcome: 'allowed', detail: { factor: 'recovery' } });
    const second = await login();
    await verify(second.body.mfaToken, recoveryCodes[0]).expect(401);
    await verify(second.body.mfaToken, recoveryCodes[1].toLowerCase().replace(/-/g, ' ')).expect(200);
  });

  it("lets an administrator of the user's organisation reset the factor; the user enrols again", async () => {
    const id = demoId(`user:${USER}`);
    const reset = (as: string) =>
      bearer(t.http, as).then((authorization) =>
        t.http.post(`${API}/users/${id}/mfa/reset`).set('authorization', authorization),
      );
    expect((await reset('admin@regionjh.demo')).status).toBe(404);
    expect(await lastLog('user.mfa.reset')).toMatchObject({ outcome: 'denied', subject_ids: [id] });
    expect((await reset('elevhalsa@park.demo')).status).toBe(403);
    expect((await reset('admin@ostersund.demo')).status).toBe(204);
    expect(await lastLog('user.mfa.reset')).toMatchObject({
      outcome: 'allowed',
      subject_ids: [id],
      detail: { removed: true },
    });
    // One step again (no role requires a factor here), and the user may enrol anew.
    const after = await login();
    expect(after.body).toHaveProperty('accessToken');
    await t.http.post(`${API}/auth/mfa/totp`).set('authorization', `Bearer ${after.body.accessToken}`).expect(200);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM mfa_recovery_code WHERE user_id = $1`, [id])).rows[0].n,
    ).toBe(0);
  });

  it('refuses enrolment without a valid bearer', async () => {
    await t.http.post(`${API}/auth/mfa/totp`).expect(401);
    await t.http.post(`${API}/auth/mfa/totp`).set('authorization', 'Bearer not-a-token').expect(401);
    await t.http.post(`${API}/auth/mfa/verify`).send({ mfaToken: 'nope', code: '123456' }).expect(401);
    await t.http.post(`${API}/auth/mfa/verify`).send({ code: '123456' }).expect(400);
  });
});

describe('MFA_REQUIRED_ROLES: a role that must have a second factor', () => {
  let t: TestApp;
  let now = T0;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'elevhalsa' });
    t.app.get(MfaClock).now = () => now;
  });
  afterAll(() => t.close());

  const login = (username: string) =>
    t.http.post(`${API}/auth/login`).send({ username, password: DEMO_PASSWORD }).expect(200);

  it('sends a user of that role without a factor to enrolment, with a token good only for enrolling', async () => {
    const first = await login('elevhalsa@park.demo');
    expect(first.body).toEqual({ mfaEnrolmentRequired: true, enrolmentToken: expect.any(String), expiresIn: 900 });
    const enrolment = `Bearer ${first.body.enrolmentToken as string}`;
    // Good for nothing else.
    await t.http.get(`${API}/auth/me`).set('authorization', enrolment).expect(401);
    await t.http.get(`${API}/students`).set('authorization', enrolment).expect(401);

    const started = await t.http.post(`${API}/auth/mfa/totp`).set('authorization', enrolment).expect(200);
    const confirmed = await t.http
      .post(`${API}/auth/mfa/totp/confirm`)
      .set('authorization', enrolment)
      .send({ code: totpCode(started.body.secret as string, now) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    // Enrolling completed the sign-in.
    const session = confirmed.body.session as { accessToken: string };
    const me = await t.http.get(`${API}/auth/me`).set('authorization', `Bearer ${session.accessToken}`).expect(200);
    expect(me.body.username).toBe('elevhalsa@park.demo');
    // The enrolment token is spent.
    await t.http.post(`${API}/auth/mfa/totp`).set('authorization', enrolment).expect(401);
    // From now on: the TOTP step.
    const next = await login('elevhalsa@park.demo');
    expect(next.body).toMatchObject({ mfaRequired: true });
    now += 30_000;
    await t.http
      .post(`${API}/auth/mfa/verify`)
      .send({ mfaToken: next.body.mfaToken, code: totpCode(started.body.secret as string, now) })
      .expect(200);
  });

  it('keeps the one-step login for roles that do not require a factor', async () => {
    expect((await login('mentor@park.demo')).body).toHaveProperty('accessToken');
  });
});
