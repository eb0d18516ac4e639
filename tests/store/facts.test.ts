import { describe, it, expect, afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import type { Fact } from '../../src/extract/types.ts';

let store: Store;
afterEach(() => store?.close());

function withArticle(): { store: Store; articleId: number } {
  store = openStore(':memory:');
  const now = new Date('2025-06-01T00:00:00Z');
  const source = store.sources.add({ tenant: 't1', url: 'https://wire.example.org/feed', kind: 'url' }, now);
  const articleId = store.articles.insert(
    {
      sourceId: source.id, guid: 'a1', url: null, urlNorm: null, title: 'Harbour report', author: null, publishedAt: now.toISOString(),
      teaser: null, text: 'Body.', contentHash: 'c', titleHash: 't', fullTextFetched: false, topics: [],
    },
    now,
  );
  return { store, articleId };
}

describe('FactRepo.insertAll', () => {
  it('stores every field of each kind of fact', () => {
    const { store, articleId } = withArticle();
    const facts: Fact[] = [
      {
        kind: 'figure', sentenceIndex: 1, sentence: 'Nearly 40 ferries sailed.', raw: 'nearly 40', value: 40, valueHigh: 45, unit: 'ratio', qualifier: 'nearly',
        counted: 'ferries', countedKey: 'ferry', event: 'sailed', date: '2025-05-30', periodStart: '2025-05-01', periodEnd: '2025-05-30',
        attribution: 'the port', hedged: true, negated: false,
      },
      { kind: 'date', sentenceIndex: 2, sentence: 'On Friday it closed.', raw: 'Friday', date: '2025-05-30', periodStart: '2025-05-29' },
      { kind: 'quote', sentenceIndex: 3, sentence: '"Calm seas," she said.', text: 'Calm seas', speaker: 'the harbour master' },
      { kind: 'claim', sentenceIndex: 4, sentence: 'The union denies the delay.', text: 'the delay', attribution: 'The union', stance: 'deny', subjectKey: 'delay', date: '2025-05-31' },
    ];
    store.facts.insertAll(articleId, facts);
    const rows = store.facts.forArticle(articleId);
    expect(rows.map((r) => r.kind)).toEqual(['figure', 'date', 'quote', 'claim']);
    const [figure, date, quote, claim] = rows;
    expect(figure).toMatchObject({
      raw: 'nearly 40', body: null, value: 40, valueHigh: 45, unit: 'ratio', qualifier: 'nearly', counted: 'ferries', countedKey: 'ferry', event: 'sailed',
      refDate: '2025-05-30', periodStart: '2025-05-01', periodEnd: '2025-05-30', attribution: 'the port', speaker: null, hedged: true, negated: false,
    });
    expect(date).toMatchObject({ raw: 'Friday', refDate: '2025-05-30', periodStart: '2025-05-29', periodEnd: null, value: null, hedged: false });
    expect(quote).toMatchObject({ body: 'Calm seas', speaker: 'the harbour master', attribution: 'the harbour master', raw: null });
    expect(claim).toMatchObject({ body: 'the delay', attribution: 'The union', stance: 'deny', subjectKey: 'delay', refDate: '2025-05-31', speaker: null });
  });

  it('indexes every figure, and only figures, when an article has more facts than one insert statement holds', () => {
    const { store, articleId } = withArticle();
    const facts: Fact[] = Array.from({ length: 130 }, (_, i): Fact =>
      i % 2 === 0
        ? { kind: 'figure', sentenceIndex: i, sentence: `Some ${i} lighthouses were counted.`, raw: String(i), value: i, counted: 'lighthouses' }
        : { kind: 'quote', sentenceIndex: i, sentence: `"Lighthouses everywhere," ${i} said.`, text: 'Lighthouses everywhere' },
    );
    store.facts.insertAll(articleId, facts);
    expect(store.facts.forArticle(articleId)).toHaveLength(130);
    const found = store.search.recentFigures('t1', 'lighthouses', 1000);
    expect(found.map((f) => f.value).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 65 }, (_, i) => i * 2));
    const indexed = store.db.prepare('SELECT COUNT(*) AS n FROM facts_fts WHERE facts_fts MATCH ?').get('lighthouses') as { n: number };
    expect(indexed.n).toBe(65);
  });

  it('replaces an article’s facts and their index entries', () => {
    const { store, articleId } = withArticle();
    store.facts.insertAll(articleId, [{ kind: 'figure', sentenceIndex: 1, sentence: 'About 12 cranes.', raw: '12', value: 12, counted: 'cranes' }]);
    store.facts.deleteForArticle(articleId);
    store.facts.insertAll(articleId, [{ kind: 'figure', sentenceIndex: 1, sentence: 'About 14 tugboats.', raw: '14', value: 14, counted: 'tugboats' }]);
    expect(store.search.recentFigures('t1', 'cranes', 10)).toEqual([]);
    expect(store.search.recentFigures('t1', 'tugboats', 10).map((f) => f.value)).toEqual([14]);
  });

  it('indexes only the figures of each call when one article gets facts in two calls', () => {
    const { store, articleId } = withArticle();
    store.facts.insertAll(articleId, [{ kind: 'figure', sentenceIndex: 1, sentence: 'About 12 cranes.', raw: '12', value: 12, counted: 'cranes' }]);
    store.facts.insertAll(articleId, [
      { kind: 'date', sentenceIndex: 2, sentence: 'On Friday the cranes left.', raw: 'Friday', date: '2025-05-30' },
      { kind: 'figure', sentenceIndex: 3, sentence: 'Some 14 cranes stayed.', raw: '14', value: 14, counted: 'cranes' },
    ]);
    const indexed = store.db.prepare('SELECT rowid FROM facts_fts WHERE facts_fts MATCH ? ORDER BY rowid').pluck().all('cranes');
    expect(indexed).toHaveLength(2);
    expect(store.search.recentFigures('t1', 'cranes', 10).map((f) => f.value)).toEqual([14, 12]);
    // An external-content index that was given a row twice fails this check.
    expect(() => store.db.exec("INSERT INTO facts_fts (facts_fts) VALUES ('integrity-check')")).not.toThrow();
    store.facts.deleteForArticle(articleId);
    expect(() => store.db.exec("INSERT INTO facts_fts (facts_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(store.search.recentFigures('t1', 'cranes', 10)).toEqual([]);
  });
});
