import { redactUrl } from './url.ts';
import type { Store, Source } from '../store/index.ts';
import type { Logger } from '../log.ts';
import { enqueuePauseNotices } from '../deliver/notices.ts';

/** Longest wait between attempts at a failing source. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;
/** A source failing for this long is paused and its channels are told. */
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

// failing_since is a column of migration 003 that the source repo does not map; it is read and
// written only here, next to the policy that uses it.
function streakStart(store: Store, sourceId: number, now: Date): Date {
  store.db.prepare('UPDATE sources SET failing_since = COALESCE(failing_since, ?) WHERE id = ?').run(now.toISOString(), sourceId);
  const row = store.db.prepare('SELECT failing_since FROM sources WHERE id = ?').get(sourceId) as { failing_since: string } | undefined;
  return new Date(row?.failing_since ?? now.toISOString());
}

/**
 * Records a failed poll: backs off exponentially and, after a day of failures, pauses the source
 * and queues one notice per channel of its tenant — all in one transaction, so a crash cannot
 * leave a paused source whose channels were never told (or told twice).
 */
export function recordPollFailure(deps: { store: Store; log: Logger }, source: Source, error: string, now: Date, retryAfterMs?: number): Source {
  const { store, log } = deps;
  return store.tx(() => {
    const since = streakStart(store, source.id, now);
    const decision = decideAfterFailure(source.intervalMinutes, source.consecutiveFailures + 1, since, now, retryAfterMs);
    const updated = store.sources.markFailure(source.id, now, error, decision.nextPollAt, decision.pause);
    if (updated.pausedAt && !updated.pauseNotified) {
      const told = enqueuePauseNotices(store, now, updated);
      store.sources.markPauseNotified(updated.id);
      log.warn('paused a source after a day of failures', { source: updated.id, url: redactUrl(updated.url), failures: updated.consecutiveFailures, notices: told, error });
      return store.sources.get(updated.id)!;
    }
    log.info('poll failed; backing off', { source: updated.id, url: redactUrl(updated.url), failures: updated.consecutiveFailures, nextPollAt: decision.nextPollAt?.toISOString(), error });
    return updated;
  });
}

/** Records a successful poll (a 304 included): the streak ends and the next poll is one interval away. */
export function recordPollSuccess(store: Store, source: Source, now: Date, validators: { etag?: string | undefined; lastModified?: string | undefined } = {}): void {
  store.tx(() => {
    store.sources.markSuccess(source.id, now, validators);
    store.sources.setNextPoll(source.id, new Date(now.getTime() + source.intervalMinutes * 60_000));
    store.db.prepare('UPDATE sources SET failing_since = NULL WHERE id = ?').run(source.id);
  });
}
