import { TextDecoder } from 'node:util';

/** The encodings an import may be in. */
export type ImportEncoding = 'utf-8' | 'windows-1252';

/** A file-level problem: the import cannot go on past it. */
export class ImportFileError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    reason: string,
    /** Machine-readable: `invalid-header` for the header row, else `invalid-file` unless given. */
    readonly code = field === 'header' ? 'invalid-header' : 'invalid-file',
  ) {
    super(reason);
  }
}

/** Windows-1252's 0x80–0x9F (Node's TextDecoder treats the label as ISO-8859-1 there); 0 = unused. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

interface Decoder {
  decode(bytes: Uint8Array, options?: { stream?: boolean }): string;
}

/** Single-byte, so chunk boundaries never split a character. */
const windows1252: Decoder = {
  decode(bytes) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return /[\x80-\x9f]/.test(text)
      ? text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] || c.charCodeAt(0)))
      : text;
  },
};

/** How much of the file decides between UTF-8 and Windows-1252. */
const SNIFF_BYTES = 64 * 1024;

const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'iso-8859-15', 'latin-1']);

/** The encoding a Content-Type charset names, `detect` when none, undefined when unsupported. */
export function encodingFromCharset(charset: string | undefined): ImportEncoding | 'detect' | undefined {
  if (!charset) return 'detect';
  const value = charset.trim().toLowerCase();
  if (value === 'utf-8' || value === 'utf8') return 'utf-8';
  if (WINDOWS_1252_LABELS.has(value)) return 'windows-1252';
  return undefined;
}

/**
 * Streaming bytes → text. With `detect`, the first 64 KiB (or the whole file if shorter) decide:
 * valid UTF-8 → UTF-8, otherwise Windows-1252 (Swedish school systems still export it). Once
 * UTF-8 is chosen, an invalid byte later on is an error, never silently replaced.
 */
export class ImportTextDecoder {
  private decoder: Decoder | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  encoding: ImportEncoding | null = null;

  constructor(
    mode: ImportEncoding | 'detect',
    /** The line the parser has reached, for the error message. */
    private readonly currentLine: () => number = () => 1,
  ) {
    if (mode !== 'detect') this.choose(mode);
  }

  decode(chunk: Buffer): string {
    if (this.decoder) return this.run(chunk, true);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    return this.pendingBytes >= SNIFF_BYTES ? this.sniff(true) : '';
  }

  end(): string {
    const text = this.decoder ? '' : this.sniff(false);
    return text + this.run(Buffer.alloc(0), false);
  }

  private sniff(stream: boolean): string {
    const sample = Buffer.concat(this.pending);
    this.pending = [];
    // Exactly the first 64 KiB decide, however the body happened to be chunked.
    const head = sample.subarray(0, SNIFF_BYTES);
    const rest = sample.subarray(SNIFF_BYTES);
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let text: string;
    try {
      text = utf8.decode(head, { stream: stream || rest.length > 0 });
    } catch {
      this.choose('windows-1252');
      return this.run(sample, stream);
    }
    this.decoder = utf8;
    this.encoding = 'utf-8';
    return text + (rest.length || !stream ? this.run(rest, stream) : '');
  }

  private choose(encoding: ImportEncoding): void {
    this.encoding = encoding;
    this.decoder = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : windows1252;
  }

  private run(bytes: Buffer, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      throw new ImportFileError(
        this.currentLine(),
        'encoding',
        `the file is not valid ${this.encoding === 'utf-8' ? 'UTF-8' : this.encoding} here; save it as UTF-8 (or Windows-1252) throughout`,
      );
    }
  }
}
