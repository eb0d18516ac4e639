import type { Store } from '../types.ts';
import { inTransaction, openPool, type Pool } from './pool.ts';
import { migratePostgres } from './migrate.ts';
import { redactDatabaseUrl } from './url.ts';
import type { Queryable } from './query.ts';
import { PgFeeds } from './feeds.ts';
import { PgSources, type InTransaction } from './sources.ts';
import { PgArticles } from './articles.ts';
import { PgFacts } from './facts.ts';
import { PgSubscriptions, PgOutbox, PgSettings } from './subscriptions.ts';
import { PgSearch } from './search.ts';
import { PgWrites } from './writes.ts';
import { PgWork, type Leases } from './work.ts';

export interface PostgresStore extends Store {
  readonly dialect: 'postgres';
  /** Resolves once the schema is migrated (every query waits for it); rejects naming the database when it cannot be. */
  readonly ready: Promise<void>;
  readonly pool: Pool;
}

/**
 * The store on PostgreSQL. Opening is synchronous, as SQLite's is: the schema is migrated in the
 * background and every query waits for it, so a database that cannot be reached fails the first
 * query, naming the database (the URL without its password).
 */
export function openPostgresStore(url: string, opts: { maxConnections?: number; applicationName?: string; leases?: Leases } = {}): PostgresStore {
  const pool = openPool(url, { max: opts.maxConnections ?? 10, applicationName: opts.applicationName ?? 'factfeed' });
  const where = redactDatabaseUrl(url);
  const ready = migratePostgres(pool, url).then(
    () => undefined,
    (err: unknown) => {
      throw new Error(`PostgreSQL store ${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    },
  );
  // Nobody may be waiting yet; the first query reports it.
  ready.catch(() => undefined);
  const db: Queryable = {
    query: async (text, params) => {
      await ready;
      return pool.query(text, params);
    },
  };
  const tx: InTransaction = async (fn) => {
    await ready;
    return inTransaction(pool, (client) => fn(client));
  };
  const facts = new PgFacts(db);
  let closed = false;
  return {
    dialect: 'postgres',
    path: where,
    ready,
    pool,
    feeds: new PgFeeds(db),
    sources: new PgSources(db, tx),
    articles: new PgArticles(db),
    facts,
    settings: new PgSettings(db),
    subscriptions: new PgSubscriptions(db),
    outbox: new PgOutbox(db),
    search: new PgSearch(db),
    writes: new PgWrites(tx),
    work: new PgWork(pool, ready, opts.leases),
    close: async () => {
      if (closed) return;
      closed = true;
      await ready.catch(() => undefined);
      await pool.end();
    },
  };
}
