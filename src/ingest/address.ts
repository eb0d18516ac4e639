import ipaddr from 'ipaddr.js';
import { FetchError } from './types.ts';

/**
 * Which addresses a feed fetch may connect to. A bot that fetches user-supplied URLs must not
 * become a proxy into the host's network (cloud metadata at 169.254.169.254, admin panels on
 * 10.x, services on loopback), so only globally routable unicast addresses count as public.
 */

/** True only for globally routable unicast addresses; anything unparsable is not public. */
export function isPublicAddress(ip: string): boolean {
  const bare = stripBrackets(ip);
  if (!ipaddr.isValid(bare)) return false;
  let addr = ipaddr.parse(bare);
  // ::ffff:10.0.0.1 reaches 10.0.0.1, so judge the IPv4 address it carries.
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  // 'unicast' is ipaddr.js's name for "none of the special ranges" (private, loopback,
  // link-local, CGNAT, unique-local, multicast, NAT64/6to4/Teredo tunnels, reserved, ...).
  return addr.range() === 'unicast';
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
