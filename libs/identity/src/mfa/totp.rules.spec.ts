import { Secret, TOTP } from 'otpauth';
import { ROLES } from '@app/access';
import { CONFIG_ROLE_NAMES } from '@app/config';
import {
  acceptedStep,
  asTotpCode,
  hashRecoveryCode,
  mfaRequiredFor,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  otpauthUri,
  sealingKey,
  sealSecret,
  totpCode,
  totpStep,
} from './totp.rules';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890", 8 digits, 30-second steps.
  const rfcSecret = Secret.fromLatin1('12345678901234567890');
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('gives the RFC test vector at T = %i s', (seconds, expected) => {
    const totp = new TOTP({ secret: rfcSecret, algorithm: 'SHA1', digits: 8, period: 30 });
    expect(totp.generate({ timestamp: seconds * 1000 })).toBe(expected);
  });

  it('gives 6-digit codes for our secrets, the last 6 digits of the RFC vector for its seed', () => {
    expect(totpCode(rfcSecret.base32, 59_000)).toBe('287082');
    expect(totpCode(rfcSecret.base32, 1111111109_000)).toBe('081804');
  });

  it('accepts the current step and its neighbours, each code once and never an older one after a newer', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    expect(acceptedStep(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(acceptedStep(secret, totpCode(secret, now - 30_000), now, null)).toBe(step - 1);
    expect(acceptedStep(secret, totpCode(secret, now + 30_000), now, null)).toBe(step + 1);
    expect(acceptedStep(secret, totpCode(secret, now - 90_000), now, null)).toBeNull();
    // Replay: the step already accepted, or an earlier one.
    expect(acceptedStep(secret, totpCode(secret, now), now, step)).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, now - 30_000), now, step)).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, now + 30_000), now, step)).toBe(step + 1);
  });

  it('reads a typed code', () => {
    expect(asTotpCode(' 123 456 ')).toBe('123456');
    expect(asTotpCode('12345')).toBeNull();
    expect(asTotpCode('ABCD-EFGH')).toBeNull();
  });

  it('writes the otpauth URI an authenticator app scans', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'kim@example.se');
    expect(uri).toMatch(/^otpauth:\/\/totp\/N%C3%A4rvaroteam:kim%40example\.se\?/);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
  });

  it('makes ten distinct recovery codes of 80 bits, hashed as typed loosely', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(hashRecoveryCode('ab1o-2222-3333-4444')).toBe(hashRecoveryCode('AB10 2222 3333 4444'));
  });

  it('seals the secret so that only the same server key opens it', () => {
    const key = sealingKey('a-server-secret-of-at-least-32-chars!!');
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(sealed, sealingKey('another-server-secret-of-32-chars!!!'))).toThrow();
  });

  it('requires a second factor for the configured roles only; the config knows every role', () => {
    expect(mfaRequiredFor(['elevhalsa'], ['admin', 'elevhalsa'])).toBe(true);
    expect(mfaRequiredFor(['school_staff'], ['admin'])).toBe(false);
    expect(mfaRequiredFor(['admin'], [])).toBe(false);
    expect([...CONFIG_ROLE_NAMES].sort()).toEqual([...ROLES].sort());
  });
});
