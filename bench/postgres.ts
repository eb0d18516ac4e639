import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config.ts';
import { openServices, LOCAL_TENANT } from '../src/app.ts';
import { silentLogger } from '../src/log.ts';
import type { Services } from '../src/services.ts';
import { pollCycle, type PollMeasure } from './ingest.ts';
import { checkAnswers, measureQueries, type AnswerCheck, type QueryLatency } from './queries.ts';
import type { KnownAnswer } from './corpus.ts';

/**
 * The PostgreSQL side of `npm run bench -- --postgres`: the same ingest and answers as the SQLite
 * phases, on a fresh database of the server FACTFEED_BENCH_PG_URL (or FACTFEED_TEST_PG_URL, which
 * scripts/pg-test-cluster.sh sets) names. The database is dropped afterwards.
 */
export const benchPgServer = (): string | undefined => process.env.FACTFEED_BENCH_PG_URL || process.env.FACTFEED_TEST_PG_URL || undefined;

export interface PgIngestAndAnswers {
  ingest: PollMeasure;
  unchanged: PollMeasure;
  articles: number;
  answers: AnswerCheck[];
  latency: QueryLatency;
}

/** Runs fn on a new database of the server, dropped afterwards however fn ends. */
export async function withDatabase<T>(server: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `factfeed_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

export async function pgIngestAndAnswers(a: { server: string; serverUrl: string; sources: number; topics: string[]; total: number; known: KnownAnswer[] }): Promise<PgIngestAndAnswers> {
  return withDatabase(a.server, async (url) => {
    const config = loadConfig({ FACTFEED_DATABASE_URL: url, FACTFEED_ALLOW_PRIVATE: '1', FACTFEED_SAMPLE_FEED: '', FACTFEED_LOG_LEVEL: 'error' });
    const services: Services = await openServices(config, { log: silentLogger });
    try {
      const now = services.clock.now();
      for (let s = 0; s < a.sources; s++) await services.store.sources.add({ tenant: LOCAL_TENANT, url: `${a.serverUrl}/feeds/${s}.xml`, kind: 'url', addedBy: 'bench' }, now);
      const ingest = await pollCycle(services);
      const unchanged = await pollCycle(services);
      const answers = await checkAnswers(services, a.known);
      const latency = await measureQueries(services, a.topics, a.total);
      return { ingest, unchanged, articles: await services.store.articles.countForTenant(LOCAL_TENANT), answers, latency };
    } finally {
      await services.store.close();
    }
  });
}
