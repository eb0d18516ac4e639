import { describe, it, expect, afterEach } from 'vitest';
import { pollSource } from '../../src/ingest/pipeline.ts';
import { recordPollFailure } from '../../src/ingest/health.ts';
import { createSender } from '../../src/deliver/sender.ts';
import { FIRST_POLL_ANNOUNCE } from '../../src/deliver/fanout.ts';
import type { Services } from '../../src/services.ts';
import type { SqliteStore } from '../../src/store/index.ts';
import { silentLogger } from '../../src/log.ts';
import { useApp, startFeedServer, rss, recordingSink, type FeedServer, type Item, type TestApp } from './helpers.ts';

const app = useApp();
let server: FeedServer;
afterEach(async () => server?.close());

const story = (i: number): Item => ({ guid: `s${i}`, title: `Harbour story ${i}`, text: `The port said ${i * 100} containers moved through the harbour.`, date: `2025-03-${String(i).padStart(2, '0')}T08:00:00Z` });
const stories = (n: number): Item[] => Array.from({ length: n }, (_, i) => story(i + 1));

/** A server following the shared feed, with one subscribed channel. */
function follow(a: TestApp, tenant: string, channel: string, include: string[] = []) {
  const { store, clock } = a.services;
  const source = store.sources.add({ tenant, url: server.url, kind: 'url' }, clock.now());
  const sub = store.subscriptions.upsert({ tenant, platform: 'console', channel, include }, clock.now()).subscription;
  return { source, sub };
}

/** The feed served with `n` stories, followed by guild-a and guild-b, each with a channel. */
async function twoFollowers(n: number) {
  const a = app();
  server = await startFeedServer();
  server.setFeed(rss(stories(n)));
  return { a, one: follow(a, 'guild-a', 'a-news'), two: follow(a, 'guild-b', 'b-news') };
}

const poll = (s: Services<SqliteStore>, feedId: number) => pollSource(s, s.store.feeds.get(feedId)!);
const titles = (s: Services<SqliteStore>, subId: number): string[] => s.store.outbox.forSubscription(subId).map((r) => s.store.articles.get(r.articleId!)!.title);

describe('new articles of a shared feed', () => {
  it('give each following server’s matching subscriptions their own outbox row, once', async () => {
    const { a, one, two } = await twoFollowers(2);
    const picky = follow(a, 'guild-c', 'c-odd', ['story 3']);
    const feedId = one.source.feedId;
    expect(two.source.feedId).toBe(feedId);
    expect(picky.source.feedId).toBe(feedId);
    await poll(a.services, feedId);
    expect(titles(a.services, one.sub.id)).toEqual(['Harbour story 1', 'Harbour story 2']);
    expect(titles(a.services, two.sub.id)).toEqual(['Harbour story 1', 'Harbour story 2']);
    expect(titles(a.services, picky.sub.id)).toEqual([]);

    server.setFeed(rss(stories(4)));
    expect((await poll(a.services, feedId)).added).toBe(2);
    await poll(a.services, feedId);
    expect(titles(a.services, one.sub.id)).toEqual(['Harbour story 1', 'Harbour story 2', 'Harbour story 3', 'Harbour story 4']);
    expect(titles(a.services, two.sub.id)).toEqual(titles(a.services, one.sub.id));
    expect(titles(a.services, picky.sub.id)).toEqual(['Harbour story 3']);
    expect(a.services.store.articles.countForFeed(feedId)).toBe(4);
  });

  it('caps a new follower at the newest three, also when others already had the feed, and then posts each new item once', async () => {
    const a = app();
    server = await startFeedServer();
    server.setFeed(rss(stories(6)));
    const first = follow(a, 'guild-a', 'a-news');
    await poll(a.services, first.source.feedId);
    expect(titles(a.services, first.sub.id)).toEqual(['Harbour story 4', 'Harbour story 5', 'Harbour story 6']);
    expect(FIRST_POLL_ANNOUNCE).toBe(3);

    // A second server follows the feed the first already had: its channel gets the newest three too,
    // the first server's channel nothing more, and nothing is stored again.
    const late = follow(a, 'guild-b', 'b-news');
    const again = await poll(a.services, first.source.feedId);
    expect(again.added).toBe(0);
    expect(titles(a.services, late.sub.id)).toEqual(['Harbour story 4', 'Harbour story 5', 'Harbour story 6']);
    expect(titles(a.services, first.sub.id)).toHaveLength(3);
    expect(a.services.store.articles.countForFeed(first.source.feedId)).toBe(6);

    server.setFeed(rss(stories(7)));
    await poll(a.services, first.source.feedId);
    await poll(a.services, first.source.feedId);
    expect(titles(a.services, first.sub.id)).toEqual(['Harbour story 4', 'Harbour story 5', 'Harbour story 6', 'Harbour story 7']);
    expect(titles(a.services, late.sub.id)).toEqual(['Harbour story 4', 'Harbour story 5', 'Harbour story 6', 'Harbour story 7']);

    // Each channel is posted each article exactly once.
    const sink = recordingSink('console');
    const sender = createSender({ ...a.services, log: silentLogger, sink, postsPerMinute: 60 });
    for (let i = 0; i < 10 && a.services.store.outbox.countPending() > 0; i++) {
      await sender.drain();
      a.clock.advance(60_000);
    }
    const sent = sink.sent.map((d) => `${d.channel}:${d.reply.title}`);
    expect(sent).toHaveLength(8);
    expect(new Set(sent).size).toBe(8);
  });

  it('tells every following server’s channels once when the shared feed is paused, each under its own source number', async () => {
    const { a, one, two } = await twoFollowers(1);
    const { store } = a.services;
    await poll(a.services, one.source.feedId);
    await recordPollFailure(a.services, store.feeds.get(one.source.feedId)!, 'HTTP 500', a.clock.now());
    a.clock.advance(25 * 3_600_000);
    await recordPollFailure(a.services, store.feeds.get(one.source.feedId)!, 'HTTP 500', a.clock.now());
    await recordPollFailure(a.services, store.feeds.get(one.source.feedId)!, 'HTTP 500', a.clock.now());
    expect(store.feeds.get(one.source.feedId)!.pausedAt).not.toBeNull();
    for (const [sub, source] of [[one.sub, one.source], [two.sub, two.source]] as const) {
      const notices = store.outbox.forSubscription(sub.id).filter((r) => r.kind === 'notice');
      expect(notices).toHaveLength(1);
      expect(JSON.stringify(notices[0]!.payload)).toContain(`/source remove ${source.id}`);
    }
    expect(store.sources.get(two.source.id)!.pausedAt).not.toBeNull();
  });

  it('never shares a local file or an address with credentials between servers', () => {
    const a = app();
    const { store, clock } = a.services;
    const fileA = store.sources.add({ tenant: 'guild-a', url: '/srv/feeds/local.xml', kind: 'file' }, clock.now());
    const fileB = store.sources.add({ tenant: 'guild-b', url: '/srv/feeds/local.xml', kind: 'file' }, clock.now());
    expect(fileA.feedId).not.toBe(fileB.feedId);
    const secretA = store.sources.add({ tenant: 'guild-a', url: 'https://u:pw@example.org/feed', kind: 'url', private: true }, clock.now());
    const secretB = store.sources.add({ tenant: 'guild-b', url: 'https://u:pw@example.org/feed', kind: 'url', private: true }, clock.now());
    expect(secretA.feedId).not.toBe(secretB.feedId);
    expect(store.feeds.get(secretA.feedId)!.privateTo).toBe('guild-a');
    const publicA = store.sources.add({ tenant: 'guild-a', url: 'https://example.org/feed', kind: 'url' }, clock.now());
    const publicB = store.sources.add({ tenant: 'guild-b', url: 'https://example.org/feed', kind: 'url' }, clock.now());
    expect(publicA.feedId).toBe(publicB.feedId);
    expect(store.feeds.get(publicA.feedId)!.privateTo).toBeNull();
  });
});
