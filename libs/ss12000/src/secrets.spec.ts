import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret } from './secrets';
import { isPrivateAddress, sourceUrlProblem } from './source-url.rules';

describe('secrets at rest', () => {
  it('round-trips, differs every time, and refuses another key or a changed value', () => {
    const key = randomBytes(32);
    const a = encryptSecret(key, 's3cret-token');
    expect(a).not.toContain('s3cret');
    expect(encryptSecret(key, 's3cret-token')).not.toBe(a);
    expect(decryptSecret(key, a)).toBe('s3cret-token');
    expect(() => decryptSecret(randomBytes(32), a)).toThrow();
    const parts = a.split('.');
    parts[3] = Buffer.from('x').toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'))).toThrow();
  });
});

describe('source URLs', () => {
  it('production: https only, never a private or loopback address', () => {
    expect(sourceUrlProblem('https://ss12000.skola.se/v2', true)).toBeNull();
    expect(sourceUrlProblem('http://ss12000.skola.se/v2', true)).toBe('must use https');
    for (const host of ['127.0.0.1', 'localhost', '10.1.2.3', '192.168.0.4', '169.254.169.254', '[::1]', '[fd00::1]']) {
      expect(sourceUrlProblem(`https://${host}/x`, true)).toMatch(/private or loopback/);
    }
    expect(sourceUrlProblem('https://u:p@ss12000.skola.se', true)).toMatch(/user or password/);
  });

  it('development: plain http on 127.0.0.1 for local test servers, nowhere else', () => {
    expect(sourceUrlProblem('http://127.0.0.1:4010/v2', false)).toBeNull();
    expect(sourceUrlProblem('http://10.0.0.1/v2', false)).toMatch(/https/);
    expect(sourceUrlProblem('not a url', false)).toBe('must be an absolute URL');
  });

  it('knows private addresses, IPv4-mapped ones included', () => {
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('172.20.1.1')).toBe(true);
  });
});
