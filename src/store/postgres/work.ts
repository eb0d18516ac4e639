import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Feed } from '../feeds.ts';
import type { OutboxRow } from '../outbox.ts';
import type { WorkQueue } from '../types.ts';
import { WorkClaims } from './claims.ts';
import type { Pool } from './pool.ts';

/** How long claims last (FACTFEED_POLL_LEASE_SECONDS, FACTFEED_SEND_LEASE_SECONDS). */
export interface Leases {
  /** Longer than a poll may take (its page budget is 5 minutes), so a live poll keeps its feed. */
  pollMs: number;
  /** Longer than one drain's sends may take; a sender that dies hands its rows on after this. */
  sendMs: number;
}

export const DEFAULT_LEASES: Leases = { pollMs: 10 * 60_000, sendMs: 2 * 60_000 };

/**
 * Work on PostgreSQL, shared by every process on the database: a due feed or delivery is claimed
 * with a lease (claims.ts), so one process takes it, and one that dies loses it to the others when
 * the lease runs out.
 */
export class PgWork implements WorkQueue {
  private readonly feedClaims: WorkClaims;
  private readonly deliveryClaims: WorkClaims;
  /** A third of the lease: a renewal that is late, or fails once, still lands before the claim runs out. */
  readonly renewFeedEveryMs: number;

  constructor(
    pool: Pool,
    private readonly ready: Promise<void>,
    leases: Leases = DEFAULT_LEASES,
    // Host and pid say who for a person reading claimed_by; the random part keeps two stores in one
    // process, or two containers that are each pid 1 on the same hostname, from sharing one identity.
    worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  ) {
    this.feedClaims = new WorkClaims(pool, { worker, leaseMs: leases.pollMs });
    this.deliveryClaims = new WorkClaims(pool, { worker, leaseMs: leases.sendMs });
    this.renewFeedEveryMs = Math.max(1, Math.floor(leases.pollMs / 3));
  }

  /**
   * Due feeds claimed in one statement: with several processes, listing every feed and picking in
   * memory mostly picks feeds another process has just taken, and costs a full read each tick.
   */
  async claimDue(now: Date, limit: number, skip: readonly number[]): Promise<Feed[]> {
    if (limit <= 0) return [];
    await this.ready;
    return this.feedClaims.claimDueFeeds(now, limit, skip);
  }

  /** Of the feeds the scheduler picked as due, those this process now holds (others may hold the rest). */
  async claimFeeds(feeds: readonly Feed[], now: Date): Promise<Feed[]> {
    if (feeds.length === 0) return [];
    await this.ready;
    const held = await this.feedClaims.claimIds('feeds', feeds.map((f) => f.id), now);
    return feeds.filter((f) => held.has(f.id));
  }

  async releaseFeed(id: number): Promise<void> {
    await this.feedClaims.release('feeds', id);
  }

  renewFeed(id: number): Promise<boolean> {
    return this.feedClaims.renew('feeds', id);
  }

  async claimDeliveries(platform: string, now: Date, limit: number): Promise<OutboxRow[]> {
    await this.ready;
    return this.deliveryClaims.claimDueDeliveries(platform, now, limit);
  }

  renewDelivery(id: number): Promise<boolean> {
    return this.deliveryClaims.renew('outbox', id);
  }

  async releaseDelivery(id: number): Promise<void> {
    await this.deliveryClaims.release('outbox', id);
  }
}
