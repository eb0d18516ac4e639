import { describe, it, expect, vi } from 'vitest';
import { createScheduler, type Scheduler } from '../../src/deliver/scheduler.ts';
import type { PollResult } from '../../src/ingest/pipeline.ts';
import type { Feed } from '../../src/store/index.ts';
import { useApp, type TestApp } from './helpers.ts';

const app = useApp();
const MIN = 60_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 3000): Promise<void> {
  for (const t0 = Date.now(); !check() && Date.now() - t0 < ms; ) await sleep(5);
}

/**
 * A scheduler whose timer never fires: after start()'s first tick, only refills can start polls.
 * Its polls are stubs that wait for `gate` (when set), then record a success due again in 10 minutes
 * (on the fake clock), as pollSource does — unless `fail` says how this poll ends instead.
 */
function stubbed(a: TestApp, feeds: number, concurrency: number) {
  const { store } = a.services;
  for (let i = 0; i < feeds; i++) store.sources.add({ tenant: 't1', url: `https://feed-${i}.example.org/rss`, kind: 'url' }, a.clock.now());
  const polled: number[] = [];
  let active = 0;
  let maxActive = 0;
  const opts = { gate: undefined as Promise<void> | undefined, fail: undefined as Error | undefined, record: true };
  const sched: Scheduler = createScheduler({
    ...a.services,
    concurrency,
    stopGraceMs: 2000,
    refillDelayMs: 20,
    every: () => ({ stop: () => undefined }),
    poll: async (feed: Feed) => {
      polled.push(feed.id);
      maxActive = Math.max(maxActive, ++active);
      try {
        await (opts.gate ?? sleep(5));
        if (opts.fail) throw opts.fail;
        if (opts.record) store.feeds.markSuccess(feed.id, a.clock.now(), new Date(a.clock.now().getTime() + 10 * MIN));
        return { feedId: feed.id } as PollResult;
      } finally {
        active--;
      }
    },
  });
  return { sched, polled, opts, maxActive: () => maxActive };
}

/** A promise and the function that settles it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

describe('a running scheduler refills its fetch slots as polls end', () => {
  it('starts the next due feed when a poll ends, without waiting for the next tick', async () => {
    const a = app();
    const s = stubbed(a, 5, 1);
    s.sched.start();
    await until(() => s.polled.length === 5 && s.sched.inFlight().length === 0);
    await s.sched.stop();
    // One slot and no tick after the first: every poll after the first was started by a refill.
    expect(s.polled).toEqual([1, 2, 3, 4, 5]);
    expect(s.maxActive()).toBe(1);
  });

  it('refills polls that end together with one claim', async () => {
    const a = app();
    const s = stubbed(a, 6, 3);
    const g = gate();
    s.opts.gate = g.wait;
    s.sched.start();
    await until(() => s.sched.inFlight().length === 3);
    const list = vi.spyOn(a.services.store.feeds, 'list');
    const next = gate();
    s.opts.gate = next.wait;
    g.open();
    await until(() => s.sched.inFlight().length === 3 && s.polled.length === 6);
    await sleep(100);
    // SQLite lists the feeds once per claim.
    expect(list).toHaveBeenCalledTimes(1);
    expect(s.sched.inFlight().sort()).toEqual([4, 5, 6]);
    next.open();
    await s.sched.stop();
  });

  it('leaves a feed whose poll left it due to the next tick, so a poll cannot loop', async () => {
    const a = app();
    const s = stubbed(a, 1, 2);
    s.opts.record = false;
    s.sched.start();
    await sleep(300);
    expect(s.polled).toEqual([1]);
    await (await s.sched.tick()).done;
    expect(s.polled).toEqual([1, 1]);
    await s.sched.stop();
  });

  it('starts nothing more once the store fails: the back-off holds for refills too', async () => {
    const a = app();
    const s = stubbed(a, 3, 1);
    s.opts.fail = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    s.sched.start();
    await sleep(300);
    expect(s.polled).toEqual([1]);
    // A tick within the back-off starts nothing either; after it, polling resumes.
    s.opts.fail = undefined;
    expect((await s.sched.tick()).started).toEqual([]);
    a.clock.advance(MIN + 1000);
    expect((await s.sched.tick()).started).toEqual([1]);
    await s.sched.stop();
  });

  it('starts no poll after stop(), even as the polls it waits for end', async () => {
    const a = app();
    const s = stubbed(a, 3, 1);
    const g = gate();
    s.opts.gate = g.wait;
    s.sched.start();
    await until(() => s.sched.inFlight().length === 1);
    const stopped = s.sched.stop();
    g.open();
    await stopped;
    await sleep(200);
    expect(s.polled).toEqual([1]);
    expect(s.sched.inFlight()).toEqual([]);
  });
});
