import { BlockList, isIP } from 'node:net';

/** Addresses a source may never point into in production: loopback, private, link-local, CGNAT, unique-local, unspecified. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (!family) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why a source URL (base or token URL) is refused, or null. Production: `https` only, and no
 * host that is (or, checked again when a run connects, resolves to) a private or loopback address:
 * no server-side request forgery through a source. Development and tests: also plain `http` on
 * 127.0.0.1 / localhost, for local test servers.
 */
export function sourceUrlProblem(raw: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry a user or password';
  if (url.search || url.hash) return 'must not carry a query or fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  if (url.protocol === 'https:') {
    if (production && (local || isPrivateAddress(host))) return 'must not point into a private or loopback network';
    return null;
  }
  if (url.protocol === 'http:' && !production && local) return null;
  return production ? 'must use https' : 'must use https (plain http only on 127.0.0.1 outside production)';
}
