import { describe } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openPool, type Pool } from '../../src/store/postgres/pool.ts';
import { migratePostgres } from '../../src/store/postgres/migrate.ts';

/** A PostgreSQL server the tests may create databases on; scripts/pg-test-cluster.sh starts one and sets it. */
export const PG_URL = process.env.FACTFEED_TEST_PG_URL || undefined;

/**
 * `describe` for suites that need PostgreSQL: without FACTFEED_TEST_PG_URL they are skipped, saying
 * so, so `npm test` passes on a clone without a server and CI (which has one) runs them.
 */
export function describePg(name: string, body: () => void): void {
  if (!PG_URL) {
    console.warn(`[skipped] ${name}: needs PostgreSQL; FACTFEED_TEST_PG_URL is not set (scripts/pg-test-cluster.sh npm test runs these)`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export interface TestDatabase {
  url: string;
  /** A pool of its own: each stands in for one factfeed process. */
  pool(max?: number): Pool;
  /** Closes every pool opened here and drops the database. */
  drop(): Promise<void>;
}

/** A new, empty database on the test server, so test files never see each other's rows. */
export async function freshDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `factfeed_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL!);
  u.pathname = `/${name}`;
  const url = u.toString();
  const pools: Pool[] = [];
  const db: TestDatabase = {
    url,
    pool: (max = 4) => {
      const p = openPool(url, { max, applicationName: 'factfeed-test' });
      pools.push(p);
      return p;
    },
    drop: async () => {
      await Promise.all(pools.splice(0).map((p) => p.end()));
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
  if (opts.migrated) await migratePostgres(db.pool(1), url);
  return db;
}
