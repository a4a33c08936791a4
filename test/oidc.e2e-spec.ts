import { demoId } from '@app/demo';
import { MfaClock, totpCode } from '@app/identity';
import { browseProvider, ProviderLogin, startTestProvider, TestProvider } from './support/oidc-test-provider';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

/** Where the provider sends the browser back; the test calls the app with its path and query. */
const REDIRECT_URL = 'http://narvaro.test/api/v1/auth/oidc/callback';
const WEB = 'http://localhost:3000';
const MENTOR = 'mentor@storsjo.demo';
/** The mentor's e-mail address (demo users have one beside the username): what the provider names. */
let MENTOR_EMAIL = '';

describe('single sign-on through an OpenID provider (a real one, in the test process)', () => {
  let idp: TestProvider;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startTestProvider(REDIRECT_URL);
    t = await createTestApp(idp.env(REDIRECT_URL));
    MENTOR_EMAIL = (
      await t.db.query(`SELECT coalesce(email, username) AS email FROM app_user WHERE username = $1`, [MENTOR])
    ).rows[0].email as string;
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  const person = (email: string, extra: Partial<ProviderLogin> = {}): ProviderLogin => ({
    subject: `sub-${email}`,
    claims: { email, email_verified: true, name: 'Someone' },
    ...extra,
  });

  /** The browser: our login redirect, the provider's sign-in, and the provider's redirect back. */
  async function throughProvider(login: ProviderLogin) {
    idp.nextLogin = login;
    const start = await t.http.get(`${API}/auth/oidc/login`).expect(302);
    const authorization = new URL(start.headers.location as string);
    const cookie = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('narvaroteam_oidc='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const browserCookie = cookie!.split(';')[0];
    const back = await browseProvider(authorization.href, REDIRECT_URL);
    return { authorization, back, browserCookie };
  }

  /** The provider's redirect back, as the browser sends it to us. */
  const callback = (back: URL, cookie?: string) => {
    const request = t.http.get(`${back.pathname}${back.search}`);
    return cookie ? request.set('cookie', cookie) : request;
  };

  /** The whole flow; returns where our callback sends the browser. */
  async function signIn(login: ProviderLogin): Promise<URL> {
    const { back, browserCookie } = await throughProvider(login);
    const answer = await callback(back, browserCookie).expect(302);
    return new URL(answer.headers.location as string);
  }

  const codeOf = (landing: URL) => new URLSearchParams(landing.hash.slice(1)).get('kod')!;
  const exchange = (code: string) => t.http.post(`${API}/auth/oidc/exchange`).send({ code });
  const lastLog = async (action: string) =>
    (
      await t.db.query(
        `SELECT user_id, subject_ids, outcome, detail FROM access_log WHERE action = $1 ORDER BY id DESC LIMIT 1`,
        [action],
      )
    ).rows[0];

  it('says whether single sign-on is configured', async () => {
    expect((await t.http.get(`${API}/auth/oidc`).expect(200)).body).toEqual({ enabled: true });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const start = await t.http.get(`${API}/auth/oidc/login`).expect(302);
    const url = new URL(start.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    const params = url.searchParams;
    expect(params.get('client_id')).toBe(idp.clientId);
    expect(params.get('redirect_uri')).toBe(REDIRECT_URL);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toContain('openid');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    // The provider takes the claims parameter: asked to say how it authenticated.
    expect(JSON.parse(params.get('claims')!)).toEqual({ id_token: { acr: null, amr: null } });
    // Nothing secret in the URL: the verifier stays with us.
    expect(url.href).not.toContain('code_verifier');
  });

  it('signs a pre-provisioned user in: a one-time code for the web app, exchanged once for our tokens', async () => {
    const landing = await signIn(person(MENTOR_EMAIL));
    expect(`${landing.origin}${landing.pathname}`).toBe(`${WEB}/logga-in/kommunens-konto`);
    // No token in the URL: only a one-time code, in the fragment (never sent to a server).
    expect(landing.search).toBe('');
    const code = codeOf(landing);
    expect(code).toMatch(/^[\w-]{43}$/);
    const tokens = await exchange(code).expect(200);
    expect(tokens.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await t.http.get(`${API}/auth/me`).set('authorization', `Bearer ${tokens.body.accessToken}`).expect(200);
    expect(me.body.id).toBe(demoId(`user:${MENTOR}`));
    // Once only.
    const again = await exchange(code).expect(401);
    expect(again.body).toMatchObject({ type: '/problems/sign-in-code-invalid', status: 401 });
    expect(await lastLog('auth.oidc.login')).toMatchObject({
      user_id: demoId(`user:${MENTOR}`),
      subject_ids: [demoId(`user:${MENTOR}`)],
      outcome: 'allowed',
    });
    expect(await lastLog('auth.oidc.exchange')).toMatchObject({ outcome: 'denied' });
  });

  it('finds the user by their e-mail address where it differs from the username', async () => {
    const landing = await signIn(person('ELEVHALSA.storsjo@demo.narvaroteam.se'));
    const tokens = await exchange(codeOf(landing)).expect(200);
    const me = await t.http.get(`${API}/auth/me`).set('authorization', `Bearer ${tokens.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('elevhalsa@storsjo.demo');
  });

  it("creates no account for an unknown user: the web app's error page, and the failure logged", async () => {
    const users = (await t.db.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n as number;
    const landing = await signIn(person('stranger@ostersund.se'));
    expect(landing.href).toBe(`${WEB}/logga-in/fel?orsak=unknown-user`);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n).toBe(users);
    const log = await lastLog('auth.oidc.login');
    expect(log).toMatchObject({ user_id: null, outcome: 'denied', detail: { reason: 'unknown-user' } });
    // The provider's claims (an e-mail address) never reach the log.
    expect(JSON.stringify(log)).not.toContain('stranger');
  });

  it('refuses a deactivated user', async () => {
    const admin = await bearer(t.http, 'admin@ostersund.demo');
    const created = await t.http
      .post(`${API}/users`)
      .set('authorization', admin)
      .send({
        username: 'slutat@ostersund.demo',
        displayName: 'Slutat Konto',
        agencyId: demoId('agency:soc'),
        roles: ['agency_worker'],
      });
    expect(created.status).toBe(201);
    // Pre-provisioned, no password ever set: single sign-on works for such an account …
    const landing = await signIn(person('slutat@ostersund.demo'));
    await exchange(codeOf(landing)).expect(200);
    // … until it is deactivated.
    await t.http.post(`${API}/users/${created.body.id}/deactivate`).set('authorization', admin).expect(200);
    expect((await signIn(person('slutat@ostersund.demo'))).href).toBe(`${WEB}/logga-in/fel?orsak=deactivated`);
    expect(await lastLog('auth.oidc.login')).toMatchObject({
      user_id: created.body.id,
      outcome: 'denied',
      detail: { reason: 'deactivated' },
    });
  });

  it('refuses an e-mail the provider says is unverified', async () => {
    const landing = await signIn({ subject: 'x', claims: { email: MENTOR_EMAIL, email_verified: false } });
    expect(landing.href).toBe(`${WEB}/logga-in/fel?orsak=failed`);
  });

  it('refuses a callback with a wrong or replayed state, or from another browser', async () => {
    const { back, browserCookie } = await throughProvider(person(MENTOR_EMAIL));
    const wrongState = new URL(back);
    wrongState.searchParams.set('state', 'not-the-state-we-sent');
    expect((await callback(wrongState, browserCookie).expect(302)).headers.location).toBe(
      `${WEB}/logga-in/fel?orsak=failed`,
    );
    // Another browser (no cookie, or another sign-in's cookie): login CSRF is refused, and the
    // sign-in is spent.
    expect((await callback(back).expect(302)).headers.location).toBe(`${WEB}/logga-in/fel?orsak=failed`);
    expect((await callback(back, browserCookie).expect(302)).headers.location).toBe(`${WEB}/logga-in/fel?orsak=failed`);
    expect(await lastLog('auth.oidc.login')).toMatchObject({
      outcome: 'denied',
      detail: { reason: 'failed', step: 'state' },
    });

    const second = await throughProvider(person(MENTOR_EMAIL));
    expect((await callback(second.back, browserCookie).expect(302)).headers.location).toBe(
      `${WEB}/logga-in/fel?orsak=failed`,
    );
    expect(await lastLog('auth.oidc.login')).toMatchObject({ detail: { reason: 'failed', step: 'browser' } });
  });

  it("refuses a code used twice: the provider's authorization code and our callback work once", async () => {
    const { back, browserCookie } = await throughProvider(person(MENTOR_EMAIL));
    expect((await callback(back, browserCookie).expect(302)).headers.location).toContain(
      '/logga-in/kommunens-konto#kod=',
    );
    expect((await callback(back, browserCookie).expect(302)).headers.location).toBe(`${WEB}/logga-in/fel?orsak=failed`);
  });

  describe('checks the ID token', () => {
    afterEach(() => {
      idp.tampering = null;
    });
    const now = () => Math.floor(Date.now() / 1000);

    it.each([
      ['a wrong nonce', { resign: (c: Record<string, unknown>) => ({ ...c, nonce: 'another-nonce' }) }],
      ['a wrong issuer', { resign: (c: Record<string, unknown>) => ({ ...c, iss: 'http://evil.example' }) }],
      ['a wrong audience', { resign: (c: Record<string, unknown>) => ({ ...c, aud: 'another-client' }) }],
      ['an expired token', { resign: (c: Record<string, unknown>) => ({ ...c, iat: now() - 3600, exp: now() - 600 }) }],
      [
        'a tampered token (claims changed, signature not)',
        { alter: (c: Record<string, unknown>) => ({ ...c, email: 'rektor@storsjo.demo' }) },
      ],
      ["a token signed by a key not in the provider's JWKS", { foreignKey: true as const }],
    ])('refuses %s', async (_, tampering) => {
      idp.tampering = tampering;
      const landing = await signIn(person(MENTOR_EMAIL));
      expect(landing.href).toBe(`${WEB}/logga-in/fel?orsak=failed`);
      expect(await lastLog('auth.oidc.login')).toMatchObject({
        user_id: null,
        outcome: 'denied',
        detail: { reason: 'failed', step: 'token' },
      });
    });

    it('accepts the untouched token again afterwards (the refusals were the tampering)', async () => {
      await exchange(codeOf(await signIn(person(MENTOR_EMAIL)))).expect(200);
    });
  });

  it('says so when the user cancels at the provider', async () => {
    const { back, browserCookie } = await throughProvider(person(MENTOR_EMAIL));
    const cancelled = new URL(REDIRECT_URL);
    cancelled.search = new URLSearchParams({
      error: 'access_denied',
      state: back.searchParams.get('state')!,
      iss: idp.issuer,
    }).toString();
    expect((await callback(cancelled, browserCookie).expect(302)).headers.location).toBe(
      `${WEB}/logga-in/fel?orsak=cancelled`,
    );
  });

  it('sends the browser to the error page when the provider is down at the code exchange', async () => {
    const { back, browserCookie } = await throughProvider(person(MENTOR_EMAIL));
    await idp.pause();
    try {
      expect((await callback(back, browserCookie).expect(302)).headers.location).toBe(
        `${WEB}/logga-in/fel?orsak=provider-unavailable`,
      );
      expect(await lastLog('auth.oidc.login')).toMatchObject({ detail: { reason: 'provider-unavailable' } });
    } finally {
      await idp.resume();
    }
  });

  it('asks a user with a second factor for the TOTP code unless the provider says it checked one (amr)', async () => {
    let now = Math.floor(Date.now() / 30_000) * 30_000;
    t.app.get(MfaClock).now = () => now;
    const first = await exchange(codeOf(await signIn(person(MENTOR_EMAIL)))).expect(200);
    const authorization = `Bearer ${first.body.accessToken as string}`;
    const { secret } = (await t.http.post(`${API}/auth/mfa/totp`).set('authorization', authorization).expect(200))
      .body as { secret: string };
    await t.http
      .post(`${API}/auth/mfa/totp/confirm`)
      .set('authorization', authorization)
      .send({ code: totpCode(secret, now) })
      .expect(200);

    const withoutMfa = await exchange(codeOf(await signIn(person(MENTOR_EMAIL, { amr: ['pwd'] })))).expect(200);
    expect(withoutMfa.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String), expiresIn: 300 });
    now += 30_000;
    await t.http
      .post(`${API}/auth/mfa/verify`)
      .send({ mfaToken: withoutMfa.body.mfaToken, code: totpCode(secret, now) })
      .expect(200);
    expect(
      (await t.db.query(`SELECT detail FROM access_log WHERE action = 'auth.mfa.verify' ORDER BY id DESC LIMIT 1`))
        .rows[0].detail,
    ).toMatchObject({ method: 'oidc', factor: 'totp' });

    const withMfa = await exchange(codeOf(await signIn(person(MENTOR_EMAIL, { amr: ['pwd', 'mfa'] })))).expect(200);
    expect(withMfa.body).toHaveProperty('accessToken');
    // Reset, so the tests after this one sign in in one step again.
    await t.http
      .post(`${API}/users/${demoId(`user:${MENTOR}`)}/mfa/reset`)
      .set('authorization', await bearer(t.http, 'admin@ostersund.demo'))
      .expect(204);
  });

  it('validates the exchange body and refuses an unknown code with a problem', async () => {
    const missing = await t.http.post(`${API}/auth/oidc/exchange`).send({}).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('code');
    const unknown = await exchange('no-such-code').expect(401);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('single sign-on: configuration and an unreachable provider', () => {
  it('is absent (404) when not configured', async () => {
    const t = await createTestApp();
    try {
      expect((await t.http.get(`${API}/auth/oidc`).expect(200)).body).toEqual({ enabled: false });
      const login = await t.http.get(`${API}/auth/oidc/login`).expect(404);
      expect(login.body).toMatchObject({ type: '/problems/oidc-not-configured' });
      await t.http.post(`${API}/auth/oidc/exchange`).send({ code: 'x' }).expect(404);
    } finally {
      await t.close();
    }
  });

  it('sends the browser to the error page when the provider cannot be reached at all', async () => {
    const idp = await startTestProvider(REDIRECT_URL);
    const env = idp.env(REDIRECT_URL);
    await idp.close();
    const t = await createTestApp(env);
    try {
      const start = await t.http.get(`${API}/auth/oidc/login`).expect(302);
      expect(start.headers.location).toBe(`${WEB}/logga-in/fel?orsak=provider-unavailable`);
      const log = await t.db.query(
        `SELECT outcome, detail FROM access_log WHERE action = 'auth.oidc.login' ORDER BY id DESC LIMIT 1`,
      );
      expect(log.rows[0]).toMatchObject({
        outcome: 'denied',
        detail: { reason: 'provider-unavailable', step: 'start' },
      });
    } finally {
      await t.close();
    }
  });
});
