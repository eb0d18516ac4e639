import ipaddr from 'ipaddr.js';
import { FetchError } from './types.ts';

/**
 * Which addresses a feed fetch may connect to. A bot that fetches user-supplied URLs must not
 * become a proxy into the host's network (cloud metadata at 169.254.169.254, admin panels on
 * 10.x, services on loopback), so only globally routable unicast addresses count as public.
 */

/**
 * True only for globally routable unicast addresses; anything unparsable is not public. IPv6 must be
 * global unicast (2000::/3, none of its special ranges); an IPv6 address that carries an IPv4 one
 * (mapped, compatible, NAT64, 6to4) reaches that IPv4 address, so that address is judged instead.
 */
export function isPublicAddress(ip: string): boolean {
  const bare = stripBrackets(ip);
  if (!ipaddr.isValid(bare)) return false;
  const addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv4') return addr.range() === 'unicast';
  const v6 = addr as ipaddr.IPv6;
  const carried = embeddedIPv4(v6);
  if (carried) return carried.range() === 'unicast';
  // 'unicast' is ipaddr.js's name for "none of the special ranges" (unique-local, link-local,
  // multicast, Teredo, documentation, reserved, ...); outside 2000::/3 nothing is global.
  return v6.match(GLOBAL_UNICAST) && v6.range() === 'unicast';
}

const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number];

/** The IPv4 address an IPv6 one carries: ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:AABB:CCDD::. */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = v6.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  const zero = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  if (zero(0, 6) && !(p[6] === 0 && p[7]! <= 1)) return v4(p[6]!, p[7]!); // IPv4-compatible (but not :: or ::1)
  if (p[0] === 0x64 && p[1] === 0xff9b && zero(2, 6)) return v4(p[6]!, p[7]!); // NAT64
  if (p[0] === 0x2002) return v4(p[1]!, p[2]!); // 6to4
  return undefined;
}

/** The address when the hostname is an IP literal (IPv6 with or without brackets), else undefined. */
export function literalIp(hostname: string): string | undefined {
  const bare = stripBrackets(hostname);
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : undefined;
}

/** localhost and *.localhost always mean this machine (RFC 6761), whatever a resolver says. */
export function isLocalhostName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}

export interface AddressPolicy {
  /** Everything goes: no name or address is refused. */
  allowPrivate?: boolean;
  /** Which addresses may be connected to; defaults to isPublicAddress. */
  isAllowed?: (ip: string) => boolean;
}

/**
 * Parses a URL and checks what can be checked without DNS: the scheme, and the host when it is a
 * literal IP or a localhost name. Throws FetchError('bad_url' | 'private_address').
 */
export function assertPublicUrl(raw: string | URL, policy: AddressPolicy = {}): URL {
  const url = parseHttpUrl(raw);
  if (policy.allowPrivate) return url;
  if (isLocalhostName(url.hostname)) {
    throw new FetchError('private_address', url.href, `refusing to fetch ${url.hostname}: it names this machine`);
  }
  const ip = literalIp(url.hostname);
  if (ip !== undefined) assertAllowedAddresses(url, [ip], policy.isAllowed ?? isPublicAddress);
  return url;
}

/** Every address a host resolves to must be allowed: one private answer is enough to refuse. */
export function assertAllowedAddresses(url: URL, addresses: readonly string[], isAllowed: (ip: string) => boolean): void {
  if (addresses.length === 0) throw new FetchError('network', url.href, `${url.hostname} resolved to no address`);
  const refused = addresses.find((a) => !isAllowed(a));
  if (refused !== undefined) {
    throw new FetchError(
      'private_address',
      url.href,
      `refusing to fetch ${url.hostname}: it resolves to ${refused}, a private or reserved address`,
    );
  }
}

/** Only http and https URLs, with a host. Throws FetchError('bad_url'). */
export function parseHttpUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad_url', String(raw), 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad_url', url.href, `only http and https URLs can be fetched, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (url.hostname === '') throw new FetchError('bad_url', url.href, 'URL has no host');
  return url;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
