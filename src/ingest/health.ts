import { redactUrl } from './url.ts';
import type { Store, Feed, FailureDecision } from '../store/index.ts';
import type { Logger } from '../log.ts';
import { pauseNotices } from '../deliver/notices.ts';

export type { FailureDecision } from '../store/index.ts';

/** Longest wait between attempts at a failing feed. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;
/** A feed failing for this long is paused and its followers' channels are told. */
export const PAUSE_AFTER_MS = 24 * 3_600_000;

/** Wait before the next attempt after `failures` failures in a row: interval × 2^failures, capped at 6 h. */
export function backoffDelayMs(intervalMinutes: number, failures: number): number {
  const base = Math.max(1, intervalMinutes) * 60_000;
  return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(Math.max(failures, 0), 20));
}

/**
 * Pure policy: given the streak so far (this failure included) and when it began, what happens next.
 * A feed that asked us to stay away (Retry-After on 429 or 503) is not asked again sooner.
 */
export function decideAfterFailure(intervalMinutes: number, failures: number, failingSince: Date, now: Date, retryAfterMs = 0): FailureDecision {
  if (now.getTime() - failingSince.getTime() >= PAUSE_AFTER_MS) return { nextPollAt: null, pause: true };
  // A day at most: a feed cannot switch itself off for good with a Retry-After of years.
  const asked = Math.min(retryAfterMs, PAUSE_AFTER_MS);
  return { nextPollAt: new Date(now.getTime() + Math.max(backoffDelayMs(intervalMinutes, failures), asked)), pause: false };
}

/**
 * Records a failed poll: backs off exponentially and, after a day of failures, pauses the feed
 * and queues one notice per channel of every server following it — all in one transaction, so a
 * crash cannot leave a paused feed whose channels were never told (or told twice).
 */
export async function recordPollFailure(deps: { store: Store; log: Logger }, feed: Feed, error: string, now: Date, retryAfterMs?: number): Promise<Feed> {
  const { store, log } = deps;
  // Who would be told of a pause, read first: the transaction itself then runs no code of ours that waits.
  const channels: Parameters<typeof pauseNotices>[2][number][] = [];
  for (const follow of await store.sources.followers(feed.id)) channels.push({ follow, subs: await store.subscriptions.active(follow.tenant) });
  let decision: FailureDecision | undefined;
  const { feed: updated, notified, pausedNow } = await store.writes.recordPollFailure(
    feed.id,
    now,
    error,
    (since) => (decision = decideAfterFailure(feed.intervalMinutes, feed.consecutiveFailures + 1, since, now, retryAfterMs)),
    (paused) => pauseNotices(paused, now, channels),
  );
  if (pausedNow) {
    log.warn('paused a feed after a day of failures', { feed: updated.id, url: redactUrl(updated.url), failures: updated.consecutiveFailures, notices: notified, error });
  } else {
    log.info('poll failed; backing off', { feed: updated.id, url: redactUrl(updated.url), failures: updated.consecutiveFailures, nextPollAt: decision?.nextPollAt?.toISOString(), error });
  }
  return updated;
}

/** Records a successful poll (a 304 included): the streak ends and the next poll is one (shortest) interval away. */
export async function recordPollSuccess(store: Store, feed: Feed, now: Date, validators: { etag?: string | undefined; lastModified?: string | undefined } = {}): Promise<void> {
  await store.feeds.markSuccess(feed.id, now, new Date(now.getTime() + feed.intervalMinutes * 60_000), validators);
}
