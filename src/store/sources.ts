import type { Statement } from 'better-sqlite3';
import { statements, type Db } from './db.ts';
import type { FeedRepo } from './feeds.ts';

/**
 * A server's follow of a feed, seen with the feed's address and health (which every follower shares).
 * `id` is the follow's own number, the one /sources shows; `feedId` is the shared feed.
 */
export interface Source {
  id: number;
  tenant: string;
  feedId: number;
  url: string;
  kind: 'url' | 'file';
  title: string | null;
  siteUrl: string | null;
  /** This follower's own interval; the feed is polled at the shortest of its followers'. */
  intervalMinutes: number;
  userAgent: string | null;
  etag: string | null;
  lastModified: string | null;
  addedAt: string;
  addedBy: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  pausedAt: string | null;
  pauseNotified: boolean;
  /** Whether this follow's first announcements (the feed's newest few articles) were queued. */
  firstPollDone: boolean;
}

export interface NewSource {
  tenant: string;
  url: string;
  /** What the feed is matched on (the normalised address); the address itself when not given. */
  urlKey?: string | undefined;
  kind: 'url' | 'file';
  /** Keeps the feed to this server alone (an address with credentials). Local files always are. */
  private?: boolean | undefined;
  title?: string | null | undefined;
  siteUrl?: string | null | undefined;
  intervalMinutes?: number | undefined;
  userAgent?: string | null | undefined;
  addedBy?: string | null | undefined;
}

interface Row {
  id: number;
  tenant: string;
  feed_id: number;
  url: string;
  kind: 'url' | 'file';
  title: string | null;
  site_url: string | null;
  interval_minutes: number;
  user_agent: string;
  etag: string | null;
  last_modified: string | null;
  added_at: string;
  added_by: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  next_poll_at: string | null;
  paused_at: string | null;
  pause_notified: number;
  first_poll_done: number;
}

const toSource = (r: Row): Source => ({
  id: r.id,
  tenant: r.tenant,
  feedId: r.feed_id,
  url: r.url,
  kind: r.kind,
  title: r.title,
  siteUrl: r.site_url,
  intervalMinutes: r.interval_minutes,
  userAgent: r.user_agent || null,
  etag: r.etag,
  lastModified: r.last_modified,
  addedAt: r.added_at,
  addedBy: r.added_by,
  lastPolledAt: r.last_polled_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  consecutiveFailures: r.consecutive_failures,
  nextPollAt: r.next_poll_at,
  pausedAt: r.paused_at,
  pauseNotified: r.pause_notified === 1,
  firstPollDone: r.first_poll_done === 1,
});

const SELECT = `SELECT s.id, s.tenant, s.feed_id, f.url, f.kind, f.title, f.site_url, s.interval_minutes, f.user_agent, f.etag, f.last_modified,
    s.added_at, s.added_by, f.last_polled_at, f.last_success_at, f.last_error, f.last_error_at, f.consecutive_failures, f.next_poll_at,
    f.paused_at, f.pause_notified, s.first_poll_done
  FROM sources s JOIN feeds f ON f.id = s.feed_id`;

export class DuplicateSourceError extends Error {
  constructor(readonly existing: Source) {
    super(`That feed is already a source (#${existing.id}: ${existing.title ?? existing.url})`);
    this.name = 'DuplicateSourceError';
  }
}

export class SourceRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(
    private readonly db: Db,
    private readonly feeds: FeedRepo,
  ) {
    this.sql = statements(db);
  }

  /** Follows the feed for the server, sharing it with the servers that already follow it. */
  add(s: NewSource, now: Date): Source {
    return this.db.transaction(() => {
      const byUrl = this.findByUrl(s.tenant, s.url);
      if (byUrl) throw new DuplicateSourceError(byUrl);
      const privateTo = s.kind === 'file' || s.private ? s.tenant : undefined;
      const feed = this.feeds.ensure({ url: s.url, urlKey: s.urlKey, kind: s.kind, userAgent: s.userAgent, privateTo }, now);
      const already = this.sql(`${SELECT} WHERE s.tenant = ? AND s.feed_id = ?`).get(s.tenant, feed.id) as Row | undefined;
      if (already) throw new DuplicateSourceError(toSource(already));
      this.feeds.setTitle(feed.id, s.title ?? null, s.siteUrl ?? null);
      const info = this.sql('INSERT INTO sources (tenant, feed_id, interval_minutes, added_at, added_by) VALUES (?, ?, ?, ?, ?)').run(
        s.tenant,
        feed.id,
        s.intervalMinutes ?? 10,
        now.toISOString(),
        s.addedBy ?? null,
      );
      return this.get(Number(info.lastInsertRowid))!;
    })();
  }

  get(id: number): Source | undefined {
    const row = this.sql(`${SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
    return row ? toSource(row) : undefined;
  }

  /** A source by id, but only within the tenant: one guild must never see or touch another's. */
  getForTenant(tenant: string, id: number): Source | undefined {
    const row = this.sql(`${SELECT} WHERE s.id = ? AND s.tenant = ?`).get(id, tenant) as Row | undefined;
    return row ? toSource(row) : undefined;
  }

  findByUrl(tenant: string, url: string): Source | undefined {
    const row = this.sql(`${SELECT} WHERE s.tenant = ? AND (f.url = ? OR f.url_key = ?)`).get(tenant, url, url) as Row | undefined;
    return row ? toSource(row) : undefined;
  }

  list(tenant?: string): Source[] {
    const rows = (tenant === undefined ? this.sql(`${SELECT} ORDER BY s.id`).all() : this.sql(`${SELECT} WHERE s.tenant = ? ORDER BY s.id`).all(tenant)) as Row[];
    return rows.map(toSource);
  }

  /** Every server's follow of a feed: where its new articles and notices fan out to. */
  followers(feedId: number): Source[] {
    return (this.sql(`${SELECT} WHERE s.feed_id = ? ORDER BY s.id`).all(feedId) as Row[]).map(toSource);
  }

  /**
   * Unfollows. Deliveries of the feed's articles still queued for the server's channels are dropped,
   * and when the last follower leaves, the feed goes with its articles and their facts.
   */
  remove(tenant: string, id: number): { removed: boolean; feedRemoved: boolean } {
    return this.db.transaction(() => {
      const source = this.getForTenant(tenant, id);
      if (!source) return { removed: false, feedRemoved: false };
      this.sql(
        `DELETE FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL
           AND subscription_id IN (SELECT id FROM subscriptions WHERE tenant = ?)
           AND article_id IN (SELECT id FROM articles WHERE feed_id = ?)`,
      ).run(tenant, source.feedId);
      this.sql('DELETE FROM sources WHERE id = ?').run(id);
      return { removed: true, feedRemoved: this.feeds.removeIfUnfollowed(source.feedId) };
    })();
  }

  /** Follows of the feed whose first announcements are still to come (most polls: none). */
  waitingFollowers(feedId: number): Source[] {
    return (this.sql(`${SELECT} WHERE s.feed_id = ? AND s.first_poll_done = 0 ORDER BY s.id`).all(feedId) as Row[]).map(toSource);
  }

  /** Records that the follow's first announcements are queued; later articles are announced as they come. */
  markFirstPollDone(id: number): void {
    this.sql('UPDATE sources SET first_poll_done = 1 WHERE id = ?').run(id);
  }

  /** Clears the failures of the feed behind the tenant's source, so it is polled at once. */
  resume(tenant: string, id: number): boolean {
    const source = this.getForTenant(tenant, id);
    return source ? this.feeds.resume(source.feedId) : false;
  }
}
