import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Fact } from '../../../src/extract/types.ts';
import { findFigures } from '../../../src/query/figures.ts';
import { summarize } from '../../../src/query/summary.ts';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/store.ts';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

const NOW = new Date('2025-06-01T00:00:00Z');

/**
 * What an answer costs the server, counted in statements: on a busy machine each one waits for a
 * CPU twice (the server's, then the bot's), so an answer's latency grows with their number.
 */
describePg('answers on PostgreSQL, statement by statement', () => {
  let db: TestDatabase;
  let store: PostgresStore;
  let ran: string[];

  beforeEach(async () => {
    db = await freshDatabase();
    store = openPostgresStore(db.url, { maxConnections: 4, applicationName: 'factfeed-test' });
    await store.ready;
    ran = [];
    // Every statement the store runs goes through its pool: note each one's name (or its first words).
    const query = store.pool.query.bind(store.pool) as (...args: unknown[]) => Promise<unknown>;
    (store.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      const q = args[0];
      ran.push(typeof q === 'string' ? q.trim().split(/\s+/).slice(0, 2).join(' ') : ((q as { name?: string }).name ?? 'unnamed'));
      return query(...args);
    };
  });
  afterEach(async () => {
    await store?.close();
    await db?.drop();
  });

  /** `n` harbour reports, one per feed the server follows, newest last; every `bare`-th has no figure. */
  async function harbourReports(n: number, bare = 0): Promise<void> {
    for (let i = 0; i < n; i++) {
      const { feedId } = await store.sources.add({ tenant: 'port', url: `https://f${i}.example.org/feed`, kind: 'url' }, NOW);
      const sentence = `The harbour counted ${i + 2} cranes.`;
      const id = await store.articles.insert(
        {
          feedId, guid: `g${i}`, url: null, urlNorm: null, title: `Harbour report ${i}`, author: null, publishedAt: NOW.toISOString(),
          teaser: null, text: sentence, contentHash: `c${i}`, titleHash: `t${i}`, fullTextFetched: false, topics: [],
        },
        NOW,
      );
      const figure: Fact = { kind: 'figure', sentenceIndex: 1, sentence, raw: String(i + 2), value: i + 2, counted: 'cranes' };
      if (!(bare > 0 && i % bare === 0)) await store.facts.setForArticle(id, [figure]);
    }
    ran = [];
  }

  it('answer /figures with one search: its headlines come from the same matches', async () => {
    await harbourReports(30);
    const figures = await findFigures(store, { tenant: 'port', topic: 'harbour' });
    expect(figures).toHaveLength(30);
    expect(ran).toEqual(['answer_matches']);
  });

  it('read /summary’s figures documents with its matches: one search, then its articles’ facts', async () => {
    await harbourReports(30);
    const summary = await summarize(store, { tenant: 'port', topic: 'harbour' });
    expect(summary.articles).toHaveLength(8);
    expect(summary.keyFigures.length).toBeGreaterThan(0);
    expect(ran).toEqual(['answer_matches', 'SELECT d.article_id,']);
  });

  it('read the rest of a broad walk’s documents in one more statement, sized by the figures found so far', async () => {
    // 250 figures wanted, one in nine of ten documents: about 280 documents, 128 of them with the matches.
    await harbourReports(330, 10);
    const figures = await findFigures(store, { tenant: 'port', topic: 'harbour' });
    expect(figures.length).toBeGreaterThanOrEqual(250);
    expect(ran).toEqual(['answer_matches', 'answer_docs']);
  });
});
