import { findNul, inspectJsonBody, MAX_JSON_DEPTH } from './request-input';

const facts = (json: string) => inspectJsonBody(Buffer.from(json));

describe('inspectJsonBody', () => {
  it('counts nesting outside strings only', () => {
    expect(facts(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`).tooDeep).toBe(false);
    expect(facts(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`).tooDeep).toBe(true);
    expect(facts(`{"a":"${'{['.repeat(500)}"}`).tooDeep).toBe(false);
    // An escaped quote does not end the string.
    expect(facts(`{"a":"\\"${'['.repeat(100)}"}`).tooDeep).toBe(false);
  });

  it('finds the \\u0000 escape, not an escaped backslash before u0000', () => {
    expect(facts('{"a":"x\\u0000y"}').hasNul).toBe(true);
    expect(facts('{"a\\u0000":1}').hasNul).toBe(true);
    expect(facts('{"a":"x\\\\u0000y"}').hasNul).toBe(false);
    expect(facts('{"a":"x\\u00001"}').hasNul).toBe(true);
    expect(facts('{"a":"x\\u0001"}').hasNul).toBe(false);
  });
});

describe('findNul', () => {
  it('names the dotted path of the first string holding U+0000', () => {
    expect(findNul({ a: 'ok', guardians: [{ name: 'x' }, { name: 'y\u0000' }] })).toBe('guardians.1.name');
    expect(findNul({ className: '7A\u0000' })).toBe('className');
    expect(findNul({ a: 'ok', n: 1, b: null, c: [true] })).toBeNull();
    expect(findNul('x\u0000')).toBe('body');
  });

  it('names the parent of a key holding U+0000, never the key', () => {
    expect(findNul({ a: { ['b\u0000']: 1 } })).toBe('a');
    expect(findNul({ ['b\u0000']: 1 })).toBe('body');
  });
});
