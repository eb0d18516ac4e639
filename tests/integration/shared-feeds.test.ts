import { describe, it, expect, afterEach } from 'vitest';
import { registry } from '../../commands/index.ts';
import type { Invocation } from '../../commands/types.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { pollAll } from '../../src/app.ts';
import { digestArticles } from '../../src/deliver/digests.ts';
import { renderText } from '../../src/reply/text.ts';
import type { Services } from '../../src/services.ts';
import type { SqliteStore } from '../../src/store/index.ts';
import { useApp, startFeedServer, rss, type FeedServer, type Item } from '../deliver/helpers.ts';

/**
 * Two servers share one feed and each follows one more of its own, all over real HTTP: the shared
 * feed is fetched once per cycle and stored once, and each server's answers and digests hold only
 * what it follows.
 */
const app = useApp();
let servers: FeedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const admin = (tenant: string): Invocation => ({ platform: 'discord', tenant, channel: '100', user: 'admin', isAdmin: true, allowLocalFiles: false });
const ask = (s: Services<SqliteStore>, tenant: string, line: string) => runLine(s, registry, line, admin(tenant));

const harbour: Item[] = [
  { guid: 'h1', title: 'Harbour handles record containers', text: 'Port officials said 4,200 containers were unloaded at the harbour on Monday.', date: '2025-03-01T08:00:00Z' },
  { guid: 'h2', title: 'Harbour strike ends', text: 'The union said 310 dockers returned to work at the harbour on Tuesday.', date: '2025-03-02T08:00:00Z' },
];
const wheat: Item[] = [{ guid: 'w1', title: 'Wheat harvest grows', text: 'Farmers harvested 96,000 tonnes of wheat this season, the ministry said.', date: '2025-03-01T09:00:00Z' }];
const glacier: Item[] = [{ guid: 'g1', title: 'Glacier retreat measured', text: 'Scientists said the glacier lost 75 metres of ice since 2020.', date: '2025-03-01T10:00:00Z' }];

async function threeFeeds() {
  const [shared, ownA, ownB] = await Promise.all([startFeedServer(), startFeedServer(), startFeedServer()]);
  servers.push(shared!, ownA!, ownB!);
  shared!.setFeed(rss(harbour, 'Harbour Wire'), '"h-1"');
  ownA!.setFeed(rss(wheat, 'Farm Wire'), '"w-1"');
  ownB!.setFeed(rss(glacier, 'Ice Wire'), '"g-1"');
  return { shared: shared!, ownA: ownA!, ownB: ownB! };
}

async function twoServers() {
  const a = app();
  const feeds = await threeFeeds();
  const { services } = a;
  for (const [tenant, own] of [['guild-a', feeds.ownA], ['guild-b', feeds.ownB]] as const) {
    expect((await ask(services, tenant, `/source add ${feeds.shared.url}`)).kind).toBe('ok');
    expect((await ask(services, tenant, `/source add ${own.url}`)).kind).toBe('ok');
  }
  return { ...a, ...feeds };
}

describe('servers following the same feed', () => {
  it('share one feed: one HTTP request per poll cycle and one stored copy of each article', async () => {
    const { services, shared } = await twoServers();
    const { store } = services;
    expect(store.feeds.list()).toHaveLength(3);
    const sharedFeed = store.sources.list('guild-a')[0]!.feedId;
    expect(store.sources.list('guild-b')[0]!.feedId).toBe(sharedFeed);
    expect(store.articles.countForFeed(sharedFeed)).toBe(2);
    expect(store.articles.count()).toBe(4);

    // A poll cycle: the shared feed is asked for once (conditionally), not once per server.
    shared.hits.length = 0;
    const cycle = await pollAll(services, store.feeds.list());
    expect(cycle.every((r) => r.result !== undefined)).toBe(true);
    expect(shared.hits).toHaveLength(1);
    expect(shared.hits[0]!.ifNoneMatch).toBe('"h-1"');

    // News on the shared feed is fetched and stored once for both servers.
    shared.setFeed(rss([...harbour, { guid: 'h3', title: 'Harbour dredging', text: 'Crews removed 12,000 cubic metres of silt from the harbour.', date: '2025-03-03T08:00:00Z' }], 'Harbour Wire'), '"h-2"');
    shared.hits.length = 0;
    const next = await pollAll(services, store.feeds.list());
    expect(shared.hits).toHaveLength(1);
    expect(next.find((r) => r.feed === sharedFeed)!.result!.added).toBe(1);
    expect(store.articles.countForFeed(sharedFeed)).toBe(3);
    expect(store.articles.countForTenant('guild-a')).toBe(4);
    expect(store.articles.countForTenant('guild-b')).toBe(4);
  });

  it('answers each server only from the feeds it follows, both ways', async () => {
    const { services } = await twoServers();
    const text = async (tenant: string, line: string) => {
      const reply = await ask(services, tenant, line);
      return { kind: reply.kind, text: renderText(reply) };
    };
    // The shared feed answers for both.
    for (const tenant of ['guild-a', 'guild-b']) {
      const figures = await text(tenant, '/figures containers');
      expect(figures.kind).toBe('answer');
      expect(figures.text).toContain('4,200');
      expect((await text(tenant, '/summary harbour')).kind).toBe('answer');
    }
    // Each server's own feed answers there and nowhere else.
    expect((await text('guild-a', '/figures wheat')).text).toContain('96,000');
    expect((await text('guild-b', '/figures wheat')).kind).not.toBe('answer');
    expect((await text('guild-b', '/summary wheat')).kind).not.toBe('answer');
    expect((await text('guild-b', '/figures glacier')).text).toContain('75');
    expect((await text('guild-a', '/figures glacier')).kind).not.toBe('answer');
    expect((await text('guild-a', '/summary glacier')).kind).not.toBe('answer');
    expect((await text('guild-a', '/claims glacier')).kind).not.toBe('answer');
    expect((await text('guild-a', '/sources')).text).not.toContain('Ice Wire');
    expect((await text('guild-b', '/sources')).text).not.toContain('Farm Wire');
  });

  it('puts only the followed feeds’ articles in each server’s digest', async () => {
    const { services, clock } = await twoServers();
    const { store } = services;
    const subA = store.subscriptions.upsert({ tenant: 'guild-a', platform: 'discord', channel: '1' }, clock.now()).subscription;
    const subB = store.subscriptions.upsert({ tenant: 'guild-b', platform: 'discord', channel: '2' }, clock.now()).subscription;
    const titles = async (sub: typeof subA) => (await digestArticles(store, sub, '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')).map((a) => a.title).sort();
    expect(await titles(subA)).toEqual(['Harbour handles record containers', 'Harbour strike ends', 'Wheat harvest grows']);
    expect(await titles(subB)).toEqual(['Glacier retreat measured', 'Harbour handles record containers', 'Harbour strike ends']);
  });

  it('polls a shared feed at the shortest interval any follower asked for', async () => {
    const a = app();
    const { shared } = await threeFeeds();
    const { services, clock } = a;
    expect((await ask(services, 'guild-a', `/source add ${shared.url} every:30`)).kind).toBe('ok');
    expect(services.store.feeds.list()[0]!.intervalMinutes).toBe(30);
    expect((await ask(services, 'guild-b', `/source add ${shared.url} every:5`)).kind).toBe('ok');
    const feed = services.store.feeds.list()[0]!;
    expect(feed.intervalMinutes).toBe(5);
    expect(feed.nextPollAt).toBe(new Date(clock.now().getTime() + 5 * 60_000).toISOString());
    expect(services.store.sources.list('guild-a')[0]!.intervalMinutes).toBe(30);
  });

  it('unfollows on /source remove, and removes the feed with its articles when the last follower leaves', async () => {
    const { services } = await twoServers();
    const { store } = services;
    const [sharedA] = store.sources.list('guild-a');
    const [sharedB] = store.sources.list('guild-b');
    const left = await ask(services, 'guild-a', `/source remove ${sharedA!.id}`);
    expect(renderText(left)).toMatch(/no longer appear in answers here/);
    expect(store.feeds.get(sharedA!.feedId)).toBeDefined();
    expect(store.articles.countForFeed(sharedA!.feedId)).toBe(2);
    expect((await ask(services, 'guild-a', '/figures containers')).kind).not.toBe('answer');
    expect((await ask(services, 'guild-b', '/figures containers')).kind).toBe('answer');

    const last = await ask(services, 'guild-b', `/source remove ${sharedB!.id}`);
    expect(renderText(last)).toMatch(/and its 2 articles/);
    expect(store.feeds.get(sharedA!.feedId)).toBeUndefined();
    expect(store.articles.countForFeed(sharedA!.feedId)).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get('harbour')).toBe(0);
    expect(store.articles.count()).toBe(2);
  });
});
