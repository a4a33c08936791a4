import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { inspectJsonBody, jsonTooDeepError } from '@app/http';

/** The raw request, marked when its JSON body holds a `\u0000` escape (bootstrap.ts walks the body then). */
export type MarkedRequest = IncomingMessage & { bodyHasNul?: boolean };

/** Errors with the `type` names the problem filter gives fixed texts (body-parser's, kept from Express). */
function bodyError(status: number, type: string): Error {
  return Object.assign(new Error(type), { status, type });
}

/** BODY_LIMIT (`100kb`, `1mb`: validated by the config) in bytes. */
export function sizeInBytes(limit: string): number {
  const [, count, unit] = /^(\d+)(b|kb|mb)$/i.exec(limit) ?? ['', '1', 'mb'];
  return Number(count) * { b: 1, kb: 1024, mb: 1024 * 1024 }[unit.toLowerCase() as 'b' | 'kb' | 'mb'];
}

/** The body as it came (inflated when the client compressed it), refused past `limit` bytes. */
function readBody(raw: IncomingMessage, payload: Readable, limit: number): Promise<Buffer> {
  const encoding = (raw.headers['content-encoding'] ?? 'identity').toLowerCase();
  const decoders: Record<string, () => NodeJS.ReadWriteStream> = {
    gzip: createGunzip,
    deflate: createInflate,
    br: createBrotliDecompress,
  };
  if (encoding !== 'identity' && !decoders[encoding]) return Promise.reject(bodyError(415, 'encoding.unsupported'));
  if (encoding === 'identity' && Number(raw.headers['content-length']) > limit) {
    return Promise.reject(bodyError(413, 'entity.too.large'));
  }
  const source = encoding === 'identity' ? payload : (payload.pipe(decoders[encoding]()) as unknown as Readable);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: Error) => {
      source.removeAllListeners('data');
      reject(error);
    };
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(bodyError(413, 'entity.too.large'));
      else chunks.push(chunk);
    });
    source.once('end', () => resolve(Buffer.concat(chunks, size)));
    source.once('error', () =>
      fail(bodyError(400, encoding === 'identity' ? 'request.aborted' : 'entity.parse.failed')),
    );
    raw.once('aborted', () => fail(bodyError(400, 'request.aborted')));
  });
}

/**
 * The only body parsing the API does, as express.json did it before: `application/json` bodies up
 * to `limit`, objects and arrays only, nesting depth checked on the raw bytes before parsing, and
 * a NUL escape marked for bootstrap.ts's check. Bodies of other types are left unread (the route
 * gets no body), as is every body `streamed` names (the attendance import reads request.raw itself).
 */
export function registerJsonParser(
  instance: FastifyInstance,
  limit: number,
  streamed: (raw: IncomingMessage) => boolean,
): void {
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  instance.addContentTypeParser('application/json', (request, payload, done) => {
    const raw = request.raw as MarkedRequest;
    if (streamed(raw)) return done(null, undefined);
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset && !charset.startsWith('utf-')) return done(bodyError(415, 'charset.unsupported'), undefined);
    readBody(raw, payload, limit).then(
      (body) => {
        if (charset && charset !== 'utf-8' && charset !== 'utf8') {
          try {
            body = Buffer.from(new TextDecoder(charset).decode(body));
          } catch {
            return done(bodyError(415, 'charset.unsupported'), undefined);
          }
        }
        if (body.length === 0) return done(null, {});
        const facts = inspectJsonBody(body);
        if (facts.tooDeep) return done(jsonTooDeepError(), undefined);
        const text = body.toString('utf8').replace(/^\uFEFF/, '');
        // Objects and arrays only (body-parser's `strict`): a bare string or number is no request body here.
        const first = /^[ \t\n\r]*([^ \t\n\r])/.exec(text)?.[1];
        if (first !== '{' && first !== '[') return done(bodyError(400, 'entity.parse.failed'), undefined);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return done(bodyError(400, 'entity.parse.failed'), undefined);
        }
        raw.bodyHasNul = facts.hasNul;
        done(null, parsed);
      },
      (error: Error) => done(error, undefined),
    );
  });
}
