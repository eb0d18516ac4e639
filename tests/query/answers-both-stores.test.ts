import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSources, benchServices } from '../../bench/ingest.ts';
import { buildStore } from '../../bench/build.ts';
import { corpusSpec, topicQueries } from '../../bench/corpus.ts';
import { LOCAL_TENANT } from '../../src/app.ts';
import { openDatabase } from '../../src/store/db.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { openPool } from '../../src/store/postgres/pool.ts';
import { migratePostgres } from '../../src/store/postgres/migrate.ts';
import { copySqliteToPostgres } from '../../src/store/postgres/copy-sqlite.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { findFigures } from '../../src/query/figures.ts';
import { summarize } from '../../src/query/summary.ts';
import { findClaims } from '../../src/query/claims.ts';
import { describePg, freshDatabase, type TestDatabase } from '../helpers/postgres.ts';

// More feeds than SQLite names in its full-text query (64), so the local server's searches walk
// everyone's matches there, while a server following a few feeds has its searches narrowed: both
// of SQLite's search paths, against PostgreSQL's one.
const spec = corpusSpec(400, { sources: 80 });
const FEW = 'few-feeds';

describePg('answers on PostgreSQL', () => {
  let dir: string;
  let sqlite: Store;
  let pg: Store;
  let db: TestDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factfeed-answers-'));
    const path = join(dir, 'store.db');
    const services = benchServices(path);
    addSources(services, Array.from({ length: spec.sources }, (_, s) => `http://127.0.0.1:9/feeds/${s}.xml`));
    await buildStore(services, spec, 0, spec.articles, 0);
    const now = services.clock.now();
    for (let s = 0; s < 6; s++) services.store.sources.add({ tenant: FEW, url: `http://127.0.0.1:9/feeds/${s * 7}.xml`, kind: 'url', addedBy: 'test' }, now);
    services.store.close();
    db = await freshDatabase();
    const file = openDatabase(path);
    const pool = openPool(db.url, { max: 2 });
    try {
      await migratePostgres(pool, db.url);
      await copySqliteToPostgres(file, pool, db.url);
    } finally {
      file.close();
      await pool.end();
    }
    sqlite = openStore(path);
    pg = openPostgresStore(db.url, { maxConnections: 4 });
  }, 120_000);

  afterAll(async () => {
    await sqlite?.close();
    await pg?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const topics = [...topicQueries(), 'oil prices', 'kursk region'];

  it('lists the same figures as SQLite for every bench topic, for a server with many feeds and one with few', async () => {
    let figures = 0;
    for (const tenant of [LOCAL_TENANT, FEW]) {
      for (const topic of topics) {
        const want = await findFigures(sqlite, { tenant, topic });
        expect(await findFigures(pg, { tenant, topic }), `${tenant}: ${topic}`).toEqual(want);
        figures += want.length;
      }
    }
    // Equal because both found plenty, not because both found nothing.
    expect(figures).toBeGreaterThan(500);
  });

  it('summarizes and finds claims as SQLite does', async () => {
    for (const tenant of [LOCAL_TENANT, FEW]) {
      for (const topic of topics) {
        expect(await summarize(pg, { tenant, topic }), `${tenant}: ${topic}`).toEqual(await summarize(sqlite, { tenant, topic }));
        expect(await findClaims(pg, { tenant, topic }), `${tenant}: ${topic}`).toEqual(await findClaims(sqlite, { tenant, topic }));
      }
    }
  });
});
