import { JwtService } from '@nestjs/jwt';
import { createHmac, createSecretKey } from 'node:crypto';
import { bearerToken, verifyAccessToken, VerifiedTokens } from './access-token';

const SECRET = 'unit-test-secret-unit-test-secret-0123456789';
const key = createSecretKey(Buffer.from(SECRET));
// Signed as production signs them (Sessions: JwtService, HS256).
const jwt = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256' } });
const claims = { sub: 'user-1', sid: 'family-1', typ: 'access' as const };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token with any header and claims, signed with HS256 and `secret`. */
function handMade(header: unknown, payload: unknown, secret = SECRET): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
const now = Math.floor(Date.now() / 1000);

describe('verifyAccessToken', () => {
  it('accepts a token JwtService signed, with its claims', () => {
    const verified = verifyAccessToken(jwt.sign(claims, { expiresIn: 900 }), key);
    expect(verified).toMatchObject({ ...claims });
    expect(verified?.exp).toBeGreaterThan(now);
  });

  it('refuses a token signed with another key, or with a changed payload or signature', () => {
    const other = new JwtService({ secret: `${SECRET}-other`, signOptions: { algorithm: 'HS256' } });
    expect(verifyAccessToken(other.sign(claims, { expiresIn: 900 }), key)).toBeNull();
    const [header, , signature] = jwt.sign(claims, { expiresIn: 900 }).split('.');
    const forged = b64({ ...claims, sub: 'user-2', exp: now + 900 });
    expect(verifyAccessToken(`${header}.${forged}.${signature}`, key)).toBeNull();
    const token = jwt.sign(claims, { expiresIn: 900 });
    const flipped = token.slice(0, -2) + (token.endsWith('A') ? 'B' : 'A') + token.slice(-1);
    expect(verifyAccessToken(flipped, key)).toBeNull();
  });

  it('refuses alg none and every algorithm but HS256, even with a valid HMAC', () => {
    const payload = { ...claims, exp: now + 900 };
    expect(verifyAccessToken(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`, key)).toBeNull();
    expect(verifyAccessToken(handMade({ alg: 'HS512', typ: 'JWT' }, payload), key)).toBeNull();
    expect(verifyAccessToken(handMade({ typ: 'JWT' }, payload), key)).toBeNull();
    expect(verifyAccessToken(handMade({ alg: 'HS256', typ: 'JWT' }, payload), key)).not.toBeNull();
  });

  it('refuses a token without a numeric expiry, run out, or not yet valid', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    expect(verifyAccessToken(handMade(header, claims), key)).toBeNull();
    expect(verifyAccessToken(handMade(header, { ...claims, exp: String(now + 900) }), key)).toBeNull();
    expect(verifyAccessToken(handMade(header, { ...claims, exp: now + 900 }), key, now + 900)).toBeNull();
    expect(verifyAccessToken(handMade(header, { ...claims, exp: now + 900 }), key, now + 899)).not.toBeNull();
    expect(verifyAccessToken(handMade(header, { ...claims, exp: now + 900, nbf: now + 60 }), key, now)).toBeNull();
    expect(verifyAccessToken(handMade(header, { ...claims, exp: now + 900, iat: 'yesterday' }), key)).toBeNull();
  });

  it('refuses what is not a signed JWT of an object', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    for (const token of ['', 'a.b', 'a.b.c.d', 'x.y.z', `${b64(header)}..sig`, handMade(header, [1, 2])])
      expect(verifyAccessToken(token, key)).toBeNull();
    // Padding after the same signature bytes is not our token (jsonwebtoken refused it too).
    const token = jwt.sign(claims, { expiresIn: 900 });
    expect(verifyAccessToken(token, key)).not.toBeNull();
    expect(verifyAccessToken(`${token}=`, key)).toBeNull();
  });
});

describe('bearerToken', () => {
  it('takes the token of a Bearer header, the scheme in any case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  abc')).toBe('abc');
    expect(bearerToken('Basic dXNlcjpwdw==')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken(['Bearer a', 'Bearer b'])).toBeNull();
  });
});

describe('VerifiedTokens', () => {
  const header = { alg: 'HS256', typ: 'JWT' };

  it('gives a verified token back until its expiry, and refuses it from then on', () => {
    const tokens = new VerifiedTokens(key);
    const token = handMade(header, { ...claims, exp: now + 900 });
    expect(tokens.claimsOf(token, now)).toMatchObject(claims);
    expect(tokens.size).toBe(1);
    expect(tokens.claimsOf(token, now + 899)).toMatchObject(claims);
    expect(tokens.claimsOf(token, now + 900)).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('keeps nothing of a refused token, and a forged one with known claims is still refused', () => {
    const tokens = new VerifiedTokens(key);
    const payload = { ...claims, exp: now + 900 };
    expect(tokens.claimsOf(handMade(header, payload), now)).not.toBeNull();
    const forged = handMade(header, payload, `${SECRET}-other`);
    expect(tokens.claimsOf(forged, now)).toBeNull();
    expect(tokens.claimsOf(forged, now)).toBeNull();
    expect(tokens.size).toBe(1);
  });

  it('starts over when full, still verifying every token it holds no more', () => {
    const tokens = new VerifiedTokens(key, 2);
    const made = [1, 2, 3].map((i) => handMade(header, { ...claims, sub: `user-${i}`, exp: now + 900 }));
    for (const token of made) expect(tokens.claimsOf(token, now)).not.toBeNull();
    expect(tokens.size).toBe(1);
    expect(tokens.claimsOf(made[0]!, now)?.sub).toBe('user-1');
  });
});
