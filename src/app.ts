import { SAMPLE_ADDED_BY } from './ingest/sample.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './clock.ts';
import { createLogger, type Logger } from './log.ts';
import { openStore, type Feed, type SqliteStore, type Store } from './store/index.ts';
import { redactDatabaseUrl } from './store/postgres/url.ts';
import { createFetcher } from './ingest/http.ts';
import { createPageFetcher, type PageFetcher } from './ingest/pages.ts';
import { addSource } from './ingest/add-source.ts';
import { pollSource, type PollResult } from './ingest/pipeline.ts';
import { createExtractPool } from './ingest/extract-pool.ts';
import type { Fetcher } from './ingest/types.ts';
import type { Services } from './services.ts';

export const LOCAL_TENANT = 'local';

type Overrides = { clock?: Clock; log?: Logger; fetch?: Fetcher; pages?: PageFetcher };

/**
 * The composition root: services on the configured store, PostgreSQL when FACTFEED_DATABASE_URL is
 * set (its driver is loaded only then), else the SQLite file. A PostgreSQL store is migrated and
 * reachable before this resolves, so a wrong URL stops the start, naming the database.
 */
export async function openServices(config: Config, overrides: Overrides = {}): Promise<Services> {
  if (!config.databaseUrl) return createSqliteServices(config, overrides);
  const { openPostgresStore } = await import('./store/postgres/store.ts');
  const store = openPostgresStore(config.databaseUrl, { leases: config.leases });
  try {
    await store.ready;
  } catch (err) {
    await store.close();
    throw err;
  }
  return servicesOn(store, config, overrides);
}

/** Services on the SQLite file, synchronously (tests, tools); refuses a config that names PostgreSQL rather than ignore it. */
export function createServices(config: Config, overrides: Overrides = {}): Services {
  if (config.databaseUrl) throw new Error(`createServices opens the SQLite store, but FACTFEED_DATABASE_URL names ${redactDatabaseUrl(config.databaseUrl)}: use openServices`);
  return createSqliteServices(config, overrides);
}

/** Services on the SQLite file (FACTFEED_DB) whatever the config says: for tools and tests that need the file. */
export function createSqliteServices(config: Config, overrides: Overrides = {}): Services<SqliteStore> {
  return servicesOn(openStore(config.dbPath), config, overrides);
}

function servicesOn<S extends Store>(store: S, config: Config, overrides: Overrides): Services<S> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const fetch =
    overrides.fetch ??
    createFetcher({
      allowPrivate: config.allowPrivate,
      userAgent: config.userAgent,
      timeoutMs: config.fetchTimeoutMs,
      maxBytes: config.maxBytes,
      maxRedirects: config.maxRedirects,
    });
  const pages = overrides.pages ?? createPageFetcher({ fetch, userAgent: config.userAgent });
  const extractor = config.extractThreads > 0 ? createExtractPool(config.extractThreads, log) : undefined;
  return { config, store, clock: overrides.clock ?? systemClock, log, fetch, pages, extractor };
}

/**
 * Loads the bundled sample feed the first time a store is used, so a fresh install has
 * something to answer from. Runs once per database: removing the sample source keeps it removed.
 */
export async function seedSampleFeed(services: Services): Promise<PollResult | undefined> {
  const { store, config, clock, log } = services;
  if (!config.sampleFeed || await store.settings.get('sample_seeded')) return undefined;
  // A store where someone already follows their own feeds never gets the invented sample beside them.
  if ((await store.sources.list(LOCAL_TENANT)).length > 0) {
    await store.settings.set('sample_seeded', 'skipped: the store already had sources', clock.now());
    return undefined;
  }
  const path = resolve(config.sampleFeed);
  if (!existsSync(path)) {
    log.warn('sample feed not found; starting empty', { path });
    return undefined;
  }
  const { source } = await addSource(services, { tenant: LOCAL_TENANT, input: path, allowLocalFiles: true, addedBy: SAMPLE_ADDED_BY });
  const result = await pollSource({ ...services, timeZone: config.timeZone }, (await store.feeds.get(source.feedId))!);
  await store.settings.set('sample_seeded', source.url, clock.now());
  log.info(`loaded the sample feed: ${result.added} articles`, { path });
  return result;
}

/**
 * Polls each given feed once (one fetch however many servers follow it) with at most `concurrency`
 * fetches in flight; failures are reported, not thrown.
 */
export async function pollAll(
  services: Services,
  feeds: readonly Feed[],
  concurrency = services.config.pollConcurrency,
): Promise<{ feed: number; result?: PollResult; error?: string }[]> {
  const out: { feed: number; result?: PollResult; error?: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length) {
      const f = feeds[next++]!;
      try {
        out.push({ feed: f.id, result: await pollSource({ ...services, timeZone: services.config.timeZone }, f) });
      } catch (err) {
        out.push({ feed: f.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, feeds.length) }, worker));
  return out.sort((a, b) => a.feed - b.feed);
}
