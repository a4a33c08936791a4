import type { Caller } from './caller';

/**
 * Who is asking, from a request's Authorization header: the identity module implements it (tokens
 * and sessions are its), the global AccessGuard calls it on every request that is not public.
 */
export interface BearerAuthenticator {
  /** The caller of an `Authorization: Bearer <access token>` header, or null: no token, or a forged, expired or revoked one. */
  callerOf(authorization: string | string[] | undefined): Promise<Caller | null>;
}

export const BEARER_AUTHENTICATOR = Symbol('BearerAuthenticator');
