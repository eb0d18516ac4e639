import type { Store } from '../store/index.ts';

export const PACING_WINDOW_MS = 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;
/** After this many failed attempts a delivery is given up (about a day of retries at the cap). */
export const MAX_ATTEMPTS = 30;

/** Wait before retry number `attempts` (1 = first retry): 30 s doubling, capped at an hour. */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 20));
  return Math.max(backoff, Math.min(retryAfterMs ?? 0, MAX_RETRY_MS));
}

/**
 * Takes a slot in the channel's budget for the delivery, recording its attempt, when one more
 * post fits: never more than `perMinute` posts in any 60-second window. Counted from the outbox
 * itself, so the limit holds across restarts and across processes sharing a database.
 */
export async function takeChannelSlot(store: Store, row: { id: number; platform: string; channel: string }, now: Date, perMinute: number): Promise<boolean> {
  return store.writes.takeChannelSlot(row.id, row.platform, row.channel, new Date(now.getTime() - PACING_WINDOW_MS), now, perMinute);
}
