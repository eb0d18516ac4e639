import { it, expect } from 'vitest';
import type { Store, MatchQuery } from '../../src/store/index.ts';
import type { Fact } from '../../src/extract/types.ts';
import { describeStores, type OpenStore } from '../helpers/stores.ts';

let store: Store;

const NOW = new Date('2025-06-01T00:00:00Z');
const HARBOUR: MatchQuery = { phrases: [['harbour']], together: [] };

/** An article on the harbour whose one figure is `value`, so each answer row says where it came from. */
async function harbourArticle(feedId: number, guid: string, value: number): Promise<number> {
  const id = await store.articles.insert(
    {
      feedId, guid, url: null, urlNorm: null, title: `Harbour report ${guid}`, author: null, publishedAt: NOW.toISOString(),
      teaser: null, text: `The harbour counted ${value} cranes.`, contentHash: `c${guid}`, titleHash: `t${guid}`, fullTextFetched: false, topics: [],
    },
    NOW,
  );
  const fact: Fact = { kind: 'figure', sentenceIndex: 1, sentence: `The harbour counted ${value} cranes.`, raw: String(value), value, counted: 'cranes' };
  await store.facts.setForArticle(id, [fact]);
  return id;
}

const follow = async (tenant: string, url: string): Promise<number> => (await store.sources.add({ tenant, url, kind: 'url' }, NOW)).feedId;

/**
 * Two servers share one feed and each follows one more of its own (values: shared 1xx, a's own 2xx,
 * b's own 3xx); `wide` follows the shared feed among more feeds than a search names, so its searches
 * take SQLite's walk-and-filter path instead of the narrowed one.
 */
async function twoServersAndAWideOne(open: OpenStore): Promise<void> {
  store = await open();
  const shared = await follow('a', 'https://shared.example.org/feed');
  await follow('b', 'https://shared.example.org/feed');
  const ownA = await follow('a', 'https://a.example.org/feed');
  const ownB = await follow('b', 'https://b.example.org/feed');
  await follow('wide', 'https://shared.example.org/feed');
  for (let i = 0; i < 70; i++) await follow('wide', `https://filler-${i}.example.org/feed`);
  for (let i = 0; i < 3; i++) {
    await harbourArticle(shared, `s${i}`, 100 + i);
    await harbourArticle(ownA, `a${i}`, 200 + i);
    await harbourArticle(ownB, `b${i}`, 300 + i);
  }
}

const hundreds = (values: readonly (number | null)[]): number[] => [...new Set(values.map((v) => Math.floor((v ?? 0) / 100)))].sort();

describeStores('TenantSearch', (open) => {
  it('answers each of two servers sharing a feed only from the feeds it follows, both ways', async () => {
    await twoServersAndAWideOne(open);
    for (const [tenant, own] of [['a', 2], ['b', 3]] as const) {
      const search = store.search.forTenant(tenant);
      const articles = await search.recentArticles(HARBOUR, 50);
      expect(articles).toHaveLength(6);
      expect(hundreds((await search.recentFigures(HARBOUR, 50)).map((f) => f.value))).toEqual([1, own]);
      expect(hundreds((await search.recentTitleFigures(HARBOUR, 50)).map((f) => f.value))).toEqual([1, own]);
      // The figures of the articles found are the server's own and the shared feed's, nobody else's.
      expect(hundreds((await store.facts.forArticles(articles.map((a) => a.id), ['figure'])).map((f) => f.value))).toEqual([1, own]);
    }
    expect(hundreds((await store.search.forTenant('wide').recentFigures(HARBOUR, 50)).map((f) => f.value))).toEqual([1]);
    expect(await store.search.forTenant('nobody').recentArticles(HARBOUR, 50)).toEqual([]);
  });

  it('gives one answer’s second search what a search of its own would give, newest stored first', async () => {
    await twoServersAndAWideOne(open);
    const search = store.search.forTenant('a');
    const articles = await search.recentArticles(HARBOUR, 4);
    expect(articles.map((a) => a.id)).toEqual((await store.search.forTenant('a').recentArticles(HARBOUR, 4)).map((a) => a.id));
    expect(articles.map((a) => a.id)).toEqual([...articles.map((a) => a.id)].sort((x, y) => y - x));
    const fresh = await store.search.forTenant('a').recentFigures(HARBOUR, 5);
    expect((await search.recentFigures(HARBOUR, 5)).map((f) => f.value)).toEqual(fresh.map((f) => f.value));
    expect(fresh.map((f) => f.value)).toEqual([202, 102, 201, 101, 200]);
  });

  it('walks on when a later search of the answer asks for more matches than an earlier one fetched', async () => {
    await twoServersAndAWideOne(open);
    const shared = (await store.sources.list('a'))[0]!.feedId;
    for (let i = 3; i < 460; i++) await harbourArticle(shared, `s${i}`, 100_000 + i);
    const search = store.search.forTenant('a');
    expect(await search.recentFigures(HARBOUR, 10)).toHaveLength(10);
    // The figure walk fetched the newest 400 matches; 460 + the server's own 3 asked for now.
    expect(await search.recentArticles(HARBOUR, 1000)).toHaveLength(463);
    expect(await store.search.forTenant('b').recentArticles(HARBOUR, 1000)).toHaveLength(463);
  });

  it('matches a phrase across stemming and every word of a topic anywhere, as the topic search compiles them', async () => {
    store = await open();
    const feed = await follow('a', 'https://wire.example.org/feed');
    const article = async (guid: string, title: string, text: string): Promise<number> =>
      store.articles.insert(
        { feedId: feed, guid, url: null, urlNorm: null, title, author: null, publishedAt: NOW.toISOString(), teaser: null, text, contentHash: guid, titleHash: guid, fullTextFetched: false, topics: [] },
        NOW,
      );
    const phrase = await article('p', 'Exchange', 'Kyiv said 90 prisoners of war came home.');
    const apart = await article('w', 'Markets', 'The price of oil fell again.');
    await article('n', 'Weather', 'Rain over the harbour.');
    const ids = async (q: MatchQuery): Promise<number[]> => (await store.search.forTenant('a').recentArticles(q, 10)).map((a) => a.id);
    expect(await ids({ phrases: [['prisoner', 'of', 'war']], together: [] })).toEqual([phrase]);
    expect(await ids({ phrases: [['oil', 'prices']], together: ['oil', 'prices'] })).toEqual([apart]);
    expect(await ids({ phrases: [['oil', 'prices']], together: [] })).toEqual([]);
    expect(await ids({ phrases: [['markets']], together: [], titleOnly: true })).toEqual([apart]);
    expect(await ids({ phrases: [['oil']], together: [], titleOnly: true })).toEqual([]);
  });
});
