import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { articleAt, corpusSpec, feedItems, newItemIndexes, type CorpusSpec } from './corpus.ts';

/**
 * Serves the corpus as one RSS feed per source on 127.0.0.1, with ETag / Last-Modified so an
 * unchanged feed costs a 304. POST /_bench/new-items?fraction=0.1 gives that share of the feeds
 * one new article each (their ETag changes), for the "10% of feeds have news" poll cycle.
 */
export interface FeedServer {
  url: string;
  feedUrl(source: number): string;
  /** Adds one new item to every k-th source (k = round(1/fraction)); returns how many changed. */
  addNewItems(fraction: number): number;
  stats(): { requests: number; notModified: number; bytes: number };
  /** Feed requests so far, by feed: how many feeds were asked for, and which more than once. */
  fetches(): FeedFetches;
  close(): Promise<void>;
}

export interface FeedFetches {
  /** Feed requests, 200s and 304s. */
  total: number;
  /** Different feeds asked for. */
  feeds: number;
  /** Feeds asked for more than once, with their counts (the first 20). */
  repeated: Array<{ feed: number; times: number }>;
  repeatedFeeds: number;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function feedXml(spec: CorpusSpec, source: number, generation: number): string {
  const items = feedItems(spec, source, generation)
    .reverse()
    .map((i) => {
      const a = articleAt(spec, i);
      const html = a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
      return `<item>
  <title>${esc(a.title)}</title>
  <link>${esc(a.link)}</link>
  <guid isPermaLink="false">${a.guid}</guid>
  <pubDate>${a.published.toUTCString()}</pubDate>
  <description>${esc(a.paragraphs[0]!.slice(0, 240))}</description>
  <content:encoded><![CDATA[${html}]]></content:encoded>
</item>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Bench Wire ${source}</title>
<link>https://s${source}.bench.example/</link>
<description>Synthetic news for the factfeed benchmark</description>
${items.join('\n')}
</channel>
</rss>
`;
}

export async function startFeedServer(spec: CorpusSpec, port = 0): Promise<FeedServer> {
  const generation = new Map<number, number>();
  const counters = { requests: 0, notModified: 0, bytes: 0 };
  const perFeed = new Map<number, number>();
  const fetches = (): FeedFetches => {
    const repeated = [...perFeed].filter(([, n]) => n > 1).map(([feed, times]) => ({ feed, times }));
    return { total: [...perFeed.values()].reduce((a, b) => a + b, 0), feeds: perFeed.size, repeated: repeated.slice(0, 20), repeatedFeeds: repeated.length };
  };
  const lastModified = (source: number): string => new Date(Date.parse(spec.start) + (generation.get(source) ?? 0) * 3_600_000).toUTCString();

  const server = http.createServer((req, res) => {
    counters.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/_bench/new-items') {
      const changed = addNewItems(Number(url.searchParams.get('fraction') ?? '0.1'));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ changed }));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/_bench/fetches') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fetches()));
      return;
    }
    const m = /^\/feeds\/(\d+)\.xml$/.exec(url.pathname);
    const source = m ? Number(m[1]) : -1;
    if (!m || source >= spec.sources) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no such feed: ${url.pathname}`);
      return;
    }
    perFeed.set(source, (perFeed.get(source) ?? 0) + 1);
    const gen = generation.get(source) ?? 0;
    const etag = `"s${source}-g${gen}-${spec.seed}-${spec.articles}"`;
    if (req.headers['if-none-match'] === etag) {
      counters.notModified++;
      res.writeHead(304, { etag, 'last-modified': lastModified(source) }).end();
      return;
    }
    const body = Buffer.from(feedXml(spec, source, gen));
    counters.bytes += body.length;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.length, etag, 'last-modified': lastModified(source) });
    res.end(body);
  });

  // Which feeds change is newItemIndexes' rule, so the known answers can tell which articles a store holds.
  function addNewItems(fraction: number): number {
    const added = newItemIndexes(spec, fraction);
    for (const index of added) {
      const s = index - spec.articles;
      generation.set(s, (generation.get(s) ?? 0) + 1);
    }
    return added.length;
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    feedUrl: (source) => `${base}/feeds/${source}.xml`,
    addNewItems,
    stats: () => ({ ...counters }),
    fetches,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Run as a child process: serves the corpus and sends its base URL to the parent over IPC. */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--spec');
  const spec: CorpusSpec = at >= 0 ? (JSON.parse(process.argv[at + 1]!) as CorpusSpec) : corpusSpec(10_000);
  const server = await startFeedServer(spec);
  if (process.send) process.send({ url: server.url });
  else console.log(`serving ${spec.sources} feeds of ${spec.articles} articles at ${server.url}/feeds/<n>.xml`);
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
