import { loadConfig } from '../src/config.ts';
import { openServices, LOCAL_TENANT } from '../src/app.ts';
import { silentLogger } from '../src/log.ts';
import { openDatabase } from '../src/store/db.ts';
import { openPool } from '../src/store/postgres/pool.ts';
import { migratePostgres } from '../src/store/postgres/migrate.ts';
import { copySqliteToPostgres } from '../src/store/postgres/copy-sqlite.ts';
import { checkAnswers, measureQueries, type AnswerCheck, type QueryLatency } from './queries.ts';
import type { KnownAnswer } from './corpus.ts';
import { withDatabase } from './postgres.ts';

export interface PgAnswers {
  articles: number;
  copySeconds: number;
  answers: AnswerCheck[];
  latency: QueryLatency;
}

/**
 * Answers on PostgreSQL at a size HTTP ingest cannot reach in reasonable time: the SQLite store the
 * bench built (the 100k one) is copied into a fresh database by migrate-store's bulk copy, analysed
 * as autovacuum would be after a load, and the same known answers and timings are taken there.
 */
export async function pgAnswersFromSqlite(a: { server: string; dbPath: string; topics: string[]; total: number; known: KnownAnswer[] }): Promise<PgAnswers> {
  return withDatabase(a.server, async (url) => {
    const t0 = performance.now();
    const db = openDatabase(a.dbPath);
    const pool = openPool(url, { max: 2, applicationName: 'factfeed bench copy' });
    try {
      await migratePostgres(pool, url);
      await copySqliteToPostgres(db, pool, url);
      await pool.query('ANALYZE');
    } finally {
      db.close();
      await pool.end();
    }
    const copySeconds = (performance.now() - t0) / 1000;
    const config = loadConfig({ FACTFEED_DATABASE_URL: url, FACTFEED_SAMPLE_FEED: '', FACTFEED_LOG_LEVEL: 'error' });
    const services = await openServices(config, { log: silentLogger });
    try {
      const answers = await checkAnswers(services, a.known);
      const latency = await measureQueries(services, a.topics, a.total);
      return { articles: await services.store.articles.countForTenant(LOCAL_TENANT), copySeconds, answers, latency };
    } finally {
      await services.store.close();
    }
  });
}
