import { guardedRequest, GuardedResponse, PrivateAddressError, Resolver } from './guarded-http';

/** How a source authenticates, with its secret decrypted (only in memory, only during a run). */
export type SourceAuth =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'oauth2_client_credentials'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

export interface ClientOptions {
  baseUrl: string;
  auth: SourceAuth;
  /**
   * Production: every connection's address must be public, checked by the socket's own DNS lookup
   * (so the address checked is the address used: no DNS rebinding between check and connect).
   */
  production: boolean;
  /** The DNS resolution (tests). */
  resolver?: Resolver;
  /** Retries of a 429, a 5xx or a dropped connection before the request fails (default 5). */
  maxRetries?: number;
  /** Back-off before retry n is `retryBaseMs × 2^n` (capped at 30 s), unless `Retry-After` says otherwise. */
  retryBaseMs?: number;
  /** Longest `Retry-After` honoured, in seconds (default 120). */
  maxRetryAfterSeconds?: number;
}

/** A page of an SS 12000 listing: the raw text (for the streaming import) and the parsed body. */
export interface Ss12000Page {
  text: string;
  body: { data: unknown; pageToken?: string | null };
  pageToken: string | null;
}

/** A request that failed for good: after the retries, or refused. `reason` names no personal data. */
export class Ss12000RequestError extends Error {
  constructor(
    readonly reason: string,
    readonly status: number | null,
  ) {
    super(reason);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `Retry-After` as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * An SS 12000 v2.1 API client: `GET` listings with `limit`/`pageToken`, auth none, bearer or OAuth 2
 * client credentials (the token fetched, renewed before it expires and once more on a 401), and
 * retries with back-off on 429 and 5xx (honouring `Retry-After`).
 */
export class Ss12000Client {
  private token: { value: string; expiresAt: number } | null = null;
  requests = 0;

  constructor(private readonly options: ClientOptions) {}

  /** One page of a listing. `query` values that are undefined are left out. */
  async page(path: string, query: Record<string, string | string[] | number | undefined>): Promise<Ss12000Page> {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query)) {
      // An array parameter is repeated (OpenAPI's default form style, explode).
      for (const one of Array.isArray(v) ? v : [v]) {
        if (one !== undefined && one !== '') url.searchParams.append(k, String(one));
      }
    }
    const text = await this.get(url);
    let body: Ss12000Page['body'];
    try {
      body = JSON.parse(text) as Ss12000Page['body'];
    } catch {
      throw new Ss12000RequestError(`${path}: the answer is not JSON`, 200);
    }
    if (!body || typeof body !== 'object' || !('data' in body)) {
      throw new Ss12000RequestError(`${path}: the answer has no data`, 200);
    }
    const token = body.pageToken;
    return { text, body, pageToken: typeof token === 'string' && token !== '' ? token : null };
  }

  private async get(url: URL): Promise<string> {
    const maxRetries = this.options.maxRetries ?? 5;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      let response: GuardedResponse;
      try {
        const headers: Record<string, string> = { accept: 'application/json' };
        const auth = await this.authorization();
        if (auth) headers.authorization = auth;
        this.requests++;
        response = await this.send(url, { method: 'GET', headers, timeoutMs: 60_000 });
      } catch (error) {
        if (error instanceof Ss12000RequestError) throw error;
        if (attempt >= maxRetries) {
          throw new Ss12000RequestError(`${url.pathname}: no answer after ${attempt + 1} attempts`, null);
        }
        await sleep(this.backoff(attempt, null));
        continue;
      }
      if (response.ok) return response.text();
      response.discard();
      if (response.status === 401 && this.options.auth.type === 'oauth2_client_credentials' && !renewed) {
        // The token expired early (or was revoked): fetch a new one, once per request.
        this.token = null;
        renewed = true;
        attempt--;
        continue;
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= maxRetries) {
        throw new Ss12000RequestError(
          `${url.pathname}: HTTP ${response.status}${retryable ? ` after ${attempt + 1} attempts` : ''}`,
          response.status,
        );
      }
      await sleep(this.backoff(attempt, response.header('retry-after')));
    }
  }

  private backoff(attempt: number, retryAfter: string | null): number {
    const said = retryAfterMs(retryAfter);
    if (said !== null) return Math.min(said, (this.options.maxRetryAfterSeconds ?? 120) * 1000);
    return Math.min((this.options.retryBaseMs ?? 500) * 2 ** attempt, 30_000);
  }

  private async authorization(): Promise<string | null> {
    const auth = this.options.auth;
    if (auth.type === 'none') return null;
    if (auth.type === 'bearer') return `Bearer ${auth.token}`;
    // Renewed 30 s before it expires, so a long sync never sends an expired token on purpose.
    if (!this.token || this.token.expiresAt - 30_000 <= Date.now()) this.token = await this.fetchToken(auth);
    return `Bearer ${this.token.value}`;
  }

  private async fetchToken(auth: Extract<SourceAuth, { type: 'oauth2_client_credentials' }>) {
    const url = new URL(auth.tokenUrl);
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) form.set('scope', auth.scope);
    const basic = Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`);
    let response: GuardedResponse;
    try {
      response = await this.send(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          authorization: `Basic ${basic.toString('base64')}`,
        },
        body: form.toString(),
        timeoutMs: 30_000,
      });
    } catch (error) {
      if (error instanceof Ss12000RequestError) throw error;
      throw new Ss12000RequestError('token endpoint: no answer', null);
    }
    if (!response.ok) {
      response.discard();
      throw new Ss12000RequestError(`token endpoint: HTTP ${response.status}`, response.status);
    }
    const body = (await response
      .text()
      .then((t) => JSON.parse(t) as unknown)
      .catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!body || typeof body.access_token !== 'string') {
      throw new Ss12000RequestError('token endpoint: no access_token in the answer', response.status);
    }
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    return { value: body.access_token, expiresAt: Date.now() + seconds * 1000 };
  }

  /** One request; a connection refused for its address fails for good (no retry). */
  private async send(
    url: URL,
    r: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; timeoutMs: number },
  ): Promise<GuardedResponse> {
    try {
      return await guardedRequest(url, { ...r, production: this.options.production, resolver: this.options.resolver });
    } catch (error) {
      if (error instanceof PrivateAddressError) throw new Ss12000RequestError(error.message, null);
      throw error;
    }
  }
}
