/** The password sign-in's lockout rules: pure, no database. */

/** Failed passwords in a row that lock the account. */
export const MAX_FAILED_LOGINS = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 24 * 3600;

/**
 * Whether the account may sign in with a password at `now`: it is active, has a password (a new
 * user who has not used a setup code has none) and is not locked.
 */
export function passwordUsable(
  user: { active: boolean; password_hash: string | null; locked_until: Date | string | null } | null,
  now: Date,
): user is { active: true; password_hash: string; locked_until: Date | string | null } {
  return (
    user !== null &&
    user.active &&
    user.password_hash !== null &&
    !(user.locked_until && new Date(user.locked_until) > now)
  );
}

/** What a wrong password does: count it, or (the MAX_FAILED_LOGINS-th in a row) lock the account. */
export type FailedLogin = { count: number } | { lockSeconds: number };

/** 1 minute, then 2, 4, 8 … up to a day: a growing period, reset by a successful login. */
export function afterFailedLogin(user: { failed_logins: number; lockouts: number }): FailedLogin {
  const failures = user.failed_logins + 1;
  if (failures < MAX_FAILED_LOGINS) return { count: failures };
  return { lockSeconds: Math.min(FIRST_LOCK_SECONDS * 2 ** user.lockouts, MAX_LOCK_SECONDS) };
}
