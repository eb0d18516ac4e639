import { DuplicateSourceError, toSource, type NewSource, type Source, type SourceRepo, type SourceRow } from '../sources.ts';
import type { Repo } from '../types.ts';
import { PgFeeds } from './feeds.ts';
import { changes, one, rows, FEED_COLUMNS, type Queryable } from './query.ts';

const SELECT = `SELECT ${FEED_COLUMNS}, s.id AS follow_id, s.tenant, s.interval_minutes AS follow_interval, s.added_at, s.added_by,
    s.first_poll_done::int AS follow_first_poll_done
  FROM sources s JOIN feeds f ON f.id = s.feed_id`;

/** Runs fn in one transaction, on its connection. */
export type InTransaction = <T>(fn: (db: Queryable) => Promise<T>) => Promise<T>;

/** SourceRepo on PostgreSQL (sources.ts says what each method does). */
export class PgSources implements Repo<SourceRepo> {
  constructor(
    private readonly db: Queryable,
    private readonly tx: InTransaction,
  ) {}

  add(s: NewSource, now: Date): Promise<Source> {
    return this.tx(async (db) => {
      const self = new PgSources(db, (fn) => fn(db));
      const feeds = new PgFeeds(db);
      const byUrl = await self.findByUrl(s.tenant, s.url);
      if (byUrl) throw new DuplicateSourceError(byUrl);
      const privateTo = s.kind === 'file' || s.private ? s.tenant : undefined;
      const feed = await feeds.ensure({ url: s.url, urlKey: s.urlKey, kind: s.kind, userAgent: s.userAgent, privateTo }, now);
      const already = await one<SourceRow>(db, `${SELECT} WHERE s.tenant = $1 AND s.feed_id = $2`, [s.tenant, feed.id]);
      if (already) throw new DuplicateSourceError(toSource(already));
      await feeds.setTitle(feed.id, s.title ?? null, s.siteUrl ?? null);
      const row = await one<{ id: number }>(db, 'INSERT INTO sources (tenant, feed_id, interval_minutes, added_at, added_by) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
        s.tenant,
        feed.id,
        s.intervalMinutes ?? 10,
        now.toISOString(),
        s.addedBy ?? null,
      ]);
      return (await self.get(row!.id))!;
    });
  }

  async get(id: number): Promise<Source | undefined> {
    const row = await one<SourceRow>(this.db, `${SELECT} WHERE s.id = $1`, [id]);
    return row ? toSource(row) : undefined;
  }

  async getForTenant(tenant: string, id: number): Promise<Source | undefined> {
    const row = await one<SourceRow>(this.db, `${SELECT} WHERE s.id = $1 AND s.tenant = $2`, [id, tenant]);
    return row ? toSource(row) : undefined;
  }

  async findByUrl(tenant: string, url: string): Promise<Source | undefined> {
    const row = await one<SourceRow>(this.db, `${SELECT} WHERE s.tenant = $1 AND (f.url = $2 OR f.url_key = $2) ORDER BY s.id LIMIT 1`, [tenant, url]);
    return row ? toSource(row) : undefined;
  }

  async list(tenant?: string): Promise<Source[]> {
    const found =
      tenant === undefined ? await rows<SourceRow>(this.db, `${SELECT} ORDER BY s.id`) : await rows<SourceRow>(this.db, `${SELECT} WHERE s.tenant = $1 ORDER BY s.id`, [tenant]);
    return found.map(toSource);
  }

  async followers(feedId: number): Promise<Source[]> {
    return (await rows<SourceRow>(this.db, `${SELECT} WHERE s.feed_id = $1 ORDER BY s.id`, [feedId])).map(toSource);
  }

  remove(tenant: string, id: number): Promise<{ removed: boolean; feedRemoved: boolean }> {
    return this.tx(async (db) => {
      const source = await new PgSources(db, (fn) => fn(db)).getForTenant(tenant, id);
      if (!source) return { removed: false, feedRemoved: false };
      await db.query(
        `DELETE FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL
           AND subscription_id IN (SELECT id FROM subscriptions WHERE tenant = $1)
           AND article_id IN (SELECT id FROM articles WHERE feed_id = $2)`,
        [tenant, source.feedId],
      );
      await db.query('DELETE FROM sources WHERE id = $1', [id]);
      return { removed: true, feedRemoved: await new PgFeeds(db).removeIfUnfollowed(source.feedId) };
    });
  }

  async waitingFollowers(feedId: number): Promise<Source[]> {
    return (await rows<SourceRow>(this.db, `${SELECT} WHERE s.feed_id = $1 AND NOT s.first_poll_done ORDER BY s.id`, [feedId])).map(toSource);
  }

  async markFirstPollDone(id: number): Promise<void> {
    await changes(this.db, 'UPDATE sources SET first_poll_done = true WHERE id = $1', [id]);
  }

  async resume(tenant: string, id: number): Promise<boolean> {
    const source = await this.getForTenant(tenant, id);
    return source ? new PgFeeds(this.db).resume(source.feedId) : false;
  }
}
