import { gzipSync, brotliCompressSync, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { failure, testFetcher as fetcher, useServers } from './server.ts';

const serve = useServers();

describe('createFetcher: the basics', () => {
  it('returns the body, headers and final URL and sends the User-Agent', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"v1"', 'Last-Modified': 'Mon, 02 Jun 2025 10:00:00 GMT' });
      res.end('<rss/>');
    });
    const r = await fetcher()(`${s.url}/feed`);
    expect(r.status).toBe(200);
    expect(r.notModified).toBe(false);
    expect(r.text()).toBe('<rss/>');
    expect(r.etag).toBe('"v1"');
    expect(r.lastModified).toBe('Mon, 02 Jun 2025 10:00:00 GMT');
    expect(r.url).toBe(`${s.url}/feed`);
    expect(s.requests[0]!.headers['user-agent']).toBe('factfeed-test/1.0');
    expect(s.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('lets a request override the User-Agent', async () => {
    const s = await serve((_req, res) => res.end('ok'));
    await fetcher()(s.url, { userAgent: 'custom-agent/2' });
    expect(s.requests[0]!.headers['user-agent']).toBe('custom-agent/2');
  });

  it('sends the validators and reports 304 as not modified with an empty body', async () => {
    const s = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"abc"' && req.headers['if-modified-since'] === 'Tue, 03 Jun 2025 08:00:00 GMT') {
        res.writeHead(304, { ETag: '"abc"' });
        res.end();
        return;
      }
      res.end('changed');
    });
    const r = await fetcher()(s.url, { etag: '"abc"', lastModified: 'Tue, 03 Jun 2025 08:00:00 GMT' });
    expect(r.status).toBe(304);
    expect(r.notModified).toBe(true);
    expect(r.body.length).toBe(0);
    expect(r.text()).toBe('');
    const fresh = await fetcher()(s.url);
    expect(fresh.notModified).toBe(false);
    expect(fresh.text()).toBe('changed');
  });

  it('turns a non-2xx status into an http_status error naming the status', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(404, 'Not Found');
      res.end('nope');
    });
    const err = await failure(fetcher()(`${s.url}/missing`));
    expect(err.code).toBe('http_status');
    expect(err.status).toBe(404);
    expect(err.message).toContain('HTTP 404 Not Found');
    expect(err.message).toContain('/missing');
  });

  it('refuses schemes other than http and https', async () => {
    const err = await failure(fetcher()('file:///etc/passwd'));
    expect(err.code).toBe('bad_url');
    expect((await failure(fetcher()('not a url'))).code).toBe('bad_url');
  });

  it('reports a refused connection as a network error', async () => {
    const s = await serve((_req, res) => res.end());
    const deadUrl = s.url;
    await s.close();
    const err = await failure(fetcher()(deadUrl));
    expect(err.code).toBe('network');
    expect(err.message).toContain('ECONNREFUSED');
  });
});

describe('createFetcher: decompression and the size cap', () => {
  const text = 'Prisoner exchange: 1,000 for 1,000. '.repeat(50);

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateRawSync],
  ] as const)('decodes a %s body', async (encoding, compress) => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Encoding': encoding });
      res.end(compress(Buffer.from(text)));
    });
    expect((await fetcher()(s.url)).text()).toBe(text);
  });

  it('stops an endless body at maxBytes without reading it all', async () => {
    let sent = 0;
    let closed = false;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = (): void => {
        while (!closed && res.write(chunk)) sent += chunk.length;
        if (!closed) res.once('drain', pump);
      };
      res.on('close', () => (closed = true));
      pump();
    });
    const err = await failure(fetcher({ maxBytes: 100_000 })(s.url));
    expect(err.code).toBe('too_large');
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': 10_000_000 });
      res.write('x');
    });
    expect((await failure(fetcher({ maxBytes: 1000 })(s.url))).code).toBe('too_large');
  });

  it('stops a gzip bomb on the decompressed size', async () => {
    // 48 MB of zeros compresses to about 48 KB, 48 times the cap.
    const bomb = gzipSync(Buffer.alloc(48 * 1024 * 1024));
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': bomb.length });
      res.end(bomb);
    });
    const before = process.memoryUsage().rss;
    const err = await failure(fetcher({ maxBytes: 1024 * 1024 })(s.url));
    expect(err.code).toBe('too_large');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('createFetcher: timeouts', () => {
  it('times out when the server never sends headers', async () => {
    const s = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const err = await failure(fetcher({ timeoutMs: 300 })(s.url));
    expect(err.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('times out when the body trickles in slower than the total timeout', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const t = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(t));
    });
    const started = Date.now();
    const err = await failure(fetcher({ timeoutMs: 400 })(s.url));
    expect(err.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('counts a resolver that never answers against the timeout', async () => {
    const hang = () => new Promise<string[]>(() => {});
    const err = await failure(fetcher({ timeoutMs: 200, lookup: hang })('http://slow-dns.test/'));
    expect(err.code).toBe('timeout');
  });

  it('stops when the caller aborts', async () => {
    const s = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await failure(fetcher({ timeoutMs: 5000 })(s.url, { signal: controller.signal }));
    expect(err.code).toBe('network');
    expect(err.message).toContain('cancelled');
  });

  it('lets a per-request timeout override the default', async () => {
    const s = await serve(() => {});
    const err = await failure(fetcher({ timeoutMs: 10_000 })(s.url, { timeoutMs: 200 }));
    expect(err.code).toBe('timeout');
  });
});

describe('createFetcher: redirects', () => {
  it('follows redirects and reports the final URL', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(301, { Location: '/new' });
        res.end();
        return;
      }
      res.end(`at ${req.url}`);
    });
    const r = await fetcher()(`${s.url}/old`);
    expect(r.text()).toBe('at /new');
    expect(r.url).toBe(`${s.url}/new`);
  });

  it('gives up after maxRedirects hops', async () => {
    const s = await serve((req, res) => {
      const n = Number(req.url?.slice(1) ?? 0);
      res.writeHead(302, { Location: `/${n + 1}` });
      res.end();
    });
    const err = await failure(fetcher({ maxRedirects: 3 })(`${s.url}/0`));
    expect(err.code).toBe('too_many_redirects');
    expect(s.requests).toHaveLength(4);
  });
});
