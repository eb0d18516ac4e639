import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { loadMigrations, migrate } from '../../src/store/migrate.ts';
import { enqueueArticleUpdates } from '../../src/deliver/outbox.ts';
import { welcomeFollowers } from '../../src/deliver/fanout.ts';
import { normalizeUrl } from '../../src/ingest/url.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const WIRE = 'https://wire.example.org/feed.xml';
const SECRET = 'https://reader:pw@private.example.org/feed.xml';
// Stored as given before addresses were normalised for matching.
const OTHER = 'https://Other.example.org/rss/';

/**
 * A database as the per-server schema (migrations 001–007) left it: guild-a and guild-b each follow
 * the wire with their own copies of its articles, guild-c follows another feed, and local files and
 * an address with credentials are followed by two servers each.
 */
function oldDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factfeed-fold-'));
  dirs.push(dir);
  const path = join(dir, 'old.db');
  const db = new Database(path);
  migrate(db, path, loadMigrations().filter((m) => m.version <= 7));
  const source = db.prepare(`INSERT INTO sources (id, tenant, url, kind, title, interval_minutes, etag, added_at, added_by, last_polled_at, last_success_at, first_poll_done)
    VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z', ?, ?, ?, 1)`);
  source.run(1, 'guild-a', WIRE, 'url', 'Wire', 30, '"old"', 'alice', '2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z');
  source.run(2, 'guild-b', WIRE, 'url', 'Wire', 5, '"new"', 'bob', '2025-03-01T11:00:00Z', '2025-03-01T11:00:00Z');
  source.run(3, 'guild-c', OTHER, 'url', 'Other', 10, null, 'carol', null, null);
  source.run(4, 'guild-a', '/srv/local.xml', 'file', 'Local', 10, null, null, null, null);
  source.run(5, 'guild-b', '/srv/local.xml', 'file', 'Local', 10, null, null, null, null);
  source.run(6, 'guild-a', SECRET, 'url', 'Secret', 10, null, null, null, null);
  source.run(7, 'guild-c', SECRET, 'url', 'Secret', 10, null, null, null, null);
  const article = db.prepare(`INSERT INTO articles (id, source_id, guid, url, url_norm, title, published_at, fetched_at, text, content_hash, title_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const put = (id: number, sourceId: number, guid: string | null, link: string, title: string, fetched: string) =>
    article.run(id, sourceId, guid, link, link, title, '2025-02-01T00:00:00Z', fetched, `${title}: 40 barges reached the quay.`, `c-${title}`, `t-${title}`);
  put(10, 1, 'g1', 'https://wire.example.org/1', 'Barges arrive', '2025-02-02T00:00:00Z');
  put(11, 1, 'g2', 'https://wire.example.org/2', 'Quay reopens', '2025-02-03T00:00:00Z');
  put(20, 2, 'g1', 'https://wire.example.org/1', 'Barges arrive', '2025-02-01T12:00:00Z');
  put(21, 2, 'g3', 'https://wire.example.org/3', 'Cranes return', '2025-02-04T00:00:00Z');
  // The publisher dropped the guid, but the link is the same story.
  put(22, 2, null, 'https://wire.example.org/2', 'Quay reopens', '2025-02-03T06:00:00Z');
  put(30, 3, 'x1', 'https://other.example.org/1', 'Other news', '2025-02-02T00:00:00Z');
  put(40, 4, 'l1', 'file:///1', 'Local news', '2025-02-02T00:00:00Z');
  put(50, 5, 'l1', 'file:///1', 'Local news', '2025-02-02T00:00:00Z');
  db.prepare("INSERT INTO article_facts (article_id, figures) VALUES (20, '{}'), (22, '{}'), (10, '{}')").run();
  const sub = db.prepare(`INSERT INTO subscriptions (id, tenant, platform, channel, digest_cron, next_digest_at, last_digest_at, created_at) VALUES (?, ?, 'discord', ?, ?, ?, ?, '2025-01-01T00:00:00Z')`);
  sub.run(100, 'guild-a', 'a-news', '0 9 * * *', '2025-03-02T09:00:00Z', '2025-03-01T09:00:00Z');
  sub.run(200, 'guild-b', 'b-news', null, null, null);
  const row = db.prepare(`INSERT INTO outbox (id, subscription_id, article_id, kind, dedupe_key, payload, created_at, not_before, sent_at) VALUES (?, ?, ?, ?, ?, ?, '2025-02-05T00:00:00Z', '2025-02-05T00:00:00Z', ?)`);
  row.run(1, 100, 10, 'update', 'update:100:10', null, '2025-02-05T00:01:00Z');
  row.run(2, 200, 20, 'update', 'update:200:20', null, '2025-02-05T00:01:00Z');
  row.run(3, 200, 22, 'update', 'update:200:22', null, null);
  row.run(4, 200, 21, 'update', 'update:200:21', null, null);
  row.run(5, 100, null, 'digest', 'digest:100:2025-03-01T09:00:00.000Z', '{"since":"2025-02-28T09:00:00Z","until":"2025-03-01T09:00:00Z"}', null);
  row.run(6, 200, null, 'notice', 'pause:2:2025-02-01T00:00:00Z:200', '{"title":"Paused","text":"x"}', '2025-02-05T00:01:00Z');
  db.close();
  return path;
}

describe('migration 008: one feed per address, shared by the servers that follow it', () => {
  it('folds the same address of different servers into one feed and keeps every server’s sources, subscriptions and outbox', async () => {
    const store = openStore(oldDatabase());
    try {
      const wire = store.sources.get(1)!;
      expect(store.sources.get(2)!.feedId).toBe(wire.feedId);
      expect(store.sources.list().map((s) => [s.id, s.tenant, s.addedBy])).toEqual([
        [1, 'guild-a', 'alice'], [2, 'guild-b', 'bob'], [3, 'guild-c', 'carol'], [4, 'guild-a', null], [5, 'guild-b', null], [6, 'guild-a', null], [7, 'guild-c', null],
      ]);
      // Each follower keeps its own interval; the feed is polled at the shortest, with the freshest validators.
      expect([store.sources.get(1)!.intervalMinutes, store.sources.get(2)!.intervalMinutes]).toEqual([30, 5]);
      expect(store.feeds.get(wire.feedId)).toMatchObject({ url: WIRE, intervalMinutes: 5, etag: '"new"', privateTo: null });
      // Local files and addresses with credentials stay each server's own.
      expect(store.sources.get(4)!.feedId).not.toBe(store.sources.get(5)!.feedId);
      expect(store.sources.get(6)!.feedId).not.toBe(store.sources.get(7)!.feedId);
      expect(store.feeds.get(store.sources.get(7)!.feedId)!.privateTo).toBe('guild-c');
      expect(store.feeds.list()).toHaveLength(6);

      // One copy of each wire article, the oldest copy kept and dated from when it was first stored.
      const wireArticles = store.db.prepare('SELECT id, guid, fetched_at FROM articles WHERE feed_id = ? ORDER BY id').all(wire.feedId);
      expect(wireArticles).toEqual([
        { id: 10, guid: 'g1', fetched_at: '2025-02-01T12:00:00Z' },
        { id: 11, guid: 'g2', fetched_at: '2025-02-03T00:00:00Z' },
        { id: 21, guid: 'g3', fetched_at: '2025-02-04T00:00:00Z' },
      ]);
      expect(store.articles.countForTenant('guild-a')).toBe(3 + 1);
      expect(store.articles.countForTenant('guild-b')).toBe(3 + 1);
      expect(store.db.prepare('SELECT article_id FROM article_facts ORDER BY article_id').pluck().all()).toEqual([10]);
      expect(store.db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'barges'").pluck().get()).toBe(6);

      // Every outbox row is still there, pointed at the copy that stayed, sent or not as before.
      const rows = store.db.prepare('SELECT id, subscription_id, article_id, dedupe_key, sent_at IS NOT NULL AS sent FROM outbox ORDER BY id').all();
      expect(rows).toEqual([
        { id: 1, subscription_id: 100, article_id: 10, dedupe_key: 'update:100:10', sent: 1 },
        { id: 2, subscription_id: 200, article_id: 10, dedupe_key: 'update:200:10', sent: 1 },
        { id: 3, subscription_id: 200, article_id: 11, dedupe_key: 'update:200:11', sent: 0 },
        { id: 4, subscription_id: 200, article_id: 21, dedupe_key: 'update:200:21', sent: 0 },
        { id: 5, subscription_id: 100, article_id: null, dedupe_key: 'digest:100:2025-03-01T09:00:00.000Z', sent: 0 },
        { id: 6, subscription_id: 200, article_id: null, dedupe_key: 'pause:2:2025-02-01T00:00:00Z:200', sent: 1 },
      ]);
      expect(store.subscriptions.get(100)).toMatchObject({ tenant: 'guild-a', digestCron: '0 9 * * *', nextDigestAt: '2025-03-02T09:00:00Z', lastDigestAt: '2025-03-01T09:00:00Z' });

      // What guild-b was already sent is not queued again, under the kept article's id.
      const now = new Date('2025-03-05T00:00:00Z');
      expect(enqueueArticleUpdates(store, now, 10, { tenant: 'guild-b' })).toBe(0);
      expect(await welcomeFollowers(store, now, { id: wire.feedId })).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(6);
      // A server that follows a folded feed later, by the address as it was stored, shares it too.
      const later = store.sources.add({ tenant: 'guild-d', url: OTHER, urlKey: normalizeUrl(OTHER), kind: 'url' }, now);
      expect(later.feedId).toBe(store.sources.get(3)!.feedId);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      store.close();
    }
  });

  it('removes the folded feed with its articles only when its last follower leaves', () => {
    const store = openStore(oldDatabase());
    try {
      const feedId = store.sources.get(1)!.feedId;
      expect(store.sources.remove('guild-a', 1)).toEqual({ removed: true, feedRemoved: false });
      expect(store.articles.countForFeed(feedId)).toBe(3);
      // guild-b's unsent rows for the feed stay; guild-a has none left for it.
      expect(store.db.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL AND article_id IS NOT NULL').pluck().get()).toBe(2);
      expect(store.sources.remove('guild-b', 2)).toEqual({ removed: true, feedRemoved: true });
      expect(store.feeds.get(feedId)).toBeUndefined();
      expect(store.articles.countForFeed(feedId)).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM outbox WHERE article_id IS NOT NULL').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});
