import { describe, expect, it } from 'vitest';
import { createRobotsCache, productToken, ROBOTS_TTL_MS, ROBOTS_UNREACHABLE_TTL_MS } from '../../src/ingest/robots.ts';
import { parseRetryAfter } from '../../src/ingest/http.ts';
import { decideAfterFailure, PAUSE_AFTER_MS } from '../../src/ingest/health.ts';
import { testFetcher, useServers } from './server.ts';

const serve = useServers();

/** A host whose robots.txt answers with `status` and `body`, counting how often it is asked. */
async function robotsHost(answer: () => { status: number; body?: string }) {
  let asked = 0;
  const server = await serve((_req, res) => {
    asked++;
    const { status, body } = answer();
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body ?? '');
  });
  return { origin: server.url, asked: () => asked };
}

describe('robots.txt', () => {
  it('is read once per host and trusted for a day, then read again', async () => {
    const host = await robotsHost(() => ({ status: 200, body: 'User-agent: *\nDisallow: /private/\n' }));
    let now = 0;
    const rules = createRobotsCache({ fetch: testFetcher(), now: () => now });
    const rule = await rules(host.origin);
    expect(rule(`${host.origin}/news/1`, 'factfeed/0.1 (+https://example.org)')).toBe(true);
    expect(rule(`${host.origin}/private/1`, 'factfeed/0.1 (+https://example.org)')).toBe(false);
    await rules(host.origin);
    now = ROBOTS_TTL_MS - 1;
    await rules(host.origin);
    expect(host.asked()).toBe(1);
    now = ROBOTS_TTL_MS + 1;
    await rules(host.origin);
    expect(host.asked()).toBe(2);
  });

  it('allows everything when the site has none (404)', async () => {
    const host = await robotsHost(() => ({ status: 404 }));
    const rule = await createRobotsCache({ fetch: testFetcher(), now: () => 0 })(host.origin);
    expect(rule(`${host.origin}/anything`, 'factfeed')).toBe(true);
  });

  it('allows nothing while it cannot be read (500), and asks again after half an hour', async () => {
    let status = 500;
    const host = await robotsHost(() => ({ status, body: '' }));
    let now = 0;
    const rules = createRobotsCache({ fetch: testFetcher(), now: () => now });
    expect((await rules(host.origin))(`${host.origin}/a`, 'factfeed')).toBe(false);
    status = 200;
    now = ROBOTS_UNREACHABLE_TTL_MS - 1;
    expect((await rules(host.origin))(`${host.origin}/a`, 'factfeed')).toBe(false);
    now = ROBOTS_UNREACHABLE_TTL_MS + 1;
    expect((await rules(host.origin))(`${host.origin}/a`, 'factfeed')).toBe(true);
    expect(host.asked()).toBe(2);
  });

  it('matches a group by the product token of the User-Agent, whatever its version and comment', () => {
    expect(productToken('factfeed/0.1 (+https://github.com/factfeed/factfeed; news fact bot)')).toBe('factfeed');
    expect(productToken('NewsBot (contact@example.org)')).toBe('NewsBot');
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2025-06-15T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 15 Jun 2025 12:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Sun, 15 Jun 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('a feed that answers Retry-After', () => {
  const now = new Date('2025-06-15T12:00:00Z');
  const wait = (retryAfterMs: number) => decideAfterFailure(10, 1, now, now, retryAfterMs).nextPollAt!.getTime() - now.getTime();

  it('is not polled again before the time it asks, when that is longer than the back-off', () => {
    expect(wait(0)).toBe(20 * 60_000);
    expect(wait(3 * 3_600_000)).toBe(3 * 3_600_000);
  });

  it('cannot push its next poll more than a day away', () => {
    expect(wait(10 * 365 * 24 * 3_600_000)).toBe(PAUSE_AFTER_MS);
  });
});
