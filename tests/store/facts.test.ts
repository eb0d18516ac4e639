import { describe, it, expect, afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import type { Fact } from '../../src/extract/types.ts';

let store: Store;
afterEach(() => store?.close());

function addArticle(s: Store, sourceId: number, guid: string): number {
  const now = new Date('2025-06-01T00:00:00Z');
  return s.articles.insert(
    {
      sourceId, guid, url: null, urlNorm: null, title: `Harbour report ${guid}`, author: null, publishedAt: now.toISOString(),
      teaser: null, text: 'Body.', contentHash: `c${guid}`, titleHash: `t${guid}`, fullTextFetched: false, topics: [],
    },
    now,
  );
}

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

describe('FactRepo.setForArticle', () => {
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
    store.facts.setForArticle(articleId, facts);
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
    store.facts.setForArticle(articleId, facts);
    expect(store.facts.forArticle(articleId)).toHaveLength(130);
    const found = store.search.recentFigures('t1', 'lighthouses', 1000);
    expect(found.map((f) => f.value).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 65 }, (_, i) => i * 2));
    const indexed = store.db.prepare('SELECT COUNT(*) AS n FROM figures_fts WHERE figures_fts MATCH ?').get('lighthouses') as { n: number };
    expect(indexed.n).toBe(65);
  });

  it('replaces an article’s facts and their index entries when set again', () => {
    const { store, articleId } = withArticle();
    store.facts.setForArticle(articleId, [{ kind: 'figure', sentenceIndex: 1, sentence: 'About 12 cranes.', raw: '12', value: 12, counted: 'cranes' }]);
    store.facts.setForArticle(articleId, [
      { kind: 'date', sentenceIndex: 2, sentence: 'On Friday the tugboats left.', raw: 'Friday', date: '2025-05-30' },
      { kind: 'figure', sentenceIndex: 3, sentence: 'Some 14 tugboats stayed.', raw: '14', value: 14, counted: 'tugboats' },
    ]);
    expect(store.search.recentFigures('t1', 'cranes', 10)).toEqual([]);
    expect(store.search.recentFigures('t1', 'tugboats', 10).map((f) => f.value)).toEqual([14]);
    expect(store.facts.forArticle(articleId).map((f) => f.kind)).toEqual(['date', 'figure']);
    expect(store.db.prepare('SELECT count(*) FROM figures_fts').pluck().get()).toBe(1);
    expect(() => store.db.exec("INSERT INTO figures_fts (figures_fts) VALUES ('integrity-check')")).not.toThrow();
  });

  it('takes an article’s figures out of the index when the article is deleted', () => {
    const { store, articleId } = withArticle();
    const other = addArticle(store, store.sources.list('t1')[0]!.id, 'b');
    store.facts.setForArticle(articleId, [
      { kind: 'figure', sentenceIndex: 1, sentence: 'About 12 cranes.', raw: '12', value: 12, counted: 'cranes' },
      { kind: 'claim', sentenceIndex: 1, sentence: 'About 12 cranes.', text: '12 cranes', attribution: 'the port', stance: 'assert' },
      { kind: 'figure', sentenceIndex: 2, sentence: 'Another 3 cranes.', raw: '3', value: 3, counted: 'cranes' },
    ]);
    store.facts.setForArticle(other, [{ kind: 'figure', sentenceIndex: 1, sentence: 'Some 7 cranes.', raw: '7', value: 7, counted: 'cranes' }]);
    store.db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
    expect(store.search.recentFigures('t1', 'cranes', 10).map((f) => f.value)).toEqual([7]);
    expect(store.db.prepare('SELECT count(*) FROM figures_fts').pluck().get()).toBe(1);
    expect(store.db.prepare('SELECT count(*) FROM article_facts').pluck().get()).toBe(1);
    expect(() => store.db.exec("INSERT INTO figures_fts (figures_fts) VALUES ('integrity-check')")).not.toThrow();
  });

  it('gives every fact an id unique across articles, and finds facts by id only within their tenant', () => {
    const { store, articleId } = withArticle();
    const elsewhere = store.sources.add({ tenant: 't2', url: 'https://other.example.org/feed', kind: 'url' }, new Date());
    const foreign = addArticle(store, elsewhere.id, 'c');
    const figure = (value: number): Fact => ({ kind: 'figure', sentenceIndex: 1, sentence: `Some ${value} cranes.`, raw: String(value), value, counted: 'cranes' });
    store.facts.setForArticle(articleId, [figure(1), figure(2)]);
    store.facts.setForArticle(foreign, [figure(3)]);
    const mine = store.facts.forArticle(articleId);
    const theirs = store.facts.forArticle(foreign);
    const ids = [...mine, ...theirs].map((f) => f.id);
    expect(new Set(ids).size).toBe(3);
    expect(store.facts.byIds('t1', [...ids].reverse()).map((f) => f.value)).toEqual([2, 1]);
    expect(store.facts.byIds('t2', ids).map((f) => f.value)).toEqual([3]);
    expect(store.search.recentFigures('t2', 'cranes', 10).map((f) => f.value)).toEqual([3]);
    expect(theirs[0]!.source.url).toBe('https://other.example.org/feed');
  });

  it('keeps each sentence once however many facts cite it', () => {
    const { store, articleId } = withArticle();
    const sentence = 'The port said 40 ferries and 12 tugs sailed on Friday.';
    store.facts.setForArticle(articleId, [
      { kind: 'figure', sentenceIndex: 1, sentence, raw: '40', value: 40, counted: 'ferries', attribution: 'The port' },
      { kind: 'figure', sentenceIndex: 1, sentence, raw: '12', value: 12, counted: 'tugs', attribution: 'The port' },
      { kind: 'date', sentenceIndex: 1, sentence, raw: 'Friday', date: '2025-05-30' },
      { kind: 'claim', sentenceIndex: 1, sentence, text: '40 ferries and 12 tugs sailed', attribution: 'The port', stance: 'assert' },
    ]);
    const doc = store.db.prepare('SELECT doc FROM article_facts WHERE article_id = ?').pluck().get(articleId) as string;
    expect(doc.split(sentence)).toHaveLength(2);
    const rows = store.facts.forArticle(articleId);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.sentence).toBe(sentence);
    expect(store.facts.countForTenant('t1')).toBe(4);
  });
});
