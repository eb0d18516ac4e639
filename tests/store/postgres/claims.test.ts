import { afterAll, beforeEach, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkClaims } from '../../../src/store/postgres/claims.ts';
import { PgFeeds } from '../../../src/store/postgres/feeds.ts';
import { pickDue } from '../../../src/deliver/scheduler.ts';
import type { Pool } from '../../../src/store/postgres/pool.ts';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

const NOW = new Date('2025-06-15T12:00:00Z');
const iso = (offsetMin: number): string => new Date(NOW.getTime() + offsetMin * 60_000).toISOString();
const LEASE_MS = 400;
const idsOf = (feeds: readonly { id: number }[]): number[] => feeds.map((f) => f.id).sort((x, y) => x - y);

describePg('work claimed with leases on PostgreSQL', () => {
  let db: TestDatabase;
  let admin: Pool;
  /** Two processes: each its own pool of connections, its own name. */
  let a: WorkClaims;
  let b: WorkClaims;

  beforeEach(async () => {
    await db?.drop();
    db = await freshDatabase({ migrated: true });
    admin = db.pool(2);
    a = new WorkClaims(db.pool(3), { worker: 'host-a:1', leaseMs: LEASE_MS });
    b = new WorkClaims(db.pool(3), { worker: 'host-b:2', leaseMs: LEASE_MS });
  });
  afterAll(async () => db?.drop());

  /** Feeds 1..n due now and followed; returns their ids. Also one paused, one unfollowed and one due later, none of which may be claimed. */
  async function seedFeeds(n: number): Promise<number[]> {
    await admin.query(
      `INSERT INTO feeds (id, url, url_key, created_at, next_poll_at, paused_at)
       SELECT i, 'https://e.org/' || i, 'https://e.org/' || i, $1, CASE WHEN i % 2 = 0 THEN NULL ELSE $2::timestamptz END,
         CASE WHEN i = $3 + 1 THEN $1::timestamptz END
       FROM generate_series(1, $3 + 3) i`,
      [iso(-60), iso(-1), n],
    );
    await admin.query('UPDATE feeds SET next_poll_at = $1 WHERE id = $2', [iso(24 * 60), n + 3]);
    await admin.query(`INSERT INTO sources (tenant, feed_id, added_at) SELECT 'g1', i, $1 FROM generate_series(1, $2) i WHERE i <> $3`, [iso(-60), n + 3, n + 2]);
    return Array.from({ length: n }, (_, i) => i + 1);
  }

  /** Both processes claim `batch` at a time, two calls each in flight, until nothing is left; every claim, in order. */
  async function race(claim: (w: WorkClaims) => Promise<number[]>): Promise<number[]> {
    const got: number[] = [];
    for (let round = 0; round < 100; round++) {
      const results = await Promise.all([claim(a), claim(b), claim(a), claim(b)]);
      if (results.every((r) => r.length === 0)) return got;
      for (const r of results) got.push(...r);
    }
    throw new Error('claims never ran dry');
  }

  it('two processes racing never claim the same feed, and between them claim every due one', async () => {
    const due = await seedFeeds(40);
    const claimed = await race(async (w) => (await w.claimDueFeeds(NOW, 3)).map((f) => f.id));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect([...claimed].sort((x, y) => x - y)).toEqual(due);
  });

  it('claims feeds due by the scheduler\'s own rule, most overdue first, whole, and none it was told to skip', async () => {
    // 1: never polled. 2: polled 5 minutes ago, followed every 10 and every 3 minutes (due 2 minutes ago). 3: backing off until 30
    // minutes ago. 4: polled 5 minutes ago, followed every 10 (due in 5). 5: its back-off (in 5 minutes) wins over a poll long ago.
    // 6: never polled, paused.
    await admin.query(
      `INSERT INTO feeds (id, url, url_key, title, created_at, next_poll_at, last_polled_at, paused_at) VALUES
         (1, 'https://e.org/1', 'https://e.org/1', 'One', $1, NULL, NULL, NULL), (2, 'https://e.org/2', 'https://e.org/2', NULL, $1, NULL, $3, NULL),
         (3, 'https://e.org/3', 'https://e.org/3', NULL, $1, $2, $1, NULL), (4, 'https://e.org/4', 'https://e.org/4', NULL, $1, NULL, $3, NULL),
         (5, 'https://e.org/5', 'https://e.org/5', NULL, $1, $4, $1, NULL), (6, 'https://e.org/6', 'https://e.org/6', NULL, $1, NULL, NULL, $1)`,
      [iso(-600), iso(-30), iso(-5), iso(5)],
    );
    await admin.query(
      `INSERT INTO sources (tenant, feed_id, added_at, interval_minutes) VALUES
         ('g1', 1, $1, 10), ('g1', 2, $1, 10), ('g2', 2, $1, 3), ('g1', 3, $1, 10), ('g1', 4, $1, 10), ('g1', 5, $1, 10), ('g1', 6, $1, 10)`,
      [iso(-600)],
    );
    const listed = await new PgFeeds(admin).list();
    expect(pickDue(listed, NOW, new Set(), 10).map((f) => f.id)).toEqual([1, 3, 2]);
    const claimed = await a.claimDueFeeds(NOW, 2, [1]);
    expect(claimed.map((f) => f.id)).toEqual([3, 2]);
    for (const f of claimed) expect(f).toMatchObject(listed.find((l) => l.id === f.id)!);
    expect(claimed[1]!.intervalMinutes).toBe(3);
    expect((await b.claimDueFeeds(NOW, 10)).map((f) => f.id)).toEqual([1]);
    expect(await b.claimDueFeeds(NOW, 10)).toEqual([]);
  });

  it('a process that dies loses its feeds to another once the lease runs out, and cannot complete them after', async () => {
    await seedFeeds(3);
    // Which feeds, not in what order (most overdue first: 2, never polled, before 1 and 3).
    expect(idsOf(await a.claimDueFeeds(NOW, 10))).toEqual([1, 2, 3]);
    expect(await b.claimDueFeeds(NOW, 10)).toEqual([]);
    await sleep(LEASE_MS + 200);
    expect(idsOf(await b.claimDueFeeds(NOW, 10))).toEqual([1, 2, 3]);
    expect(await a.completeFeed(1, new Date(iso(10)))).toBe(false);
    expect(await b.completeFeed(1, new Date(iso(10)))).toBe(true);
    // Completed: no longer claimed, but not due again until its next poll.
    await sleep(LEASE_MS + 200);
    expect(idsOf(await a.claimDueFeeds(NOW, 10))).toEqual([2, 3]);
    expect((await a.claimDueFeeds(new Date(iso(10)), 10)).map((f) => f.id)).toEqual([1]);
  });

  it('renewing keeps a long poll claimed past its first lease; releasing hands it over at once', async () => {
    await seedFeeds(1);
    expect(await a.claimDueFeeds(NOW, 1)).toHaveLength(1);
    await sleep(LEASE_MS * 0.6);
    expect(await a.renew('feeds', 1)).toBe(true);
    await sleep(LEASE_MS * 0.6);
    expect(await b.claimDueFeeds(NOW, 1)).toEqual([]);
    expect(await a.release('feeds', 1)).toBe(true);
    expect((await b.claimDueFeeds(NOW, 1)).map((f) => f.id)).toEqual([1]);
    expect(await a.renew('feeds', 1)).toBe(false);
  });

  /** Subscriptions: 1 discord (on), 2 discord (switched off), 3 slack. Outbox rows 1..n due for 1, plus one of each kind never claimable by a discord sender. */
  async function seedOutbox(n: number): Promise<number[]> {
    await admin.query(
      `INSERT INTO subscriptions (id, tenant, platform, channel, created_at, disabled_at) VALUES
         (1, 'g1', 'discord', 'c1', $1, NULL), (2, 'g1', 'discord', 'c2', $1, $1), (3, 't1', 'slack', 'c3', $1, NULL)`,
      [iso(-60)],
    );
    await admin.query(
      `INSERT INTO outbox (id, subscription_id, kind, dedupe_key, payload, created_at, not_before)
       SELECT i, 1, 'notice', 'n:' || i, jsonb_build_object('i', i), $1, $1 FROM generate_series(1, $2) i`,
      [iso(-5), n],
    );
    await admin.query(
      `INSERT INTO outbox (id, subscription_id, kind, dedupe_key, created_at, not_before, sent_at) VALUES
         ($1 + 1, 2, 'notice', 'off', $2, $2, NULL), ($1 + 2, 3, 'notice', 'slack', $2, $2, NULL),
         ($1 + 3, 1, 'notice', 'later', $2, $3, NULL), ($1 + 4, 1, 'notice', 'sent', $2, $2, $2)`,
      [n, iso(-5), iso(5)],
    );
    return Array.from({ length: n }, (_, i) => i + 1);
  }

  it('two processes racing never claim the same delivery; other platforms, switched-off channels, future and sent rows stay put', async () => {
    const due = await seedOutbox(30);
    const claimed = await race(async (w) => {
      const rows = await w.claimDueDeliveries('discord', NOW, 4);
      for (const r of rows) expect(await w.completeDelivery(r.id, NOW)).toBe(true);
      return rows.map((r) => r.id);
    });
    expect(new Set(claimed).size).toBe(claimed.length);
    expect([...claimed].sort((x, y) => x - y)).toEqual(due);
    const { rows } = await admin.query('SELECT id, attempts, sent_at IS NOT NULL AS sent FROM outbox WHERE id > 30 ORDER BY id');
    expect(rows).toEqual([
      { id: 31, attempts: 0, sent: false },
      { id: 32, attempts: 0, sent: false },
      { id: 33, attempts: 0, sent: false },
      { id: 34, attempts: 0, sent: true },
    ]);
  });

  it('a claimed delivery carries its channel and payload', async () => {
    await seedOutbox(1);
    const [row] = await a.claimDueDeliveries('discord', NOW, 1);
    expect(row).toMatchObject({ id: 1, subscriptionId: 1, kind: 'notice', dedupeKey: 'n:1', payload: { i: 1 }, tenant: 'g1', platform: 'discord', channel: 'c1', attempts: 0 });
    expect(Date.parse(row!.leaseUntil)).toBeGreaterThan(Date.now() - 5_000);
  });

  it('a delivery whose sender dies is sent by another after the lease, once', async () => {
    await seedOutbox(2);
    expect((await a.claimDueDeliveries('discord', NOW, 10)).map((r) => r.id)).toEqual([1, 2]);
    expect(await b.claimDueDeliveries('discord', NOW, 10)).toEqual([]);
    await sleep(LEASE_MS + 200);
    const taken = await b.claimDueDeliveries('discord', NOW, 10);
    for (const r of taken) expect(await b.completeDelivery(r.id, NOW)).toBe(true);
    expect(await a.completeDelivery(1, NOW)).toBe(false);
    const { rows } = await admin.query('SELECT id, attempts FROM outbox WHERE sent_at IS NOT NULL AND id <= 2 ORDER BY id');
    expect(rows).toEqual([
      { id: 1, attempts: 1 },
      { id: 2, attempts: 1 },
    ]);
  });

  it('a failed attempt makes the delivery due again at its retry time, for whichever process gets there', async () => {
    await seedOutbox(1);
    await a.claimDueDeliveries('discord', NOW, 1);
    expect(await a.retryDelivery(1, '503 from Discord', new Date(iso(2)))).toBe(true);
    expect(await b.claimDueDeliveries('discord', NOW, 1)).toEqual([]);
    const [again] = await b.claimDueDeliveries('discord', new Date(iso(2)), 1);
    expect(again).toMatchObject({ id: 1, attempts: 1, lastError: '503 from Discord' });
  });
});
