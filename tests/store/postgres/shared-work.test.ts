import { afterEach, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/store.ts';
import { createSender } from '../../../src/deliver/sender.ts';
import { createScheduler } from '../../../src/deliver/scheduler.ts';
import type { Delivery, DeliverySink } from '../../../src/deliver/types.ts';
import type { PollResult } from '../../../src/ingest/pipeline.ts';
import { systemClock } from '../../../src/clock.ts';
import { silentLogger } from '../../../src/log.ts';
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
  async function twoProcesses(): Promise<[PostgresStore, PostgresStore]> {
    db = await freshDatabase();
    const a = openPostgresStore(db.url, { maxConnections: 3, applicationName: 'factfeed-test-a' });
    const b = openPostgresStore(db.url, { maxConnections: 3, applicationName: 'factfeed-test-b' });
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
});
