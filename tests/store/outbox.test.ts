import { describe, it, expect, afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { nonceFor } from '../../src/deliver/outbox.ts';

let store: Store;
afterEach(() => store?.close());
const t0 = new Date('2025-03-10T12:00:00Z');

function setup() {
  store = openStore(':memory:');
  const sub = store.subscriptions.upsert({ tenant: 't1', platform: 'discord', channel: '42' }, t0).subscription;
  return sub.id;
}

describe('outbox repository', () => {
  it('ignores a second row with the same dedupe key', () => {
    const sub = setup();
    expect(store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'k1', payload: { title: 'a', text: 'b' } }, t0)).toBe(true);
    expect(store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'k1', payload: { title: 'other', text: 'x' } }, t0)).toBe(false);
    expect(store.outbox.forSubscription(sub)).toHaveLength(1);
    expect(store.outbox.byKey('k1')!.payload).toEqual({ title: 'a', text: 'b' });
  });

  it('lists as due only unsent, unfailed rows whose time has come, for enabled subscriptions of the platform', () => {
    const sub = setup();
    const later = new Date(t0.getTime() + 60_000);
    store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'now' }, t0);
    store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'later', notBefore: later }, t0);
    store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'sent' }, t0);
    store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'failed' }, t0);
    store.outbox.markSent(store.outbox.byKey('sent')!.id, t0);
    store.outbox.markFailed(store.outbox.byKey('failed')!.id, 'gone', t0);
    expect(store.outbox.due('discord', t0).map((r) => r.dedupeKey)).toEqual(['now']);
    expect(store.outbox.due('discord', later).map((r) => r.dedupeKey)).toEqual(['now', 'later']);
    expect(store.outbox.due('slack', later)).toEqual([]);
    store.subscriptions.disable(sub, 'Missing Access', t0);
    expect(store.outbox.due('discord', later)).toEqual([]);
  });

  it('marks a row sent only once, keeping the first time', () => {
    const sub = setup();
    store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'k' }, t0);
    const id = store.outbox.byKey('k')!.id;
    store.outbox.markSent(id, t0);
    store.outbox.markSent(id, new Date(t0.getTime() + 5000));
    expect(store.outbox.get(id)).toMatchObject({ sentAt: t0.toISOString(), attempts: 1 });
    expect(store.outbox.sentToChannelSince('discord', '42', new Date(t0.getTime() - 1))).toHaveLength(1);
  });

  it('drops queued rows with their subscription', () => {
    const sub = setup();
    store.outbox.enqueue({ subscriptionId: sub, kind: 'notice', dedupeKey: 'k' }, t0);
    store.subscriptions.remove('t1', 'discord', '42');
    expect(store.outbox.countPending()).toBe(0);
  });

  it('derives a stable 25-character nonce from the dedupe key', () => {
    expect(nonceFor('update:1:2')).toBe(nonceFor('update:1:2'));
    expect(nonceFor('update:1:2')).not.toBe(nonceFor('update:1:3'));
    expect(nonceFor('digest:7:2025-03-30T06:00:00.000Z')).toMatch(/^ff[A-Za-z0-9_-]{23}$/);
  });
});
