import { loadConfig } from '../src/config.ts';
import { createSqliteServices, pollAll } from '../src/app.ts';
import { createFetcher } from '../src/ingest/http.ts';
import { silentLogger } from '../src/log.ts';
import type { Fetcher } from '../src/ingest/types.ts';
import type { Services } from '../src/services.ts';
import type { SqliteStore } from '../src/store/index.ts';
import type { Invocation } from '../commands/types.ts';
import { Rng } from './prng.ts';
import { ask } from './queries.ts';
import { RssSampler, cpuSeconds, latency, type Latency } from './stats.ts';

/**
 * The shared-feeds phase: many servers following overlapping sets of feeds. What must hold is that a
 * poll cycle costs one fetch per feed, not per follow, and one stored article per new item, while
 * each server's new items still reach its own channels.
 */
export interface SharedCycle {
  name: string;
  /** Feed requests made (each feed once, however many servers follow it). */
  fetches: number;
  notModified: number;
  added: number;
  wallSeconds: number;
  cpuSeconds: number;
  /** Outbox rows the cycle queued across every server's channels. */
  outboxRows: number;
  errors: string[];
}

export interface SharedMeasure {
  servers: number;
  feeds: number;
  follows: number;
  cycles: SharedCycle[];
  changedFeeds: number;
  articlesPerNewItem: number;
  storedArticles: number;
  peakRssBytes: number;
}

export interface SharedAnswers {
  servers: number;
  follows: number;
  articles: number;
  figures: Latency;
  summary: Latency;
  empty: number;
}

const tenantOf = (k: number): string => `server-${k}`;

/** `perServer` distinct feed indexes out of `pool` for server k, the same on every run. */
export function followedBy(k: number, pool: number, perServer: number, seed = 20250525): number[] {
  const rng = new Rng(seed + k * 7919);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(pool, perServer)) chosen.add(rng.int(0, pool - 1));
  return [...chosen];
}

/** Every server follows its feeds (all of one transaction) and has one subscribed channel. */
export function followFeeds(services: Services<SqliteStore>, feedUrls: readonly string[], servers: number, perServer: number): number {
  const { store } = services;
  const now = services.clock.now();
  return store.tx(() => {
    let follows = 0;
    for (let k = 0; k < servers; k++) {
      const tenant = tenantOf(k);
      for (const f of followedBy(k, feedUrls.length, perServer)) {
        store.sources.add({ tenant, url: feedUrls[f]!, kind: 'url', addedBy: 'bench' }, now);
        follows++;
      }
      store.subscriptions.upsert({ tenant, platform: 'bench', channel: `c${k}` }, now);
    }
    return follows;
  });
}

function countingServices(dbPath: string): { services: Services<SqliteStore>; fetches: () => number } {
  const config = loadConfig({ FACTFEED_DB: dbPath, FACTFEED_ALLOW_PRIVATE: '1', FACTFEED_SAMPLE_FEED: '', FACTFEED_LOG_LEVEL: 'error' });
  const real = createFetcher({ allowPrivate: true, userAgent: config.userAgent, timeoutMs: config.fetchTimeoutMs, maxBytes: config.maxBytes, maxRedirects: config.maxRedirects });
  let n = 0;
  const fetch: Fetcher = (url, opts) => {
    n++;
    return real(url, opts);
  };
  return { services: createSqliteServices(config, { log: silentLogger, fetch }), fetches: () => n };
}

async function cycle(services: Services<SqliteStore>, fetches: () => number, name: string): Promise<SharedCycle> {
  const { store } = services;
  const outboxBefore = store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  const fetchedBefore = fetches();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const results = await pollAll(services, store.feeds.list());
  const wallSeconds = (performance.now() - t0) / 1000;
  return {
    name,
    fetches: fetches() - fetchedBefore,
    notModified: results.filter((r) => r.result?.notModified).length,
    added: results.reduce((n, r) => n + (r.result?.added ?? 0), 0),
    wallSeconds,
    cpuSeconds: cpuSeconds(cpu),
    outboxRows: (store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number) - outboxBefore,
    errors: results.flatMap((r) => (r.error ? [`feed ${r.feed}: ${r.error}`] : [])).slice(0, 5),
  };
}

/** Follows, then three cycles: the first poll, nothing new (all 304), and 10% of the feeds with a new item. */
export async function sharedFeedsPhase(a: { dbPath: string; serverUrl: string; feeds: number; servers: number; perServer: number; fraction: number }): Promise<SharedMeasure> {
  const { services, fetches } = countingServices(a.dbPath);
  const rss = new RssSampler().start();
  try {
    const urls = Array.from({ length: a.feeds }, (_, s) => `${a.serverUrl}/feeds/${s}.xml`);
    const follows = followFeeds(services, urls, a.servers, a.perServer);
    const cycles = [await cycle(services, fetches, 'first poll (new follows get their newest 3)')];
    cycles.push(await cycle(services, fetches, 'nothing new'));
    const res = await fetch(`${a.serverUrl}/_bench/new-items?fraction=${a.fraction}`, { method: 'POST' });
    if (!res.ok) throw new Error(`feed server ${a.serverUrl} refused new items: HTTP ${res.status}`);
    const changedFeeds = ((await res.json()) as { changed: number }).changed;
    const before = services.store.articles.count();
    const withNew = await cycle(services, fetches, `${changedFeeds} feeds with a new item`);
    cycles.push(withNew);
    const storedArticles = services.store.articles.count();
    return {
      servers: a.servers,
      feeds: services.store.feeds.list().length,
      follows,
      cycles,
      changedFeeds,
      articlesPerNewItem: changedFeeds > 0 ? (storedArticles - before) / changedFeeds : Number.NaN,
      storedArticles,
      peakRssBytes: rss.stop(),
    };
  } finally {
    services.store.close();
  }
}

/**
 * Answer latency for a random server when many servers follow feeds of one store: adds `servers`
 * servers each following `perServer` of the store's first `pool` feeds, then asks /figures and
 * /summary as random servers.
 */
export async function sharedAnswers(services: Services<SqliteStore>, topics: readonly string[], total: number, opts: { servers: number; perServer: number; pool: number }): Promise<SharedAnswers> {
  const urls = services.store.feeds.list().slice(0, opts.pool).map((f) => f.url);
  const follows = followFeeds(services, urls, opts.servers, opts.perServer);
  const rng = new Rng(4242);
  const as = (tenant: string): Invocation => ({ platform: 'cli', tenant, isAdmin: false, allowLocalFiles: false });
  for (const t of topics.slice(0, 5)) await ask(services, 'figures', t, as(tenantOf(0)));
  const samples = { figures: [] as number[], summary: [] as number[] };
  let empty = 0;
  for (let i = 0; i < total; i++) {
    const topic = topics[i % topics.length]!;
    const tenant = tenantOf(rng.int(0, opts.servers - 1));
    for (const command of ['figures', 'summary'] as const) {
      const t0 = performance.now();
      const { reply } = await ask(services, command, topic, as(tenant));
      samples[command].push(performance.now() - t0);
      if (reply.kind !== 'answer') empty++;
    }
  }
  return { servers: opts.servers, follows, articles: services.store.articles.count(), figures: latency(samples.figures), summary: latency(samples.summary), empty };
}
