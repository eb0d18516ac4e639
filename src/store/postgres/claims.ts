import { toOutboxRow, type OutboxDbRow, type OutboxRow } from '../outbox.ts';
import { dueAt, toFeed, type Feed, type FeedRow } from '../feeds.ts';
import type { Pool } from './pool.ts';
import { FEED_COLUMNS } from './query.ts';

/**
 * Work several factfeed processes share, each row done by one of them: due feed polls and outbox
 * deliveries. A process claims rows with SELECT … FOR UPDATE SKIP LOCKED, so two claimers running
 * at once take different rows without waiting on each other, and stamps them with its name and a
 * lease. A claim whose lease has run out is anyone's again: a process that dies loses its work to
 * the others within one lease, and one that is merely slow must renew before it runs out.
 *
 * Leases run on the database's clock (now()), never a process's, so machines whose clocks disagree
 * cannot take each other's live claims. Whether work is due still follows the caller's clock (`now`),
 * as every schedule in factfeed does.
 */
export interface LeaseOptions {
  /** Names this process in claimed_by: a host, a pid and a random part, say. */
  worker: string;
  leaseMs: number;
}

export type ClaimedFeed = Feed & { leaseUntil: string };

export type ClaimedDelivery = OutboxRow & { leaseUntil: string };

type LeasedTable = 'feeds' | 'outbox';

/** Nobody holds the row, or its holder's lease has run out. */
const free = (alias: string): string => `(${alias}.lease_until IS NULL OR ${alias}.lease_until <= now())`;
/** A lease of the milliseconds in the given parameter, from the database's now. */
const leaseOf = (param: string): string => `now() + ${param} * interval '1 millisecond'`;
/** The shortest interval the feed's followers asked for, as toFeed reads it (10 minutes when it has none). */
const intervalOf = (alias: string): string => `(SELECT min(s.interval_minutes) FROM sources s WHERE s.feed_id = ${alias}.id)`;
/**
 * When the feed is next due, as dueAt() in feeds.ts reckons it: its back-off time if set, else one
 * interval (at least a minute) after its last poll, else at once (-infinity, so never-polled feeds go first).
 */
const dueAtOf = (alias: string): string =>
  `COALESCE(${alias}.next_poll_at, ${alias}.last_polled_at + greatest(1, COALESCE(${intervalOf(alias)}, 10)) * interval '1 minute', '-infinity'::timestamptz)`;
/**
 * `dueAtOf(alias) <= param`, spelt so the planner can answer it from feeds_due (next_poll_at of
 * unpaused feeds): once feeds have been polled, nearly all have a next_poll_at, mostly in the future.
 */
const dueBy = (alias: string, param: string): string =>
  `(${alias}.next_poll_at <= ${param} OR (${alias}.next_poll_at IS NULL AND ${dueAtOf(alias)} <= ${param}))`;

export class WorkClaims {
  constructor(
    private readonly pool: Pool,
    private readonly opts: LeaseOptions,
  ) {}

  /**
   * Up to `limit` unpaused, followed feeds due by `now` that nobody holds, most overdue first, whole
   * (as feeds.get reads them), so the scheduler need not list every feed to find the due ones.
   * `skip`: feeds never to take (this process is still polling them, say).
   */
  async claimDueFeeds(now: Date, limit: number, skip: readonly number[] = []): Promise<ClaimedFeed[]> {
    if (limit <= 0) return [];
    const { rows } = await this.pool.query<FeedRow & { lease_until: string }>(
      `WITH due AS (
         SELECT f.id, ${intervalOf('f')} AS interval_minutes FROM feeds f
         WHERE f.paused_at IS NULL AND ${dueBy('f', '$1')} AND ${free('f')} AND f.id <> ALL($5::bigint[])
           AND EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = f.id)
         ORDER BY ${dueAtOf('f')}, f.id LIMIT $2
         FOR UPDATE OF f SKIP LOCKED)
       UPDATE feeds f SET claimed_by = $3, lease_until = ${leaseOf('$4')}
       FROM due WHERE f.id = due.id
       RETURNING ${FEED_COLUMNS}, due.interval_minutes, f.lease_until`,
      [now.toISOString(), limit, this.opts.worker, this.opts.leaseMs, skip],
    );
    // RETURNING keeps no order.
    return rows.map((r) => ({ ...toFeed(r), leaseUntil: r.lease_until })).sort((a, b) => dueAt(a) - dueAt(b) || a.id - b.id);
  }

  /**
   * Of the given rows, those still due by `now` that nobody holds, now held by this process: the
   * others were taken (or, for feeds, polled and moved on) by another process since they were read.
   */
  async claimIds(table: 'feeds', ids: readonly number[], now: Date): Promise<Set<number>> {
    const { rows } = await this.pool.query<{ id: number }>(
      `WITH due AS (
         SELECT f.id FROM ${table} f
         WHERE f.id = ANY($1::bigint[]) AND f.paused_at IS NULL AND ${dueBy('f', '$2')} AND ${free('f')}
         FOR UPDATE OF f SKIP LOCKED)
       UPDATE ${table} f SET claimed_by = $3, lease_until = ${leaseOf('$4')} FROM due WHERE f.id = due.id RETURNING f.id`,
      [ids, now.toISOString(), this.opts.worker, this.opts.leaseMs],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Hands a polled feed back, due again at `nextPollAt`; false when this process had lost the claim. */
  async completeFeed(id: number, nextPollAt: Date): Promise<boolean> {
    const res = await this.pool.query('UPDATE feeds SET claimed_by = NULL, lease_until = NULL, next_poll_at = $3 WHERE id = $1 AND claimed_by = $2', [
      id,
      this.opts.worker,
      nextPollAt.toISOString(),
    ]);
    return res.rowCount === 1;
  }

  /**
   * Up to `limit` deliveries of one platform that may go by `now`, to switched-on subscriptions,
   * that nobody holds, oldest first, each with the channel it goes to.
   */
  async claimDueDeliveries(platform: string, now: Date, limit: number): Promise<ClaimedDelivery[]> {
    const { rows } = await this.pool.query<OutboxDbRow & { lease_until: string }>(
      `WITH due AS (
         SELECT o.id FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
         WHERE o.sent_at IS NULL AND o.failed_at IS NULL AND o.not_before <= $1 AND s.platform = $2 AND s.disabled_at IS NULL
           AND ${free('o')}
         ORDER BY o.not_before, o.id LIMIT $3
         FOR UPDATE OF o SKIP LOCKED)
       UPDATE outbox o SET claimed_by = $4, lease_until = ${leaseOf('$5')}
       FROM due, subscriptions s WHERE o.id = due.id AND s.id = o.subscription_id
       RETURNING o.id, o.subscription_id, o.article_id, o.kind, o.dedupe_key, o.payload::text AS payload, o.created_at, o.not_before,
         o.attempts, o.last_error, o.sent_at, o.failed_at, o.attempted_at, o.lease_until, s.tenant, s.platform, s.channel`,
      [now.toISOString(), platform, limit, this.opts.worker, this.opts.leaseMs],
    );
    return rows.map((r) => ({ ...toOutboxRow(r), leaseUntil: r.lease_until })).sort((a, b) => a.id - b.id);
  }

  /** Records a delivery as sent and lets go of it; false when this process had lost the claim. */
  async completeDelivery(id: number, sentAt: Date): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE outbox SET sent_at = $3, attempts = attempts + 1, last_error = NULL, claimed_by = NULL, lease_until = NULL
       WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL`,
      [id, this.opts.worker, sentAt.toISOString()],
    );
    return res.rowCount === 1;
  }

  /** A failed attempt: the delivery is due again at `notBefore`, for whichever process gets there. */
  async retryDelivery(id: number, error: string, notBefore: Date): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $3, not_before = $4, claimed_by = NULL, lease_until = NULL
       WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL`,
      [id, this.opts.worker, error, notBefore.toISOString()],
    );
    return res.rowCount === 1;
  }

  /** Gives a claim back untouched (the process is stopping): another may take it at once. */
  async release(table: LeasedTable, id: number): Promise<boolean> {
    const res = await this.pool.query(`UPDATE ${table} SET claimed_by = NULL, lease_until = NULL WHERE id = $1 AND claimed_by = $2`, [id, this.opts.worker]);
    return res.rowCount === 1;
  }

  /** Keeps a long piece of work (a poll fetching pages) claimed for another lease; false when it was already lost. */
  async renew(table: LeasedTable, id: number): Promise<boolean> {
    const res = await this.pool.query(`UPDATE ${table} SET lease_until = ${leaseOf('$3')} WHERE id = $1 AND claimed_by = $2`, [
      id,
      this.opts.worker,
      this.opts.leaseMs,
    ]);
    return res.rowCount === 1;
  }
}
