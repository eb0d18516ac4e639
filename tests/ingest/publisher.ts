import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer, type TestServer } from './server.ts';

/** How the publisher answers one article page; undefined serves the article at once. */
export type PageBehaviour = (req: IncomingMessage, res: ServerResponse, serve: () => void) => void;

export interface Publisher {
  server: TestServer;
  feedUrl: string;
  /** Page requests (paths under /a/) in the order they arrived, with when they arrived (performance.now()). */
  pageHits: { path: string; at: number }[];
  robotsHits: number;
  /** Most page requests the publisher had open at the same moment. */
  peakOpen: () => number;
  /** Adds items at the top of the feed (newest), as a publisher does between polls. */
  publish(count: number): void;
}

const ARTICLE_TEXT =
  'The regional council said on Tuesday that 412 families had been moved from the flooded district, and that the river was still rising. ' +
  'Engineers expect the water to peak on Thursday night, when another 150 homes could be at risk, the council added in its evening statement.';

/**
 * A real publisher on 127.0.0.1: a teaser-only RSS feed of `items` items (item 0 oldest), one
 * article page per item under /a/<n>, and a robots.txt. Each page answers as `page(n)` says.
 */
export async function startPublisher(opts: { items: number; robots?: string | { redirect: string }; page?: (n: number) => PageBehaviour | undefined; feed?: (res: ServerResponse, serve: () => void) => void }): Promise<Publisher> {
  let items = opts.items;
  let open = 0;
  let peak = 0;
  const pageHits: Publisher['pageHits'] = [];
  let robotsHits = 0;
  let origin = '';
  const feedXml = (): string => {
    const entries = Array.from({ length: items }, (_, n) => {
      const date = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toUTCString();
      return `<item><title>Flood update number ${n}</title><link>${origin}/a/${n}</link><guid>${origin}/a/${n}</guid><pubDate>${date}</pubDate><description>Families moved as the river rises, part ${n}…</description></item>`;
    });
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Teaser publisher</title><link>${origin}/</link>${entries.reverse().join('')}</channel></rss>`;
  };
  const server = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') {
      robotsHits++;
      if (opts.robots === undefined) res.writeHead(404).end();
      else if (typeof opts.robots === 'object') res.writeHead(302, { location: opts.robots.redirect }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end(opts.robots);
      return;
    }
    if (path === '/feed.xml') {
      const serve = (): void => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml());
      return opts.feed ? opts.feed(res, serve) : serve();
    }
    const m = /^\/a\/(\d+)$/.exec(path);
    if (!m) return void res.writeHead(404).end();
    pageHits.push({ path, at: performance.now() });
    peak = Math.max(peak, ++open);
    res.on('close', () => open--);
    const n = Number(m[1]);
    const serve = (): void =>
      void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<html><head><title>Flood update ${n}</title></head><body><article><h1>Flood update ${n}</h1><p>${ARTICLE_TEXT}</p><p>${ARTICLE_TEXT}</p></article></body></html>`);
    const behaviour = opts.page?.(n);
    if (behaviour) behaviour(req, res, serve);
    else serve();
  });
  origin = server.url;
  return {
    server,
    feedUrl: `${origin}/feed.xml`,
    pageHits,
    get robotsHits() {
      return robotsHits;
    },
    peakOpen: () => peak,
    publish(count) {
      items += count;
    },
  };
}

/** A page that never answers (the client gives up or the server is closed). */
export const never: PageBehaviour = () => undefined;

/** A page that answers after `ms`. */
export const slow =
  (ms: number): PageBehaviour =>
  (_req, _res, serve) =>
    void setTimeout(serve, ms);
