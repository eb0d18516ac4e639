import { describe, it, expect, afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';

let store: Store;
afterEach(() => store?.close());
const t0 = new Date('2025-03-10T12:00:00Z');

describe('subscription repository', () => {
  it('keeps one subscription per tenant, platform and channel, updating its filters in place', () => {
    store = openStore(':memory:');
    const a = store.subscriptions.upsert({ tenant: 't1', platform: 'slack', channel: 'C1', include: ['kursk'] }, t0);
    const b = store.subscriptions.upsert({ tenant: 't1', platform: 'slack', channel: 'C1', exclude: ['sport'] }, t0);
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, subscription: { id: a.subscription.id, include: [], exclude: ['sport'] } });
    store.subscriptions.upsert({ tenant: 't2', platform: 'slack', channel: 'C1' }, t0);
    expect(store.subscriptions.list('t1')).toHaveLength(1);
    expect(store.subscriptions.find('t2', 'slack', 'C1')!.id).not.toBe(a.subscription.id);
  });

  it('disables once and lists only active subscriptions for deliveries', () => {
    store = openStore(':memory:');
    const { subscription } = store.subscriptions.upsert({ tenant: 't1', platform: 'discord', channel: '1' }, t0);
    expect(store.subscriptions.disable(subscription.id, 'Unknown Channel', t0)).toBe(true);
    expect(store.subscriptions.disable(subscription.id, 'again', t0)).toBe(false);
    expect(store.subscriptions.get(subscription.id)!.disabledReason).toBe('Unknown Channel');
    expect(store.subscriptions.active('t1')).toEqual([]);
  });

  it('lists digests due by their next slot and starts the first window when the digest is set', () => {
    store = openStore(':memory:');
    const { subscription } = store.subscriptions.upsert({ tenant: 't1', platform: 'console', channel: 'news' }, new Date('2025-03-01T00:00:00Z'));
    const slot = new Date('2025-03-11T07:00:00Z');
    store.subscriptions.setDigest(subscription.id, '0 9 * * *', 'Europe/Kyiv', slot, t0);
    expect(store.subscriptions.get(subscription.id)).toMatchObject({ lastDigestAt: t0.toISOString(), nextDigestAt: slot.toISOString() });
    expect(store.subscriptions.digestsDue(new Date(slot.getTime() - 1))).toEqual([]);
    expect(store.subscriptions.digestsDue(slot).map((s) => s.id)).toEqual([subscription.id]);
    store.subscriptions.markDigest(subscription.id, slot, new Date('2025-03-12T07:00:00Z'));
    expect(store.subscriptions.digestsDue(slot)).toEqual([]);
  });
});
