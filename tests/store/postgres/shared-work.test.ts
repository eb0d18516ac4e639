import { afterEach, expect, it, vi } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/store.ts';
import { createSender } from '../../../src/deliver/sender.ts';
import { createScheduler } from '../../../src/deliver/scheduler.ts';
import type { Delivery, DeliverySink } from '../../../src/deliver/types.ts';
import type { PollResult } from '../../../src/ingest/pipeline.ts';
import { systemClock } from '../../../src/clock.ts';
import { silentLogger } from '../../../src/log.ts';
import type { Leases } from '../../../src/store/postgres/work.ts';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describePg('work shared by two processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  const stores: PostgresStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await db?.drop();
  });

  /** Two stores with pools of their own: each stands in for one factfeed process. */
  async function twoProcesses(leases?: Leases): Promise<[PostgresStore, PostgresStore]> {
    db = await freshDatabase();
    const a = openPostgresStore(db.url, { maxConnections: 3, applicationName: 'factfeed-test-a', leases });
    const b = openPostgresStore(db.url, { maxConnections: 3, applicationName: 'factfeed-test-b', leases });
    stores.push(a, b);
    await Promise.all([a.ready, b.ready]);
    return [a, b];
  }

  it('sends every queued delivery once when two senders drain the same outbox at the same time', async () => {
    const [a, b] = await twoProcesses();
    const now = systemClock.now();
    for (let c = 0; c < 4; c++) {
      const { subscription } = await a.subscriptions.upsert({ tenant: 'g1', platform: 'discord', channel: `c${c}` }, now);
      for (let i = 0; i < 10; i++) await a.outbox.enqueue({ subscriptionId: subscription.id, kind: 'notice', dedupeKey: `n:${c}:${i}`, payload: { title: `t${i}`, text: 'x' } }, now);
    }
    const sent: Delivery[] = [];
    // A send that takes a moment, so the two drains overlap.
    const sink: DeliverySink = { platform: 'discord', send: async (d) => (await sleep(3), sent.push(d), { ok: true }) };
    const senders = [a, b].map((store) => createSender({ store, clock: systemClock, log: silentLogger, sink, postsPerMinute: 60 }));
    await Promise.all(senders.map((s) => s.drain()));
    expect(sent).toHaveLength(40);
    expect(new Set(sent.map((d) => d.nonce)).size).toBe(40);
    expect(await a.outbox.countPending()).toBe(0);
  });

  it('never sends a delivery twice when a drain outlasts its lease and another process takes the rest', async () => {
    // Short leases and slow sends: the first drain still holds rows whose lease ran out when the second starts.
    const [a, b] = await twoProcesses({ pollMs: 60_000, sendMs: 300 });
    const now = systemClock.now();
    const { subscription } = await a.subscriptions.upsert({ tenant: 'g1', platform: 'discord', channel: 'c0' }, now);
    for (let i = 0; i < 10; i++) await a.outbox.enqueue({ subscriptionId: subscription.id, kind: 'notice', dedupeKey: `slow:${i}`, payload: { title: `t${i}`, text: 'x' } }, now);
    const sent: string[] = [];
    const sink: DeliverySink = { platform: 'discord', send: async (d) => (await sleep(100), sent.push(d.nonce), { ok: true }) };
    const [first, second] = [a, b].map((store) => createSender({ store, clock: systemClock, log: silentLogger, sink, postsPerMinute: 600 }));
    const draining = first!.drain();
    await sleep(550);
    await Promise.all([draining, second!.drain()]);
    expect(sent).toHaveLength(new Set(sent).size);
    expect(new Set(sent).size).toBe(10);
    expect(await a.outbox.countPending()).toBe(0);
  });

  it('polls each due feed once when two schedulers tick at the same time', async () => {
    const [a, b] = await twoProcesses();
    const now = systemClock.now();
    for (let i = 0; i < 20; i++) await a.sources.add({ tenant: 'g1', url: `https://feed-${i}.example.org/rss`, kind: 'url' }, now);
    const polled: number[] = [];
    const schedulers = [a, b].map((store) =>
      createScheduler({
        store,
        clock: systemClock,
        log: silentLogger,
        concurrency: 20,
        // As pollSource does: the poll records when the feed is next due.
        poll: async (feed) => {
          polled.push(feed.id);
          await sleep(5);
          await store.feeds.markSuccess(feed.id, systemClock.now(), new Date(Date.now() + 600_000));
          return { feedId: feed.id } as PollResult;
        },
      }),
    );
    const ticks = await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all(ticks.map((t) => t.done));
    // A second round finds nothing due: every feed was polled and moved on.
    const again = await Promise.all(schedulers.map((s) => s.tick()));
    expect(again.flatMap((t) => t.started)).toEqual([]);
    expect(polled.sort((x, y) => x - y)).toEqual([...new Set(polled)]);
    expect(polled).toHaveLength(20);
  });

  /** A scheduler on `store` whose polls record a success due again in 10 minutes, as pollSource does, and note the feed in `polled`. */
  function recordingScheduler(store: PostgresStore, concurrency: number, polled: number[], extra: { every?: () => { stop(): void } } = {}) {
    return createScheduler({
      store,
      clock: systemClock,
      log: silentLogger,
      concurrency,
      refillDelayMs: 10,
      ...extra,
      poll: async (feed) => {
        polled.push(feed.id);
        await sleep(5);
        await store.feeds.markSuccess(feed.id, systemClock.now(), new Date(Date.now() + 600_000));
        return { feedId: feed.id } as PollResult;
      },
    });
  }

  it('claims due feeds in the database: two schedulers ticking together each fill their slots while feeds are due, and never list every feed', async () => {
    const [a, b] = await twoProcesses();
    const now = systemClock.now();
    for (let i = 0; i < 20; i++) await a.sources.add({ tenant: 'g1', url: `https://feed-${i}.example.org/rss`, kind: 'url' }, now);
    const lists = [vi.spyOn(a.feeds, 'list'), vi.spyOn(b.feeds, 'list')];
    const polled: number[] = [];
    const schedulers = [a, b].map((store) => recordingScheduler(store, 5, polled));
    const rounds: number[][] = [];
    for (let round = 0; round < 4; round++) {
      const ticks = await Promise.all(schedulers.map((s) => s.tick()));
      rounds.push(ticks.map((t) => t.started.length));
      await Promise.all(ticks.map((t) => t.done));
    }
    // Picking from a list, both would pick the same 5 most overdue and one of them would get none.
    expect(rounds).toEqual([
      [5, 5],
      [5, 5],
      [0, 0],
      [0, 0],
    ]);
    expect([...polled].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const list of lists) expect(list).not.toHaveBeenCalled();
  });

  it('refills from the database as polls end: two running schedulers poll every due feed once without a second tick', async () => {
    const [a, b] = await twoProcesses();
    const now = systemClock.now();
    for (let i = 0; i < 20; i++) await a.sources.add({ tenant: 'g1', url: `https://feed-${i}.example.org/rss`, kind: 'url' }, now);
    const polled: number[] = [];
    // Timers that never fire: start() ticks once, and everything after is a refill.
    const schedulers = [a, b].map((store) => recordingScheduler(store, 2, polled, { every: () => ({ stop: () => undefined }) }));
    for (const s of schedulers) s.start();
    for (let i = 0; i < 300 && (polled.length < 20 || schedulers.some((s) => s.inFlight().length > 0)); i++) await sleep(10);
    await sleep(100);
    await Promise.all(schedulers.map((s) => s.stop()));
    expect([...polled].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('keeps a feed from another process while a poll that outlasts several leases still runs', async () => {
    const [a, b] = await twoProcesses({ pollMs: 300, sendMs: 60_000 });
    const now = systemClock.now();
    for (let i = 0; i < 3; i++) await a.sources.add({ tenant: 'g1', url: `https://slow-${i}.example.org/rss`, kind: 'url' }, now);
    const polled: string[] = [];
    const scheduler = (store: PostgresStore, name: string) =>
      createScheduler({
        store,
        clock: systemClock,
        log: silentLogger,
        concurrency: 10,
        poll: async (feed) => {
          polled.push(`${name}:${feed.id}`);
          // Four leases long: without renewal the feed is anyone's again after the first.
          await sleep(1200);
          await store.feeds.markSuccess(feed.id, systemClock.now(), new Date(Date.now() + 600_000));
          return { feedId: feed.id } as PollResult;
        },
      });
    const slow = await scheduler(a, 'a').tick();
    expect(slow.started).toHaveLength(3);
    const other = scheduler(b, 'b');
    const started: number[] = [];
    for (let t = 0; t < 12; t++) {
      await sleep(100);
      started.push(...(await other.tick()).started);
    }
    await slow.done;
    expect(started).toEqual([]);
    expect(polled.every((p) => p.startsWith('a:'))).toBe(true);
    expect(polled).toHaveLength(3);
  });

  it('lets two processes sending to one channel together post no more than its limit in a minute', async () => {
    const [a, b] = await twoProcesses();
    const clock = { now: () => new Date('2025-06-15T12:00:00Z') };
    const { subscription } = await a.subscriptions.upsert({ tenant: 'g1', platform: 'discord', channel: 'news' }, clock.now());
    const enqueue = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i++) await a.outbox.enqueue({ subscriptionId: subscription.id, kind: 'notice', dedupeKey: `n:${i}`, payload: { title: `t${i}`, text: 'x' } }, clock.now());
    };
    const sent: string[] = [];
    // Slow sends, so both processes are deciding about the channel while the other's post is on its way.
    const sink: DeliverySink = { platform: 'discord', send: async (d) => (await sleep(40), sent.push(d.nonce ?? ''), { ok: true }) };
    const sender = (store: PostgresStore) => createSender({ store, clock, log: silentLogger, sink, postsPerMinute: 3 });
    await enqueue(0, 5);
    // The first process holds those five; the next five are left for the second.
    const first = sender(a).drain();
    await sleep(20);
    await enqueue(5, 10);
    const second = sender(b).drain();
    const results = await Promise.all([first, second]);
    expect(sent).toHaveLength(3);
    expect(results.map((r) => r.sent + r.paced)).toEqual([5, 5]);
    expect(await a.outbox.countPending()).toBe(7);
  });
});
