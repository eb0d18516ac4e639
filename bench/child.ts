import { LOCAL_TENANT } from '../src/app.ts';
import { stageBreakdown } from './breakdown.ts';
import { buildStore } from './build.ts';
import { NEW_ITEM_FRACTION, type CorpusSpec, type KnownAnswer } from './corpus.ts';
import { addSources, benchServices, databaseBytes, pollCycle } from './ingest.ts';
import { checkAnswers, measureQueries } from './queries.ts';
import { maxRss } from './stats.ts';
import { sharedAnswers, sharedFeedsPhase } from './shared.ts';
import { pgIngestAndAnswers } from './postgres.ts';
import { pgAnswersFromSqlite } from './pg-answers.ts';

/**
 * One benchmark phase in its own process, so each phase's memory peak and CPU time are its own.
 * Usage: node --import tsx bench/child.ts <phase> '<json args>'; the result goes back over IPC.
 */
type Args = Record<string, unknown>;

const phases: Record<string, (a: Args) => Promise<unknown>> = {
  async ingest(a) {
    const spec = a.spec as CorpusSpec;
    const services = benchServices(a.dbPath as string);
    try {
      addSources(services, Array.from({ length: spec.sources }, (_, s) => `${a.serverUrl as string}/feeds/${s}.xml`));
      const ingest = await pollCycle(services);
      const unchanged = await pollCycle(services);
      const res = await fetch(`${a.serverUrl as string}/_bench/new-items?fraction=${NEW_ITEM_FRACTION}`, { method: 'POST' });
      if (!res.ok) throw new Error(`feed server refused new items: HTTP ${res.status}`);
      const changed = ((await res.json()) as { changed: number }).changed;
      const withNew = await pollCycle(services);
      const articles = services.store.articles.countForTenant(LOCAL_TENANT);
      return { ingest, unchanged, withNew: { ...withNew, changedFeeds: changed }, articles, facts: services.store.facts.countForTenant(LOCAL_TENANT), dbBytes: databaseBytes(services), maxRssBytes: maxRss() };
    } finally {
      services.store.close();
    }
  },

  async breakdown(a) {
    return stageBreakdown(a.spec as CorpusSpec, a.count as number);
  },

  async build(a) {
    const services = benchServices(a.dbPath as string);
    try {
      const spec = a.spec as CorpusSpec;
      if (services.store.sources.list(LOCAL_TENANT).length === 0) addSources(services, Array.from({ length: spec.sources }, (_, s) => `http://127.0.0.1:9/feeds/${s}.xml`));
      const build = await buildStore(services, a.spec as CorpusSpec, a.from as number, a.to as number, a.threads as number);
      const articles = services.store.articles.countForTenant(LOCAL_TENANT);
      return { build, articles, facts: services.store.facts.countForTenant(LOCAL_TENANT), dbBytes: databaseBytes(services), maxRssBytes: maxRss() };
    } finally {
      services.store.close();
    }
  },

  async shared(a) {
    return { ...(await sharedFeedsPhase(a as Parameters<typeof sharedFeedsPhase>[0])), maxRssBytes: maxRss() };
  },

  async sharedAnswers(a) {
    const services = benchServices(a.dbPath as string);
    try {
      const result = await sharedAnswers(services, a.topics as string[], a.total as number, { servers: a.servers as number, perServer: a.perServer as number, pool: a.pool as number });
      return { ...result, maxRssBytes: maxRss() };
    } finally {
      services.store.close();
    }
  },

  async pgIngest(a) {
    return { ...(await pgIngestAndAnswers(a as Parameters<typeof pgIngestAndAnswers>[0])), maxRssBytes: maxRss() };
  },

  async pgAnswers(a) {
    return { ...(await pgAnswersFromSqlite(a as Parameters<typeof pgAnswersFromSqlite>[0])), maxRssBytes: maxRss() };
  },

  async queries(a) {
    const services = benchServices(a.dbPath as string);
    try {
      const openedRss = process.memoryUsage.rss();
      const answers = await checkAnswers(services, a.known as KnownAnswer[]);
      const latency = await measureQueries(services, a.topics as string[], a.total as number);
      global.gc?.();
      return { latency, answers, articles: services.store.articles.countForTenant(LOCAL_TENANT), openedRssBytes: openedRss, steadyRssBytes: process.memoryUsage.rss(), maxRssBytes: maxRss() };
    } finally {
      services.store.close();
    }
  },
};

const [phase, json] = process.argv.slice(2);
const run = phase ? phases[phase] : undefined;
if (!run) {
  console.error(`bench/child.ts: unknown phase "${phase ?? ''}" (one of ${Object.keys(phases).join(', ')})`);
  process.exit(2);
}
try {
  const result = await run(JSON.parse(json ?? '{}') as Args);
  process.send?.({ ok: true, result }, () => process.exit(0));
  if (!process.send) console.log(JSON.stringify(result, null, 2));
} catch (err) {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.send?.({ ok: false, error: `${phase}: ${message}` }, () => process.exit(1));
  if (!process.send) {
    console.error(message);
    process.exit(1);
  }
}
