import { describe, it, expect, afterEach } from 'vitest';
import { openStore, type SqliteStore as Store } from '../../src/store/index.ts';
import type { Fact } from '../../src/extract/types.ts';

let store: Store;
afterEach(() => store?.close());

const NOW = new Date('2025-06-01T00:00:00Z');

function addArticle(s: Store, feedId: number, guid: string, text = 'Body.'): number {
  return s.articles.insert(
    {
      feedId, guid, url: null, urlNorm: null, title: `Harbour report ${guid}`, author: null, publishedAt: NOW.toISOString(),
      teaser: null, text, contentHash: `c${guid}`, titleHash: `t${guid}`, fullTextFetched: false, topics: [],
    },
    NOW,
  );
}

function withArticle(text?: string): { store: Store; articleId: number; feedId: number } {
  store = openStore(':memory:');
  const source = store.sources.add({ tenant: 't1', url: 'https://wire.example.org/feed', kind: 'url' }, NOW);
  return { store, articleId: addArticle(store, source.feedId, 'a1', text), feedId: source.feedId };
}

const figure = (sentenceIndex: number, value: number, counted: string): Fact => ({
  kind: 'figure', sentenceIndex, sentence: `Some ${value} ${counted} were counted.`, raw: String(value), value, counted,
});

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
    const [fig, date, quote, claim] = rows;
    expect(fig).toMatchObject({
      sentence: 'Nearly 40 ferries sailed.', raw: 'nearly 40', body: null, value: 40, valueHigh: 45, unit: 'ratio', qualifier: 'nearly', counted: 'ferries',
      countedKey: 'ferry', event: 'sailed', refDate: '2025-05-30', periodStart: '2025-05-01', periodEnd: '2025-05-30', attribution: 'the port',
      speaker: null, hedged: true, negated: false,
    });
    expect(date).toMatchObject({ raw: 'Friday', refDate: '2025-05-30', periodStart: '2025-05-29', periodEnd: null, value: null, hedged: false });
    expect(quote).toMatchObject({ body: 'Calm seas', speaker: 'the harbour master', attribution: 'the harbour master', raw: null });
    expect(claim).toMatchObject({ body: 'the delay', attribution: 'The union', stance: 'deny', subjectKey: 'delay', refDate: '2025-05-31', speaker: null });
    expect(fig!.article).toMatchObject({ id: articleId, title: 'Harbour report a1' });
    expect(fig!.source.url).toBe('https://wire.example.org/feed');
  });

  it('stores a figure’s change, earlier level, vague span and conversion, and reads older documents without them', () => {
    const { store, articleId } = withArticle();
    store.facts.setForArticle(articleId, [
      {
        kind: 'figure', sentenceIndex: 1, sentence: 'Sales rose 2% to $7.4bn from $7.25bn in May.', raw: '$7.4bn', value: 7.4e9, unit: 'USD',
        direction: 'up', change: 2, changeUnit: '%', previous: 7.25e9, previousDate: '2025-05-31',
      },
      { kind: 'figure', sentenceIndex: 2, sentence: 'Hundreds of boats (about £5m) sailed.', raw: 'about £5m', value: 5e6, unit: 'GBP', conversion: true },
      { kind: 'figure', sentenceIndex: 2, sentence: 'Hundreds of boats (about £5m) sailed.', raw: 'Hundreds of', value: 200, valueHigh: 999, vague: true },
    ]);
    const [level, converted, vague] = store.facts.forArticle(articleId);
    expect(level).toMatchObject({ direction: 'up', change: 2, changeUnit: '%', previous: 7.25e9, previousDate: '2025-05-31', conversion: false, vague: false });
    expect(converted).toMatchObject({ conversion: true, direction: null, previous: null });
    expect(vague).toMatchObject({ vague: true, value: 200, valueHigh: 999 });
    // A document written before the change fields existed ends at `negated`.
    store.db.prepare('UPDATE article_facts SET figures = ? WHERE article_id = ?').run(JSON.stringify({ s: { 1: 'Old.' }, f: [['figure', 1, '40', null, 40]] }), articleId);
    expect(store.facts.forArticle(articleId)[0]).toMatchObject({ value: 40, direction: null, change: null, previous: null, vague: false, conversion: false });
  });

  it('replaces an article’s facts when set again, and drops them with the article', () => {
    const { store, articleId } = withArticle('Cranes and tugboats in the harbour.');
    store.facts.setForArticle(articleId, [figure(1, 12, 'cranes')]);
    store.facts.setForArticle(articleId, [
      { kind: 'date', sentenceIndex: 2, sentence: 'On Friday the tugboats left.', raw: 'Friday', date: '2025-05-30' },
      figure(3, 14, 'tugboats'),
    ]);
    expect(store.facts.forArticle(articleId).map((f) => f.value)).toEqual([null, 14]);
    expect(store.search.recentFigures('t1', { phrases: [['cranes']], together: [] }, 10).map((f) => f.value)).toEqual([14]);
    store.db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
    expect(store.facts.forArticle(articleId)).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM article_facts').pluck().get()).toBe(0);
  });

  it('gives every fact an id unique across articles and keeps articles in order', () => {
    const { store, articleId, feedId } = withArticle();
    const second = addArticle(store, feedId, 'a2');
    store.facts.setForArticle(articleId, [figure(1, 1, 'cranes'), figure(2, 2, 'cranes')]);
    store.facts.setForArticle(second, [figure(1, 3, 'cranes')]);
    const rows = store.facts.forArticles([second, articleId], ['figure']);
    expect(rows.map((f) => f.value)).toEqual([1, 2, 3]);
    expect(new Set(rows.map((f) => f.id)).size).toBe(3);
    expect(store.facts.figuresOf('t1', [articleId, second]).map((f) => f.value)).toEqual([3, 1, 2]);
    expect(store.facts.figuresOf('t2', [articleId, second])).toEqual([]);
  });

  it('keeps each sentence once per document however many facts cite it', () => {
    const { store, articleId } = withArticle();
    const sentence = 'The port said 40 ferries and 12 tugs sailed on Friday.';
    store.facts.setForArticle(articleId, [
      { kind: 'figure', sentenceIndex: 1, sentence, raw: '40', value: 40, counted: 'ferries', attribution: 'The port' },
      { kind: 'figure', sentenceIndex: 1, sentence, raw: '12', value: 12, counted: 'tugs', attribution: 'The port' },
      { kind: 'date', sentenceIndex: 1, sentence, raw: 'Friday', date: '2025-05-30' },
      { kind: 'claim', sentenceIndex: 1, sentence, text: '40 ferries and 12 tugs sailed', attribution: 'The port', stance: 'assert' },
    ]);
    const docs = store.db.prepare('SELECT figures, others FROM article_facts WHERE article_id = ?').get(articleId) as { figures: string; others: string };
    expect(docs.figures.split(sentence)).toHaveLength(2);
    expect(docs.others.split(sentence)).toHaveLength(2);
    const rows = store.facts.forArticle(articleId);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.sentence).toBe(sentence);
    expect(store.facts.countForTenant('t1')).toBe(4);
  });
});

describe('SearchRepo.recentFigures', () => {
  it('walks the matching articles newest first and keeps the figures the caller accepts', () => {
    const { store, articleId, feedId } = withArticle('Lighthouses and cranes along the coast.');
    const other = addArticle(store, feedId, 'a2', 'Nothing about the coast here.');
    const newer = addArticle(store, feedId, 'a3', 'More lighthouses were found.');
    store.facts.setForArticle(articleId, [figure(1, 5, 'lighthouses'), figure(2, 6, 'cranes')]);
    store.facts.setForArticle(other, [figure(1, 7, 'lighthouses')]);
    store.facts.setForArticle(newer, [figure(1, 8, 'lighthouses')]);
    const lighthouses = (f: { counted: string | null }): boolean => f.counted === 'lighthouses';
    // The second article's text does not name lighthouses, so its figure is not a candidate.
    expect(store.search.recentFigures('t1', { phrases: [['lighthouses']], together: [] }, 10, { accept: lighthouses }).map((f) => f.value)).toEqual([8, 5]);
    expect(store.search.recentFigures('t1', { phrases: [['lighthouses']], together: [] }, 1, { accept: lighthouses }).map((f) => f.value)).toEqual([8]);
    expect(store.search.recentFigures('t1', { phrases: [['lighthouses']], together: [] }, 10).map((f) => f.value)).toEqual([8, 5, 6]);
    expect(store.search.recentFigures('t2', { phrases: [['lighthouses']], together: [] }, 10)).toEqual([]);
  });

  it('finds a tenant’s figures behind many newer articles of another tenant, within its bound', () => {
    const { store, articleId } = withArticle('Lighthouses of the north.');
    store.facts.setForArticle(articleId, [figure(1, 9, 'lighthouses')]);
    const busy = store.sources.add({ tenant: 't2', url: 'https://busy.example.org/feed', kind: 'url' }, NOW);
    store.tx(() => {
      for (let i = 0; i < 300; i++) store.facts.setForArticle(addArticle(store, busy.feedId, `b${i}`, 'Lighthouses everywhere.'), [figure(1, i, 'lighthouses')]);
    });
    expect(store.search.recentFigures('t1', { phrases: [['lighthouses']], together: [] }, 10).map((f) => f.value)).toEqual([9]);
    expect(store.search.recentFigures('t2', { phrases: [['lighthouses']], together: [] }, 5).map((f) => f.value)).toEqual([299, 298, 297, 296, 295]);
  });

  it('finds a tenant’s newest headlines on a topic behind hundreds of newer headlines of another tenant’s feeds', () => {
    const { store, articleId } = withArticle('Lighthouses of the north.');
    store.facts.setForArticle(articleId, [figure(1, 9, 'keepers')]);
    const busy = store.sources.add({ tenant: 't2', url: 'https://busy.example.org/feed', kind: 'url' }, NOW);
    store.tx(() => {
      for (let i = 0; i < 300; i++) store.facts.setForArticle(addArticle(store, busy.feedId, `b${i}`), [figure(1, i, 'keepers')]);
    });
    // Every title is "Harbour report …": t1's one article is the oldest of 301 headline matches.
    expect(store.search.recentTitleFigures('t1', { phrases: [['harbour']], together: [] }, 10).map((f) => f.value)).toEqual([9]);
    expect(store.search.recentTitleFigures('t2', { phrases: [['harbour']], together: [] }, 2).map((f) => f.value)).toEqual([299, 298]);
  });
});
