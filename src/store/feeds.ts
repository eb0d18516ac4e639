import type { Statement } from 'better-sqlite3';
import { statements, type Db } from './db.ts';

/**
 * The fetch side of a feed, shared by every server that follows it (migration 008): its address,
 * validators, health and back-off. A server's follow of it is a Source.
 */
export interface Feed {
  id: number;
  url: string;
  kind: 'url' | 'file';
  title: string | null;
  siteUrl: string | null;
  /** The shortest interval any follower asked for: the feed is polled that often. */
  intervalMinutes: number;
  userAgent: string | null;
  /** The one server a private feed (a local file, an address with credentials) belongs to; null when shared. */
  privateTo: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  failingSince: string | null;
  nextPollAt: string | null;
  pausedAt: string | null;
  pauseNotified: boolean;
  /** Whether the feed has been fetched successfully once (the fetch side's first poll, not a follower's). */
  firstPollDone: boolean;
}

/** Who asks for a feed: which address, fetched how, and whether it may be shared with other servers. */
export interface FeedKey {
  url: string;
  /** What followers are matched on; the address itself when not given. */
  urlKey?: string | undefined;
  kind: 'url' | 'file';
  userAgent?: string | null | undefined;
  /** The server a private feed belongs to; undefined for a shareable feed. */
  privateTo?: string | undefined;
}

/** A feeds row; interval_minutes is the shortest of its followers' (null when none). */
export interface FeedRow {
  id: number;
  url: string;
  kind: 'url' | 'file';
  title: string | null;
  site_url: string | null;
  interval_minutes: number | null;
  user_agent: string;
  private_to: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  failing_since: string | null;
  next_poll_at: string | null;
  paused_at: string | null;
  pause_notified: number;
  first_poll_done: number;
}

const DEFAULT_INTERVAL = 10;

/**
 * When a feed is next due (ms): its back-off time if set, else one (shortest follower's) interval
 * after its last poll, else now. PostgreSQL claims due feeds by the same rule (postgres/claims.ts).
 */
export function dueAt(s: Feed): number {
  if (s.nextPollAt) return Date.parse(s.nextPollAt);
  if (s.lastPolledAt) return Date.parse(s.lastPolledAt) + Math.max(1, s.intervalMinutes) * 60_000;
  return 0;
}

export const toFeed = (r: FeedRow): Feed => ({
  id: r.id,
  url: r.url,
  kind: r.kind,
  title: r.title,
  siteUrl: r.site_url,
  intervalMinutes: r.interval_minutes ?? DEFAULT_INTERVAL,
  userAgent: r.user_agent || null,
  privateTo: r.private_to || null,
  etag: r.etag,
  lastModified: r.last_modified,
  lastPolledAt: r.last_polled_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  consecutiveFailures: r.consecutive_failures,
  failingSince: r.failing_since,
  nextPollAt: r.next_poll_at,
  pausedAt: r.paused_at,
  pauseNotified: r.pause_notified === 1,
  firstPollDone: r.first_poll_done === 1,
});

const SELECT = `SELECT f.*, (SELECT min(s.interval_minutes) FROM sources s WHERE s.feed_id = f.id) AS interval_minutes FROM feeds f`;

export class FeedRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statements(db);
  }

  /** The feed for this key, created (never fetched yet) when no server follows it so far. */
  ensure(key: FeedKey, now: Date): Feed {
    const ua = key.userAgent ?? '';
    const privateTo = key.privateTo ?? '';
    const urlKey = key.urlKey ?? key.url;
    // Feeds folded by migration 008 are keyed by their address as it was stored, not normalised.
    const found = this.sql('SELECT id FROM feeds WHERE (url_key = ? OR url = ?) AND user_agent = ? AND private_to = ? ORDER BY url_key = ? DESC, id LIMIT 1')
      .pluck()
      .get(urlKey, key.url, ua, privateTo, urlKey) as number | undefined;
    if (found !== undefined) return this.get(found)!;
    const info = this.sql('INSERT INTO feeds (url, url_key, kind, user_agent, private_to, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      key.url,
      urlKey,
      key.kind,
      ua,
      privateTo,
      now.toISOString(),
    );
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): Feed | undefined {
    const row = this.sql(`${SELECT} WHERE f.id = ?`).get(id) as FeedRow | undefined;
    return row ? toFeed(row) : undefined;
  }

  /** Every feed someone follows: what the scheduler polls. */
  list(): Feed[] {
    return (this.sql(`${SELECT} WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = f.id) ORDER BY f.id`).all() as FeedRow[]).map(toFeed);
  }

  /** Removes a feed, its articles and their facts once nobody follows it; true when it went. */
  removeIfUnfollowed(id: number): boolean {
    return this.sql('DELETE FROM feeds WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = feeds.id)').run(id).changes > 0;
  }

  setTitle(id: number, title: string | null, siteUrl: string | null): void {
    this.sql('UPDATE feeds SET title = COALESCE(title, ?), site_url = COALESCE(site_url, ?) WHERE id = ?').run(title, siteUrl, id);
  }

  /** Records a successful poll (a 304 included): the failure streak ends and the next poll is due `next`. */
  markSuccess(id: number, now: Date, next: Date, validators: { etag?: string | undefined; lastModified?: string | undefined } = {}): void {
    this.sql(
      `UPDATE feeds SET last_polled_at = ?, last_success_at = ?, consecutive_failures = 0, failing_since = NULL, paused_at = NULL,
         pause_notified = 0, first_poll_done = 1, next_poll_at = ?,
         etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)
       WHERE id = ?`,
    ).run(now.toISOString(), now.toISOString(), next.toISOString(), validators.etag ?? null, validators.lastModified ?? null, id);
  }

  /** Starts the failure streak at `now` unless one is running; returns when it started. */
  startStreak(id: number, now: Date): Date {
    this.sql('UPDATE feeds SET failing_since = COALESCE(failing_since, ?) WHERE id = ?').run(now.toISOString(), id);
    return new Date(this.get(id)?.failingSince ?? now.toISOString());
  }

  markFailure(id: number, now: Date, error: string, nextPollAt: Date | null, pause: boolean): Feed {
    this.sql(
      `UPDATE feeds SET last_polled_at = ?, last_error = ?, last_error_at = ?, consecutive_failures = consecutive_failures + 1,
         next_poll_at = ?, paused_at = CASE WHEN ? THEN COALESCE(paused_at, ?) ELSE paused_at END
       WHERE id = ?`,
    ).run(now.toISOString(), error, now.toISOString(), nextPollAt?.toISOString() ?? null, pause ? 1 : 0, now.toISOString(), id);
    return this.get(id)!;
  }

  /** Sets when the scheduler next polls the feed, unless it already has a time (a new follow of a polled feed keeps it). */
  setNextPollIfUnset(id: number, at: Date): void {
    this.sql('UPDATE feeds SET next_poll_at = ? WHERE id = ? AND next_poll_at IS NULL').run(at.toISOString(), id);
  }

  markPauseNotified(id: number): void {
    this.sql('UPDATE feeds SET pause_notified = 1 WHERE id = ?').run(id);
  }

  /** Clears a paused or failing feed's record so it is polled at once. */
  resume(id: number): boolean {
    return (
      this.sql('UPDATE feeds SET paused_at = NULL, pause_notified = 0, consecutive_failures = 0, failing_since = NULL, next_poll_at = NULL WHERE id = ?').run(id)
        .changes > 0
    );
  }
}
