import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import { isIPv6 } from 'node:net';
import { assertAllowedAddresses, assertPublicUrl, isPublicAddress, literalIp } from './address.ts';
import { readBody } from './body.ts';
import { decodeBody } from './charset.ts';
import { FetchError } from './types.ts';
import type { Fetcher, FetchOptions, FetchResult } from './types.ts';

export interface FetcherOptions {
  /** Skip the private-address check entirely (local development against feeds on your own network). */
  allowPrivate: boolean;
  userAgent: string;
  /** Total time for one fetch, redirects, DNS, connect, headers and body included. */
  timeoutMs: number;
  /** Cap on the decompressed body. */
  maxBytes: number;
  maxRedirects: number;
  /** Resolves a hostname to all its addresses; defaults to the system resolver. */
  lookup?: (host: string) => Promise<string[]>;
  /** Replaces the public-address rule (tests allow exactly one loopback address with it). */
  isAllowedAddress?: (ip: string) => boolean;
}

const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

const systemLookup = async (host: string): Promise<string[]> =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * A Fetcher that is safe to point at user-supplied URLs: it resolves every hop's host itself,
 * refuses private addresses, and then connects to exactly the address it vetted, so a DNS answer
 * that changes between check and connect (rebinding) cannot slip a private address through.
 */
export function createFetcher(opts: FetcherOptions): Fetcher {
  const resolve = opts.lookup ?? systemLookup;
  const isAllowed = opts.allowPrivate ? () => true : (opts.isAllowedAddress ?? isPublicAddress);
  const policy = { allowPrivate: opts.allowPrivate, isAllowed };

  return async function fetchUrl(rawUrl: string, options: FetchOptions = {}): Promise<FetchResult> {
    const timeoutMs = options.timeoutMs ?? opts.timeoutMs;
    const maxBytes = options.maxBytes ?? opts.maxBytes;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new FetchError('timeout', rawUrl, `no complete response within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onCallerAbort = (): void => controller.abort(new FetchError('network', rawUrl, 'request cancelled'));
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (options.signal?.aborted) onCallerAbort();
    const { signal } = controller;

    try {
      let url = assertPublicUrl(rawUrl, policy);
      for (let hop = 0; ; hop++) {
        const address = await vet(url, signal);
        const res = await request(url, address, options, signal);
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (status >= 300 && status < 400 && status !== 304 && location) {
          res.resume();
          if (hop >= opts.maxRedirects) {
            throw new FetchError('too_many_redirects', rawUrl, `more than ${opts.maxRedirects} redirects (last hop ${url.href})`);
          }
          url = assertPublicUrl(resolveLocation(location, url), policy);
          continue;
        }
        return await finish(url, res, maxBytes, signal);
      }
    } catch (err) {
      // Aborting surfaces as a generic AbortError from the socket; report why we aborted instead.
      if (signal.aborted && signal.reason instanceof FetchError) throw signal.reason;
      if (err instanceof FetchError) throw err;
      throw new FetchError('network', rawUrl, describeNetworkError(err));
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  };

  async function vet(url: URL, signal: AbortSignal): Promise<string> {
    const literal = literalIp(url.hostname);
    let addresses: string[];
    if (literal !== undefined) {
      addresses = [literal];
    } else {
      try {
        addresses = await abortable(resolve(url.hostname), signal);
      } catch (err) {
        if (signal.aborted) throw err;
        throw new FetchError('network', url.href, `could not resolve ${url.hostname}: ${describeNetworkError(err)}`);
      }
    }
    assertAllowedAddresses(url, addresses, isAllowed);
    return addresses[0]!;
  }

  function request(url: URL, address: string, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
    const headers: Record<string, string> = {
      Host: url.host,
      'User-Agent': options.userAgent ?? opts.userAgent,
      Accept: options.accept ?? DEFAULT_ACCEPT,
      'Accept-Encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolvePromise, reject) => {
      const req = lib.request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || undefined,
          path: url.pathname + url.search,
          method: 'GET',
          headers,
          signal,
          // Connect to the vetted address, not whatever a second DNS query might return.
          lookup: pinnedLookup(address),
          // A pooled socket could have been opened for another hop; keep each connection ours.
          agent: false,
        },
        resolvePromise,
      );
      req.on('error', reject);
      req.end();
    });
  }
}

async function finish(url: URL, res: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<FetchResult> {
  const status = res.statusCode ?? 0;
  const header = (name: string): string | undefined => {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const base = {
    url: url.href,
    status,
    contentType: header('content-type'),
    etag: header('etag'),
    lastModified: header('last-modified'),
  };
  if (status === 304) {
    res.resume();
    return { ...base, notModified: true, body: Buffer.alloc(0), text: () => '' };
  }
  if (status < 200 || status >= 300) {
    res.resume();
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header('retry-after'), Date.now()) : undefined;
    throw new FetchError('http_status', url.href, `HTTP ${status} ${res.statusMessage ?? ''}`.trim(), status, retryAfterMs);
  }
  const body = await abortable(readBody(res, url.href, maxBytes), signal);
  let decoded: string | undefined;
  return {
    ...base,
    notModified: false,
    body,
    text: () => (decoded ??= decodeBody(body, base.contentType)),
  };
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function pinnedLookup(address: string): LookupFunction {
  const family = isIPv6(address) ? 6 : 4;
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new FetchError('bad_url', base.href, `redirect to an invalid URL "${location}"`);
  }
}

/** Lets a step that cannot itself be cancelled (DNS) still end when the fetch is aborted. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolvePromise(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
