import { hashSetupCode, matchingCode, newSetupCode, normaliseSetupCode, sameHash } from './setup-code.rules';

describe('setup codes', () => {
  it('are 20 base32 characters in four groups, and differ each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newSetupCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
  });

  it('hash alike however they are typed: case, spaces, dashes, O for 0 and I or L for 1', () => {
    const code = 'AB01C-DEF10-GH0JK-MN1PQ';
    const typed = ['ab01c def10 gh0jk mn1pq', 'ABO1CDEF1OGHOJKMNLPQ', ' abOIc-deflo-ghojk-mnipq '];
    for (const variant of typed) expect(hashSetupCode(variant)).toBe(hashSetupCode(code));
    expect(normaliseSetupCode('ab-cd ef')).toBe('ABCDEF');
    expect(hashSetupCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compares hashes exactly', () => {
    const a = hashSetupCode(newSetupCode());
    expect(sameHash(a, a)).toBe(true);
    expect(sameHash(a, hashSetupCode(newSetupCode()))).toBe(false);
    expect(sameHash(a, 'abcd')).toBe(false);
  });

  it('match the open code the user typed, and nothing when none is open or none fits', () => {
    const code = newSetupCode();
    const open = [
      { id: 'older', code_hash: hashSetupCode(newSetupCode()) },
      { id: 'this', code_hash: hashSetupCode(code) },
    ];
    expect(matchingCode(open, hashSetupCode(code.toLowerCase()))).toBe('this');
    expect(matchingCode(open, hashSetupCode(newSetupCode()))).toBeNull();
    expect(matchingCode([], hashSetupCode(code))).toBeNull();
    // The decoy compared against when no code is open never matches, not even its own value.
    expect(matchingCode([], hashSetupCode('no code has this value'))).toBeNull();
  });
});
