import type { Statement } from 'better-sqlite3';
import { statements, type Db } from './db.ts';

export type OutboxKind = 'update' | 'digest' | 'notice';

export interface NewOutboxRow {
  subscriptionId: number;
  articleId?: number | null | undefined;
  kind: OutboxKind;
  /** Unique per intended message: "update:<sub>:<article>", "digest:<sub>:<slot>", … */
  dedupeKey: string;
  payload?: unknown;
  notBefore?: Date | undefined;
}

/** A pending delivery with the channel it goes to. */
export interface OutboxRow {
  id: number;
  subscriptionId: number;
  articleId: number | null;
  kind: OutboxKind;
  dedupeKey: string;
  payload: unknown;
  createdAt: string;
  notBefore: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  failedAt: string | null;
  /** When the row was last handed to the platform (null: never tried). */
  attemptedAt: string | null;
  tenant: string;
  platform: string;
  channel: string;
}

/** An outbox row joined with its subscription's channel, as both stores return it (payload as JSON text). */
export interface OutboxDbRow {
  id: number;
  subscription_id: number;
  article_id: number | null;
  kind: OutboxKind;
  dedupe_key: string;
  payload: string | null;
  created_at: string;
  not_before: string;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  failed_at: string | null;
  attempted_at: string | null;
  tenant: string;
  platform: string;
  channel: string;
}

export const toOutboxRow = (r: OutboxDbRow): OutboxRow => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  articleId: r.article_id,
  kind: r.kind,
  dedupeKey: r.dedupe_key,
  payload: r.payload === null ? null : JSON.parse(r.payload),
  createdAt: r.created_at,
  notBefore: r.not_before,
  attempts: r.attempts,
  lastError: r.last_error,
  sentAt: r.sent_at,
  failedAt: r.failed_at,
  attemptedAt: r.attempted_at,
  tenant: r.tenant,
  platform: r.platform,
  channel: r.channel,
});

const SELECT = `SELECT o.*, s.tenant, s.platform, s.channel FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id`;

export class OutboxRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statements(db);
  }

  /** Queues a delivery; a second row with the same dedupe key is ignored. True when queued. */
  enqueue(r: NewOutboxRow, now: Date): boolean {
    const info = this.sql(
      `INSERT INTO outbox (subscription_id, article_id, kind, dedupe_key, payload, created_at, not_before)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
    ).run(r.subscriptionId, r.articleId ?? null, r.kind, r.dedupeKey, r.payload === undefined ? null : JSON.stringify(r.payload), now.toISOString(), (r.notBefore ?? now).toISOString());
    return info.changes > 0;
  }

  get(id: number): OutboxRow | undefined {
    const row = this.sql(`${SELECT} WHERE o.id = ?`).get(id) as OutboxDbRow | undefined;
    return row ? toOutboxRow(row) : undefined;
  }

  byKey(dedupeKey: string): OutboxRow | undefined {
    const row = this.sql(`${SELECT} WHERE o.dedupe_key = ?`).get(dedupeKey) as OutboxDbRow | undefined;
    return row ? toOutboxRow(row) : undefined;
  }

  /** Unsent, unfailed rows of one platform that may go now, to switched-on subscriptions, oldest first. */
  due(platform: string, now: Date, limit = 100): OutboxRow[] {
    return (
      this.sql(
        `${SELECT} WHERE o.sent_at IS NULL AND o.failed_at IS NULL AND o.not_before <= ?
           AND s.platform = ? AND s.disabled_at IS NULL
         ORDER BY o.not_before, o.id LIMIT ?`,
      ).all(now.toISOString(), platform, limit) as OutboxDbRow[]
    ).map(toOutboxRow);
  }

  /** Everything queued for a subscription (tests and /digest replies). */
  forSubscription(subscriptionId: number): OutboxRow[] {
    return (this.sql(`${SELECT} WHERE o.subscription_id = ? ORDER BY o.id`).all(subscriptionId) as OutboxDbRow[]).map(toOutboxRow);
  }

  /** Recorded before each send, so a restarted bot knows which row was in flight and since when. */
  markAttempted(id: number, now: Date): void {
    this.sql('UPDATE outbox SET attempted_at = ? WHERE id = ?').run(now.toISOString(), id);
  }

  markSent(id: number, now: Date): void {
    this.sql('UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND sent_at IS NULL').run(now.toISOString(), id);
  }

  markRetry(id: number, error: string, notBefore: Date): void {
    this.sql('UPDATE outbox SET attempts = attempts + 1, last_error = ?, not_before = ? WHERE id = ?').run(error, notBefore.toISOString(), id);
  }

  markFailed(id: number, error: string, now: Date): void {
    this.sql('UPDATE outbox SET attempts = attempts + 1, last_error = ?, failed_at = ? WHERE id = ?').run(error, now.toISOString(), id);
  }

  /** Posts made to one channel since a moment: what pacing counts. */
  sentToChannelSince(platform: string, channel: string, since: Date): string[] {
    return (
      this.sql(
        `SELECT o.sent_at FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
         WHERE s.platform = ? AND s.channel = ? AND o.sent_at > ? ORDER BY o.sent_at`,
      ).all(platform, channel, since.toISOString()) as { sent_at: string }[]
    ).map((r) => r.sent_at);
  }

  countPending(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL').get() as { n: number }).n;
  }
}
