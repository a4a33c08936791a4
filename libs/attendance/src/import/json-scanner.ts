import { ImportFileError } from './text-decoder';

/** One element of the `data` array: its parsed value, or why it is not valid JSON. */
export type JsonElement = { line: number; value: unknown } | { line: number; error: string };

/** One SS 12000 attendance object is a few hundred bytes; a megabyte is a broken file. */
const MAX_ELEMENT = 1024 * 1024;
const MAX_KEY = 1024;

type State =
  | 'start'
  | 'firstKey'
  | 'key'
  | 'colon'
  | 'value'
  | 'afterValue'
  | 'arrayFirst'
  | 'arrayNext'
  | 'afterElement'
  | 'done';

interface Pending {
  start: number;
  line: number;
  kind: 'container' | 'string' | 'primitive';
  depth: number;
  inString: boolean;
  escape: boolean;
  scan: number;
  emit: boolean;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Incremental reader of `{"data": [ {...}, {...} ]}`: finds each element's boundaries with a
 * small state machine (strings, escapes, nesting) and hands it to JSON.parse. Memory is one
 * element; other members of the outer object are skipped. A body that ends early is an error
 * (`end()`), never a silently shorter import.
 */
export class DataArrayScanner {
  private buf = '';
  private pos = 0;
  private line = 1;
  private state: State = 'start';
  private key = '';
  private sawData = false;
  private pending: Pending | null = null;

  get currentLine(): number {
    return this.line;
  }

  push(chunk: string): JsonElement[] {
    const shift = this.pending ? this.pending.start : this.pos;
    this.buf = this.buf.slice(shift) + chunk;
    this.pos -= shift;
    if (this.pending) {
      this.pending.start -= shift;
      this.pending.scan -= shift;
    }
    const out: JsonElement[] = [];
    this.run(out);
    return out;
  }

  end(): void {
    if (this.state !== 'done') {
      throw new ImportFileError(
        this.line,
        'file',
        this.state === 'start' && !this.buf.trim() ? 'the body is empty' : 'the JSON ends too early (truncated file?)',
      );
    }
    if (!this.sawData) throw new ImportFileError(1, 'data', 'the body has no "data" array');
  }

  private fail(reason: string): never {
    throw new ImportFileError(this.line, 'file', reason);
  }

  private run(out: JsonElement[]): void {
    for (;;) {
      if (this.pending) {
        if (!this.scanPending(out)) return;
        continue;
      }
      const buf = this.buf;
      while (this.pos < buf.length && isSpace(buf.charCodeAt(this.pos))) {
        if (buf.charCodeAt(this.pos) === 0x0a) this.line++;
        this.pos++;
      }
      if (this.pos >= buf.length) return;
      const c = buf[this.pos];
      switch (this.state) {
        case 'start':
          if (c === '\uFEFF') {
            this.pos++;
            break;
          }
          if (c !== '{') this.fail('the body must be a JSON object {"data": [...]}');
          this.pos++;
          this.state = 'firstKey';
          break;
        case 'firstKey':
        case 'key': {
          if (c === '}' && this.state === 'firstKey') {
            this.pos++;
            this.state = 'done';
            break;
          }
          if (c !== '"') this.fail('expected a member name in the outer object');
          const end = this.stringEnd(this.pos + 1);
          if (end < 0) {
            if (buf.length - this.pos > MAX_KEY) this.fail('a member name is too long');
            return;
          }
          this.key = JSON.parse(buf.slice(this.pos, end + 1)) as string;
          this.pos = end + 1;
          this.state = 'colon';
          break;
        }
        case 'colon':
          if (c !== ':') this.fail('expected ":" in the outer object');
          this.pos++;
          this.state = 'value';
          break;
        case 'value':
          if (this.key === 'data') {
            if (c !== '[') this.fail('"data" must be an array');
            this.sawData = true;
            this.pos++;
            this.state = 'arrayFirst';
          } else {
            this.begin(false);
          }
          break;
        case 'afterValue':
          if (c === ',') this.state = 'key';
          else if (c === '}') this.state = 'done';
          else this.fail('expected "," or "}" in the outer object');
          this.pos++;
          break;
        case 'arrayFirst':
          if (c === ']') {
            this.pos++;
            this.state = 'afterValue';
            break;
          }
          this.begin(true);
          break;
        case 'arrayNext':
          if (c === ']' || c === ',') this.fail('expected an element in "data"');
          this.begin(true);
          break;
        case 'afterElement':
          if (c === ',') this.state = 'arrayNext';
          else if (c === ']') this.state = 'afterValue';
          else this.fail('expected "," or "]" after an element of "data"');
          this.pos++;
          break;
        case 'done':
          this.fail('unexpected content after the end of the JSON');
      }
    }
  }

  /** Index of the closing quote of a string whose content starts at `from`, or -1. */
  private stringEnd(from: number): number {
    const buf = this.buf;
    for (let i = from; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x22) return i;
    }
    return -1;
  }

  private begin(emit: boolean): void {
    const c = this.buf[this.pos];
    this.pending = {
      start: this.pos,
      line: this.line,
      kind: c === '{' || c === '[' ? 'container' : c === '"' ? 'string' : 'primitive',
      depth: 0,
      inString: false,
      escape: false,
      scan: this.pos,
      emit,
    };
  }

  /** Scans the pending value; true when it is complete (and handed out). */
  private scanPending(out: JsonElement[]): boolean {
    const p = this.pending!;
    const buf = this.buf;
    let end = -1;
    let i = p.scan;
    if (p.kind === 'container') {
      let { depth, inString, escape } = p;
      for (; i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (inString) {
          if (escape) escape = false;
          else if (c === 0x5c) escape = true;
          else if (c === 0x22) inString = false;
          else if (c === 0x0a) this.line++;
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) {
            end = i + 1;
            break;
          }
        } else if (c === 0x0a) this.line++;
      }
      Object.assign(p, { depth, inString, escape });
    } else if (p.kind === 'string') {
      for (i = Math.max(i, p.start + 1); i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (p.escape) p.escape = false;
        else if (c === 0x5c) p.escape = true;
        else if (c === 0x22) {
          end = i + 1;
          break;
        }
      }
    } else {
      for (; i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c)) {
          end = i;
          break;
        }
      }
    }
    if (end < 0) {
      p.scan = buf.length;
      if (buf.length - p.start > MAX_ELEMENT) this.fail('an element is larger than 1 MiB');
      return false;
    }
    const text = buf.slice(p.start, end);
    if (p.emit) {
      try {
        out.push({ line: p.line, value: JSON.parse(text) });
      } catch {
        out.push({ line: p.line, error: 'is not valid JSON' });
      }
      this.state = 'afterElement';
    } else {
      try {
        JSON.parse(text);
      } catch {
        this.fail('a member of the outer object is not valid JSON');
      }
      this.state = 'afterValue';
    }
    this.pos = end;
    this.pending = null;
    return true;
  }
}
