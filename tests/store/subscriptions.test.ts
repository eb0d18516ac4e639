import { it, expect } from 'vitest';
import { describeStores } from '../helpers/stores.ts';

const t0 = new Date('2025-03-10T12:00:00Z');

describeStores('subscription repository', (open) => {
  it('keeps one subscription per tenant, platform and channel, updating its filters in place', async () => {
    const store = await open();
    const a = await store.subscriptions.upsert({ tenant: 't1', platform: 'slack', channel: 'C1', include: ['kursk'] }, t0);
    const b = await store.subscriptions.upsert({ tenant: 't1', platform: 'slack', channel: 'C1', exclude: ['sport'] }, t0);
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, subscription: { id: a.subscription.id, include: [], exclude: ['sport'] } });
    await store.subscriptions.upsert({ tenant: 't2', platform: 'slack', channel: 'C1' }, t0);
    expect(await store.subscriptions.list('t1')).toHaveLength(1);
    expect((await store.subscriptions.find('t2', 'slack', 'C1'))!.id).not.toBe(a.subscription.id);
  });

  it('disables once and lists only active subscriptions for deliveries', async () => {
    const store = await open();
    const { subscription } = await store.subscriptions.upsert({ tenant: 't1', platform: 'discord', channel: '1' }, t0);
    expect(await store.subscriptions.disable(subscription.id, 'Unknown Channel', t0)).toBe(true);
    expect(await store.subscriptions.disable(subscription.id, 'again', t0)).toBe(false);
    expect((await store.subscriptions.get(subscription.id))!.disabledReason).toBe('Unknown Channel');
    expect(await store.subscriptions.active('t1')).toEqual([]);
  });

  it('lists digests due by their next slot and starts the first window when the digest is set', async () => {
    const store = await open();
    const { subscription } = await store.subscriptions.upsert({ tenant: 't1', platform: 'console', channel: 'news' }, new Date('2025-03-01T00:00:00Z'));
    const slot = new Date('2025-03-11T07:00:00Z');
    await store.subscriptions.setDigest(subscription.id, '0 9 * * *', 'Europe/Kyiv', slot, t0);
    expect(await store.subscriptions.get(subscription.id)).toMatchObject({ lastDigestAt: t0.toISOString(), nextDigestAt: slot.toISOString() });
    expect(await store.subscriptions.digestsDue(new Date(slot.getTime() - 1))).toEqual([]);
    expect((await store.subscriptions.digestsDue(slot)).map((s) => s.id)).toEqual([subscription.id]);
    await store.subscriptions.markDigest(subscription.id, slot, new Date('2025-03-12T07:00:00Z'));
    expect(await store.subscriptions.digestsDue(slot)).toEqual([]);
  });
});
