// The session: the access token in memory, the refresh token in sessionStorage, one refresh on
// 401. Every call to the API goes through `sessionFetch`: the generated client (client.ts) and the
// few raw requests it cannot make (a CSV export, a printable HTML page).

import { ApiError } from './problem';

export const API_BASE = '/api/v1';
const REFRESH_KEY = 'narvaroteam.refresh';
// Set when the session ran out, so a reload of the tab still tells why the login page is shown.
const EXPIRED_KEY = 'narvaroteam.expired';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

// The access token never leaves memory; the refresh token lives in sessionStorage so a reload
// of the tab keeps the session and closing the tab ends it.
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const expiredListeners = new Set<() => void>();

export function setTokens(pair: TokenPair | null): void {
  accessToken = pair?.accessToken ?? null;
  if (pair) {
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
    sessionStorage.removeItem(EXPIRED_KEY);
  } else sessionStorage.removeItem(REFRESH_KEY);
}

/** True after the session ran out in this tab, until the next sign-in or logout. */
export function sessionHasExpired(): boolean {
  return sessionStorage.getItem(EXPIRED_KEY) !== null;
}

/** After logging out the login page says nothing of a session that ran out. */
export function forgetExpiry(): void {
  sessionStorage.removeItem(EXPIRED_KEY);
}

export function hasStoredSession(): boolean {
  return accessToken !== null || sessionStorage.getItem(REFRESH_KEY) !== null;
}

/** Called when the session can no longer be refreshed (the app then shows the login page). */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** Ends a session that can no longer be refreshed; the login page then says it ran out. */
export function sessionExpired(): void {
  setTokens(null);
  sessionStorage.setItem(EXPIRED_KEY, '1');
  expiredListeners.forEach((listener) => listener());
}

// A second tab opened from this one starts with a copy of its sessionStorage: the same refresh
// token. Each refresh token works once (a second use ends the whole login: reuse detection), so
// the tabs of one login take turns (a Web Lock) and a tab that rotated the token tells the others
// (BroadcastChannel): a tab still holding the token just used adopts the new pair. A tab of
// another login holds another token and ignores the message.
const sessionChannel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('narvaroteam.session') : null;
sessionChannel?.addEventListener('message', (event: MessageEvent<{ used?: string; pair?: TokenPair }>) => {
  const { used, pair } = event.data ?? {};
  if (used && pair && sessionStorage.getItem(REFRESH_KEY) === used) setTokens(pair);
});

function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('narvaroteam.refresh', work)
    : work();
}

export async function refreshSession(): Promise<boolean> {
  const before = sessionStorage.getItem(REFRESH_KEY);
  if (!before) return false;
  // Several requests failing at once share one refresh: a refresh token works only once.
  refreshing ??= withRefreshLock(async () => {
    // Another tab may have rotated our token while we waited: then we hold its new pair already.
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    if (refreshToken !== before && accessToken) return true;
    try {
      const response = await fetch(`${API_BASE}/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!response.ok) {
        setTokens(null);
        return false;
      }
      const pair = (await response.json()) as TokenPair;
      setTokens(pair);
      sessionChannel?.postMessage({ used: refreshToken, pair });
      return true;
    } catch {
      return false;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function isAuthPath(url: string): boolean {
  return new URL(url, location.origin).pathname.startsWith(`${API_BASE}/auth/`);
}

/**
 * fetch with the session: the access token, one refresh and a second try on 401, and the app told
 * when the session has run out. The generated client (client.ts) sends every request through it;
 * a network failure is an ApiError with status 0.
 */
export async function sessionFetch(request: Request): Promise<Response> {
  const isAuth = isAuthPath(request.url);
  const withToken = (r: Request) => {
    const copy = new Request(r);
    // A request with its own bearer (an enrolment token before the sign-in) keeps it.
    if (accessToken && !copy.headers.has('Authorization')) copy.headers.set('Authorization', `Bearer ${accessToken}`);
    return copy;
  };
  // Kept for a second try: a request's body can be read once.
  const retry = request.clone();
  let response: Response;
  try {
    response = await fetch(withToken(request));
    if (response.status === 401 && !isAuth && (await refreshSession())) response = await fetch(withToken(retry));
  } catch {
    throw new ApiError({ status: 0, title: 'network' });
  }
  if (response.status === 401 && !isAuth) sessionExpired();
  return response;
}

/** The Authorization header of the session, for the one request that cannot go through fetch (an upload with progress). */
export function authorizationHeader(): Record<string, string> {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}

/**
 * A request that cannot go through fetch (XMLHttpRequest for upload progress) sent with the
 * session: `send` is called with the Authorization header, once more after a refresh on 401, and
 * the app is told when the session has run out.
 */
export async function withSession<T extends { status: number }>(
  send: (headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  let result = await send(authorizationHeader());
  if (result.status === 401 && (await refreshSession())) result = await send(authorizationHeader());
  if (result.status === 401) sessionExpired();
  return result;
}
