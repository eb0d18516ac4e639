import { describe, it, expect } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { nonceFor } from '../../src/deliver/outbox.ts';
import { describeStores, type OpenStore } from '../helpers/stores.ts';

const t0 = new Date('2025-03-10T12:00:00Z');
let store: Store;

async function setupWith(open: OpenStore): Promise<number> {
  store = await open();
  return (await store.subscriptions.upsert({ tenant: 't1', platform: 'discord', channel: '42' }, t0)).subscription.id;
}

describeStores('outbox repository', (open) => {
  const setup = () => setupWith(open);

  it('ignores a second row with the same dedupe key', async () => {
    const sub = await setup();
    expect(await store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'k1', payload: { title: 'a', text: 'b' } }, t0)).toBe(true);
    expect(await store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'k1', payload: { title: 'other', text: 'x' } }, t0)).toBe(false);
    expect(await store.outbox.forSubscription(sub)).toHaveLength(1);
    expect((await store.outbox.byKey('k1'))!.payload).toEqual({ title: 'a', text: 'b' });
  });

  it('lists as due only unsent, unfailed rows whose time has come, for enabled subscriptions of the platform', async () => {
    const sub = await setup();
    const later = new Date(t0.getTime() + 60_000);
    await store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'now' }, t0);
    await store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'later', notBefore: later }, t0);
    await store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'sent' }, t0);
    await store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'failed' }, t0);
    await store.outbox.markSent((await store.outbox.byKey('sent'))!.id, t0);
    await store.outbox.markFailed((await store.outbox.byKey('failed'))!.id, 'gone', t0);
    expect((await store.outbox.due('discord', t0)).map((r) => r.dedupeKey)).toEqual(['now']);
    expect((await store.outbox.due('discord', later)).map((r) => r.dedupeKey)).toEqual(['now', 'later']);
    expect(await store.outbox.due('slack', later)).toEqual([]);
    await store.subscriptions.disable(sub, 'Missing Access', t0);
    expect(await store.outbox.due('discord', later)).toEqual([]);
  });

  it('marks a row sent only once, keeping the first time', async () => {
    const sub = await setup();
    await store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'k' }, t0);
    const id = (await store.outbox.byKey('k'))!.id;
    await store.outbox.markSent(id, t0);
    await store.outbox.markSent(id, new Date(t0.getTime() + 5000));
    expect(await store.outbox.get(id)).toMatchObject({ sentAt: t0.toISOString(), attempts: 1 });
    expect(await store.outbox.sentToChannelSince('discord', '42', new Date(t0.getTime() - 1))).toHaveLength(1);
  });

  it('drops queued rows with their subscription', async () => {
    const sub = await setup();
    await store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'k' }, t0);
    await store.subscriptions.remove('t1', 'discord', '42');
    expect(await store.outbox.countPending()).toBe(0);
  });
});

describe('delivery nonces', () => {
  it('derives a stable 25-character nonce from the dedupe key', () => {
    expect(nonceFor('update:1:2')).toBe(nonceFor('update:1:2'));
    expect(nonceFor('update:1:2')).not.toBe(nonceFor('update:1:3'));
    expect(nonceFor('digest:7:2025-03-30T06:00:00.000Z')).toMatch(/^ff[A-Za-z0-9_-]{23}$/);
  });
});
