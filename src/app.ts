import { SAMPLE_ADDED_BY } from './ingest/sample.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './clock.ts';
import { createLogger, type Logger } from './log.ts';
import { openStore, type Feed } from './store/index.ts';
import { redactDatabaseUrl } from './store/postgres/url.ts';
import { createFetcher } from './ingest/http.ts';
import { createPageFetcher, type PageFetcher } from './ingest/pages.ts';
import { addSource } from './ingest/add-source.ts';
import { pollSource, type PollResult } from './ingest/pipeline.ts';
import { createExtractPool } from './ingest/extract-pool.ts';
import type { Fetcher } from './ingest/types.ts';
import type { Services } from './services.ts';

export const LOCAL_TENANT = 'local';

/**
 * FACTFEED_DATABASE_URL names a PostgreSQL store, but the repositories behind every command still
 * run on SQLite only. Falling back to the SQLite file would look like success while every process
 * kept its own store, so start-up stops instead, saying which setting to change.
 */
export class PostgresNotReadyError extends Error {
  readonly code = 'POSTGRES_NOT_READY';
  constructor(url: string) {
    super(
      `FACTFEED_DATABASE_URL is set (${redactDatabaseUrl(url)}), but factfeed cannot run its commands on PostgreSQL yet. ` +
        'Unset FACTFEED_DATABASE_URL to use the SQLite store (FACTFEED_DB); `factfeed migrate-store --to <url>` already copies a store into PostgreSQL.',
    );
    this.name = 'PostgresNotReadyError';
  }
}

/** The composition root: builds every service from the config. Tests pass their own clock, logger or fetch. */
export function createServices(config: Config, overrides: { clock?: Clock; log?: Logger; fetch?: Fetcher; pages?: PageFetcher } = {}): Services {
  if (config.databaseUrl) throw new PostgresNotReadyError(config.databaseUrl);
  const log = overrides.log ?? createLogger(config.logLevel);
  const store = openStore(config.dbPath);
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
  if (!config.sampleFeed || store.settings.get('sample_seeded')) return undefined;
  // A store where someone already follows their own feeds never gets the invented sample beside them.
  if (store.sources.list(LOCAL_TENANT).length > 0) {
    store.settings.set('sample_seeded', 'skipped: the store already had sources', clock.now());
    return undefined;
  }
  const path = resolve(config.sampleFeed);
  if (!existsSync(path)) {
    log.warn('sample feed not found; starting empty', { path });
    return undefined;
  }
  const { source } = await addSource(services, { tenant: LOCAL_TENANT, input: path, allowLocalFiles: true, addedBy: SAMPLE_ADDED_BY });
  const result = await pollSource({ ...services, timeZone: config.timeZone }, store.feeds.get(source.feedId)!);
  store.settings.set('sample_seeded', source.url, clock.now());
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
