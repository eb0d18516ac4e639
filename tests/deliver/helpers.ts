import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createSqliteServices } from '../../src/app.ts';
import { FakeClock } from '../../src/clock.ts';
import { silentLogger } from '../../src/log.ts';
import type { Services } from '../../src/services.ts';
import type { SqliteStore } from '../../src/store/index.ts';
import type { Delivery, DeliverySink, SendResult } from '../../src/deliver/types.ts';

export interface FeedServer {
  url: string;
  origin: string;
  /** Requests for the feed path, in order, with their conditional headers. */
  hits: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined; status: number }[];
  setFeed(xml: string, etag?: string): void;
  /** Answer every feed request with this status (500, 404 …) until cleared with undefined. */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

/** A feed on 127.0.0.1 whose body the test changes between polls; honours If-None-Match. */
export async function startFeedServer(): Promise<FeedServer> {
  let body = '';
  let etag: string | undefined;
  let failing: number | undefined;
  const hits: FeedServer['hits'] = [];
  const server = http.createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/feed.xml') {
      res.writeHead(404).end('not here');
      return;
    }
    const hit = { ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'], status: 200 };
    hits.push(hit);
    if (failing) {
      hit.status = failing;
      res.writeHead(failing).end('broken');
    } else if (etag && req.headers['if-none-match'] === etag) {
      hit.status = 304;
      res.writeHead(304, { ETag: etag }).end();
    } else {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ...(etag ? { ETag: etag } : {}) }).end(body);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/feed.xml`,
    origin,
    hits,
    setFeed(xml, tag) {
      body = xml;
      etag = tag;
    },
    failWith(status) {
      failing = status;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface Item {
  guid: string;
  title: string;
  text: string;
  date: string;
  link?: string;
}

/** A small RSS 2.0 document with full-text items (no teasers, so no page fetches). */
export function rss(items: readonly Item[], title = 'Test Wire'): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = items
    .map(
      (i) => `<item><title>${esc(i.title)}</title><guid isPermaLink="false">${esc(i.guid)}</guid><link>${esc(i.link ?? `https://wire.example.org/${i.guid}`)}</link>
<pubDate>${new Date(i.date).toUTCString()}</pubDate><content:encoded><![CDATA[<p>${i.text}</p><p>${i.text}</p>]]></content:encoded></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://wire.example.org/</link><description>tests</description>${body}</channel></rss>`;
}

export const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name), 'utf8');

export interface TestApp {
  services: Services<SqliteStore>;
  clock: FakeClock;
  dbPath: string;
  /** Opens the same database again, as a restarted process would. */
  reopen(): TestApp;
}

/** Services over a real SQLite file in a temp folder, a fake clock, and the real fetcher (loopback allowed). */
export function useApp(): (start?: string, env?: Record<string, string>) => TestApp {
  const opened: { dir: string; apps: Services<SqliteStore>[] }[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) {
      for (const s of o.apps) {
        void s.extractor?.close();
        s.store.close();
      }
      rmSync(o.dir, { recursive: true, force: true });
    }
  });
  return (start = '2025-03-10T12:00:00Z', env = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'factfeed-deliver-'));
    const entry = { dir, apps: [] as Services<SqliteStore>[] };
    opened.push(entry);
    const dbPath = join(dir, 'test.db');
    const clock = new FakeClock(start);
    const make = (): TestApp => {
      // Extraction threads as in tests/helpers/services.ts: on the test's own thread unless asked.
      const config = loadConfig({ FACTFEED_DB: dbPath, FACTFEED_ALLOW_PRIVATE: '1', FACTFEED_FETCH_TIMEOUT_MS: '2000', FACTFEED_EXTRACT_THREADS: '0', ...env });
      const services = createSqliteServices(config, { clock, log: silentLogger });
      entry.apps.push(services);
      return { services, clock, dbPath, reopen: make };
    };
    return make();
  };
}

/** A sink that records what it was asked to post; `answer` decides each result. */
export function recordingSink(platform = 'console'): DeliverySink & { sent: Delivery[]; answer: (d: Delivery) => SendResult } {
  const sink = {
    platform,
    sent: [] as Delivery[],
    answer: (_d: Delivery): SendResult => ({ ok: true }),
    async send(d: Delivery): Promise<SendResult> {
      const r = sink.answer(d);
      if (r.ok) sink.sent.push(d);
      return r;
    },
  };
  return sink;
}
