import { ImportFileError } from './text-decoder';

export interface CsvRecord {
  /** The line the record starts on (1-based, the header is line 1). */
  line: number;
  fields: string[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** No field of an attendance row is anywhere near this; a longer one is a broken file. */
const MAX_FIELD = 64 * 1024;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either its end or the first of a doubled quote. */
  QuoteInQuoted,
}

/**
 * Incremental RFC 4180 reader: text goes in chunk by chunk, complete records come out. Quoted
 * fields may hold the delimiter, doubled quotes and line breaks; CRLF and LF both end a record;
 * blank lines are skipped. Memory is one record, whatever the size of the file.
 */
export class CsvReader {
  private fields: string[] = [];
  private field = '';
  private state = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private readonly delimiter: number;

  constructor(delimiter: ',' | ';') {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The line being read, for error messages. */
  get currentLine(): number {
    return this.line;
  }

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const delimiter = this.delimiter;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.FieldStart:
        case State.Unquoted:
          if (c === delimiter) {
            this.fields.push(this.field + text.slice(start, i));
            this.field = '';
            this.state = State.FieldStart;
            start = i + 1;
          } else if (c === LF) {
            let value = this.field + text.slice(start, i);
            if (value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
            this.endRecord(value, out);
            start = i + 1;
          } else if (c === QUOTE && this.state === State.FieldStart) {
            this.state = State.Quoted;
            start = i + 1;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.field += text.slice(start, i);
            this.state = State.QuoteInQuoted;
          } else if (c === LF) {
            this.line++;
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            start = i + 1;
          } else if (c === delimiter) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            start = i + 1;
          } else if (c === LF) {
            this.endRecord(this.field, out);
            start = i + 1;
          } else if (c !== CR) {
            // Text after the closing quote: keep it as it stands (`"a"b` → `ab`).
            this.state = State.Unquoted;
            start = i;
          } else {
            start = i + 1;
          }
          break;
      }
    }
    if (this.state !== State.QuoteInQuoted) this.field += text.slice(start);
    if (this.field.length > MAX_FIELD) {
      throw new ImportFileError(
        this.recordLine,
        'file',
        `a field is longer than ${MAX_FIELD} characters (unclosed quote?)`,
      );
    }
    return out;
  }

  /** The last record when the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.state === State.Quoted) {
      throw new ImportFileError(this.recordLine, 'file', 'a quoted field is not closed before the end of the file');
    }
    const out: CsvRecord[] = [];
    let value = this.field;
    if (value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
    if (this.fields.length || value !== '') this.endRecord(value, out);
    return out;
  }

  private endRecord(last: string, out: CsvRecord[]): void {
    this.fields.push(last);
    if (this.fields.length > 1 || this.fields[0] !== '') out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
    this.state = State.FieldStart;
    this.line++;
    this.recordLine = this.line;
  }
}

export const CSV_COLUMNS = [
  'external_id',
  'personnummer',
  'date',
  'start_time',
  'offered_minutes',
  'valid_absence_minutes',
  'invalid_absence_minutes',
  'reason',
] as const;

/** Comma or semicolon, from the header line; `undefined` when the header is neither. */
export function detectDelimiter(headerLine: string): ',' | ';' | undefined {
  const header = headerLine.replace(/^\uFEFF/, '').replace(/\r$/, '');
  for (const delimiter of [',', ';'] as const) {
    const names = header.split(delimiter).map((name) =>
      name
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase(),
    );
    if (names.length === CSV_COLUMNS.length && names.every((name, i) => name === CSV_COLUMNS[i])) return delimiter;
  }
  return undefined;
}
