import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { seedSampleFeed } from '../../../src/app.ts';
import { openDatabase, type Db } from '../../../src/store/db.ts';
import { COPIED_TABLES, copySqliteToPostgres, TargetNotEmptyError } from '../../../src/store/postgres/copy-sqlite.ts';
import { migratePostgres } from '../../../src/store/postgres/migrate.ts';
import { testServices, SAMPLE_FEED, fixture, type TestServices } from '../../helpers/services.ts';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

const root = new URL('../../..', import.meta.url).pathname;

/** An SQLite store written by today's code: the sample feed ingested, a second server's own feed, a subscription with a digest, deliveries. */
async function buildSqliteStore(): Promise<TestServices> {
  const s = testServices({ env: { FACTFEED_SAMPLE_FEED: SAMPLE_FEED } });
  const polled = await seedSampleFeed(s);
  expect(polled?.added).toBeGreaterThan(3);
  const now = s.clock.now();
  s.store.sources.add({ tenant: 'g2', url: fixture('feeds/rss2.xml'), kind: 'file', intervalMinutes: 30 }, now);
  const { subscription } = s.store.subscriptions.upsert({ tenant: 'local', platform: 'console', channel: 'main', include: ['prisoners', 'kursk region'] }, now);
  s.store.subscriptions.setDigest(subscription.id, '0 8 * * *', 'Europe/Kyiv', new Date('2025-06-16T05:00:00Z'), now);
  const [first, second] = polled!.newArticleIds;
  s.store.outbox.enqueue({ subscriptionId: subscription.id, articleId: first!, kind: 'update', dedupeKey: `update:${subscription.id}:${first}` }, now);
  s.store.outbox.enqueue({ subscriptionId: subscription.id, articleId: second!, kind: 'update', dedupeKey: `update:${subscription.id}:${second}` }, now);
  s.store.outbox.enqueue({ subscriptionId: subscription.id, kind: 'digest', dedupeKey: `digest:${subscription.id}:x`, payload: { since: 'a', until: 'b' } }, now);
  s.store.outbox.markSent(s.store.outbox.byKey(`update:${subscription.id}:${first}`)!.id, now);
  return s;
}

describePg('copying an SQLite store into PostgreSQL (factfeed migrate-store)', () => {
  let sqlite: TestServices;
  let source: Db;
  const targets: TestDatabase[] = [];
  const target = async (): Promise<TestDatabase> => {
    const t = await freshDatabase({ migrated: true });
    targets.push(t);
    return t;
  };

  beforeAll(async () => {
    sqlite = await buildSqliteStore();
    source = sqlite.store.db;
  });
  afterAll(async () => {
    for (const t of targets) await t.drop();
    sqlite?.cleanup();
  });

  const sqliteCount = (table: string): number => (source.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('copies every table, and returns per table a row count equal to SQLite’s', async () => {
    const t = await target();
    const counts = await copySqliteToPostgres(source, t.pool(), t.url);
    expect(counts.map((c) => c.table)).toEqual(COPIED_TABLES.map((x) => x.name));
    for (const c of counts) {
      expect(c.rows, c.table).toBe(sqliteCount(c.table));
      expect(c.rows, `${c.table} should hold something to copy`).toBeGreaterThan(0);
    }
  });

  it('keeps every value: ids, times, flags, and fact documents as the same JSON', async () => {
    const t = await target();
    const pool = t.pool();
    await copySqliteToPostgres(source, pool, t.url);
    const a = source.prepare('SELECT * FROM articles ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    const [b] = (await pool.query('SELECT * FROM articles WHERE id = $1', [a.id])).rows;
    expect(b).toMatchObject({ id: a.id, feed_id: a.feed_id, guid: a.guid, title: a.title, text: a.text, published_at: a.published_at, fetched_at: a.fetched_at, topics: a.topics });
    expect(b.full_text_fetched).toBe(a.full_text_fetched === 1);
    const docs = source.prepare('SELECT article_id, figures, others FROM article_facts ORDER BY article_id').all() as { article_id: number; figures: string | null; others: string | null }[];
    const copied = (await pool.query('SELECT article_id, figures, others FROM article_facts ORDER BY article_id')).rows;
    expect(copied).toEqual(docs.map((d) => ({ article_id: d.article_id, figures: d.figures && JSON.parse(d.figures), others: d.others && JSON.parse(d.others) })));
    const [sub] = (await pool.query('SELECT include_terms, digest_tz, next_digest_at FROM subscriptions')).rows;
    expect(sub).toEqual({ include_terms: ['prisoners', 'kursk region'], digest_tz: 'Europe/Kyiv', next_digest_at: '2025-06-16T05:00:00.000Z' });
    const outbox = (await pool.query("SELECT kind, payload, sent_at IS NOT NULL AS sent FROM outbox ORDER BY id")).rows;
    expect(outbox).toEqual([
      { kind: 'update', payload: null, sent: true },
      { kind: 'update', payload: null, sent: false },
      { kind: 'digest', payload: { since: 'a', until: 'b' }, sent: false },
    ]);
    const sources = (await pool.query('SELECT id, tenant, interval_minutes, first_poll_done FROM sources ORDER BY id')).rows;
    expect(sources).toEqual((source.prepare('SELECT id, tenant, interval_minutes, first_poll_done FROM sources ORDER BY id').all() as Record<string, unknown>[]).map((r) => ({ ...r, first_poll_done: r.first_poll_done === 1 })));
  });

  it('lets PostgreSQL find the same articles for a topic as SQLite’s full-text index', async () => {
    const t = await target();
    const pool = t.pool();
    await copySqliteToPostgres(source, pool, t.url);
    for (const word of ['prisoners', 'exchange', 'Kursk']) {
      const fts = source.prepare('SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(`title : ${word} OR text : ${word}`);
      const { rows } = await pool.query("SELECT id FROM articles WHERE search @@ plainto_tsquery('english', $1) ORDER BY id", [word]);
      expect(fts.length, word).toBeGreaterThan(0);
      expect(rows.map((r) => r.id), word).toEqual(fts);
    }
  });

  it('hands out new ids after the copied ones', async () => {
    const t = await target();
    const pool = t.pool();
    await copySqliteToPostgres(source, pool, t.url);
    const { rows } = await pool.query("INSERT INTO feeds (url, url_key, created_at) VALUES ('n', 'n', now()) RETURNING id");
    expect(rows[0].id).toBe((source.prepare('SELECT max(id) AS m FROM feeds').get() as { m: number }).m + 1);
  });

  it('refuses a target that already holds data, and changes nothing in it', async () => {
    const t = await target();
    const pool = t.pool();
    await copySqliteToPostgres(source, pool, t.url);
    const err = await copySqliteToPostgres(source, pool, t.url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetNotEmptyError);
    expect(String(err)).toMatch(/postgres:\/\/.* already holds data \(feeds: \d+ rows.*nothing was copied/);
    expect((await pool.query('SELECT count(*) AS n FROM articles')).rows[0].n).toBe(sqliteCount('articles'));
  });

  it('copies nothing at all when one row cannot go in, naming the table', async () => {
    const dir = sqlite.dir;
    const broken = openDatabase(join(dir, 'broken.db'));
    broken.prepare("INSERT INTO feeds (id, url, url_key, created_at) VALUES (1, 'u', 'u', '2025-01-01T00:00:00.000Z')").run();
    broken.prepare("INSERT INTO sources (tenant, feed_id, added_at) VALUES ('local', 1, '2025-01-01T00:00:00.000Z')").run();
    // A NUL character: SQLite keeps it, PostgreSQL text cannot hold it.
    broken.prepare("INSERT INTO articles (feed_id, title, text, published_at, fetched_at, content_hash, title_hash) VALUES (1, ?, 'x', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'c', 't')").run('bad\u0000title');
    const t = await target();
    const pool = t.pool();
    await expect(copySqliteToPostgres(broken, pool, t.url)).rejects.toThrow(/copying articles into postgres:\/\/.*nothing was copied/);
    broken.close();
    for (const table of ['feeds', 'sources', 'articles']) expect((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n, table).toBe(0);
  });

  describe('from the command line', { timeout: 90_000 }, () => {
    const factfeed = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [join(root, 'bin/factfeed.js'), ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });

    it('factfeed migrate-store --to copies the store, prints the counts, and refuses to copy twice (FACTFEED_DATABASE_URL naming the target too)', async () => {
      const t = await freshDatabase();
      targets.push(t);
      const file = join(sqlite.dir, 'factfeed.db');
      const first = factfeed(['migrate-store', '--to', t.url, '--db', file]);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(`Copied ${file} into ${t.url}`);
      expect(first.stdout).toMatch(new RegExp(`^  articles +${sqliteCount('articles')}$`, 'm'));
      expect(first.stdout).toMatch(/row count matches/);
      const again = factfeed(['migrate-store', '--db', file], { FACTFEED_DATABASE_URL: t.url });
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/already holds data/);
      // The schema it created is the current one: migrating again finds nothing to do.
      expect(await migratePostgres(t.pool(), t.url)).toEqual([]);
    });

    it('says what is missing: no target, or no SQLite store at the path given', () => {
      const none = factfeed(['migrate-store', '--db', join(sqlite.dir, 'factfeed.db')]);
      expect(none.status).toBe(2);
      expect(none.stderr).toMatch(/--to postgres:\/\/.*FACTFEED_DATABASE_URL/);
      const missing = factfeed(['migrate-store', '--to', 'postgres://x@127.0.0.1:1/none', '--db', join(sqlite.dir, 'nope.db')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/no SQLite store at .*nope\.db/);
    });
  });
});
