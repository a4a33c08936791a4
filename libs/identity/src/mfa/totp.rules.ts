import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: HMAC-SHA1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after the current one are accepted too (clock drift, typing time). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes after which an mfaToken (or enrolment token) is void. */
export const MAX_MFA_FAILURES = 5;
/** How long the step between the password (or the provider) and the second factor may take. */
export const MFA_CHALLENGE_TTL_SECONDS = 300;
/** How long an enrolment token (a user who must enrol before signing in) works. */
export const ENROLMENT_TTL_SECONDS = 900;
export const TOTP_ISSUER = 'Närvaroteam';

/** A new secret: 160 random bits (RFC 4226's recommendation), as base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totp = (secret: string, label = '') =>
  new TOTP({
    issuer: TOTP_ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });

/** The `otpauth://totp/…` URI an authenticator app scans (as a QR code). */
export const otpauthUri = (secret: string, label: string): string => totp(secret, label).toString();

/** The time step a timestamp (ms) falls in. */
export const totpStep = (timestampMs: number): number => Math.floor(timestampMs / 1000 / TOTP_PERIOD_SECONDS);

/** The code for a timestamp (ms): what the user's app shows then. */
export const totpCode = (secret: string, timestampMs: number): string =>
  totp(secret).generate({ timestamp: timestampMs });

/** A typed code as a 6-digit TOTP code (spaces ignored), or null when it is not one. */
export function asTotpCode(typed: string): string | null {
  const code = typed.replace(/\s/g, '');
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code) ? code : null;
}

/**
 * The time step a code belongs to, if it is right within the window and newer than the last step
 * accepted (so each code works once, and an older one never after a newer); otherwise null.
 */
export function acceptedStep(
  secret: string,
  code: string,
  timestampMs: number,
  lastStep: number | null,
): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: timestampMs, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(timestampMs) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Crockford's base32, as the setup codes: no I, L, O or U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Ten recovery codes of 16 characters (80 bits) each, e.g. `7K3Q-DM0Z-PX2R-WTA9`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  );
}

/** A typed recovery code as issued: case, spaces and dashes ignored, O/I/L read as 0/1/1. */
export const normaliseRecoveryCode = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

/** Only this is stored. 80 random bits need no slow hash: guessing is hopeless. */
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');

/**
 * The TOTP secret is stored sealed (AES-256-GCM) with a key derived from JWT_SECRET (HKDF-SHA256),
 * so a copy of the database alone does not give anyone the users' codes.
 */
export function sealingKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'narvaroteam', 'totp-secret-sealing', 32));
}

export function sealSecret(secret: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(
    '.',
  );
}

export function openSecret(sealed: string, key: Buffer): string {
  const [version, iv, data, tag] = sealed.split('.');
  if (version !== 'v1') throw new Error('unknown sealing');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** Whether a user of these roles must have a second factor (MFA_REQUIRED_ROLES). */
export const mfaRequiredFor = (roles: readonly string[], requiredRoles: readonly string[]): boolean =>
  roles.some((role) => requiredRoles.includes(role));
