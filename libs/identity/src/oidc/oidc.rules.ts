import { createHash, randomBytes } from 'node:crypto';

/** How long a sign-in at the provider may take, from our redirect to its callback. */
export const OIDC_SIGN_IN_TTL_SECONDS = 600;
/** How long the web app has to exchange the one-time code it was handed. */
export const OIDC_EXCHANGE_TTL_SECONDS = 120;
/** The cookie that binds a sign-in to the browser that started it (against login CSRF). */
export const OIDC_BROWSER_COOKIE = 'narvaroteam_oidc';

/**
 * Why a sign-in through the provider ended on the web app's error page (`/logga-in/fel?orsak=`).
 * The page says in Swedish what happened and whom to contact; nothing else is in the URL.
 */
export const OIDC_FAILURE_REASONS = [
  'unknown-user',
  'deactivated',
  'cancelled',
  'provider-unavailable',
  'failed',
] as const;
export type OidcFailureReason = (typeof OIDC_FAILURE_REASONS)[number];

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A fresh random token (256 bits, base64url). */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** One cookie's value from a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The value that names the user, from the ID token's claims: the configured claim as a non-empty
 * string. An `email` the provider itself marks unverified (`email_verified: false`) names no one.
 */
export function userKeyFromClaims(claims: Record<string, unknown>, claim: string): string | null {
  const value = claims[claim];
  if (typeof value !== 'string' || !value.trim() || value.length > 254) return null;
  if (claim === 'email' && claims.email_verified === false) return null;
  return value.trim();
}

/**
 * Whether the provider says it checked a second factor: its `acr` is one of the configured values,
 * or one of its `amr` values is. Without configured values nothing counts.
 */
export function providerCheckedSecondFactor(
  claims: Record<string, unknown>,
  accepted: { acr: readonly string[]; amr: readonly string[] },
): boolean {
  if (typeof claims.acr === 'string' && accepted.acr.includes(claims.acr)) return true;
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  return amr.some((value) => typeof value === 'string' && accepted.amr.includes(value));
}

/** Network failures, timeouts and 5xx answers of the provider: the provider is not reachable. */
export function isProviderUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, code, message, status } = e as { name?: string; code?: string; message?: string; status?: number };
    if (name === 'AbortError' || name === 'TimeoutError') return true;
    if (code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|UND_ERR_\w+)$/.test(code))
      return true;
    if (name === 'TypeError' && message === 'fetch failed') return true;
    if (typeof status === 'number' && status >= 500) return true;
  }
  return false;
}

/** The web app's page for a sign-in that went wrong, with the reason only. */
export const signInErrorPage = (appBaseUrl: string, reason: OidcFailureReason): string =>
  `${appBaseUrl}/logga-in/fel?orsak=${reason}`;

/**
 * Where the web app picks up the one-time code: in the fragment, which the browser never sends to
 * a server (no access log or proxy sees it) and the page removes at once.
 */
export const signInCodePage = (appBaseUrl: string, code: string): string =>
  `${appBaseUrl}/logga-in/kommunens-konto#kod=${encodeURIComponent(code)}`;
