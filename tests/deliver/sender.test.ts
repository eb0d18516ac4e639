import { describe, it, expect } from 'vitest';
import { storeItem } from '../../src/ingest/pipeline.ts';
import { enqueueArticleUpdates } from '../../src/deliver/outbox.ts';
import { createSender } from '../../src/deliver/sender.ts';
import { useApp, recordingSink, type TestApp } from './helpers.ts';

const app = useApp();

function seed(a: TestApp, articles: number, channels = ['news']) {
  const { store, clock } = a.services;
  const source = store.sources.add({ tenant: 't1', url: 'https://wire.example.org/feed', kind: 'url', title: 'Wire' }, clock.now());
  const subs = channels.map((channel) => store.subscriptions.upsert({ tenant: 't1', platform: 'console', channel }, clock.now()).subscription);
  const deps = { ...a.services, onNewArticle: (id: number) => void enqueueArticleUpdates(store, clock.now(), id, source) };
  for (let i = 1; i <= articles; i++) {
    storeItem(deps, store.feeds.get(source.feedId)!, {
      guid: `g${i}`,
      link: `https://wire.example.org/${i}`,
      title: `Item ${i}: 150 prisoners returned`,
      text: `Ukraine said 150 prisoners of war returned home on Friday in exchange number ${i}. Officials confirmed the swap.`,
      published: new Date(`2025-03-01T0${i % 10}:00:00Z`),
      isTeaser: false,
    });
  }
  return { source, subs };
}

describe('sender', () => {
  it('posts each update once with its title, lead, link and a stable nonce, and marks it sent', async () => {
    const a = app();
    const { subs } = seed(a, 2);
    const sink = recordingSink();
    const sender = createSender({ ...a.services, sink, postsPerMinute: 5 });
    expect((await sender.drain()).sent).toBe(2);
    expect((await sender.drain()).sent).toBe(0);
    const [first] = sink.sent;
    expect(first).toMatchObject({ kind: 'update', channel: 'news', tenant: 't1' });
    expect(first!.reply.title).toBe('Item 1: 150 prisoners returned');
    expect(first!.reply.intro).toMatch(/^Ukraine said 150 prisoners/);
    expect(first!.reply.citations[0]).toMatchObject({ url: 'https://wire.example.org/1', source: 'Wire' });
    const row = a.services.store.outbox.forSubscription(subs[0]!.id)[0]!;
    expect(row.sentAt).toBe(a.clock.now().toISOString());
    expect(first!.nonce).toHaveLength(25);
    expect(first!.nonce).not.toBe(sink.sent[1]!.nonce);
  });

  it('never posts more than the per-minute limit to one channel, and sends the rest in order later', async () => {
    const a = app();
    seed(a, 8, ['news', 'other']);
    const sink = recordingSink();
    const sender = createSender({ ...a.services, sink, postsPerMinute: 3 });
    const r1 = await sender.drain();
    expect(r1).toMatchObject({ sent: 6, paced: 10 });
    a.clock.advance(30_000);
    expect((await sender.drain()).sent).toBe(0);
    a.clock.advance(31_000);
    expect((await sender.drain()).sent).toBe(6);
    a.clock.advance(61_000);
    expect((await sender.drain()).sent).toBe(4);
    const news = sink.sent.filter((d) => d.channel === 'news').map((d) => d.reply.title!.split(':')[0]);
    expect(news).toEqual(['Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5', 'Item 6', 'Item 7', 'Item 8']);
  });

  it('retries a failed send with growing back-off and sends it once the platform recovers', async () => {
    const a = app();
    const { subs } = seed(a, 1);
    const sink = recordingSink();
    sink.answer = () => ({ ok: false, permanent: false, error: 'HTTP 502 from the chat API' });
    const sender = createSender({ ...a.services, sink, postsPerMinute: 5 });
    expect((await sender.drain()).retried).toBe(1);
    const row = () => a.services.store.outbox.forSubscription(subs[0]!.id)[0]!;
    const firstWait = Date.parse(row().notBefore) - a.clock.now().getTime();
    expect(firstWait).toBe(30_000);
    expect((await sender.drain()).retried).toBe(0); // not due yet
    a.clock.advance(firstWait);
    await sender.drain();
    expect(Date.parse(row().notBefore) - a.clock.now().getTime()).toBe(60_000);
    expect(row()).toMatchObject({ attempts: 2, lastError: 'HTTP 502 from the chat API', sentAt: null });
    sink.answer = () => ({ ok: true });
    a.clock.advance(60_000);
    expect((await sender.drain()).sent).toBe(1);
    expect(sink.sent).toHaveLength(1);
    expect(row().sentAt).not.toBeNull();
  });

  it('switches a subscription off after a permanent failure and tells the other channels once', async () => {
    const a = app();
    const { subs } = seed(a, 3, ['gone', 'admins']);
    const sink = recordingSink();
    sink.answer = (d) => (d.channel === 'gone' ? { ok: false, permanent: true, error: 'Unknown Channel' } : { ok: true });
    const sender = createSender({ ...a.services, sink, postsPerMinute: 10 });
    const r = await sender.drain();
    expect(r.failed).toBe(1);
    const gone = a.services.store.subscriptions.get(subs[0]!.id)!;
    expect(gone.disabledAt).not.toBeNull();
    expect(gone.disabledReason).toBe('Unknown Channel');
    await sender.drain();
    await sender.drain();
    const notices = sink.sent.filter((d) => d.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'admins' });
    expect(notices[0]!.reply.intro).toContain('Unknown Channel');
    // The two other updates for the dead channel were not attempted.
    expect(a.services.store.outbox.forSubscription(subs[0]!.id).filter((o) => o.attempts > 0)).toHaveLength(1);
  });

  it('only drains rows of its own platform', async () => {
    const a = app();
    seed(a, 2);
    const sink = recordingSink('discord');
    expect((await createSender({ ...a.services, sink, postsPerMinute: 5 }).drain()).sent).toBe(0);
  });
});
