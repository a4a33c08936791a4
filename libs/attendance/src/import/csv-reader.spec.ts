import { CsvReader, detectDelimiter } from './csv-reader';
import { ImportFileError } from './text-decoder';

const HEADER =
  'external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason';

/** Feeds the text in chunks of `size` characters, to prove the reader does not care where chunks end. */
function read(text: string, delimiter: ',' | ';', size = text.length) {
  const reader = new CsvReader(delimiter);
  const records = [];
  for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)));
  records.push(...reader.end());
  return records;
}

describe('CsvReader', () => {
  const text = 'a,b,c\r\n"x, y","he said ""hi""",\r\n\r\n"multi\nline",2,3\nlast,row,"q"';

  it.each([1, 2, 3, 7, 1000])('reads quoted fields, doubled quotes, CRLF and blank lines in chunks of %i', (size) => {
    expect(read(text, ',', size)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'he said "hi"', ''] },
      { line: 4, fields: ['multi\nline', '2', '3'] },
      { line: 6, fields: ['last', 'row', 'q'] },
    ]);
  });

  it('splits on semicolons and keeps commas inside fields', () => {
    expect(read('a;"b;c";d,e\n', ';')).toEqual([{ line: 1, fields: ['a', 'b;c', 'd,e'] }]);
  });

  it('refuses an unclosed quote at the end of the file', () => {
    expect(() => read('a,"b\nc', ',')).toThrow(ImportFileError);
  });

  it('refuses a runaway field', () => {
    const reader = new CsvReader(',');
    expect(() => reader.push(`"${'x'.repeat(70_000)}`)).toThrow(/longer than/);
  });
});

describe('detectDelimiter', () => {
  it('knows comma and semicolon headers, quoted, with BOM or CR', () => {
    expect(detectDelimiter(HEADER)).toBe(',');
    expect(detectDelimiter(`\uFEFF${HEADER.replace(/,/g, ';')}\r`)).toBe(';');
    expect(
      detectDelimiter(
        HEADER.split(',')
          .map((c) => `"${c}"`)
          .join(','),
      ),
    ).toBe(',');
  });

  it('refuses a tab-separated or incomplete header', () => {
    expect(detectDelimiter(HEADER.replace(/,/g, '\t'))).toBeUndefined();
    expect(detectDelimiter('personnummer,date')).toBeUndefined();
  });
});
