import { setTimeout as delay } from 'node:timers/promises';

export interface HostGateOptions {
  /** Requests in flight to one host at once. */
  perHost: number;
  /** Least time between the starts of two requests to one host. */
  gapMs: number;
  /** Monotonic milliseconds; injectable so tests can check the pacing without a wall clock. */
  now?: () => number;
}

export interface HostGate {
  /** Runs `task` once the host has a free slot, its pacing gap has passed and no Retry-After holds it. */
  run<T>(host: string, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T>;
  /** The host asked us to stay away (429/503 Retry-After): nothing starts there before then. */
  holdOff(host: string, ms: number): void;
  /** Most requests ever in flight to `host` at once (tests and logs). */
  peak(host: string): number;
}

const MAX_SLEEP_MS = 60_000;

interface Lane {
  active: number;
  peak: number;
  nextStart: number;
  heldUntil: number;
  waiters: Set<() => void>;
}

/**
 * Per-host politeness shared by every poll of the process: a site with many teaser items gets a
 * couple of requests at a time, spaced out, however many of its feeds are polled at once.
 */
export function createHostGate(opts: HostGateOptions): HostGate {
  const now = opts.now ?? (() => performance.now());
  const lanes = new Map<string, Lane>();
  const lane = (host: string): Lane => {
    let l = lanes.get(host);
    if (!l) lanes.set(host, (l = { active: 0, peak: 0, nextStart: 0, heldUntil: 0, waiters: new Set() }));
    return l;
  };

  async function acquire(l: Lane, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const t = now();
      const readyAt = Math.max(l.nextStart, l.heldUntil);
      if (l.active < opts.perHost && t >= readyAt) {
        l.active++;
        l.peak = Math.max(l.peak, l.active);
        l.nextStart = t + opts.gapMs;
        return;
      }
      if (l.active >= opts.perHost) await released(l, signal);
      // Waits are taken in slices: a hostile Retry-After of years would overflow a timer, which Node turns into 1 ms.
      else await delay(Math.min(Math.ceil(readyAt - t), MAX_SLEEP_MS), undefined, signal ? { signal } : {});
    }
  }

  function released(l: Lane, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        l.waiters.delete(wake);
        reject(signal?.reason);
      };
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      l.waiters.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    async run(host, signal, task) {
      const l = lane(host);
      await acquire(l, signal);
      try {
        return await task();
      } finally {
        l.active--;
        const waiters = [...l.waiters];
        l.waiters.clear();
        for (const w of waiters) w();
      }
    },
    holdOff(host, ms) {
      const l = lane(host);
      l.heldUntil = Math.max(l.heldUntil, now() + ms);
    },
    peak: (host) => lanes.get(host)?.peak ?? 0,
  };
}
