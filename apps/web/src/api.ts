// The old hand-written API layer, kept only for the screens not yet on the generated client
// (client.ts) and the query layer (query.ts); it goes when they have moved. The session lives in
// session-fetch.ts and problem details in problem.ts: the names below are re-exported from there.

import { responseError } from './problem';
import { API_BASE, sessionFetch } from './session-fetch';

export { ApiError, toApiError } from './problem';
export type { FieldProblem, Problem } from './problem';
export { API_BASE, authorizationHeader, refreshSession, sessionFetch } from './session-fetch';
export type { TokenPair } from './session-fetch';

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
  const response = await sessionFetch(
    new Request(`${window.location.origin}${API_BASE}${path}`, {
      method,
      headers: {
        Accept: options.text ? 'text/html' : 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    }),
  );
  if (!response.ok) throw await responseError(response);
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
