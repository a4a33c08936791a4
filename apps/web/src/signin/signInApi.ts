import { client, data, Schemas } from '../client';
import type { SignInResult } from '../session';

export type TotpEnrolment = Schemas['TotpEnrolmentDto'];

/** `session` only when enrolling with an enrolment token: the sign-in is complete. */
export type RecoveryCodes = Schemas['RecoveryCodesDto'];

/** The enrolment token (a user who must enrol before signing in) as the bearer, else the session's. */
const asBearer = (enrolmentToken?: string) =>
  enrolmentToken ? { headers: { Authorization: `Bearer ${enrolmentToken}` } } : {};

/** The sign-in calls beyond the password: single sign-on and the second factor. */
export const signInApi = {
  ssoEnabled: () => data(client.GET('/api/v1/auth/oidc')).then((r) => r.enabled),
  exchange: (code: string): Promise<SignInResult> =>
    data(client.POST('/api/v1/auth/oidc/exchange', { body: { code } })),
  verify: (mfaToken: string, code: string) =>
    data(client.POST('/api/v1/auth/mfa/verify', { body: { mfaToken, code } })),
  startTotp: (enrolmentToken?: string) => data(client.POST('/api/v1/auth/mfa/totp', asBearer(enrolmentToken))),
  confirmTotp: (code: string, enrolmentToken?: string) =>
    data(client.POST('/api/v1/auth/mfa/totp/confirm', { body: { code }, ...asBearer(enrolmentToken) })),
};

/** Where a browser starts single sign-on: a full navigation to the API, which redirects to the provider. */
export const SSO_LOGIN_URL = '/api/v1/auth/oidc/login';
