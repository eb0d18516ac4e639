import { afterEach, describe } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { PG_URL, freshDatabase, type TestDatabase } from './postgres.ts';

/** Opens an empty store of the suite's kind; closed (and its database dropped) after each test. */
export type OpenStore = () => Promise<Store>;

/**
 * Runs a store suite on every backend: on SQLite always, on PostgreSQL when FACTFEED_TEST_PG_URL
 * names a server (scripts/pg-test-cluster.sh sets it), saying so when it is skipped. The suite
 * sees only the Store interface, so both backends answer the same assertions.
 */
export function describeStores(name: string, body: (open: OpenStore) => void): void {
  describe(`${name} [SQLite]`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    body(async () => {
      const s = openStore(':memory:');
      opened.push(s);
      return s;
    });
  });
  if (!PG_URL) {
    console.warn(`[skipped] ${name} [PostgreSQL]: needs PostgreSQL; FACTFEED_TEST_PG_URL is not set (scripts/pg-test-cluster.sh npm test runs it)`);
    describe.skip(`${name} [PostgreSQL]`, () => body(() => Promise.reject(new Error('no PostgreSQL'))));
    return;
  }
  describe(`${name} [PostgreSQL]`, () => {
    const opened: Array<{ store: Store; db: TestDatabase }> = [];
    afterEach(async () => {
      for (const { store, db } of opened.splice(0)) {
        await store.close();
        await db.drop();
      }
    });
    body(async () => {
      const db = await freshDatabase();
      const store = openPostgresStore(db.url, { maxConnections: 4, applicationName: 'factfeed-test' });
      opened.push({ store, db });
      await store.ready;
      return store;
    });
  });
}
