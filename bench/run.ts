import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEW_ITEM_FRACTION, corpusSpec, indexRange, knownAnswers, newItemIndexes, publishedAt, topicQueries, type CorpusSpec, type StoredArticles } from './corpus.ts';
import { renderResults, targetsOf, type Results } from './report.ts';
import type { SharedAnswers, SharedMeasure } from './shared.ts';
import { benchPgServer, type PgIngestAndAnswers } from './postgres.ts';
import { renderPostgres } from './report-postgres.ts';
import type { PgAnswers } from './pg-answers.ts';
import { pgSharedPhase, type PgShared } from './pg-shared.ts';
import { renderPgShared } from './report-pg-shared.ts';

/**
 * npm run bench [-- --articles N --queries N --skip-100k --quick --threads N --keep --postgres --pg-feeds N]
 * --postgres also runs ingest and answers on PostgreSQL (FACTFEED_BENCH_PG_URL, or the server
 * scripts/pg-test-cluster.sh starts) and prints them beside SQLite's, and a poll cycle of
 * --pg-feeds feeds (10,000) shared by 3 bot processes against 1 (bench/pg-shared.ts, which also
 * runs alone).
 * Starts the feed server and runs each phase in its own process (so peaks and CPU times are the
 * phase's own), prints the tables and writes bench/results.json.
 */
const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
function num(name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} needs a positive whole number (got ${argv[i + 1] ?? 'nothing'})`);
  return v;
}

const quick = flag('quick');
const articles = num('articles', quick ? 2000 : 10_000);
const queries = num('queries', quick ? 200 : 1000);
const bigSize = num('big', 100_000);
/** Articles ingested one by one into the finished 100k store, to see the bot's own memory and speed there. */
const TOP_UP = 1000;
const withBig = !flag('skip-100k') && !quick && articles < bigSize;
const threads = num('threads', availableParallelism());
/** The shared-feeds phase: this many servers, each following `SHARED_PER_SERVER` of `SHARED_FEEDS` feeds. */
const sharedServers = num('servers', 1000);
const SHARED_FEEDS = 200;
const SHARED_PER_SERVER = 20;
const pgFeeds = num('pg-feeds', 10_000);
const out = join(here, 'results.json');

const log = (msg: string): void => void process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
const started = performance.now();

function spawn(script: string, args: string[]): ChildProcess {
  return fork(join(here, script), args, { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function phase<T>(name: string, args: Record<string, unknown>): Promise<T> {
  return new Promise((ok, fail) => {
    const child = spawn('child.ts', [name, JSON.stringify(args)]);
    let settled = false;
    child.on('message', (m: { ok: boolean; result?: T; error?: string }) => {
      settled = true;
      if (m.ok) ok(m.result as T);
      else fail(new Error(m.error));
    });
    child.on('exit', (code) => {
      if (!settled) fail(new Error(`bench phase "${name}" exited with code ${code} before reporting`));
    });
  });
}

async function startServer(spec: CorpusSpec): Promise<{ url: string; stop(): void }> {
  const child = spawn('server.ts', ['--spec', JSON.stringify(spec)]);
  const url = await new Promise<string>((ok, fail) => {
    child.once('message', (m: { url: string }) => ok(m.url));
    child.once('exit', (code) => fail(new Error(`feed server exited with code ${code}`)));
  });
  return { url, stop: () => child.disconnect() };
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const spec = corpusSpec(articles);
  const dir = mkdtempSync(join(tmpdir(), 'factfeed-bench-'));
  const db = join(dir, 'bench.db');
  try {
    log(`corpus: ${articles} articles in ${spec.sources} feeds; ${queries} queries per command${withBig ? `; then a ${bigSize.toLocaleString('en-US')}-article store` : ''}`);
    const server = await startServer(spec);
    type Ingest = { ingest: Results['polling']['unchanged']; unchanged: Results['polling']['unchanged']; withNew: Results['polling']['withNew']; articles: number; facts: number; dbBytes: number };
    let ing: Ingest;
    try {
      log(`ingesting over HTTP from ${server.url}`);
      ing = await phase<Ingest>('ingest', { spec, serverUrl: server.url, dbPath: db });
    } finally {
      server.stop();
    }
    log(`ingested ${ing.ingest.added} articles in ${ing.ingest.wallSeconds.toFixed(1)} s; measuring stages`);
    let onPg: PgIngestAndAnswers | undefined;
    let pgShared: PgShared | undefined;
    if (flag('postgres')) {
      const pgServer = benchPgServer();
      if (!pgServer) throw new Error('--postgres needs a PostgreSQL server: set FACTFEED_BENCH_PG_URL, or run it as scripts/pg-test-cluster.sh npm run bench -- --postgres');
      const again = await startServer(spec);
      try {
        log(`PostgreSQL: ingesting the same ${articles} articles over HTTP, then answers`);
        const stored: StoredArticles[] = [{ spec, indexes: indexRange(0, spec.articles) }];
        onPg = await phase<PgIngestAndAnswers>('pgIngest', { server: pgServer, serverUrl: again.url, sources: spec.sources, topics: topicQueries(), total: queries, known: knownAnswers(stored) });
      } finally {
        again.stop();
      }
      pgShared = await pgSharedPhase({ pgServer, feeds: pgFeeds, log });
    }
    const stages = await phase<Results['ingest']['stages']>('breakdown', { spec, count: Math.min(articles, quick ? 300 : 1000) });

    const topics = topicQueries();
    const answers: Results['answers'] = [];
    const storage: Results['storage'] = [{ articles: ing.articles, facts: ing.facts, dbBytes: ing.dbBytes, bytesPerArticle: ing.dbBytes / ing.articles }];
    type Q = { latency: Results['answers'][number]['latency']; answers: Results['answers'][number]['checks']; articles: number; steadyRssBytes: number };
    log(`queries at ${ing.articles} articles`);
    // What the 10k store holds: the corpus and the new items of the third poll.
    const stored: StoredArticles[] = [{ spec, indexes: [...indexRange(0, spec.articles), ...newItemIndexes(spec, NEW_ITEM_FRACTION)] }];
    const q1 = await phase<Q>('queries', { dbPath: db, topics, total: queries, known: knownAnswers(stored) });
    answers.push({ articles: q1.articles, latency: q1.latency, checks: q1.answers, steadyRssBytes: q1.steadyRssBytes });

    let answersDb = db;
    let build100k: Results['ingest']['build100k'];
    let pgBig: PgAnswers | undefined;
    let topUp: Results['ingest']['topUp'];
    if (withBig) {
      // The big store starts as a copy of the 10k one, whose third-poll items are dated past its
      // corpus. Stretch the big corpus to end after them, so that what is stored later is published
      // later, as with a real feed (answers walk the newest stored articles).
      const newestCopied = Math.max(...stored.flatMap(({ spec: s, indexes }) => [...indexes].map((i) => publishedAt(s, i).getTime())));
      const spanDays = Math.max(spec.spanDays, Math.ceil((newestCopied - Date.parse(spec.start)) / 86_400_000) + 1);
      const bigSpec = corpusSpec(bigSize, { sources: spec.sources, spanDays });
      const bigDb = join(dir, 'bench-100k.db');
      answersDb = bigDb;
      copyFileSync(db, bigDb);
      log(`building the ${bigSize.toLocaleString('en-US')}-article store through storeItem (no HTTP), ${threads} extraction threads`);
      type B = { build: NonNullable<Results['ingest']['build100k']>; articles: number; facts: number; dbBytes: number };
      const b = await phase<B>('build', { dbPath: bigDb, spec: bigSpec, from: articles, to: bigSize, threads });
      build100k = { ...b.build, articlesPerSecond: b.build.articles / b.build.wallSeconds };
      log(`ingesting ${TOP_UP} more articles into it on the bot's own single-threaded path`);
      const t = await phase<B>('build', { dbPath: bigDb, spec: bigSpec, from: bigSize, to: bigSize + TOP_UP, threads: 0 });
      topUp = { ...t.build, articlesPerSecond: t.build.articles / t.build.wallSeconds };
      storage.push({ articles: t.articles, facts: t.facts, dbBytes: t.dbBytes, bytesPerArticle: t.dbBytes / t.articles });
      log(`queries at ${b.articles} articles`);
      const q2 = await phase<Q>('queries', { dbPath: bigDb, topics, total: queries, known: knownAnswers([...stored, { spec: bigSpec, indexes: indexRange(articles, bigSize + TOP_UP) }]) });
      answers.push({ articles: q2.articles, latency: q2.latency, checks: q2.answers, steadyRssBytes: q2.steadyRssBytes });
      const pgServer = benchPgServer();
      if (flag('postgres') && pgServer) {
        log(`PostgreSQL: copying the ${b.articles}-article store into a fresh database, then answers there`);
        pgBig = await phase<PgAnswers>('pgAnswers', { server: pgServer, dbPath: bigDb, topics, total: queries, known: knownAnswers([...stored, { spec: bigSpec, indexes: indexRange(articles, bigSize + TOP_UP) }]) });
      }
    }

    // Shared feeds: a store of its own fed by its own server of SHARED_FEEDS feeds, then answers for
    // random servers on the largest store (followers added to its first SHARED_FEEDS feeds).
    const sharedSpec = corpusSpec(SHARED_FEEDS * 10, { sources: SHARED_FEEDS });
    const sharedServer = await startServer(sharedSpec);
    let sharedPoll: SharedMeasure;
    try {
      log(`shared feeds: ${sharedServers} servers each following ${SHARED_PER_SERVER} of ${SHARED_FEEDS} feeds`);
      sharedPoll = await phase<SharedMeasure>('shared', {
        dbPath: join(dir, 'shared.db'), serverUrl: sharedServer.url, feeds: SHARED_FEEDS, servers: sharedServers, perServer: SHARED_PER_SERVER, fraction: NEW_ITEM_FRACTION,
      });
    } finally {
      sharedServer.stop();
    }
    log(`answers for random servers among ${sharedServers} on the ${answers.at(-1)!.articles}-article store`);
    const sharedAsk = await phase<SharedAnswers>('sharedAnswers', { dbPath: answersDb, topics, total: queries, servers: sharedServers, perServer: SHARED_PER_SERVER, pool: SHARED_FEEDS });

    const e = ing.ingest;
    const partial: Omit<Results, 'targets' | 'totalSeconds'> = {
      generatedAt: new Date().toISOString(),
      command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}`, loadAverageAtStart: loadAtStart.map((l) => Number(l.toFixed(2))) },
      corpus: { articles, sources: spec.sources, seed: spec.seed, itemsPerFeed: Math.ceil(articles / spec.sources) },
      ingest: {
        endToEnd: { ...e, articles: e.added, articlesPerSecond: e.added / e.wallSeconds, articlesPerCpuSecond: e.added / e.cpuSeconds, cpuMsPerArticle: (e.cpuSeconds * 1000) / e.added },
        stages,
        ...(build100k ? { build100k } : {}),
        ...(topUp ? { topUp } : {}),
      },
      answers,
      polling: { unchanged: ing.unchanged, withNew: ing.withNew },
      storage,
      shared: { poll: sharedPoll, answers: sharedAsk },
    };
    const results: Results = { ...partial, targets: targetsOf(partial), totalSeconds: (performance.now() - started) / 1000 };
    console.log(renderResults(results));
    if (pgShared) console.log(renderPgShared(pgShared));
    if (onPg) console.log(renderPostgres(results, onPg, pgBig, pgShared));
    console.log(`\n${results.command} — ${results.totalSeconds.toFixed(0)} s on ${results.machine.cpus}× ${results.machine.cpuModel} (load average at start ${loadAtStart.map((l) => l.toFixed(1)).join(' ')})`);
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    log(`wrote ${out}`);
  } finally {
    if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
    else log(`kept databases in ${dir}`);
  }
}

await main();
