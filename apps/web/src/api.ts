// One way to talk to the API: JSON in and out, the access token in memory, one refresh on 401,
// RFC 9457 problem details turned into ApiError.

export const API_BASE = '/api/v1';
const REFRESH_KEY = 'narvaroteam.refresh';

export interface FieldProblem {
  field: string;
  /** Machine-readable (see problem-texts.ts); older stored import reports may lack it. */
  code?: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

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
  if (pair) sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  else sessionStorage.removeItem(REFRESH_KEY);
}

export function hasStoredSession(): boolean {
  return accessToken !== null || sessionStorage.getItem(REFRESH_KEY) !== null;
}

/** Called when the session can no longer be refreshed (the app then shows the login page). */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
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

/**
 * fetch with the session: the access token, one refresh and a second try on 401, and the app told
 * when the session has run out. The generated client (client.ts) sends every request through it.
 */
export async function sessionFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const isAuth = path.startsWith(`${API_BASE}/auth/`);
  const withToken = (r: Request) => {
    const copy = new Request(r);
    if (accessToken) copy.headers.set('Authorization', `Bearer ${accessToken}`);
    return copy;
  };
  // Kept for a second try: a request's body can be read once.
  const retry = request.clone();
  let response = await fetch(withToken(request));
  if (response.status === 401 && !isAuth && (await refreshSession())) response = await fetch(withToken(retry));
  if (response.status === 401 && !isAuth) {
    setTokens(null);
    expiredListeners.forEach((listener) => listener());
  }
  return response;
}

/** The Authorization header of the session, for the one request that cannot go through fetch (an upload with progress). */
export function authorizationHeader(): Record<string, string> {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}

/** A failed answer as ApiError: the problem document, or just the status when it has none. */
export function toApiError(status: number, body: unknown): ApiError {
  const problem = body && typeof body === 'object' ? (body as Problem) : {};
  return new ApiError({ ...problem, status } as Problem);
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Plain text instead of JSON (e.g. the printable plan). */
  text?: boolean;
}

async function send<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const run = () =>
    fetch(`${API_BASE}${path}`, {
      method,
      headers: {
        Accept: options.text ? 'text/html' : 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
        ...options.headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });

  let response: Response;
  try {
    response = await run();
    if (response.status === 401 && !path.startsWith('/auth/') && (await refreshSession())) response = await run();
  } catch {
    throw new ApiError({ status: 0, title: 'network' });
  }
  if (response.status === 401 && !path.startsWith('/auth/')) {
    setTokens(null);
    expiredListeners.forEach((listener) => listener());
  }
  if (!response.ok) {
    let problem: Problem = { status: response.status };
    try {
      problem = { ...((await response.json()) as Problem), status: response.status };
    } catch {
      // Not a problem document (a proxy error page): the status says enough.
    }
    throw new ApiError(problem);
  }
  const data = (
    response.status === 204 ? undefined : options.text ? await response.text() : await response.json()
  ) as T;
  return { data, etag: response.headers.get('ETag'), status: response.status };
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => send<T>('GET', path, undefined, options).then((r) => r.data),
  getWithEtag: <T>(path: string, options?: RequestOptions) => send<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) =>
    send<T>('POST', path, body, options).then((r) => r.data),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    send<T>('PUT', path, body, options).then((r) => r.data),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    send<T>('PATCH', path, body, options).then((r) => r.data),
  /** The whole response (ETag included), for the plan's optimistic locking. */
  send,
};

/** A list page as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
