import { createHostGate, type HostGate } from './host-gate.ts';
import { createRobotsCache } from './robots.ts';
import { FetchError, type Fetcher, type FetchResult } from './types.ts';

/** Article pages fetched from one host at the same time, across every feed and poll. */
export const PAGES_PER_HOST = 2;
/** Least time between two page requests to one host. */
export const PAGE_GAP_MS = 250;
/** A 429 without Retry-After keeps us away from the host this long. */
export const DEFAULT_RETRY_AFTER_MS = 30_000;
/** A page is retried after its Retry-After only when the wait is at most this; longer waits leave it to a later poll. */
export const MAX_PAGE_RETRY_AFTER_MS = 120_000;

export interface PageRequest {
  /** The source's own User-Agent, when it has one; robots.txt is read for it. */
  userAgent?: string | undefined;
  /** Cancels the wait for a slot and the request itself (a poll's time budget). */
  signal?: AbortSignal | undefined;
}

/** Fetches article pages politely: robots.txt first, a few at a time per host, paced, and backing off when asked. */
export interface PageFetcher {
  fetchPage(url: string, req?: PageRequest): Promise<FetchResult>;
  gate: HostGate;
}

export interface PageFetcherOptions {
  fetch: Fetcher;
  /** The configured User-Agent, matched against robots.txt when a source sets none. */
  userAgent: string;
  perHost?: number;
  gapMs?: number;
  now?: () => number;
}

const PAGE_ACCEPT = 'text/html,application/xhtml+xml';

export function createPageFetcher(opts: PageFetcherOptions): PageFetcher {
  const now = opts.now ?? (() => performance.now());
  const gate = createHostGate({ perHost: opts.perHost ?? PAGES_PER_HOST, gapMs: opts.gapMs ?? PAGE_GAP_MS, now });
  // robots.txt is a request to the same host, so it waits its turn like a page.
  const robots = createRobotsCache({ fetch: (url, o) => gate.run(new URL(url).host, o?.signal, () => opts.fetch(url, o)), now });

  async function fetchPage(url: string, req: PageRequest = {}): Promise<FetchResult> {
    const { host, origin } = new URL(url);
    const rule = await robots(origin, req.signal);
    if (!rule(url, req.userAgent ?? opts.userAgent)) throw new FetchError('disallowed', url, `the robots.txt of ${host} disallows fetching it`);
    for (let attempt = 0; ; attempt++) {
      try {
        return await gate.run(host, req.signal, () => opts.fetch(url, { userAgent: req.userAgent, accept: PAGE_ACCEPT, signal: req.signal }));
      } catch (err) {
        const wait = backOffFor(err);
        if (wait === undefined) throw err;
        gate.holdOff(host, wait);
        if (attempt > 0 || wait > MAX_PAGE_RETRY_AFTER_MS) throw err;
      }
    }
  }

  return { fetchPage, gate };
}

/** How long a refusal asks us to stay away: 429 always (a default when it does not say), 503 when it says. */
function backOffFor(err: unknown): number | undefined {
  if (!(err instanceof FetchError)) return undefined;
  if (err.status === 429) return err.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  if (err.status === 503) return err.retryAfterMs;
  return undefined;
}
