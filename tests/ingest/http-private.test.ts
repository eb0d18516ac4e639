import { describe, expect, it } from 'vitest';
import type { FetcherOptions } from '../../src/ingest/http.ts';
import { FetchError } from '../../src/ingest/types.ts';
import { outcome as code, testFetcher, useServers } from './server.ts';
import type { TestServer } from './server.ts';

/**
 * The private-address guard. Only loopback is ever contacted: the refusals below must happen
 * before any connection, and tests that need a "public" host map public.test to 127.0.0.1 and
 * allow exactly that address.
 */

const serve = useServers();

const DNS: Record<string, string[]> = {
  'public.test': ['127.0.0.1'],
  'intranet.test': ['10.0.0.5'],
  'mixed.test': ['127.0.0.1', '10.0.0.5'],
  'metadata.test': ['169.254.169.254'],
  localhost: ['127.0.0.1'],
};
const lookups: string[] = [];
const lookup = async (host: string): Promise<string[]> => {
  lookups.push(host);
  const found = DNS[host];
  if (!found) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  return found;
};

function guarded(overrides: Partial<FetcherOptions> = {}) {
  return testFetcher({ allowPrivate: false, maxRedirects: 5, lookup, isAllowedAddress: (ip) => ip === '127.0.0.1', ...overrides });
}

describe('createFetcher with allowPrivate: false', () => {
  const strict = () => testFetcher({ allowPrivate: false, lookup });

  it('refuses loopback, link-local metadata and IPv6 loopback URLs before connecting', async () => {
    const s = await serve((_req, res) => res.end('reached'));
    expect(await code(strict()(`${s.url}/feed`))).toBe('private_address');
    expect(await code(strict()('http://[::1]/'))).toBe('private_address');
    expect(await code(strict()('http://169.254.169.254/latest/meta-data/'))).toBe('private_address');
    expect(s.requests).toHaveLength(0);
  });

  it('refuses a hostname that resolves to a private address, naming the address', async () => {
    try {
      await strict()('http://intranet.test/rss');
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(FetchError);
      expect((err as FetchError).code).toBe('private_address');
      expect((err as FetchError).message).toContain('10.0.0.5');
      expect((err as FetchError).url).toBe('http://intranet.test/rss');
    }
    expect(await code(strict()('http://metadata.test/'))).toBe('private_address');
  });

  it('refuses a host when any one of its addresses is private', async () => {
    expect(await code(guarded()('http://mixed.test/'))).toBe('private_address');
  });

  it('reports a name that does not resolve as a network error', async () => {
    expect(await code(guarded()('http://nowhere.test/'))).toBe('network');
  });
});

describe('redirects under the private-address guard', () => {
  async function redirectingTo(target: (port: number) => string): Promise<TestServer> {
    const s: TestServer = await serve((req, res) => {
      if (req.url === '/start') {
        res.writeHead(302, { Location: target(s.port) });
        res.end();
        return;
      }
      res.end(`reached ${req.url}`);
    });
    return s;
  }

  it('connects to the vetted address for an allowed host and sends its Host header', async () => {
    const s = await redirectingTo(() => '/end');
    lookups.length = 0;
    const r = await guarded()(`http://public.test:${s.port}/start`);
    expect(r.text()).toBe('reached /end');
    expect(r.url).toBe(`http://public.test:${s.port}/end`);
    // public.test exists only in the injected resolver, so reaching the server proves the
    // connection went to the address that was checked rather than to a second DNS answer.
    expect(s.requests.map((q) => q.headers.host)).toEqual([`public.test:${s.port}`, `public.test:${s.port}`]);
    expect(lookups).toEqual(['public.test', 'public.test']);
  });

  it.each([
    ['a private IPv4 literal', () => 'http://10.0.0.1/admin'],
    ['localhost', (port: number) => `http://localhost:${port}/end`],
    ['a name resolving to a private address', () => 'http://intranet.test/'],
    ['the metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['an IPv4-mapped IPv6 private address', () => 'http://[::ffff:10.0.0.1]/'],
    ['IPv6 loopback', (port: number) => `http://[::1]:${port}/end`],
  ])('refuses a redirect to %s', async (_name, target) => {
    const s = await redirectingTo(target);
    expect(await code(guarded()(`http://public.test:${s.port}/start`))).toBe('private_address');
    expect(s.requests.map((q) => q.url)).toEqual(['/start']);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const s = await redirectingTo(() => 'file:///etc/passwd');
    expect(await code(guarded()(`http://public.test:${s.port}/start`))).toBe('bad_url');
  });
});
