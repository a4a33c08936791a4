import { api, RequestOptions, TokenPair } from '../api';
import type { SignInResult } from '../session';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
  /** Only when enrolling with an enrolment token: the sign-in is complete. */
  session?: TokenPair;
}

/** The enrolment token (a user who must enrol before signing in) as the bearer, else the session's. */
const asBearer = (enrolmentToken?: string): RequestOptions | undefined =>
  enrolmentToken ? { headers: { Authorization: `Bearer ${enrolmentToken}` } } : undefined;

/** The sign-in calls beyond the password: single sign-on and the second factor. */
export const signInApi = {
  ssoEnabled: () => api.get<{ enabled: boolean }>('/auth/oidc').then((r) => r.enabled),
  exchange: (code: string) => api.post<SignInResult>('/auth/oidc/exchange', { code }),
  verify: (mfaToken: string, code: string) => api.post<TokenPair>('/auth/mfa/verify', { mfaToken, code }),
  startTotp: (enrolmentToken?: string) => api.post<TotpEnrolment>('/auth/mfa/totp', {}, asBearer(enrolmentToken)),
  confirmTotp: (code: string, enrolmentToken?: string) =>
    api.post<RecoveryCodes>('/auth/mfa/totp/confirm', { code }, asBearer(enrolmentToken)),
};

/** Where a browser starts single sign-on: a full navigation to the API, which redirects to the provider. */
export const SSO_LOGIN_URL = '/api/v1/auth/oidc/login';
