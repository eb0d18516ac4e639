import { loadConfig } from '../src/config.ts';
import { openServices } from '../src/app.ts';
import { silentLogger } from '../src/log.ts';
import { pollSource } from '../src/ingest/pipeline.ts';
import { createScheduler, dueAt } from '../src/deliver/scheduler.ts';
import type { Feed } from '../src/store/index.ts';
import type { WorkQueue } from '../src/store/types.ts';
import { cpuSeconds } from './stats.ts';

/**
 * One bot process of the shared poll cycle (bench/pg-shared.ts): the bot's own services on the
 * PostgreSQL database, and its own scheduler, started as the bot starts it (a tick every 10 s, and
 * the next due feeds claimed as polls end), until no feed is due any more.
 *
 * Usage: fork with '<json {url, concurrency}>'; it answers {ready}, waits for {go}, then sends
 * what it polled.
 */
export interface PollerReport {
  /** Feed ids this process polled, in the order their polls finished. */
  polled: number[];
  added: number;
  errors: string[];
  wallSeconds: number;
  cpuSeconds: number;
  /** Claims of due feeds the scheduler made (its ticks and its refills as polls end). */
  ticks: number;
  /** Claims that got nothing: every due feed was held by another process, or none was due. */
  emptyTicks: number;
}

/** The store's work queue, counting the scheduler's claims of due feeds. */
function countingWork(work: WorkQueue, report: PollerReport): WorkQueue {
  const counted = (got: Feed[] | undefined): Feed[] | undefined => {
    report.ticks++;
    if (got?.length === 0) report.emptyTicks++;
    return got;
  };
  return {
    claimDue: async (now, limit, skip) => counted(await work.claimDue(now, limit, skip)),
    claimFeeds: (due, now) => work.claimFeeds(due, now),
    releaseFeed: (id) => work.releaseFeed(id),
    renewFeedEveryMs: work.renewFeedEveryMs,
    renewFeed: (id) => work.renewFeed(id),
    claimDeliveries: (platform, now, limit) => work.claimDeliveries(platform, now, limit),
    renewDelivery: (id) => work.renewDelivery(id),
    releaseDelivery: (id) => work.releaseDelivery(id),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const { url, concurrency } = JSON.parse(process.argv[2] ?? '{}') as { url: string; concurrency: number };
  const config = loadConfig({
    FACTFEED_DATABASE_URL: url,
    FACTFEED_ALLOW_PRIVATE: '1',
    FACTFEED_SAMPLE_FEED: '',
    FACTFEED_LOG_LEVEL: 'error',
    FACTFEED_POLL_CONCURRENCY: String(concurrency),
    FACTFEED_EXTRACT_THREADS: '0',
  });
  const services = await openServices(config, { log: silentLogger });
  const report: PollerReport = { polled: [], added: 0, errors: [], wallSeconds: 0, cpuSeconds: 0, ticks: 0, emptyTicks: 0 };
  const scheduler = createScheduler({
    ...services,
    store: { ...services.store, work: countingWork(services.store.work, report) },
    concurrency: config.pollConcurrency,
    poll: async (feed, signal) => {
      try {
        const r = await pollSource({ ...services, timeZone: config.timeZone }, feed, { signal });
        report.polled.push(feed.id);
        report.added += r.added;
        return r;
      } catch (err) {
        report.errors.push(`feed ${feed.id}: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      }
    },
  });
  const go = new Promise<void>((r) => process.once('message', () => r()));
  process.send?.({ ready: true });
  await go;
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  scheduler.start();
  for (;;) {
    await sleep(50);
    if (scheduler.inFlight().length > 0) continue;
    const now = services.clock.now().getTime();
    // Due feeds left are held by the other processes (or none is left): done when none is due.
    if (!(await services.store.feeds.list()).some((f) => !f.pausedAt && dueAt(f) <= now)) break;
  }
  report.wallSeconds = (performance.now() - t0) / 1000;
  report.cpuSeconds = cpuSeconds(cpu);
  await scheduler.stop();
  await services.store.close();
  process.send?.({ report }, () => process.exit(0));
}

await main();
