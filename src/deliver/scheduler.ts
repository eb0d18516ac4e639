import { redactUrl } from '../ingest/url.ts';
import { setMaxListeners } from 'node:events';
import { schedule, type ScheduledTask } from 'node-cron';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Store, Feed } from '../store/index.ts';
import type { PollResult } from '../ingest/pipeline.ts';
import { enqueueDueDigests } from './digests.ts';
import { isStoreFailure } from '../store/failures.ts';

export interface SchedulerDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Polls one feed (pollSource with the app's dependencies); `signal` aborts when the scheduler stops. */
  poll: (feed: Feed, signal: AbortSignal) => Promise<PollResult>;
  /** Most fetches in flight at once, across all feeds. */
  concurrency: number;
  /** Seconds between ticks; each tick starts due polls and queues due digests. */
  tickSeconds?: number | undefined;
  /** How long stop() waits for polls in flight before abandoning them. */
  stopGraceMs?: number | undefined;
}

export interface TickResult {
  started: number[];
  digests: number;
  /** Resolves when the polls this tick started have finished (tests await it; the cron task does not). */
  done: Promise<void>;
}

export interface Scheduler {
  /** One tick; ticks run one at a time (a second waits for the first), so no feed is started twice. */
  tick(): Promise<TickResult>;
  start(): void;
  stop(): Promise<void>;
  /** Feed ids being polled right now. */
  inFlight(): number[];
}

/** When a feed is next due: its back-off time if set, else one (shortest follower's) interval after its last poll, else now. */
export function dueAt(s: Feed): number {
  if (s.nextPollAt) return Date.parse(s.nextPollAt);
  if (s.lastPolledAt) return Date.parse(s.lastPolledAt) + Math.max(1, s.intervalMinutes) * 60_000;
  return 0;
}

/**
 * Pure: which feeds to poll now (each once, however many servers follow it), most overdue first — never a paused one, never one already
 * being polled, and no more than the free fetch slots.
 */
export function pickDue(sources: readonly Feed[], now: Date, inFlight: ReadonlySet<number>, concurrency: number): Feed[] {
  const free = concurrency - inFlight.size;
  if (free <= 0) return [];
  return sources
    .filter((s) => !s.pausedAt && !inFlight.has(s.id) && dueAt(s) <= now.getTime())
    .sort((a, b) => dueAt(a) - dueAt(b) || a.id - b.id)
    .slice(0, free);
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** 1 minute after the first store failure, doubling to 30 minutes; kept in memory, since the store is what failed. */
function storeBackoff(clock: Clock) {
  let failures = 0;
  let until = 0;
  return {
    active: () => clock.now().getTime() < until,
    until: () => new Date(until),
    /** Records a failure; true when it starts a new wait (so it is logged once per wait). */
    fail(): boolean {
      if (clock.now().getTime() < until) return false;
      failures++;
      until = clock.now().getTime() + Math.min(30, 2 ** (failures - 1)) * 60_000;
      return true;
    },
    clear(): void {
      failures = 0;
      until = 0;
    },
  };
}

/** One signal every poll in flight listens to; a busy bot has more polls than the default listener limit. */
function pollStopper(): AbortController {
  const c = new AbortController();
  setMaxListeners(0, c.signal);
  return c;
}

/**
 * Polls feeds on their intervals and queues digests on their schedules. node-cron only drives
 * the ticks; every decision reads the injected clock, so tests call tick() with a fake one.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { store, clock, log } = deps;
  const running = new Map<number, Promise<void>>();
  let task: ScheduledTask | undefined;
  let stopping = false;
  let stopPolls = pollStopper();
  const storeDown = storeBackoff(clock);

  /**
   * Renews the claim on a feed while its poll runs (PostgreSQL): a poll fetching article pages can
   * outlast one lease, and another process would otherwise take the feed and poll it again.
   */
  function keepClaimed(source: Feed): () => void {
    const every = store.work.renewFeedEveryMs;
    if (every === undefined) return () => undefined;
    const timer = setInterval(() => {
      Promise.resolve(store.work.renewFeed(source.id)).then(
        (held) => {
          if (!held) log.warn('lost the claim on a feed while polling it; another process may poll it too', { feed: source.id, url: redactUrl(source.url) });
        },
        (err: unknown) => log.warn('could not renew the claim on a feed being polled', { feed: source.id, error: messageOf(err) }),
      );
    }, every);
    timer.unref();
    return () => clearInterval(timer);
  }

  function pollInBackground(source: Feed): Promise<void> {
    const stopRenewing = keepClaimed(source);
    const p = deps
      .poll(source, stopPolls.signal)
      .then(
        (r) => {
          storeDown.clear();
          log.debug('polled', { feed: source.id, added: r.added, updated: r.updated, notModified: r.notModified });
        },
        (err: unknown) => {
          // A full or failing store could not record this failure or its back-off either, so the feed
          // would stay due at every tick: every poll waits, doubling, until the store takes writes again.
          if (isStoreFailure(err) && storeDown.fail()) log.error('the store cannot be written; polls wait and retry with back-off', { until: storeDown.until().toISOString(), error: messageOf(err) });
          // Otherwise pollSource has already recorded the failure and its back-off; the log just says so.
          else log.warn('poll failed', { feed: source.id, url: redactUrl(source.url), error: messageOf(err) });
        },
      )
      .finally(() => {
        stopRenewing();
        running.delete(source.id);
        // The poll recorded when the feed is next due; any process may take it then.
        return Promise.resolve(store.work.releaseFeed(source.id)).catch((err: unknown) => log.warn('could not release a polled feed', { feed: source.id, error: messageOf(err) }));
      });
    running.set(source.id, p);
    return p;
  }

  async function tickOnce(): Promise<TickResult> {
    if (stopping) return { started: [], digests: 0, done: Promise.resolve() };
    const now = clock.now();
    let digests = 0;
    try {
      digests = await enqueueDueDigests(store, now);
    } catch (err) {
      log.error('queueing digests failed', { error: err instanceof Error ? err.message : String(err) });
    }
    const picked = storeDown.active() ? [] : pickDue(await store.feeds.list(), now, new Set(running.keys()), deps.concurrency);
    // Another process on the same database may hold (or have just polled) some of them.
    const due = await store.work.claimFeeds(picked, now);
    const started = due.map((s) => pollInBackground(s));
    return { started: due.map((s) => s.id), digests, done: Promise.all(started).then(() => undefined) };
  }

  let ticking: Promise<unknown> = Promise.resolve();
  function tick(): Promise<TickResult> {
    const next = ticking.then(tickOnce, tickOnce);
    ticking = next.catch(() => undefined);
    return next;
  }

  return {
    tick,
    inFlight: () => [...running.keys()],
    start() {
      stopping = false;
      if (stopPolls.signal.aborted) stopPolls = pollStopper();
      const every = Math.max(1, Math.min(59, deps.tickSeconds ?? 10));
      const run = (): void => {
        tick().catch((err: unknown) => log.error('scheduler tick failed', { error: messageOf(err) }));
      };
      task = schedule(`*/${every} * * * * *`, run, { name: 'factfeed-scheduler', noOverlap: true });
      run();
    },
    async stop() {
      stopping = true;
      await task?.stop();
      await task?.destroy();
      task = undefined;
      // Polls stop fetching article pages and store what is left as teasers, which takes moments. A
      // poll still stuck on its feed after the grace is abandoned: each item is stored in its own
      // savepoint, so that leaves no half-written article.
      stopPolls.abort();
      const grace = new Promise<void>((r) => setTimeout(r, deps.stopGraceMs ?? 10_000).unref());
      await Promise.race([Promise.all(running.values()), grace]);
      if (running.size > 0) log.warn('stopped with polls still in flight; they were abandoned', { feeds: [...running.keys()] });
    },
  };
}
