import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { queryClient } from './query';
import { client, data, Schemas } from './client';
import { ApiError } from './problem';
import {
  forgetExpiry,
  hasStoredSession,
  onSessionExpired,
  refreshSession,
  sessionExpired,
  sessionHasExpired,
  setTokens,
} from './session-fetch';

export type Me = Schemas['MeDto'];

interface Session {
  status: 'loading' | 'anonymous' | 'signed-in';
  me: Me | null;
  /** True after the session ran out (not after logging out): the login page says so. */
  expired: boolean;
  /** Null once signed in; otherwise the second factor's step that must follow. */
  login(username: string, password: string): Promise<SignInStep | null>;
  /** After a first factor (password, single sign-on) or the second: signs in, or returns the next step. */
  completeSignIn(result: SignInResult): Promise<SignInStep | null>;
  logout(): Promise<void>;
  hasRole(...roles: string[]): boolean;
}

/** What POST /auth/login and POST /auth/oidc/exchange answer. */
export type SignInResult = Schemas['TokenPairDto'] | Schemas['MfaRequiredDto'] | Schemas['MfaEnrolmentRequiredDto'];

/** The step between the first factor and the session. */
export type SignInStep = { kind: 'code'; mfaToken: string } | { kind: 'enrol'; enrolmentToken: string };

const SessionContext = createContext<Session | null>(null);
const DRAFT_PREFIX = 'narvaroteam.draft.';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>(hasStoredSession() ? 'loading' : 'anonymous');
  const [me, setMe] = useState<Me | null>(null);
  // A reload after the session ran out (on another request, in this tab) still says so.
  const [expired, setExpired] = useState(sessionHasExpired);

  useEffect(() => {
    // A reload keeps the refresh token (sessionStorage): trade it for a new access token.
    if (status !== 'loading') return;
    void (async () => {
      if ((await refreshSession()) && (await loadMe())) return;
      sessionExpired();
    })();
  }, []);

  useEffect(
    () =>
      onSessionExpired(() => {
        setMe(null);
        setExpired(true);
        setStatus('anonymous');
      }),
    [],
  );

  async function loadMe(): Promise<Me | null> {
    try {
      const signedIn = await data(client.GET('/api/v1/auth/me'));
      setMe(signedIn);
      setStatus('signed-in');
      return signedIn;
    } catch {
      return null;
    }
  }

  const completeSignIn = useCallback(async (result: SignInResult): Promise<SignInStep | null> => {
    if ('mfaRequired' in result) return { kind: 'code', mfaToken: result.mfaToken };
    if ('mfaEnrolmentRequired' in result) return { kind: 'enrol', enrolmentToken: result.enrolmentToken };
    setTokens(result);
    setExpired(false);
    // Nothing read as someone else stays in the cache.
    queryClient.clear();
    const signedIn = await loadMe();
    if (!signedIn) throw new ApiError({ status: 500 });
    // Someone else logging in on this tab after a session ran out does not get the drafts left behind.
    clearDrafts(signedIn.id);
    return null;
  }, []);

  const login = useCallback(
    async (username: string, password: string) =>
      completeSignIn(await data(client.POST('/api/v1/auth/login', { body: { username, password } }))),
    [completeSignIn],
  );

  const logout = useCallback(async () => {
    try {
      await data(client.POST('/api/v1/auth/logout'));
    } catch {
      // Already logged out on the server: nothing more to end.
    }
    setTokens(null);
    forgetExpiry();
    clearDrafts();
    queryClient.clear();
    setMe(null);
    setExpired(false);
    setStatus('anonymous');
  }, []);

  const value = useMemo<Session>(
    () => ({
      status,
      me,
      expired,
      login,
      completeSignIn,
      logout,
      hasRole: (...roles) => !!me && me.roles.some((role) => roles.includes(role)),
    }),
    [status, me, expired, login, completeSignIn, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/**
 * A form field's text kept in sessionStorage until it is sent, so that a session that runs out
 * in the middle of typing loses nothing: after logging in again the text is back.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void, () => void] {
  const { me } = useSession();
  // Per user: a draft is only ever given back to the person who typed it.
  const storageKey = `${DRAFT_PREFIX}${me?.id ?? 'anonymous'}.${key}`;
  const [value, setValue] = useState(() => sessionStorage.getItem(storageKey) ?? initial);
  const update = useCallback(
    (next: string) => {
      setValue(next);
      sessionStorage.setItem(storageKey, next);
    },
    [storageKey],
  );
  const clear = useCallback(() => {
    setValue(initial);
    sessionStorage.removeItem(storageKey);
  }, [storageKey, initial]);
  return [value, update, clear];
}

/** Removes the drafts kept in this tab, except those of `keepUserId`. */
function clearDrafts(keepUserId?: string): void {
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith(DRAFT_PREFIX) && !(keepUserId && key.startsWith(`${DRAFT_PREFIX}${keepUserId}.`)))
      sessionStorage.removeItem(key);
}
