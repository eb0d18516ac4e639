import { inTransaction, type Pool, type PoolClient } from './pool.ts';

/** A subscription whose scheduled digest slot has come. */
export interface DueDigest {
  subscriptionId: number;
  /** The slot, as stored in next_digest_at: what a claimer must name to take it. */
  slot: string;
  cron: string;
  timeZone: string;
}

/** Switched-on subscriptions whose digest slot is at or before `now`. */
export async function dueDigests(pool: Pool, now: Date): Promise<DueDigest[]> {
  const { rows } = await pool.query<{ id: number; next_digest_at: string; digest_cron: string; digest_tz: string }>(
    `SELECT id, next_digest_at, digest_cron, digest_tz FROM subscriptions
     WHERE disabled_at IS NULL AND digest_cron IS NOT NULL AND next_digest_at IS NOT NULL AND next_digest_at <= $1 ORDER BY id`,
    [now.toISOString()],
  );
  return rows.map((r) => ({ subscriptionId: r.id, slot: r.next_digest_at, cron: r.digest_cron, timeZone: r.digest_tz }));
}

/**
 * Sends a digest slot once however many processes reach it: the subscription is moved from `slot`
 * to `next` (compare-and-set on next_digest_at) and `queue` runs in that same transaction, so only
 * the process whose update moved it queues the digest. A racing process's update waits on the row
 * lock, then finds the slot already moved and changes nothing; if the winner dies before committing,
 * its update is rolled back and the slot is still there for the next one. True for the winner.
 */
export async function takeDigestSlot(
  pool: Pool,
  claim: { subscriptionId: number; slot: string; next: Date | null },
  queue: (client: PoolClient) => Promise<void>,
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const moved = await client.query(
      `UPDATE subscriptions SET last_digest_at = $2, next_digest_at = $3
       WHERE id = $1 AND next_digest_at = $2 AND disabled_at IS NULL AND digest_cron IS NOT NULL`,
      [claim.subscriptionId, claim.slot, claim.next?.toISOString() ?? null],
    );
    if (moved.rowCount !== 1) return false;
    await queue(client);
    return true;
  });
}
