import { describe, it, expect, afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import type { Fact } from '../../src/extract/types.ts';

let store: Store;
afterEach(() => store?.close());

const NOW = new Date('2025-06-01T00:00:00Z');

/** An article on the harbour whose one figure is `value`, so each answer row says where it came from. */
function harbourArticle(feedId: number, guid: string, value: number): number {
  const id = store.articles.insert(
    {
      feedId, guid, url: null, urlNorm: null, title: `Harbour report ${guid}`, author: null, publishedAt: NOW.toISOString(),
      teaser: null, text: `The harbour counted ${value} cranes.`, contentHash: `c${guid}`, titleHash: `t${guid}`, fullTextFetched: false, topics: [],
    },
    NOW,
  );
  const fact: Fact = { kind: 'figure', sentenceIndex: 1, sentence: `The harbour counted ${value} cranes.`, raw: String(value), value, counted: 'cranes' };
  store.facts.setForArticle(id, [fact]);
  return id;
}

const follow = (tenant: string, url: string): number => store.sources.add({ tenant, url, kind: 'url' }, NOW).feedId;

/**
 * Two servers share one feed and each follows one more of its own (values: shared 1xx, a's own 2xx,
 * b's own 3xx); `wide` follows the shared feed among more feeds than a search names, so its searches
 * take the walk-and-filter path instead of the narrowed one.
 */
function twoServersAndAWideOne(): void {
  store = openStore(':memory:');
  const shared = follow('a', 'https://shared.example.org/feed');
  follow('b', 'https://shared.example.org/feed');
  const ownA = follow('a', 'https://a.example.org/feed');
  const ownB = follow('b', 'https://b.example.org/feed');
  follow('wide', 'https://shared.example.org/feed');
  for (let i = 0; i < 70; i++) follow('wide', `https://filler-${i}.example.org/feed`);
  store.tx(() => {
    for (let i = 0; i < 3; i++) {
      harbourArticle(shared, `s${i}`, 100 + i);
      harbourArticle(ownA, `a${i}`, 200 + i);
      harbourArticle(ownB, `b${i}`, 300 + i);
    }
  });
}

const hundreds = (values: readonly (number | null)[]): number[] => [...new Set(values.map((v) => Math.floor((v ?? 0) / 100)))].sort();

describe('TenantSearch', () => {
  it('answers each of two servers sharing a feed only from the feeds it follows, both ways', () => {
    twoServersAndAWideOne();
    for (const [tenant, own] of [['a', 2], ['b', 3]] as const) {
      const search = store.search.forTenant(tenant);
      const articles = search.recentArticles('"harbour"', 50);
      expect(articles).toHaveLength(6);
      expect(hundreds(search.recentFigures('"harbour"', 50).map((f) => f.value))).toEqual([1, own]);
      expect(hundreds(search.recentTitleFigures('"harbour"', 50).map((f) => f.value))).toEqual([1, own]);
      // The figures of the articles found are the server's own and the shared feed's, nobody else's.
      expect(hundreds(store.facts.forArticles(articles.map((a) => a.id), ['figure']).map((f) => f.value))).toEqual([1, own]);
    }
    expect(hundreds(store.search.forTenant('wide').recentFigures('"harbour"', 50).map((f) => f.value))).toEqual([1]);
    expect(store.search.forTenant('nobody').recentArticles('"harbour"', 50)).toEqual([]);
  });

  it('gives one answer’s second search what a search of its own would give', () => {
    twoServersAndAWideOne();
    const search = store.search.forTenant('a');
    const articles = search.recentArticles('"harbour"', 4);
    expect(articles.map((a) => a.id)).toEqual(store.search.recentArticles('a', '"harbour"', 4).map((a) => a.id));
    expect(articles.map((a) => a.id)).toEqual([...articles.map((a) => a.id)].sort((x, y) => y - x));
    expect(search.recentFigures('"harbour"', 5).map((f) => f.value)).toEqual(store.search.recentFigures('a', '"harbour"', 5).map((f) => f.value));
    expect(search.recentFigures('"harbour"', 5).map((f) => f.value)).toEqual([202, 102, 201, 101, 200]);
  });

  it('walks on when a later search of the answer asks for more matches than an earlier one fetched', () => {
    twoServersAndAWideOne();
    const shared = store.sources.list('a')[0]!.feedId;
    store.tx(() => {
      for (let i = 3; i < 460; i++) harbourArticle(shared, `s${i}`, 100_000 + i);
    });
    const search = store.search.forTenant('a');
    expect(search.recentFigures('"harbour"', 10)).toHaveLength(10);
    // The figure walk fetched the newest 400 matches; 460 + the server's own 3 asked for now.
    expect(search.recentArticles('"harbour"', 1000)).toHaveLength(463);
    expect(store.search.forTenant('b').recentArticles('"harbour"', 1000)).toHaveLength(463);
  });
});
