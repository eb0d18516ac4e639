import { toSubscription, type NewSubscription, type Subscription, type SubscriptionRepo, type SubscriptionRow } from '../subscriptions.ts';
import { toOutboxRow, type NewOutboxRow, type OutboxDbRow, type OutboxRepo, type OutboxRow } from '../outbox.ts';
import type { SettingsRepo } from '../settings.ts';
import type { Repo } from '../types.ts';
import { enqueueDelivery } from './outbox.ts';
import { changes, iso, one, rows, OUTBOX_SELECT, SUBSCRIPTION_COLUMNS, type Queryable } from './query.ts';

const SELECT = `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions`;

/** SubscriptionRepo on PostgreSQL (subscriptions.ts says what each method does). */
export class PgSubscriptions implements Repo<SubscriptionRepo> {
  constructor(private readonly db: Queryable) {}

  async upsert(s: NewSubscription, now: Date): Promise<{ subscription: Subscription; created: boolean }> {
    // One statement, so two processes subscribing one channel at once both end with the one row.
    const row = await one<{ id: number; created: boolean }>(
      this.db,
      `INSERT INTO subscriptions (tenant, platform, channel, include_terms, exclude_terms, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant, platform, channel) DO UPDATE SET include_terms = excluded.include_terms, exclude_terms = excluded.exclude_terms,
         disabled_at = NULL, disabled_reason = NULL
       RETURNING id, (xmax = 0) AS created`,
      [s.tenant, s.platform, s.channel, JSON.stringify(s.include ?? []), JSON.stringify(s.exclude ?? []), now.toISOString(), s.createdBy ?? null],
    );
    return { subscription: (await this.get(row!.id))!, created: row!.created };
  }

  async get(id: number): Promise<Subscription | undefined> {
    const row = await one<SubscriptionRow>(this.db, `${SELECT} WHERE id = $1`, [id]);
    return row ? toSubscription(row) : undefined;
  }

  async find(tenant: string, platform: string, channel: string): Promise<Subscription | undefined> {
    const row = await one<SubscriptionRow>(this.db, `${SELECT} WHERE tenant = $1 AND platform = $2 AND channel = $3`, [tenant, platform, channel]);
    return row ? toSubscription(row) : undefined;
  }

  async list(tenant: string): Promise<Subscription[]> {
    return (await rows<SubscriptionRow>(this.db, `${SELECT} WHERE tenant = $1 ORDER BY id`, [tenant])).map(toSubscription);
  }

  async active(tenant: string): Promise<Subscription[]> {
    return (await rows<SubscriptionRow>(this.db, `${SELECT} WHERE tenant = $1 AND disabled_at IS NULL ORDER BY id`, [tenant])).map(toSubscription);
  }

  async remove(tenant: string, platform: string, channel: string): Promise<boolean> {
    return (await changes(this.db, 'DELETE FROM subscriptions WHERE tenant = $1 AND platform = $2 AND channel = $3', [tenant, platform, channel])) > 0;
  }

  async setDigest(id: number, cron: string | null, tz: string, nextAt: Date | null, now: Date): Promise<void> {
    await this.db.query('UPDATE subscriptions SET digest_cron = $1, digest_tz = $2, next_digest_at = $3, last_digest_at = COALESCE(last_digest_at, $4) WHERE id = $5', [
      cron,
      tz,
      iso(nextAt),
      now.toISOString(),
      id,
    ]);
  }

  async digestsDue(now: Date): Promise<Subscription[]> {
    const sql = `${SELECT} WHERE disabled_at IS NULL AND digest_cron IS NOT NULL AND next_digest_at IS NOT NULL AND next_digest_at <= $1 ORDER BY id`;
    return (await rows<SubscriptionRow>(this.db, sql, [now.toISOString()])).map(toSubscription);
  }

  async markDigest(id: number, coveredUntil: Date, nextAt: Date | null): Promise<void> {
    await this.db.query('UPDATE subscriptions SET last_digest_at = $1, next_digest_at = $2 WHERE id = $3', [coveredUntil.toISOString(), iso(nextAt), id]);
  }

  async disable(id: number, reason: string, now: Date): Promise<boolean> {
    return (await changes(this.db, 'UPDATE subscriptions SET disabled_at = $1, disabled_reason = $2 WHERE id = $3 AND disabled_at IS NULL', [now.toISOString(), reason, id])) > 0;
  }
}

/** OutboxRepo on PostgreSQL (outbox.ts says what each method does). */
export class PgOutbox implements Repo<OutboxRepo> {
  constructor(private readonly db: Queryable) {}

  enqueue(r: NewOutboxRow, now: Date): Promise<boolean> {
    return enqueueDelivery(this.db, r, now);
  }

  async get(id: number): Promise<OutboxRow | undefined> {
    const row = await one<OutboxDbRow>(this.db, `${OUTBOX_SELECT} WHERE o.id = $1`, [id]);
    return row ? toOutboxRow(row) : undefined;
  }

  async byKey(dedupeKey: string): Promise<OutboxRow | undefined> {
    const row = await one<OutboxDbRow>(this.db, `${OUTBOX_SELECT} WHERE o.dedupe_key = $1`, [dedupeKey]);
    return row ? toOutboxRow(row) : undefined;
  }

  async due(platform: string, now: Date, limit = 100): Promise<OutboxRow[]> {
    const sql = `${OUTBOX_SELECT} WHERE o.sent_at IS NULL AND o.failed_at IS NULL AND o.not_before <= $1 AND s.platform = $2 AND s.disabled_at IS NULL
      ORDER BY o.not_before, o.id LIMIT $3`;
    return (await rows<OutboxDbRow>(this.db, sql, [now.toISOString(), platform, limit])).map(toOutboxRow);
  }

  async forSubscription(subscriptionId: number): Promise<OutboxRow[]> {
    return (await rows<OutboxDbRow>(this.db, `${OUTBOX_SELECT} WHERE o.subscription_id = $1 ORDER BY o.id`, [subscriptionId])).map(toOutboxRow);
  }

  async markAttempted(id: number, now: Date): Promise<void> {
    await this.db.query('UPDATE outbox SET attempted_at = $1 WHERE id = $2', [now.toISOString(), id]);
  }

  async markSent(id: number, now: Date): Promise<void> {
    await this.db.query('UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2 AND sent_at IS NULL', [now.toISOString(), id]);
  }

  async markRetry(id: number, error: string, notBefore: Date): Promise<void> {
    await this.db.query('UPDATE outbox SET attempts = attempts + 1, last_error = $1, not_before = $2 WHERE id = $3', [error, notBefore.toISOString(), id]);
  }

  async markFailed(id: number, error: string, now: Date): Promise<void> {
    await this.db.query('UPDATE outbox SET attempts = attempts + 1, last_error = $1, failed_at = $2 WHERE id = $3', [error, now.toISOString(), id]);
  }

  async sentToChannelSince(platform: string, channel: string, since: Date): Promise<string[]> {
    const sql = `SELECT o.sent_at FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
      WHERE s.platform = $1 AND s.channel = $2 AND o.sent_at > $3 ORDER BY o.sent_at`;
    return (await rows<{ sent_at: string }>(this.db, sql, [platform, channel, since.toISOString()])).map((r) => r.sent_at);
  }

  async countPending(): Promise<number> {
    return (await one<{ n: number }>(this.db, 'SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL'))!.n;
  }
}

/** SettingsRepo on PostgreSQL. */
export class PgSettings implements Repo<SettingsRepo> {
  constructor(private readonly db: Queryable) {}

  async get(key: string): Promise<string | undefined> {
    return (await one<{ value: string }>(this.db, 'SELECT value FROM settings WHERE key = $1', [key]))?.value;
  }

  async set(key: string, value: string, now: Date): Promise<void> {
    await this.db.query(
      'INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      [key, value, now.toISOString()],
    );
  }
}
