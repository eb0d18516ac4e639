import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Pool } from '../../../src/store/postgres/pool.ts';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

/**
 * tenant_matches (migrations 002 and 003), the search every answer runs: its rows, and how many
 * times it asks whether a match belongs to the server, which it used to do for every match in its
 * window however few it kept.
 */
describePg('tenant_matches on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await freshDatabase({ migrated: true });
    pool = db.pool(1);
    // 200 feeds with one harbour report each, newest last: `wide` follows all of them, `narrow` every 20th.
    await pool.query(`INSERT INTO feeds (id, url, url_key, created_at) SELECT i, 'https://f' || i || '.example.org/', 'f' || i, now() FROM generate_series(1, 200) i`);
    await pool.query(`INSERT INTO sources (tenant, feed_id, added_at) SELECT 'wide', i, now() FROM generate_series(1, 200) i`);
    await pool.query(`INSERT INTO sources (tenant, feed_id, added_at) SELECT 'narrow', i, now() FROM generate_series(20, 200, 20) i`);
    await pool.query(
      `INSERT INTO articles (id, feed_id, guid, title, published_at, fetched_at, text, content_hash, title_hash)
       SELECT i, i, 'g' || i, 'Harbour report ' || i, now(), now(), 'The harbour counted ' || i || ' cranes.', 'c' || i, 't' || i
       FROM generate_series(1, 200) i`,
    );
  });
  afterAll(async () => db?.drop());

  const matches = async (tenant: string, maxRows: number, titlesOnly = false): Promise<number[]> =>
    (await pool.query<{ id: number }>('SELECT id FROM tenant_matches($1, $2, $3, $4) AS id', ['harbour', titlesOnly, tenant, maxRows])).rows.map((r) => r.id);

  /** Index scans of `sources` while fn runs: one per match whose server it checks. */
  async function sourceLookups(fn: () => Promise<unknown>): Promise<number> {
    const scans = async (): Promise<number> => {
      // A backend reports its counts when it goes idle, and may put that off for a second: ask
      // it to report now, so each reading holds everything this connection did before it.
      await pool.query('SELECT pg_stat_force_next_flush()');
      await pool.query('SELECT pg_stat_clear_snapshot()');
      return Number((await pool.query("SELECT sum(idx_scan) AS n FROM pg_stat_user_indexes WHERE relname = 'sources'")).rows[0].n);
    };
    const before = await scans();
    await fn();
    return (await scans()) - before;
  }

  it('yields a server’s newest matches only, newest first, whole or in titles', async () => {
    expect(await matches('wide', 5)).toEqual([200, 199, 198, 197, 196]);
    expect(await matches('narrow', 3)).toEqual([200, 180, 160]);
    expect(await matches('narrow', 50, true)).toEqual([200, 180, 160, 140, 120, 100, 80, 60, 40, 20]);
    expect(await matches('nobody', 5)).toEqual([]);
  });

  it('asks whether a match is the server’s about as many times as it keeps matches, not once per match in its window', async () => {
    expect(await sourceLookups(() => matches('wide', 10))).toBeLessThanOrEqual(20);
    expect(await sourceLookups(() => matches('wide', 10, true))).toBeLessThanOrEqual(20);
  });
});
