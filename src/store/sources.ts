import type { Statement } from 'better-sqlite3';
import { statements, type Db } from './db.ts';
import { toFeed, type Feed, type FeedRepo, type FeedRow } from './feeds.ts';

/** The feed's side of a source: the same for every server that follows the feed. */
type FeedSide = Pick<
  Feed,
  'url' | 'kind' | 'title' | 'siteUrl' | 'userAgent' | 'etag' | 'lastModified' | 'lastPolledAt' | 'lastSuccessAt' | 'lastError' | 'lastErrorAt' | 'consecutiveFailures' | 'nextPollAt' | 'pausedAt' | 'pauseNotified'
>;

/**
 * A server's follow of a feed, seen with the feed's address and health (which every follower shares).
 * `id` is the follow's own number, the one /sources shows; `feedId` is the shared feed.
 */
export interface Source extends FeedSide {
  id: number;
  tenant: string;
  feedId: number;
  /** This follower's own interval; the feed is polled at the shortest of its followers'. */
  intervalMinutes: number;
  addedAt: string;
  addedBy: string | null;
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

/** A feed row with the follow's own columns beside it, under names the feed does not use. */
export interface SourceRow extends FeedRow {
  follow_id: number;
  tenant: string;
  follow_interval: number;
  added_at: string;
  added_by: string | null;
  follow_first_poll_done: number;
}

export const toSource = (r: SourceRow): Source => {
  const f = toFeed(r);
  return {
    id: r.follow_id,
    tenant: r.tenant,
    feedId: f.id,
    url: f.url,
    kind: f.kind,
    title: f.title,
    siteUrl: f.siteUrl,
    intervalMinutes: r.follow_interval,
    userAgent: f.userAgent,
    etag: f.etag,
    lastModified: f.lastModified,
    addedAt: r.added_at,
    addedBy: r.added_by,
    lastPolledAt: f.lastPolledAt,
    lastSuccessAt: f.lastSuccessAt,
    lastError: f.lastError,
    lastErrorAt: f.lastErrorAt,
    consecutiveFailures: f.consecutiveFailures,
    nextPollAt: f.nextPollAt,
    pausedAt: f.pausedAt,
    pauseNotified: f.pauseNotified,
    firstPollDone: r.follow_first_poll_done === 1,
  };
};

const SELECT = `SELECT f.*, s.id AS follow_id, s.tenant, s.interval_minutes AS follow_interval, s.added_at, s.added_by,
    s.first_poll_done AS follow_first_poll_done
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
      const already = this.sql(`${SELECT} WHERE s.tenant = ? AND s.feed_id = ?`).get(s.tenant, feed.id) as SourceRow | undefined;
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
    const row = this.sql(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
    return row ? toSource(row) : undefined;
  }

  /** A source by id, but only within the tenant: one guild must never see or touch another's. */
  getForTenant(tenant: string, id: number): Source | undefined {
    const row = this.sql(`${SELECT} WHERE s.id = ? AND s.tenant = ?`).get(id, tenant) as SourceRow | undefined;
    return row ? toSource(row) : undefined;
  }

  findByUrl(tenant: string, url: string): Source | undefined {
    const row = this.sql(`${SELECT} WHERE s.tenant = ? AND (f.url = ? OR f.url_key = ?)`).get(tenant, url, url) as SourceRow | undefined;
    return row ? toSource(row) : undefined;
  }

  list(tenant?: string): Source[] {
    const rows = (tenant === undefined ? this.sql(`${SELECT} ORDER BY s.id`).all() : this.sql(`${SELECT} WHERE s.tenant = ? ORDER BY s.id`).all(tenant)) as SourceRow[];
    return rows.map(toSource);
  }

  /** Every server's follow of a feed: where its new articles and notices fan out to. */
  followers(feedId: number): Source[] {
    return (this.sql(`${SELECT} WHERE s.feed_id = ? ORDER BY s.id`).all(feedId) as SourceRow[]).map(toSource);
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
    return (this.sql(`${SELECT} WHERE s.feed_id = ? AND s.first_poll_done = 0 ORDER BY s.id`).all(feedId) as SourceRow[]).map(toSource);
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
