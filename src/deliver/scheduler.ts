import { redactUrl } from '../ingest/url.ts';
import { setMaxListeners } from 'node:events';
import { schedule } from 'node-cron';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { dueAt, type Awaitable, type Store, type Feed } from '../store/index.ts';
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
  /**
   * While running, how long after a poll ends the scheduler looks for the next due feeds (50 ms):
   * polls ending within it are refilled by one claim, not one each.
   */
  refillDelayMs?: number | undefined;
  /** Calls `run` every `seconds` until stopped: node-cron unless given (tests pass a timer that never fires, and tick themselves). */
  every?: ((seconds: number, run: () => void) => Ticker) | undefined;
}

export interface Ticker {
  stop(): Awaitable<void>;
}

/** node-cron on the wall clock; noOverlap: a tick still running when the next is due makes cron skip that one. */
function cronEvery(seconds: number, run: () => void): Ticker {
  const task = schedule(`*/${seconds} * * * * *`, run, { name: 'factfeed-scheduler', noOverlap: true });
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
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

export { dueAt };

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
  /**
   * Feeds whose polls ended since the last tick. A refill leaves them to the next tick, so a poll
   * that leaves its feed due (a store that took no back-off, a test's stub) cannot loop at once.
   */
  const endedSinceTick = new Set<number>();
  let task: Ticker | undefined;
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
        endedSinceTick.add(source.id);
        refillSoon();
        // The poll recorded when the feed is next due; any process may take it then.
        return release(source.id);
      });
    running.set(source.id, p);
    return p;
  }

  const release = (id: number): Promise<void> =>
    Promise.resolve(store.work.releaseFeed(id)).catch((err: unknown) => log.warn('could not release a polled feed', { feed: id, error: messageOf(err) }));

  /** Claims due feeds for the free fetch slots and starts polling them; `later`: feeds to leave alone this time. */
  async function startDue(now: Date, later: ReadonlySet<number>): Promise<{ ids: number[]; done: Promise<void> }> {
    const free = deps.concurrency - running.size;
    let due: Feed[] = [];
    if (free > 0 && !storeDown.active()) {
      const claimed = await store.work.claimDue(now, free, [...running.keys(), ...later]);
      // Where the store does not claim in SQL (SQLite), list and pick; another process on the same
      // database may hold (or have just polled) some of the picked ones.
      due = claimed ?? (await store.work.claimFeeds(pickDue((await store.feeds.list()).filter((f) => !later.has(f.id)), now, new Set(running.keys()), deps.concurrency), now));
    }
    // stop() began while the claim ran: hand the feeds back rather than start polls it does not wait for.
    if (stopping) {
      await Promise.all(due.map((f) => release(f.id)));
      due = [];
    }
    const started = due.map((s) => pollInBackground(s));
    return { ids: due.map((s) => s.id), done: Promise.all(started).then(() => undefined) };
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
    endedSinceTick.clear();
    const { ids, done } = await startDue(now, endedSinceTick);
    return { started: ids, digests, done };
  }

  /** Ticks and refills run one at a time, in order, so no two claims race within this process. */
  let ticking: Promise<unknown> = Promise.resolve();
  function queue<T>(step: () => Promise<T>): Promise<T> {
    const next = ticking.then(step, step);
    ticking = next.catch(() => undefined);
    return next;
  }
  const tick = (): Promise<TickResult> => queue(tickOnce);

  /**
   * Between ticks (every 10 s), slots freed by ended polls would sit idle: while running, the next
   * due feeds are claimed soon after a poll ends, once for all the polls that end meanwhile.
   */
  let refillWaiting = false;
  let refillTimer: NodeJS.Timeout | undefined;
  function refillSoon(): void {
    if (!task || stopping || refillWaiting) return;
    refillWaiting = true;
    refillTimer = setTimeout(() => {
      refillTimer = undefined;
      queue(async () => {
        // From here on, a poll that ends needs another refill: this claim has already counted the free slots.
        refillWaiting = false;
        if (task && !stopping) await startDue(clock.now(), endedSinceTick);
      }).catch((err: unknown) => log.error('starting due polls failed', { error: messageOf(err) }));
    }, deps.refillDelayMs ?? 50);
    refillTimer.unref();
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
      task = (deps.every ?? cronEvery)(every, run);
      run();
    },
    async stop() {
      stopping = true;
      clearTimeout(refillTimer);
      refillTimer = undefined;
      refillWaiting = false;
      await task?.stop();
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
