import { DataArrayScanner, JsonElement } from './json-scanner';
import { ImportFileError } from './text-decoder';

function scan(text: string, size = text.length): JsonElement[] {
  const scanner = new DataArrayScanner();
  const out: JsonElement[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...scanner.push(text.slice(i, i + size)));
  scanner.end();
  return out;
}

describe('DataArrayScanner', () => {
  const body =
    '{\n  "pageToken": {"a": [1, "]}"]},\n  "data": [\n    {"id": "1", "s": "x\\"}{"},\n' +
    '    {"id": "2",\n     "n": [1, 2]}\n  ],\n  "more": null\n}\n';

  it.each([1, 3, 5, 1000])('hands out each element with its line, in chunks of %i', (size) => {
    expect(scan(body, size)).toEqual([
      { line: 4, value: { id: '1', s: 'x"}{' } },
      { line: 5, value: { id: '2', n: [1, 2] } },
    ]);
  });

  it('reads an empty data array and elements that are not objects', () => {
    expect(scan('{"data": []}')).toEqual([]);
    expect(scan('{"data": [1, "a", null]}')).toEqual([
      { line: 1, value: 1 },
      { line: 1, value: 'a' },
      { line: 1, value: null },
    ]);
  });

  it('reports an element that is not valid JSON as a row, and goes on', () => {
    expect(scan('{"data": [{"a": 1,}, {"b": 2}]}')).toEqual([
      { line: 1, error: 'is not valid JSON' },
      { line: 1, value: { b: 2 } },
    ]);
  });

  it.each([
    ['{"data": [{"id": "1"}, {"id": "2"', 'truncated inside an element'],
    ['{"data": [{"id": "1"}', 'truncated after an element'],
    ['{"data": [{"id": "1"}]', 'truncated before the closing brace'],
    ['{"data": [{"id": "1"}], "x": "abc', 'truncated in a string'],
    ['', 'empty'],
  ])('refuses a body %j (%s)', (text) => {
    expect(() => scan(text)).toThrow(ImportFileError);
  });

  it.each([['[1, 2]'], ['{"data": {"a": 1}}'], ['{"rows": []}'], ['{"data": []} x'], ['{"data": [1,,2]}']])(
    'refuses the wrong shape %j',
    (text) => {
      expect(() => scan(text)).toThrow(ImportFileError);
    },
  );

  it('holds one element in memory, not the file', () => {
    const scanner = new DataArrayScanner();
    scanner.push('{"data": [');
    let seen = 0;
    for (let i = 0; i < 2000; i++)
      seen += scanner.push(`${i ? ',' : ''}{"id": "${i}", "pad": "${'x'.repeat(500)}"}`).length;
    scanner.push(']}');
    scanner.end();
    expect(seen).toBe(2000);
    expect((scanner as unknown as { buf: string }).buf.length).toBeLessThan(1000);
  });
});
