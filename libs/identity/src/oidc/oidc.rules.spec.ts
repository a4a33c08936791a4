import {
  isProviderUnavailable,
  providerCheckedSecondFactor,
  readCookie,
  signInCodePage,
  signInErrorPage,
  userKeyFromClaims,
} from './oidc.rules';

describe('OIDC rules', () => {
  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; narvaroteam_oidc=abc%2D1; b=2', 'narvaroteam_oidc')).toBe('abc-1');
    expect(readCookie('narvaroteam_oidcx=1', 'narvaroteam_oidc')).toBeNull();
    expect(readCookie(undefined, 'narvaroteam_oidc')).toBeNull();
    expect(readCookie('narvaroteam_oidc=%E0%A4%A', 'narvaroteam_oidc')).toBeNull();
  });

  it('names the user by the configured claim, never by an e-mail the provider says is unverified', () => {
    expect(userKeyFromClaims({ email: ' Kim@Example.se ' }, 'email')).toBe('Kim@Example.se');
    expect(userKeyFromClaims({ email: 'kim@example.se', email_verified: true }, 'email')).toBe('kim@example.se');
    expect(userKeyFromClaims({ email: 'kim@example.se', email_verified: false }, 'email')).toBeNull();
    expect(userKeyFromClaims({ upn: 'kim@kommun.se' }, 'upn')).toBe('kim@kommun.se');
    expect(userKeyFromClaims({ email: '' }, 'email')).toBeNull();
    expect(userKeyFromClaims({ email: ['a@b.se'] }, 'email')).toBeNull();
    expect(userKeyFromClaims({}, 'email')).toBeNull();
  });

  it('counts the provider as a second factor only for a configured acr or amr value', () => {
    const accepted = { acr: ['http://id.elegnamnden.se/loa/1.0/loa3'], amr: ['mfa'] };
    expect(providerCheckedSecondFactor({ acr: 'http://id.elegnamnden.se/loa/1.0/loa3' }, accepted)).toBe(true);
    expect(providerCheckedSecondFactor({ amr: ['pwd', 'mfa'] }, accepted)).toBe(true);
    expect(providerCheckedSecondFactor({ amr: ['pwd'], acr: '1' }, accepted)).toBe(false);
    expect(providerCheckedSecondFactor({ amr: 'mfa' }, accepted)).toBe(false);
    expect(providerCheckedSecondFactor({ amr: ['mfa'] }, { acr: [], amr: [] })).toBe(false);
  });

  it('tells an unreachable provider from a refused answer', () => {
    expect(isProviderUnavailable(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe(true);
    expect(isProviderUnavailable(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(true);
    expect(isProviderUnavailable(Object.assign(new Error('bad'), { status: 503 }))).toBe(true);
    expect(isProviderUnavailable(Object.assign(new Error('bad'), { status: 400 }))).toBe(false);
    expect(isProviderUnavailable(new Error('unexpected JWT "nonce" claim value'))).toBe(false);
  });

  it('sends the browser to the web app with a reason or a one-time code in the fragment, never a token', () => {
    expect(signInErrorPage('https://app.se', 'unknown-user')).toBe('https://app.se/logga-in/fel?orsak=unknown-user');
    expect(signInCodePage('https://app.se', 'abc')).toBe('https://app.se/logga-in/kommunens-konto#kod=abc');
  });
});
