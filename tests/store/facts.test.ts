import { describe, it, expect, afterEach } from 'vitest';
import { openStore, type SqliteStore, type Store } from '../../src/store/index.ts';
import type { Fact } from '../../src/extract/types.ts';
import { describeStores, type OpenStore } from '../helpers/stores.ts';

let store: Store;

const NOW = new Date('2025-06-01T00:00:00Z');
const LIGHTHOUSES = { phrases: [['lighthouses']], together: [] };

async function addArticle(s: Store, feedId: number, guid: string, text = 'Body.'): Promise<number> {
  return s.articles.insert(
    {
      feedId, guid, url: null, urlNorm: null, title: `Harbour report ${guid}`, author: null, publishedAt: NOW.toISOString(),
      teaser: null, text, contentHash: `c${guid}`, titleHash: `t${guid}`, fullTextFetched: false, topics: [],
    },
    NOW,
  );
}

async function withArticle(open: OpenStore, text?: string): Promise<{ store: Store; articleId: number; feedId: number }> {
  store = await open();
  const source = await store.sources.add({ tenant: 't1', url: 'https://wire.example.org/feed', kind: 'url' }, NOW);
  return { store, articleId: await addArticle(store, source.feedId, 'a1', text), feedId: source.feedId };
}

const figure = (sentenceIndex: number, value: number, counted: string): Fact => ({
  kind: 'figure', sentenceIndex, sentence: `Some ${value} ${counted} were counted.`, raw: String(value), value, counted,
});

const CHANGES: Fact[] = [
  {
    kind: 'figure', sentenceIndex: 1, sentence: 'Sales rose 2% to $7.4bn from $7.25bn in May.', raw: '$7.4bn', value: 7.4e9, unit: 'USD',
    direction: 'up', change: 2, changeUnit: '%', previous: 7.25e9, previousDate: '2025-05-31',
  },
  { kind: 'figure', sentenceIndex: 2, sentence: 'Hundreds of boats (about £5m) sailed.', raw: 'about £5m', value: 5e6, unit: 'GBP', conversion: true },
  { kind: 'figure', sentenceIndex: 2, sentence: 'Hundreds of boats (about £5m) sailed.', raw: 'Hundreds of', value: 200, valueHigh: 999, vague: true },
];

const SENTENCE = 'The port said 40 ferries and 12 tugs sailed on Friday.';
/** Four facts of one sentence. */
const SHARED_SENTENCE: Fact[] = [
  { kind: 'figure', sentenceIndex: 1, sentence: SENTENCE, raw: '40', value: 40, counted: 'ferries', attribution: 'The port' },
  { kind: 'figure', sentenceIndex: 1, sentence: SENTENCE, raw: '12', value: 12, counted: 'tugs', attribution: 'The port' },
  { kind: 'date', sentenceIndex: 1, sentence: SENTENCE, raw: 'Friday', date: '2025-05-30' },
  { kind: 'claim', sentenceIndex: 1, sentence: SENTENCE, text: '40 ferries and 12 tugs sailed', attribution: 'The port', stance: 'assert' },
];

describeStores('FactRepo', (open) => {
  it('stores every field of each kind of fact', async () => {
    const { store, articleId } = await withArticle(open);
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
    await store.facts.setForArticle(articleId, facts);
    const rows = await store.facts.forArticle(articleId);
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

  it('stores a figure’s change, earlier level, vague span and conversion', async () => {
    const { store, articleId } = await withArticle(open);
    await store.facts.setForArticle(articleId, CHANGES);
    const [level, converted, vague] = await store.facts.forArticle(articleId);
    expect(level).toMatchObject({ direction: 'up', change: 2, changeUnit: '%', previous: 7.25e9, previousDate: '2025-05-31', conversion: false, vague: false });
    expect(converted).toMatchObject({ conversion: true, direction: null, previous: null });
    expect(vague).toMatchObject({ vague: true, value: 200, valueHigh: 999 });
  });

  it('replaces an article’s facts when set again, and drops them with the feed’s last follower', async () => {
    const { store, articleId } = await withArticle(open, 'Cranes and tugboats in the harbour.');
    await store.facts.setForArticle(articleId, [figure(1, 12, 'cranes')]);
    await store.facts.setForArticle(articleId, [
      { kind: 'date', sentenceIndex: 2, sentence: 'On Friday the tugboats left.', raw: 'Friday', date: '2025-05-30' },
      figure(3, 14, 'tugboats'),
    ]);
    expect((await store.facts.forArticle(articleId)).map((f) => f.value)).toEqual([null, 14]);
    expect((await store.search.forTenant('t1').recentFigures({ phrases: [['cranes']], together: [] }, 10)).map((f) => f.value)).toEqual([14]);
    const [source] = await store.sources.list('t1');
    expect(await store.sources.remove('t1', source!.id)).toEqual({ removed: true, feedRemoved: true });
    expect(await store.facts.forArticle(articleId)).toEqual([]);
  });

  it('gives every fact an id unique across articles and keeps articles in order', async () => {
    const { store, articleId, feedId } = await withArticle(open);
    const second = await addArticle(store, feedId, 'a2');
    await store.facts.setForArticle(articleId, [figure(1, 1, 'cranes'), figure(2, 2, 'cranes')]);
    await store.facts.setForArticle(second, [figure(1, 3, 'cranes')]);
    const rows = await store.facts.forArticles([second, articleId], ['figure']);
    expect(rows.map((f) => f.value)).toEqual([1, 2, 3]);
    expect(new Set(rows.map((f) => f.id)).size).toBe(3);
    expect((await store.facts.figuresOf('t1', [articleId, second])).map((f) => f.value)).toEqual([3, 1, 2]);
    expect(await store.facts.figuresOf('t2', [articleId, second])).toEqual([]);
  });

  it('gives each fact its sentence, and counts a tenant’s facts', async () => {
    const { store, articleId } = await withArticle(open);
    await store.facts.setForArticle(articleId, SHARED_SENTENCE);
    const rows = await store.facts.forArticle(articleId);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.sentence).toBe(SENTENCE);
    expect(await store.facts.countForTenant('t1')).toBe(4);
    expect(await store.facts.countForTenant('t2')).toBe(0);
  });
});

describeStores('TenantSearch.recentFigures', (open) => {
  it('walks the matching articles newest first and keeps the figures the caller accepts', async () => {
    const { store, articleId, feedId } = await withArticle(open, 'Lighthouses and cranes along the coast.');
    const other = await addArticle(store, feedId, 'a2', 'Nothing about the coast here.');
    const newer = await addArticle(store, feedId, 'a3', 'More lighthouses were found.');
    await store.facts.setForArticle(articleId, [figure(1, 5, 'lighthouses'), figure(2, 6, 'cranes')]);
    await store.facts.setForArticle(other, [figure(1, 7, 'lighthouses')]);
    await store.facts.setForArticle(newer, [figure(1, 8, 'lighthouses')]);
    const lighthouses = (f: { counted: string | null }): boolean => f.counted === 'lighthouses';
    const values = async (tenant: string, limit: number, accept?: typeof lighthouses): Promise<Array<number | null>> =>
      (await store.search.forTenant(tenant).recentFigures(LIGHTHOUSES, limit, accept ? { accept } : {})).map((f) => f.value);
    // The second article's text does not name lighthouses, so its figure is not a candidate.
    expect(await values('t1', 10, lighthouses)).toEqual([8, 5]);
    expect(await values('t1', 1, lighthouses)).toEqual([8]);
    expect(await values('t1', 10)).toEqual([8, 5, 6]);
    expect(await values('t2', 10)).toEqual([]);
  });

  it('reads on past the newest matches when they hold no figure the caller takes, up to its bound', async () => {
    const { store, feedId } = await withArticle(open, 'Lighthouses of the north.');
    // 300 matches: the oldest 5 hold a figure on keepers, the 295 newer ones on cranes only.
    for (let i = 0; i < 300; i++) await store.facts.setForArticle(await addArticle(store, feedId, `k${i}`, 'Lighthouses again.'), [figure(1, i, i < 5 ? 'keepers' : 'cranes')]);
    const keepers = { accept: (f: { counted: string | null }): boolean => f.counted === 'keepers' };
    expect((await store.search.forTenant('t1').recentFigures(LIGHTHOUSES, 3, keepers)).map((f) => f.value)).toEqual([4, 3, 2]);
    expect((await store.search.forTenant('t1').recentFigures(LIGHTHOUSES, 10, keepers)).map((f) => f.value)).toEqual([4, 3, 2, 1, 0]);
  });

  it('finds a tenant’s figures behind many newer articles of another tenant, within its bound', async () => {
    const { store, articleId } = await withArticle(open, 'Lighthouses of the north.');
    await store.facts.setForArticle(articleId, [figure(1, 9, 'lighthouses')]);
    const busy = await store.sources.add({ tenant: 't2', url: 'https://busy.example.org/feed', kind: 'url' }, NOW);
    for (let i = 0; i < 300; i++) await store.facts.setForArticle(await addArticle(store, busy.feedId, `b${i}`, 'Lighthouses everywhere.'), [figure(1, i, 'lighthouses')]);
    expect((await store.search.forTenant('t1').recentFigures(LIGHTHOUSES, 10)).map((f) => f.value)).toEqual([9]);
    expect((await store.search.forTenant('t2').recentFigures(LIGHTHOUSES, 5)).map((f) => f.value)).toEqual([299, 298, 297, 296, 295]);
  });

  it('finds a tenant’s newest headlines on a topic behind hundreds of newer headlines of another tenant’s feeds', async () => {
    const { store, articleId } = await withArticle(open, 'Lighthouses of the north.');
    await store.facts.setForArticle(articleId, [figure(1, 9, 'keepers')]);
    const busy = await store.sources.add({ tenant: 't2', url: 'https://busy.example.org/feed', kind: 'url' }, NOW);
    for (let i = 0; i < 300; i++) await store.facts.setForArticle(await addArticle(store, busy.feedId, `b${i}`), [figure(1, i, 'keepers')]);
    // Every title is "Harbour report …": t1's one article is the oldest of 301 headline matches.
    const harbour = { phrases: [['harbour']], together: [] };
    expect((await store.search.forTenant('t1').recentTitleFigures(harbour, 10)).map((f) => f.value)).toEqual([9]);
    expect((await store.search.forTenant('t2').recentTitleFigures(harbour, 2)).map((f) => f.value)).toEqual([299, 298]);
  });
});

describe('fact documents on SQLite', () => {
  let sqlite: SqliteStore;
  afterEach(() => sqlite?.close());

  async function sqliteWithArticle(): Promise<number> {
    const { articleId } = await withArticle(async () => (sqlite = openStore(':memory:')));
    return articleId;
  }

  it('reads a document written before the change fields existed', async () => {
    const articleId = await sqliteWithArticle();
    sqlite.facts.setForArticle(articleId, CHANGES);
    // A document written before the change fields existed ends at `negated`.
    sqlite.db.prepare('UPDATE article_facts SET figures = ? WHERE article_id = ?').run(JSON.stringify({ s: { 1: 'Old.' }, f: [['figure', 1, '40', null, 40]] }), articleId);
    expect(sqlite.facts.forArticle(articleId)[0]).toMatchObject({ value: 40, direction: null, change: null, previous: null, vague: false, conversion: false });
  });

  it('keeps each sentence once per document however many facts cite it', async () => {
    const articleId = await sqliteWithArticle();
    sqlite.facts.setForArticle(articleId, SHARED_SENTENCE);
    const docs = sqlite.db.prepare('SELECT figures, others FROM article_facts WHERE article_id = ?').get(articleId) as { figures: string; others: string };
    expect(docs.figures.split(SENTENCE)).toHaveLength(2);
    expect(docs.others.split(SENTENCE)).toHaveLength(2);
  });
});
