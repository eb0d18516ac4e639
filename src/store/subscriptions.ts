import type { Statement } from 'better-sqlite3';
import { statements, type Db } from './db.ts';

/** A channel receiving its tenant's new articles (filtered) and, optionally, scheduled digests. */
export interface Subscription {
  id: number;
  tenant: string;
  platform: string;
  channel: string;
  include: string[];
  exclude: string[];
  digestCron: string | null;
  digestTz: string;
  lastDigestAt: string | null;
  nextDigestAt: string | null;
  createdAt: string;
  createdBy: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
}

export interface NewSubscription {
  tenant: string;
  platform: string;
  channel: string;
  include?: string[] | undefined;
  exclude?: string[] | undefined;
  createdBy?: string | null | undefined;
}

export interface SubscriptionRow {
  id: number;
  tenant: string;
  platform: string;
  channel: string;
  include_terms: string;
  exclude_terms: string;
  digest_cron: string | null;
  digest_tz: string;
  last_digest_at: string | null;
  next_digest_at: string | null;
  created_at: string;
  created_by: string | null;
  disabled_at: string | null;
  disabled_reason: string | null;
}

const terms = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
};

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  tenant: r.tenant,
  platform: r.platform,
  channel: r.channel,
  include: terms(r.include_terms),
  exclude: terms(r.exclude_terms),
  digestCron: r.digest_cron,
  digestTz: r.digest_tz,
  lastDigestAt: r.last_digest_at,
  nextDigestAt: r.next_digest_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
});

export class SubscriptionRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statements(db);
  }

  /** Creates the channel's subscription, or replaces its filters and switches it back on. */
  upsert(s: NewSubscription, now: Date): { subscription: Subscription; created: boolean } {
    const existing = this.find(s.tenant, s.platform, s.channel);
    const include = JSON.stringify(s.include ?? []);
    const exclude = JSON.stringify(s.exclude ?? []);
    if (existing) {
      this.sql('UPDATE subscriptions SET include_terms = ?, exclude_terms = ?, disabled_at = NULL, disabled_reason = NULL WHERE id = ?')
        .run(include, exclude, existing.id);
      return { subscription: this.get(existing.id)!, created: false };
    }
    const info = this.sql(
      `INSERT INTO subscriptions (tenant, platform, channel, include_terms, exclude_terms, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.tenant, s.platform, s.channel, include, exclude, now.toISOString(), s.createdBy ?? null);
    return { subscription: this.get(Number(info.lastInsertRowid))!, created: true };
  }

  get(id: number): Subscription | undefined {
    const row = this.sql('SELECT * FROM subscriptions WHERE id = ?').get(id) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  }

  find(tenant: string, platform: string, channel: string): Subscription | undefined {
    const row = this.sql('SELECT * FROM subscriptions WHERE tenant = ? AND platform = ? AND channel = ?').get(tenant, platform, channel) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  }

  list(tenant: string): Subscription[] {
    return (this.sql('SELECT * FROM subscriptions WHERE tenant = ? ORDER BY id').all(tenant) as SubscriptionRow[]).map(toSubscription);
  }

  /** Subscriptions still switched on: the ones new articles and notices go to. */
  active(tenant: string): Subscription[] {
    return (this.sql('SELECT * FROM subscriptions WHERE tenant = ? AND disabled_at IS NULL ORDER BY id').all(tenant) as SubscriptionRow[]).map(toSubscription);
  }

  remove(tenant: string, platform: string, channel: string): boolean {
    return this.sql('DELETE FROM subscriptions WHERE tenant = ? AND platform = ? AND channel = ?').run(tenant, platform, channel).changes > 0;
  }

  /** Sets (or with cron null, clears) the digest schedule; the window of the first digest starts now. */
  setDigest(id: number, cron: string | null, tz: string, nextAt: Date | null, now: Date): void {
    this.sql('UPDATE subscriptions SET digest_cron = ?, digest_tz = ?, next_digest_at = ?, last_digest_at = COALESCE(last_digest_at, ?) WHERE id = ?')
      .run(cron, tz, nextAt?.toISOString() ?? null, now.toISOString(), id);
  }

  /** Active subscriptions whose digest slot has come. */
  digestsDue(now: Date): Subscription[] {
    return (
      this.sql('SELECT * FROM subscriptions WHERE disabled_at IS NULL AND digest_cron IS NOT NULL AND next_digest_at IS NOT NULL AND next_digest_at <= ? ORDER BY id')
        .all(now.toISOString()) as SubscriptionRow[]
    ).map(toSubscription);
  }

  /** Records that the digest covering up to `coveredUntil` is queued, and when the next one is due. */
  markDigest(id: number, coveredUntil: Date, nextAt: Date | null): void {
    this.sql('UPDATE subscriptions SET last_digest_at = ?, next_digest_at = ? WHERE id = ?').run(coveredUntil.toISOString(), nextAt?.toISOString() ?? null, id);
  }

  /** Switches a subscription off after a permanent delivery failure; true only the first time. */
  disable(id: number, reason: string, now: Date): boolean {
    return this.sql('UPDATE subscriptions SET disabled_at = ?, disabled_reason = ? WHERE id = ? AND disabled_at IS NULL').run(now.toISOString(), reason, id).changes > 0;
  }
}
