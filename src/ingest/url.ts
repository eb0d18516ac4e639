/**
 * One spelling per article URL, so the same story reached through a newsletter link, a social
 * share and the feed is stored once. Only changes that cannot alter what the server returns
 * are made; http and https stay distinct.
 */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gclsrc',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'cmpid',
  'cmp',
  'ocid',
  'ito',
  'at_medium',
  'at_campaign',
  'wt.mc_id',
  'mkt_tok',
  '_ga',
  '_gl',
  'smid',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
]);

function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
}

/**
 * Lower-cased scheme and host, no default port, no fragment, no tracking parameters, the other
 * parameters sorted, no trailing slash except on the root. A string that is not an absolute URL
 * comes back trimmed but otherwise unchanged, so callers can still use it as a key.
 */
export function normalizeUrl(raw: string): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  // The URL parser already lower-cases scheme and host and drops default ports.
  url.hash = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  // Stable sort by name keeps repeated parameters (?tag=a&tag=b) in their meaningful order.
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length > 0 ? new URLSearchParams(kept).toString() : '';
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url.href;
}

/** Whether a URL carries a user name or password ("https://user:secret@host/feed.xml"). */
export function hasCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

/** The URL with any password shown as *** ("https://user:***@host/…"), for every reply, log and export. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, (_m, scheme: string) => `${scheme}${u.username ? `${u.username}:` : ''}***@`);
  } catch {
    return url;
  }
}
