import { describe, it, expect, afterEach } from 'vitest';
import { pollSource } from '../../src/ingest/pipeline.ts';
import { extractFacts } from '../../src/extract/index.ts';
import type { ArticleInput } from '../../src/extract/types.ts';
import { useApp, startFeedServer, rss, fixture, type FeedServer, type Item } from './helpers.ts';

const app = useApp();
let server: FeedServer;
afterEach(async () => server?.close());

async function setup(subs: { channel: string; include?: string[]; exclude?: string[] }[] = [{ channel: 'news' }]) {
  const a = app();
  server = await startFeedServer();
  const { store, clock } = a.services;
  const source = store.sources.add({ tenant: 't1', url: server.url, kind: 'url' }, clock.now());
  const ids = subs.map((s) => store.subscriptions.upsert({ tenant: 't1', platform: 'console', ...s }, clock.now()).subscription.id);
  const poll = (extra = {}) => pollSource({ ...a.services, ...extra }, store.feeds.get(source.feedId)!);
  return { ...a, source, subs: ids, poll };
}

const items = (n: number): Item[] =>
  Array.from({ length: n }, (_, i) => ({ guid: `g${i + 1}`, title: `Story number ${i + 1}`, text: `Body of story ${i + 1} about the harbour.`, date: `2025-03-0${i + 1}T08:00:00Z` }));

describe('outbox rows from new articles', () => {
  it('queues only the newest 3 items on the first poll of a source, then every new item', async () => {
    const { services, subs, poll } = await setup();
    server.setFeed(rss(items(5)));
    const first = await poll();
    expect(first.added).toBe(5);
    const rows = services.store.outbox.forSubscription(subs[0]!);
    expect(rows.map((r) => services.store.articles.get(r.articleId!)!.title)).toEqual(['Story number 3', 'Story number 4', 'Story number 5']);
    expect(rows.map((r) => r.dedupeKey)).toEqual(rows.map((r) => `update:${subs[0]}:${r.articleId}`));

    server.setFeed(rss(items(7)));
    await poll();
    expect(services.store.outbox.forSubscription(subs[0]!)).toHaveLength(5);
  });

  it('does not post twice when the publisher changes guids, dates and tracking parameters on every poll', async () => {
    const { services, subs, poll, source } = await setup();
    const local = (xml: string) => xml.replaceAll('https://wire.example.org', server.origin);
    server.setFeed(local(fixture('changing-guids-1.xml')));
    expect((await poll()).added).toBe(2);
    server.setFeed(local(fixture('changing-guids-2.xml')));
    const second = await poll();
    expect(second.added).toBe(0);
    server.setFeed(local(fixture('changing-guids-1.xml')));
    expect((await poll()).added).toBe(0);
    expect(services.store.articles.countForFeed(source.feedId)).toBe(2);
    expect(services.store.outbox.forSubscription(subs[0]!)).toHaveLength(2);
  });

  it('updates a revised item in place and re-extracts its facts without queueing a second post', async () => {
    const { services, subs, poll } = await setup();
    server.setFeed(fixture('updated-item-1.xml'));
    await poll();
    const [row] = services.store.outbox.forSubscription(subs[0]!).filter((r) => services.store.articles.get(r.articleId!)!.title.includes('Kursk'));
    const values = () => services.store.facts.forArticle(row!.articleId!).filter((f) => f.kind === 'figure').map((f) => f.value);
    expect(values()).toContain(909);

    server.setFeed(fixture('updated-item-2.xml'));
    const second = await poll();
    expect(second).toMatchObject({ added: 0, updated: 1 });
    expect(values()).toContain(971);
    expect(values()).not.toContain(909);
    expect(services.store.outbox.forSubscription(subs[0]!)).toHaveLength(2);
  });

  it('spends no article work on a 304 Not Modified', async () => {
    const { services, poll, subs } = await setup();
    server.setFeed(rss(items(2)), '"v1"');
    await poll();
    let extracted = 0;
    const counting = (input: ArticleInput) => {
      extracted++;
      return extractFacts(input);
    };
    const again = await poll({ extract: counting });
    expect(again.notModified).toBe(true);
    expect(server.hits.at(-1)).toMatchObject({ ifNoneMatch: '"v1"', status: 304 });
    expect(extracted).toBe(0);
    expect(services.store.outbox.forSubscription(subs[0]!)).toHaveLength(2);
  });

  it('applies each channel’s include and exclude terms to title and text, as whole words', async () => {
    const { services, subs, poll } = await setup([
      { channel: 'kursk', include: ['kursk', 'prisoner exchange'] },
      { channel: 'no-weather', exclude: ['weather'] },
      { channel: 'port', include: ['port'] },
    ]);
    server.setFeed(
      rss([
        { guid: 'a', title: 'Fighting in KURSK region', text: 'Shelling continued overnight.', date: '2025-03-01T08:00:00Z' },
        { guid: 'b', title: 'Talks resume', text: 'A prisoner   exchange was agreed on Friday.', date: '2025-03-02T08:00:00Z' },
        { guid: 'c', title: 'Weather: dry week', text: 'A report says no rain is expected.', date: '2025-03-03T08:00:00Z' },
      ]),
    );
    await poll();
    const titles = (sub: number) => services.store.outbox.forSubscription(sub).map((r) => services.store.articles.get(r.articleId!)!.title);
    expect(titles(subs[0]!)).toEqual(['Fighting in KURSK region', 'Talks resume']);
    expect(titles(subs[1]!)).toEqual(['Fighting in KURSK region', 'Talks resume']);
    // "report" contains "port" but is not the word port.
    expect(titles(subs[2]!)).toEqual([]);
  });

  it('queues nothing for a disabled subscription or another tenant’s channel', async () => {
    const { services, subs, poll } = await setup([{ channel: 'news' }, { channel: 'gone' }]);
    const other = services.store.subscriptions.upsert({ tenant: 't2', platform: 'console', channel: 'news' }, services.clock.now()).subscription;
    services.store.subscriptions.disable(subs[1]!, 'Unknown Channel', services.clock.now());
    server.setFeed(rss(items(1)));
    await poll();
    expect(services.store.outbox.forSubscription(subs[0]!)).toHaveLength(1);
    expect(services.store.outbox.forSubscription(subs[1]!)).toHaveLength(0);
    expect(services.store.outbox.forSubscription(other.id)).toHaveLength(0);
  });
});
