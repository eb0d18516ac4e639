import { toFeed, type Feed, type FeedKey, type FeedRepo, type FeedRow } from '../feeds.ts';
import type { Repo } from '../types.ts';
import { changes, iso, one, rows, FEED_COLUMNS, type Queryable } from './query.ts';

const SELECT = `SELECT ${FEED_COLUMNS}, (SELECT min(s.interval_minutes) FROM sources s WHERE s.feed_id = f.id) AS interval_minutes FROM feeds f`;

/** FeedRepo on PostgreSQL (feeds.ts says what each method does). */
export class PgFeeds implements Repo<FeedRepo> {
  constructor(private readonly db: Queryable) {}

  async ensure(key: FeedKey, now: Date): Promise<Feed> {
    const ua = key.userAgent ?? '';
    const privateTo = key.privateTo ?? '';
    const urlKey = key.urlKey ?? key.url;
    // Two processes adding one address at once: the unique key makes the second insert a no-op.
    await this.db.query(
      `INSERT INTO feeds (url, url_key, kind, user_agent, private_to, created_at) SELECT $1, $2, $3, $4, $5, $6
       WHERE NOT EXISTS (SELECT 1 FROM feeds WHERE (url_key = $2 OR url = $1) AND user_agent = $4 AND private_to = $5)
       ON CONFLICT (url_key, user_agent, private_to) DO NOTHING`,
      [key.url, urlKey, key.kind, ua, privateTo, now.toISOString()],
    );
    const found = await one<{ id: number }>(
      this.db,
      'SELECT id FROM feeds WHERE (url_key = $1 OR url = $2) AND user_agent = $3 AND private_to = $4 ORDER BY (url_key = $1) DESC, id LIMIT 1',
      [urlKey, key.url, ua, privateTo],
    );
    return (await this.get(found!.id))!;
  }

  async get(id: number): Promise<Feed | undefined> {
    const row = await one<FeedRow>(this.db, `${SELECT} WHERE f.id = $1`, [id]);
    return row ? toFeed(row) : undefined;
  }

  async list(): Promise<Feed[]> {
    return (await rows<FeedRow>(this.db, `${SELECT} WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = f.id) ORDER BY f.id`)).map(toFeed);
  }

  async removeIfUnfollowed(id: number): Promise<boolean> {
    return (await changes(this.db, 'DELETE FROM feeds WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = feeds.id)', [id])) > 0;
  }

  async setTitle(id: number, title: string | null, siteUrl: string | null): Promise<void> {
    await this.db.query('UPDATE feeds SET title = COALESCE(title, $1), site_url = COALESCE(site_url, $2) WHERE id = $3', [title, siteUrl, id]);
  }

  async markSuccess(id: number, now: Date, next: Date, validators: { etag?: string | undefined; lastModified?: string | undefined } = {}): Promise<void> {
    await this.db.query(
      `UPDATE feeds SET last_polled_at = $1, last_success_at = $1, consecutive_failures = 0, failing_since = NULL, paused_at = NULL,
         pause_notified = false, first_poll_done = true, next_poll_at = $2,
         etag = COALESCE($3, etag), last_modified = COALESCE($4, last_modified)
       WHERE id = $5`,
      [now.toISOString(), next.toISOString(), validators.etag ?? null, validators.lastModified ?? null, id],
    );
  }

  async startStreak(id: number, now: Date): Promise<Date> {
    const row = await one<{ failing_since: string }>(this.db, 'UPDATE feeds SET failing_since = COALESCE(failing_since, $1) WHERE id = $2 RETURNING failing_since', [
      now.toISOString(),
      id,
    ]);
    return new Date(row?.failing_since ?? now.toISOString());
  }

  async markFailure(id: number, now: Date, error: string, nextPollAt: Date | null, pause: boolean): Promise<Feed> {
    await this.db.query(
      `UPDATE feeds SET last_polled_at = $1, last_error = $2, last_error_at = $1, consecutive_failures = consecutive_failures + 1,
         next_poll_at = $3, paused_at = CASE WHEN $4 THEN COALESCE(paused_at, $1) ELSE paused_at END
       WHERE id = $5`,
      [now.toISOString(), error, iso(nextPollAt), pause, id],
    );
    return (await this.get(id))!;
  }

  async setNextPollIfUnset(id: number, at: Date): Promise<void> {
    await this.db.query('UPDATE feeds SET next_poll_at = $1 WHERE id = $2 AND next_poll_at IS NULL', [at.toISOString(), id]);
  }

  async markPauseNotified(id: number): Promise<void> {
    await this.db.query('UPDATE feeds SET pause_notified = true WHERE id = $1', [id]);
  }

  async resume(id: number): Promise<boolean> {
    const sql = 'UPDATE feeds SET paused_at = NULL, pause_notified = false, consecutive_failures = 0, failing_since = NULL, next_poll_at = NULL WHERE id = $1';
    return (await changes(this.db, sql, [id])) > 0;
  }
}
