import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { isPrivateAddress } from './source-url.rules';

/** How a host name becomes addresses (dns.lookup with `all: true`); tests pass their own. */
export type Resolver = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/** A connection refused because its address is private or loopback (never retried). */
export class PrivateAddressError extends Error {
  constructor(readonly host: string) {
    super(`${host}: resolves into a private or loopback network`);
  }
}

/**
 * The socket's own `lookup`: the addresses the connection will use are the ones checked, in the
 * same resolution, so a name that answers a public address when checked and 127.0.0.1 when
 * connected (DNS rebinding) cannot get through. Every address must be public.
 */
export function publicOnlyLookup(resolve: Resolver = systemResolver): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error);
      if (!addresses.length || addresses.some((a) => isPrivateAddress(a.address))) {
        return callback(new PrivateAddressError(hostname));
      }
      if (options?.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  }) as unknown as LookupFunction;
}

export interface GuardedResponse {
  status: number;
  ok: boolean;
  header(name: string): string | null;
  text(): Promise<string>;
  discard(): void;
}

export interface GuardedRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Production: only public addresses, checked at connect time (`publicOnlyLookup`). */
  production: boolean;
  resolver?: Resolver;
}

/**
 * One HTTP(S) request without redirects (a 3xx is an answer like any other, never followed). In
 * production the connection's address is checked by the socket's lookup, and a literal IP host
 * is checked before connecting.
 */
export function guardedRequest(url: URL, r: GuardedRequest): Promise<GuardedResponse> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (r.production && isIP(host) && isPrivateAddress(host)) return Promise.reject(new PrivateAddressError(host));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: r.method,
        headers: r.body === undefined ? r.headers : { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
        timeout: r.timeoutMs,
        // No keep-alive pool shared with other code: every connection goes through this lookup.
        agent: false,
        ...(r.production ? { lookup: publicOnlyLookup(r.resolver) } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        resolve({
          status,
          ok: status >= 200 && status < 300,
          header: (name) => {
            const v = res.headers[name.toLowerCase()];
            return Array.isArray(v) ? v.join(', ') : (v ?? null);
          },
          text: () =>
            new Promise<string>((done, fail) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
              res.on('error', fail);
            }),
          discard: () => res.resume(),
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(r.body);
  });
}
