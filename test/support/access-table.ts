import TestAgent from 'supertest/lib/agent';
import { DEMO_USERS } from '@app/demo';
import { API, bearer } from './test-app';

/** Every demo user (every role × agency combination of the demo) and nobody at all. */
export const CALLERS = [...DEMO_USERS.map((u) => u.username), 'anonymous'] as const;
export type CallerName = (typeof CALLERS)[number];

export interface AccessRow<C> {
  /** `METHOD /path` as declared (without /api/v1); the route list test checks every route has a row. */
  route: string;
  /** The concrete request: path (with ids filled in) and body, built per caller. */
  request: (ctx: C, caller: CallerName) => { path: string; body?: object; headers?: Record<string, string> };
  /** The status each caller must get. Start from a helper like `only(...)` and override. */
  expect: (caller: CallerName) => number;
  /** Log in anew for this row (for routes that end the session). */
  freshLogin?: boolean;
}

/** `ok` for the named callers, 401 for anonymous, `otherwise` for everyone else. */
export function only(callers: string[], ok: number, otherwise = 403, overrides: Record<string, number> = {}) {
  return (caller: CallerName) =>
    overrides[caller] ?? (caller === 'anonymous' ? 401 : callers.includes(caller) ? ok : otherwise);
}

export const everyone = (ok: number) =>
  only(
    DEMO_USERS.map((u) => u.username),
    ok,
  );
export const ADMINS = ['admin@ostersund.demo', 'admin@regionjh.demo'];

export async function tokensFor(http: TestAgent): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const user of DEMO_USERS) tokens.set(user.username, await bearer(http, user.username));
  return tokens;
}

/** Sends one row's request as one caller and returns the status. */
export async function send<C>(
  http: TestAgent,
  tokens: Map<string, string>,
  row: AccessRow<C>,
  ctx: C,
  caller: CallerName,
): Promise<number> {
  const [method, routePath] = row.route.split(' ');
  const { path, body, headers } = row.request(ctx, caller);
  if (!routePath) throw new Error(`bad route ${row.route}`);
  let req = http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](`${API}${path}`);
  if (caller !== 'anonymous') {
    const auth = row.freshLogin ? await bearer(http, caller) : tokens.get(caller);
    req = req.set('authorization', auth!);
  }
  for (const [name, value] of Object.entries(headers ?? {})) req = req.set(name, value);
  if (body) req = req.send(body);
  return (await req).status;
}

/**
 * One domain's rows of the access table: the context its rows need (made once, as the demo
 * admin or others), the rows, and the permission each of its routes declares (`METHOD /path → permission`).
 */
export interface AccessGroup<C> {
  name: string;
  setup: (t: import('./test-app').TestApp, tokens: Map<string, string>) => Promise<C>;
  rows: AccessRow<C>[];
  permissions: string[];
}
