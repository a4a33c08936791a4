import { afterFailedLogin, MAX_FAILED_LOGINS, passwordUsable } from './auth.rules';

describe('password sign-in rules', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const user = { active: true, password_hash: '$argon2id$…', locked_until: null };

  it('lets an active account with a password and no lock sign in', () => {
    expect(passwordUsable(user, now)).toBe(true);
    expect(passwordUsable({ ...user, locked_until: new Date('2026-03-02T09:59:59Z') }, now)).toBe(true);
  });

  it('refuses no account, a deactivated one, one without a password and a locked one', () => {
    expect(passwordUsable(null, now)).toBe(false);
    expect(passwordUsable({ ...user, active: false }, now)).toBe(false);
    expect(passwordUsable({ ...user, password_hash: null }, now)).toBe(false);
    expect(passwordUsable({ ...user, locked_until: new Date('2026-03-02T10:00:01Z') }, now)).toBe(false);
    expect(passwordUsable({ ...user, locked_until: '2026-03-02T10:05:00Z' }, now)).toBe(false);
  });

  it('counts failures until the last allowed, then locks for a growing period up to a day', () => {
    expect(afterFailedLogin({ failed_logins: 0, lockouts: 0 })).toEqual({ count: 1 });
    expect(afterFailedLogin({ failed_logins: MAX_FAILED_LOGINS - 2, lockouts: 3 })).toEqual({
      count: MAX_FAILED_LOGINS - 1,
    });
    expect(afterFailedLogin({ failed_logins: MAX_FAILED_LOGINS - 1, lockouts: 0 })).toEqual({ lockSeconds: 60 });
    expect(afterFailedLogin({ failed_logins: MAX_FAILED_LOGINS - 1, lockouts: 1 })).toEqual({ lockSeconds: 120 });
    expect(afterFailedLogin({ failed_logins: MAX_FAILED_LOGINS - 1, lockouts: 3 })).toEqual({ lockSeconds: 480 });
    expect(afterFailedLogin({ failed_logins: MAX_FAILED_LOGINS - 1, lockouts: 20 })).toEqual({ lockSeconds: 86_400 });
  });
});
