import { encodingFromCharset, ImportFileError, ImportTextDecoder } from './text-decoder';

const decodeAll = (decoder: ImportTextDecoder, chunks: Buffer[]) =>
  chunks.map((c) => decoder.decode(c)).join('') + decoder.end();

describe('ImportTextDecoder', () => {
  it('keeps UTF-8 (dropping a BOM), even when a character is split between chunks', () => {
    const bytes = Buffer.from('\uFEFFårsvis ändrad', 'utf8');
    const decoder = new ImportTextDecoder('detect');
    expect(decodeAll(decoder, [bytes.subarray(0, 4), bytes.subarray(4)])).toBe('årsvis ändrad');
    expect(decoder.encoding).toBe('utf-8');
  });

  it('detects Windows-1252 when the start is not UTF-8', () => {
    const decoder = new ImportTextDecoder('detect');
    expect(decodeAll(decoder, [Buffer.from([0x53, 0x6a, 0x75, 0x6b, 0x20, 0xe5, 0xe4, 0xf6, 0x80])])).toBe('Sjuk åäö€');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('rejects invalid UTF-8 after the sniffed start, never writing mojibake', () => {
    const decoder = new ImportTextDecoder('detect', () => 42);
    const ascii = Buffer.alloc(70 * 1024, 0x61);
    expect(decoder.decode(ascii)).toHaveLength(70 * 1024);
    expect(() => decoder.decode(Buffer.from([0x20, 0xe5, 0x20]))).toThrow(ImportFileError);
  });

  it('honours a declared charset', () => {
    expect(decodeAll(new ImportTextDecoder('windows-1252'), [Buffer.from([0xc5])])).toBe('Å');
    expect(encodingFromCharset('ISO-8859-1')).toBe('windows-1252');
    expect(encodingFromCharset('utf-16')).toBeUndefined();
    expect(encodingFromCharset(undefined)).toBe('detect');
  });
});
