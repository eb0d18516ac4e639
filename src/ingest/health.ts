import { redactUrl } from './url.ts';
import type { Store, Feed } from '../store/index.ts';
import type { Logger } from '../log.ts';
import { enqueuePauseNotices } from '../deliver/notices.ts';

/** Longest wait between attempts at a failing feed. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;
/** A feed failing for this long is paused and its followers' channels are told. */
export const PAUSE_AFTER_MS = 24 * 3_600_000;

/** Wait before the next attempt after `failures` failures in a row: interval × 2^failures, capped at 6 h. */
export function backoffDelayMs(intervalMinutes: number, failures: number): number {
  const base = Math.max(1, intervalMinutes) * 60_000;
  return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(Math.max(failures, 0), 20));
}

export interface FailureDecision {
  nextPollAt: Date | null;
  pause: boolean;
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
export function recordPollFailure(deps: { store: Store; log: Logger }, feed: Feed, error: string, now: Date, retryAfterMs?: number): Feed {
  const { store, log } = deps;
  return store.tx(() => {
    const since = store.feeds.startStreak(feed.id, now);
    const decision = decideAfterFailure(feed.intervalMinutes, feed.consecutiveFailures + 1, since, now, retryAfterMs);
    const updated = store.feeds.markFailure(feed.id, now, error, decision.nextPollAt, decision.pause);
    if (updated.pausedAt && !updated.pauseNotified) {
      const told = enqueuePauseNotices(store, now, updated);
      store.feeds.markPauseNotified(updated.id);
      log.warn('paused a feed after a day of failures', { feed: updated.id, url: redactUrl(updated.url), failures: updated.consecutiveFailures, notices: told, error });
      return store.feeds.get(updated.id)!;
    }
    log.info('poll failed; backing off', { feed: updated.id, url: redactUrl(updated.url), failures: updated.consecutiveFailures, nextPollAt: decision.nextPollAt?.toISOString(), error });
    return updated;
  });
}

/** Records a successful poll (a 304 included): the streak ends and the next poll is one (shortest) interval away. */
export function recordPollSuccess(store: Store, feed: Feed, now: Date, validators: { etag?: string | undefined; lastModified?: string | undefined } = {}): void {
  store.feeds.markSuccess(feed.id, now, new Date(now.getTime() + feed.intervalMinutes * 60_000), validators);
}
