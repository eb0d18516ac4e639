import { afterEach, expect, it } from 'vitest';
import { dueDigests, takeDigestSlot } from '../../../src/store/postgres/digest-slots.ts';
import { enqueueDelivery } from '../../../src/store/postgres/outbox.ts';
import type { Pool, PoolClient } from '../../../src/store/postgres/pool.ts';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

const SLOT = '2025-06-15T08:00:00.000Z';
const NEXT = new Date('2025-06-16T08:00:00.000Z');
const NOW = new Date('2025-06-15T08:00:05.000Z');

describePg('digest slots on PostgreSQL', () => {
  let db: TestDatabase;
  afterEach(async () => db?.drop());

  async function seed(): Promise<Pool> {
    db = await freshDatabase({ migrated: true });
    const admin = db.pool(2);
    await admin.query(
      `INSERT INTO subscriptions (id, tenant, platform, channel, created_at, digest_cron, digest_tz, next_digest_at)
       VALUES (1, 'g1', 'discord', 'c1', $1, '0 8 * * *', 'UTC', $2)`,
      ['2025-06-01T00:00:00.000Z', SLOT],
    );
    return admin;
  }

  /** What a process does once it holds the slot: queue the digest under its (subscription, slot) key. */
  const queueDigest = (client: PoolClient): Promise<unknown> =>
    enqueueDelivery(client, { subscriptionId: 1, kind: 'digest', dedupeKey: `digest:1:${SLOT}`, payload: { since: '2025-06-14T08:00:00.000Z', until: SLOT } }, NOW);

  it('lists a subscription whose slot has come, and not before', async () => {
    const admin = await seed();
    expect(await dueDigests(admin, new Date('2025-06-15T07:59:59Z'))).toEqual([]);
    expect(await dueDigests(admin, NOW)).toEqual([{ subscriptionId: 1, slot: SLOT, cron: '0 8 * * *', timeZone: 'UTC' }]);
  });

  it('is sent once however many processes race for the same slot', async () => {
    const admin = await seed();
    const processes = Array.from({ length: 8 }, () => db.pool(1));
    const won = await Promise.all(processes.map((p) => takeDigestSlot(p, { subscriptionId: 1, slot: SLOT, next: NEXT }, async (c) => void (await queueDigest(c)))));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await admin.query("SELECT dedupe_key FROM outbox WHERE kind = 'digest'")).rows).toEqual([{ dedupe_key: `digest:1:${SLOT}` }]);
    const { rows } = await admin.query('SELECT last_digest_at, next_digest_at FROM subscriptions WHERE id = 1');
    expect(rows).toEqual([{ last_digest_at: SLOT, next_digest_at: NEXT.toISOString() }]);
    expect(await dueDigests(admin, NOW)).toEqual([]);
  });

  it('goes to another process when the one holding it dies before committing', async () => {
    const admin = await seed();
    const dying = db.pool(1);
    const other = db.pool(1);
    let otherResult: Promise<boolean> | undefined;
    const first = takeDigestSlot(dying, { subscriptionId: 1, slot: SLOT, next: NEXT }, async (client) => {
      await queueDigest(client);
      // The other process asks for the slot while this one holds it: it waits on the row lock…
      otherResult = takeDigestSlot(other, { subscriptionId: 1, slot: SLOT, next: NEXT }, async (c) => void (await queueDigest(c)));
      await waitForLockWaiter(admin);
      // …and this one's connection is cut before it commits, as when its process is killed.
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await client.query('SELECT 1');
    });
    await expect(first).rejects.toThrow();
    expect(await otherResult).toBe(true);
    expect((await admin.query("SELECT count(*) AS n FROM outbox WHERE kind = 'digest'")).rows[0].n).toBe(1);
  });
});

/** Waits until some connection is blocked on a lock: the racing process has reached the row. */
async function waitForLockWaiter(admin: Pool): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no process ever waited on the digest slot');
}
