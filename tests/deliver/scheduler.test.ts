import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, afterEach } from 'vitest';
import { pollSource } from '../../src/ingest/pipeline.ts';
import { createScheduler, pickDue } from '../../src/deliver/scheduler.ts';
import { backoffDelayMs } from '../../src/ingest/health.ts';
import type { Feed } from '../../src/store/index.ts';
import { useApp, startFeedServer, rss, type FeedServer, type TestApp } from './helpers.ts';
import { never, startPublisher } from '../ingest/publisher.ts';

const app = useApp();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

const MIN = 60_000;

function scheduler(a: TestApp, concurrency = 4) {
  return createScheduler({ ...a.services, concurrency, poll: (f: Feed) => pollSource(a.services, f), stopGraceMs: 2000 });
}

/** A feed server that holds every response until release() is called. */
async function heldServer() {
  const waiting: (() => void)[] = [];
  let active = 0;
  let maxActive = 0;
  const server = http.createServer((req, res) => {
    active++;
    maxActive = Math.max(maxActive, active);
    waiting.push(() => {
      active--;
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss([{ guid: req.url ?? 'x', title: `Item at ${req.url}`, text: 'Text.', date: '2025-03-01T00:00:00Z' }]));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const until = async (n: number) => {
    for (let i = 0; i < 200 && waiting.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  };
  return { origin, waiting, until, maxActive: () => maxActive, release: () => waiting.splice(0).forEach((f) => f()) };
}

describe('scheduler', () => {
  it('picks due feeds most overdue first, skipping paused ones, ones in flight, and beyond the free slots', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    const s = (id: number, extra: Partial<Feed>): Feed => ({ id, intervalMinutes: 10, nextPollAt: null, lastPolledAt: null, pausedAt: null, ...extra }) as Feed;
    const sources = [
      s(1, { lastPolledAt: '2025-03-10T11:55:00Z' }), // due 12:05
      s(2, { lastPolledAt: '2025-03-10T11:40:00Z' }), // due 11:50
      s(3, { nextPollAt: '2025-03-10T11:59:00Z' }),
      s(4, { pausedAt: '2025-03-09T00:00:00Z' }),
      s(5, {}),
      s(6, { nextPollAt: '2025-03-10T13:00:00Z', lastPolledAt: '2025-03-10T10:00:00Z' }), // backing off
    ];
    expect(pickDue(sources, now, new Set(), 10).map((x) => x.id)).toEqual([5, 2, 3]);
    expect(pickDue(sources, now, new Set([5]), 2).map((x) => x.id)).toEqual([2]);
    expect(pickDue(sources, now, new Set([1, 2]), 2)).toEqual([]);
  });

  it('polls each source on its own interval', async () => {
    const a = app();
    const server = await startFeedServer();
    closers.push(server.close);
    server.setFeed(rss([{ guid: 'a', title: 'A', text: 'Text.', date: '2025-03-01T00:00:00Z' }]));
    const { store } = a.services;
    const { clock } = a;
    store.sources.add({ tenant: 't1', url: server.url, kind: 'url', intervalMinutes: 5 }, clock.now());
    store.sources.add({ tenant: 't1', url: `${server.url}?b`, kind: 'url', intervalMinutes: 1 }, clock.now());
    const sched = scheduler(a);
    const polls: number[][] = [];
    for (let minute = 0; minute <= 10; minute++) {
      const t = await sched.tick();
      polls.push(t.started);
      await t.done;
      clock.advance(MIN);
    }
    expect(polls.filter((p) => p.includes(1))).toHaveLength(3); // minutes 0, 5, 10
    expect(polls.filter((p) => p.includes(2))).toHaveLength(11);
  });

  it('caps concurrent fetches and never overlaps two polls of one source; stop waits for them', async () => {
    const a = app();
    const held = await heldServer();
    const { store } = a.services;
    const { clock } = a;
    for (let i = 1; i <= 3; i++) store.sources.add({ tenant: 't1', url: `${held.origin}/feed${i}.xml`, kind: 'url' }, clock.now());
    const sched = scheduler(a, 2);
    const t1 = await sched.tick();
    expect(t1.started).toEqual([1, 2]);
    await held.until(2);
    clock.advance(60 * MIN);
    expect((await sched.tick()).started).toEqual([]); // both slots busy; 1 and 2 are still running
    held.release();
    await t1.done;
    const t2 = await sched.tick();
    expect(t2.started).toEqual([3]);
    await held.until(1);
    let stopped = false;
    const stopping = sched.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    held.release();
    await stopping;
    expect(sched.inFlight()).toEqual([]);
    expect(held.maxActive()).toBe(2);
    expect(store.articles.countForFeed(3)).toBe(1);
    expect((await sched.tick()).started).toEqual([]);
  });
});

describe('a failing source', () => {
  let server: FeedServer;
  afterEach(async () => server?.close());

  it('backs off exponentially up to 6 hours, pauses after a day, and tells each channel exactly once', async () => {
    const a = app();
    server = await startFeedServer();
    server.failWith(500);
    const { store } = a.services;
    const { clock } = a;
    const source = store.sources.add({ tenant: 't1', url: server.url, kind: 'url', title: 'Broken Wire', intervalMinutes: 10 }, clock.now());
    const news = store.subscriptions.upsert({ tenant: 't1', platform: 'console', channel: 'news' }, clock.now()).subscription;
    const ops = store.subscriptions.upsert({ tenant: 't1', platform: 'discord', channel: '123' }, clock.now()).subscription;
    const sched = scheduler(a);
    const start = clock.now().getTime();
    const gaps: number[] = [];
    let last = start;
    for (let step = 0; step < 40 && !store.sources.get(source.id)!.pausedAt; step++) {
      const t = await sched.tick();
      if (t.started.length > 0) {
        gaps.push((clock.now().getTime() - last) / MIN);
        last = clock.now().getTime();
        await t.done;
      }
      const next = store.sources.get(source.id)!.nextPollAt;
      // Just before the back-off ends nothing is polled.
      if (next) {
        clock.set(Date.parse(next) - 1000);
        expect((await sched.tick()).started).toEqual([]);
        clock.set(next);
      }
    }
    expect(gaps.slice(1, 8)).toEqual([20, 40, 80, 160, 320, 360, 360]);
    const paused = store.sources.get(source.id)!;
    expect(paused.pausedAt).not.toBeNull();
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(24 * 60 * MIN);
    expect(paused.lastError).toMatch(/500/);

    // A week later the paused source is still left alone and no second notice appears.
    const hitsBefore = server.hits.length;
    for (let day = 0; day < 7; day++) {
      clock.advance(24 * 60 * MIN);
      await (await sched.tick()).done;
    }
    expect(server.hits.length).toBe(hitsBefore);
    for (const sub of [news, ops]) {
      const notices = store.outbox.forSubscription(sub.id).filter((r) => r.kind === 'notice');
      expect(notices).toHaveLength(1);
      expect(JSON.stringify(notices[0]!.payload)).toContain('Broken Wire');
    }
  });

  it('backs off every poll while the store cannot be written (disk full), and polls again once it can', async () => {
    const a = app();
    const { store } = a.services;
    const { clock } = a;
    store.sources.add({ tenant: 't1', url: 'https://wire.example.org/feed', kind: 'url', intervalMinutes: 1 }, clock.now());
    let full = true;
    const attempts: number[] = [];
    // A full disk fails the poll and the write of its failure record alike, so the feed stays due.
    const diskFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const sched = createScheduler({
      ...a.services,
      concurrency: 4,
      stopGraceMs: 2000,
      poll: async (f: Feed) => {
        attempts.push(clock.now().getTime());
        if (full) throw diskFull;
        return { feedId: f.id, notModified: true, items: 0, added: 0, updated: 0, unchanged: 0, newArticleIds: [], warnings: [] };
      },
    });
    const started: number[] = [];
    for (let second = 0; second < 30 * 60; second += 10) {
      const t = await sched.tick();
      started.push(...t.started);
      await t.done;
      clock.advance(10_000);
    }
    // Without a back-off the due feed is polled at every 10 s tick: 180 times in 30 minutes.
    expect(attempts.length).toBeGreaterThan(2);
    expect(attempts.length).toBeLessThanOrEqual(6);
    full = false;
    clock.advance(30 * MIN);
    const t = await sched.tick();
    await t.done;
    expect(t.started).toHaveLength(1);
  });

  it('clears the failure streak on the next success', async () => {
    const a = app();
    server = await startFeedServer();
    server.failWith(503);
    const { store } = a.services;
    const { clock } = a;
    const source = store.sources.add({ tenant: 't1', url: server.url, kind: 'url' }, clock.now());
    await pollSource(a.services, store.feeds.get(source.feedId)!).catch(() => undefined);
    expect(store.sources.get(source.id)!.consecutiveFailures).toBe(1);
    server.failWith(undefined);
    server.setFeed(rss([{ guid: 'a', title: 'Back', text: 'It works again.', date: '2025-03-01T00:00:00Z' }]));
    clock.advance(backoffDelayMs(10, 1));
    await pollSource(a.services, store.feeds.get(source.feedId)!);
    const ok = store.sources.get(source.id)!;
    expect(ok).toMatchObject({ consecutiveFailures: 0, pausedAt: null, lastSuccessAt: clock.now().toISOString() });
    expect(ok.nextPollAt).toBe(new Date(clock.now().getTime() + 10 * MIN).toISOString());
  });

  it('on stop, a poll waiting for article pages stores its items as teasers and ends within the grace', async () => {
    const a = app('2025-03-10T12:00:00Z', { FACTFEED_FETCH_TIMEOUT_MS: '60000' });
    const publisher = await startPublisher({ items: 40, page: () => never });
    closers.push(() => publisher.server.close());
    a.services.store.sources.add({ tenant: 't1', url: publisher.feedUrl, kind: 'url', title: 'Slow pages' }, a.clock.now());
    const s = createScheduler({ ...a.services, concurrency: 4, poll: (src, signal) => pollSource(a.services, src, { signal }), stopGraceMs: 10_000 });
    await s.tick();
    for (let i = 0; i < 200 && publisher.pageHits.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(publisher.pageHits.length).toBeGreaterThan(0);
    const started = performance.now();
    await s.stop();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(s.inFlight()).toEqual([]);
    expect(a.services.store.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(40);
  });
});
