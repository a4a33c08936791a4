export * from './identity.module';
export * from './passwords';
export { SignInThrottle } from './auth/sign-in-throttle';
export * from './organisation/organisation-terms';
export { MfaClock } from './mfa/mfa-clock';
export { totpCode } from './mfa/totp.rules';
