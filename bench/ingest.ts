import { loadConfig } from '../src/config.ts';
import { createSqliteServices, pollAll, LOCAL_TENANT } from '../src/app.ts';
import { silentLogger } from '../src/log.ts';
import type { Services } from '../src/services.ts';
import type { Source, SqliteStore } from '../src/store/index.ts';
import { RssSampler, cpuSeconds } from './stats.ts';

/**
 * Services as the bot builds them, on a given database, allowed to fetch from the loopback feed server.
 * FACTFEED_EXTRACT_THREADS passes through, so the bench can measure the bot with extraction threads too.
 */
export function benchServices(dbPath: string): Services<SqliteStore> {
  const config = loadConfig({
    FACTFEED_DB: dbPath,
    FACTFEED_ALLOW_PRIVATE: '1',
    FACTFEED_SAMPLE_FEED: '',
    FACTFEED_LOG_LEVEL: 'error',
    FACTFEED_EXTRACT_THREADS: process.env.FACTFEED_EXTRACT_THREADS ?? '0',
  });
  return createSqliteServices(config, { log: silentLogger });
}

export function addSources(services: Services<SqliteStore>, urls: readonly string[]): Source[] {
  const now = services.clock.now();
  return services.store.tx(() => urls.map((url) => services.store.sources.add({ tenant: LOCAL_TENANT, url, kind: 'url', addedBy: 'bench' }, now)));
}

export interface PollMeasure {
  sources: number;
  wallSeconds: number;
  cpuSeconds: number;
  notModified: number;
  added: number;
  errors: string[];
  peakRssBytes: number;
}

/**
 * One poll cycle over every source, exactly as the scheduler runs it (pollAll with the configured
 * concurrency), timed from the first request to the last stored article.
 */
export async function pollCycle(services: Services): Promise<PollMeasure> {
  // Fresh rows: each poll stores the validators (ETag) the next conditional GET needs. Feeds, not
  // follows: one fetch per feed however many servers follow it.
  const sources = await services.store.feeds.list();
  const rss = new RssSampler().start();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const results = await pollAll(services, sources);
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpuS = cpuSeconds(cpu);
  const errors = results.flatMap((r) => (r.error ? [`feed ${r.feed}: ${r.error}`] : []));
  return {
    sources: sources.length,
    wallSeconds,
    cpuSeconds: cpuS,
    notModified: results.filter((r) => r.result?.notModified).length,
    added: results.reduce((n, r) => n + (r.result?.added ?? 0), 0),
    errors: errors.slice(0, 5),
    peakRssBytes: rss.stop(),
  };
}

/** Size of the database file after folding the WAL back in. */
export function databaseBytes(services: Services<SqliteStore>): number {
  const { db } = services.store;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = db.pragma('page_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return pages * size;
}
