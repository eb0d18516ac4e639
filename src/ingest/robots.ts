import robotsModule from 'robots-parser';
import { FetchError, type Fetcher } from './types.ts';

// robots-parser is CommonJS (module.exports = the parser) while its types declare an ES default export.
const robotsParser = robotsModule as unknown as (typeof robotsModule)['default'];

/** A site's answer to "may factfeed fetch this page?". */
export type RobotsRule = (url: string, userAgent: string) => boolean;

/** How long a robots.txt that answered is trusted (RFC 9309 allows caching up to a day). */
export const ROBOTS_TTL_MS = 24 * 3_600_000;
/** A robots.txt that could not be reached means "nothing allowed" for this long, then it is asked again. */
export const ROBOTS_UNREACHABLE_TTL_MS = 30 * 60_000;
/** RFC 9309 asks parsers to read at least 500 KiB; more than that is not a robots.txt worth reading. */
const ROBOTS_MAX_BYTES = 512 * 1024;

const allowAll: RobotsRule = () => true;
const denyAll: RobotsRule = () => false;

/**
 * robots-parser matches a User-agent line against the product token ("factfeed" of
 * "factfeed/0.1 (+https://…)"); it strips a version itself but not a comment, so pass the token.
 */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/)[0] || '*';
}

/**
 * What robots.txt says, per origin, cached. Fetched through the same fetcher as everything else, so
 * the private-address guard applies to it too. Following RFC 9309: a missing robots.txt (4xx) allows
 * everything; one that cannot be reached (5xx, 429, network, timeout) allows nothing for a while.
 */
export function createRobotsCache(deps: { fetch: Fetcher; now: () => number }): (origin: string, signal?: AbortSignal) => Promise<RobotsRule> {
  const cache = new Map<string, { rule: Promise<RobotsRule>; expires: number }>();

  async function load(origin: string, signal: AbortSignal | undefined): Promise<{ rule: RobotsRule; ttl: number }> {
    const url = `${origin}/robots.txt`;
    try {
      const res = await deps.fetch(url, { accept: 'text/plain', maxBytes: ROBOTS_MAX_BYTES, signal });
      const robots = robotsParser(url, res.text());
      return { rule: (page, ua) => robots.isAllowed(page, productToken(ua)) !== false, ttl: ROBOTS_TTL_MS };
    } catch (err) {
      if (signal?.aborted) throw err;
      const status = err instanceof FetchError ? err.status : undefined;
      if (status !== undefined && status >= 400 && status < 500 && status !== 429) return { rule: allowAll, ttl: ROBOTS_TTL_MS };
      return { rule: denyAll, ttl: ROBOTS_UNREACHABLE_TTL_MS };
    }
  }

  return (origin, signal) => {
    const hit = cache.get(origin);
    if (hit && hit.expires > deps.now()) return hit.rule;
    const entry = { rule: Promise.resolve(allowAll), expires: Number.POSITIVE_INFINITY };
    entry.rule = load(origin, signal).then(
      ({ rule, ttl }) => {
        entry.expires = deps.now() + ttl;
        return rule;
      },
      (err: unknown) => {
        // A fetch cancelled by its poll's deadline says nothing about the site: ask again next time.
        cache.delete(origin);
        throw err;
      },
    );
    cache.set(origin, entry);
    return entry.rule;
  };
}
