import type { NewOutboxRow } from '../outbox.ts';
import type { Queryable } from './query.ts';

/**
 * Queues a delivery on PostgreSQL, inside the caller's transaction (the one that causes it); a second
 * row with the same dedupe key is ignored, as on SQLite. True when queued.
 */
export async function enqueueDelivery(client: Queryable, r: NewOutboxRow, now: Date): Promise<boolean> {
  const res = await client.query(
    `INSERT INTO outbox (subscription_id, article_id, kind, dedupe_key, payload, created_at, not_before)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      r.subscriptionId,
      r.articleId ?? null,
      r.kind,
      r.dedupeKey,
      // Passed as JSON text: pg would send a JS array as a PostgreSQL array, not as jsonb.
      r.payload === undefined ? null : JSON.stringify(r.payload),
      now.toISOString(),
      (r.notBefore ?? now).toISOString(),
    ],
  );
  return res.rowCount === 1;
}
