import { fork } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openPostgresStore } from '../src/store/postgres/store.ts';
import { LOCAL_TENANT } from '../src/app.ts';
import { corpusSpec } from './corpus.ts';
import { startFeedServer, type FeedFetches } from './server.ts';
import { benchPgServer, withDatabase } from './postgres.ts';
import type { PollerReport } from './pg-poller.ts';
import { renderPgShared } from './report-pg-shared.ts';

/**
 * Work shared on PostgreSQL: one poll cycle of `feeds` loopback feeds (one article each, served by
 * bench/server.ts) by 3 bot processes on one database, each running the bot's scheduler and leases
 * (bench/pg-poller.ts), then the same cycle by 1 process on a fresh database. The first poll of a
 * feed stores its article, so each cycle is also the ingest of the same corpus: 3 against 1.
 *
 * Standalone: node bin/run-ts.js bench/pg-shared.ts [--pg-feeds N] (needs FACTFEED_BENCH_PG_URL or
 * FACTFEED_TEST_PG_URL); `npm run bench -- --postgres` runs it too.
 */
const here = dirname(fileURLToPath(import.meta.url));

export interface PgSharedRun {
  processes: number;
  feeds: number;
  /** From the go to the last process finding nothing due. */
  wallSeconds: number;
  setupSeconds: number;
  perProcess: Array<Omit<PollerReport, 'polled'> & { polled: number }>;
  /** Feeds polled by more than one process, by their own accounts. */
  polledTwice: number;
  /** Different feeds polled, across the processes. */
  feedsPolled: number;
  fetches: FeedFetches;
  /** Articles in the database afterwards, and distinct (feed, guid) among them. */
  stored: { articles: number; distinct: number; feedsMarkedPolled: number };
  articlesPerSecond: number;
}

export interface PgShared {
  feeds: number;
  concurrency: number;
  three: PgSharedRun;
  one: PgSharedRun;
  /** Articles/s of 3 processes over 1's; the issue's target is at least 2. */
  ratio: number;
}

async function addFeeds(url: string, serverUrl: string, feeds: number): Promise<void> {
  const store = openPostgresStore(url);
  try {
    await store.ready;
    const now = new Date();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < feeds) {
        const s = next++;
        // Due again only in a day: a cycle slower than the default 10 minutes would otherwise meet
        // its first feeds again (the first 10k run did) and count their second polls as repeats.
        await store.sources.add({ tenant: LOCAL_TENANT, url: `${serverUrl}/feeds/${s}.xml`, kind: 'url', addedBy: 'bench', intervalMinutes: 24 * 60 }, now);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  } finally {
    await store.close();
  }
}

function startPoller(url: string, concurrency: number): { ready: Promise<void>; report: Promise<PollerReport>; go(): void } {
  const child = fork(join(here, 'pg-poller.ts'), [JSON.stringify({ url, concurrency })], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let readyOk: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyOk = r));
  const report = new Promise<PollerReport>((ok, fail) => {
    child.on('message', (m: { ready?: boolean; report?: PollerReport }) => {
      if (m.ready) readyOk();
      if (m.report) ok(m.report);
    });
    child.on('exit', (code) => fail(new Error(`bench poller exited with code ${code} before reporting`)));
  });
  return { ready: Promise.race([ready, report.then(() => undefined)]), report, go: () => child.send({ go: true }) };
}

async function counts(url: string): Promise<PgSharedRun['stored']> {
  const store = openPostgresStore(url);
  try {
    await store.ready;
    const { rows } = await store.pool.query<{ n: number; d: number; p: number }>(
      `SELECT (SELECT count(*)::int FROM articles) AS n, (SELECT count(DISTINCT (feed_id, guid))::int FROM articles) AS d,
              (SELECT count(*)::int FROM feeds WHERE last_polled_at IS NOT NULL) AS p`,
    );
    return { articles: rows[0]!.n, distinct: rows[0]!.d, feedsMarkedPolled: rows[0]!.p };
  } finally {
    await store.close();
  }
}

/** One cycle of `feeds` fresh feeds by `processes` bot processes on a fresh database. */
export async function pgSharedRun(a: { pgServer: string; feeds: number; processes: number; concurrency: number }): Promise<PgSharedRun> {
  const server = await startFeedServer(corpusSpec(a.feeds, { sources: a.feeds }));
  try {
    return await withDatabase(a.pgServer, async (url) => {
      const t0 = performance.now();
      await addFeeds(url, server.url, a.feeds);
      const pollers = Array.from({ length: a.processes }, () => startPoller(url, a.concurrency));
      await Promise.all(pollers.map((p) => p.ready));
      const setupSeconds = (performance.now() - t0) / 1000;
      const start = performance.now();
      for (const p of pollers) p.go();
      const reports = await Promise.all(pollers.map((p) => p.report));
      const wallSeconds = (performance.now() - start) / 1000;
      const all = reports.flatMap((r) => r.polled);
      const feedsPolled = new Set(all).size;
      const stored = await counts(url);
      return {
        processes: a.processes,
        feeds: a.feeds,
        wallSeconds,
        setupSeconds,
        perProcess: reports.map((r) => ({ ...r, polled: r.polled.length, errors: r.errors.slice(0, 5) })),
        polledTwice: all.length - feedsPolled,
        feedsPolled,
        fetches: server.fetches(),
        stored,
        articlesPerSecond: stored.articles / wallSeconds,
      };
    });
  } finally {
    await server.close();
  }
}

/** Three processes, then one, on the same corpus (each on a database of its own). */
export async function pgSharedPhase(a: { pgServer: string; feeds: number; concurrency?: number; log?: (msg: string) => void }): Promise<PgShared> {
  const concurrency = a.concurrency ?? 16;
  a.log?.(`PostgreSQL: one poll cycle of ${a.feeds} feeds by 3 bot processes`);
  const three = await pgSharedRun({ pgServer: a.pgServer, feeds: a.feeds, processes: 3, concurrency });
  a.log?.(`PostgreSQL: 3 processes took ${three.wallSeconds.toFixed(1)} s: ${JSON.stringify(three)}; the same cycle by 1 process`);
  const one = await pgSharedRun({ pgServer: a.pgServer, feeds: a.feeds, processes: 1, concurrency });
  return { feeds: a.feeds, concurrency, three, one, ratio: three.articlesPerSecond / one.articlesPerSecond };
}

async function main(): Promise<void> {
  const pgServer = benchPgServer();
  if (!pgServer) throw new Error('needs a PostgreSQL server: set FACTFEED_BENCH_PG_URL, or run it as scripts/pg-test-cluster.sh node bin/run-ts.js bench/pg-shared.ts');
  const at = process.argv.indexOf('--pg-feeds');
  const feeds = at >= 0 ? Number(process.argv[at + 1]) : 10_000;
  if (!Number.isInteger(feeds) || feeds <= 0) throw new Error(`--pg-feeds needs a positive whole number (got ${process.argv[at + 1] ?? 'nothing'})`);
  const result = await pgSharedPhase({ pgServer, feeds, log: (m) => void process.stderr.write(`[pg-shared] ${m}\n`) });
  console.log(renderPgShared(result));
  console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
