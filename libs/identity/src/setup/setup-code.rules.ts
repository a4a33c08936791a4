import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a setup code works after it is issued. */
export const SETUP_CODE_TTL_HOURS = 72;

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/** A new code: 20 random base32 characters (100 bits) in groups, e.g. `7K3QD-M0ZPX-…`. */
export function newSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What the user typed, as the code was issued: case, spaces and dashes ignored, O/I/L read as 0/1/1. */
export function normaliseSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Only this hash is stored. A 100-bit random code needs no slow hash: guessing it is hopeless. */
export function hashSetupCode(code: string): string {
  return createHash('sha256').update(normaliseSetupCode(code)).digest('hex');
}

/** Compares two hex SHA-256 hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Compared against when there is no open code, so that every failure does the same work. */
const DECOY_HASH = hashSetupCode('no code has this value');

/**
 * The id of the open code whose hash is `given`, or null. Every candidate is compared (in
 * constant time), and a decoy when there is none, so a failure takes as long as a success.
 */
export function matchingCode(open: readonly { id: string; code_hash: string }[], given: string): string | null {
  let matched: string | null = null;
  for (const candidate of open.length ? open : [{ id: '', code_hash: DECOY_HASH }])
    if (sameHash(candidate.code_hash, given) && candidate.id) matched = candidate.id;
  return matched;
}
