import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollSource, STORE_CHUNK, type IngestDeps } from '../../src/ingest/pipeline.ts';
import { openStore, type SqliteStore as Store, type Feed } from '../../src/store/index.ts';
import type { ArticleInput, Extraction } from '../../src/extract/types.ts';
import { silentLogger } from '../../src/log.ts';
import Database from 'better-sqlite3';

let dir: string;
let store: Store;
afterEach(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function feedOf(n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toUTCString();
    return `<item><title>Dispatch ${i + 1}</title><guid>d${i + 1}</guid><pubDate>${day}</pubDate>
      <description>About ${i + 10} barges reached the quay on dispatch ${i + 1}.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay news</title>${items.join('')}</channel></rss>`;
}

const figureOf = (input: ArticleInput): Extraction => ({
  sentences: [input.title, input.text],
  facts: [{ kind: 'figure', sentenceIndex: 1, sentence: input.text, raw: 'barges', value: 1, counted: 'barges' }],
  topics: ['quay'],
});

function setup(n: number, extra: Partial<IngestDeps> = {}): { deps: IngestDeps; source: () => Feed } {
  dir = mkdtempSync(join(tmpdir(), 'factfeed-batch-'));
  const path = join(dir, 'feed.xml');
  writeFileSync(path, feedOf(n));
  store = openStore(join(dir, 'db.sqlite'));
  const clock = { now: () => new Date('2025-02-01T00:00:00Z') };
  const added = store.sources.add({ tenant: 't1', url: path, kind: 'file' }, clock.now());
  const deps: IngestDeps = { store, clock, log: silentLogger, fetch: () => Promise.reject(new Error('no fetching in this test')), extract: figureOf, ...extra };
  return { deps, source: () => store.feeds.get(added.feedId)! };
}

describe('pollSource storing a feed in chunks', () => {
  it('stores a feed larger than one chunk, oldest first, announcing each new article inside its transaction', async () => {
    const announced: { id: number; inTransaction: boolean }[] = [];
    const { deps, source } = setup(STORE_CHUNK * 2 + 7, { onNewArticle: (id) => announced.push({ id, inTransaction: store.db.inTransaction }) });
    const result = await pollSource(deps, { ...source(), firstPollDone: true });
    expect(result.added).toBe(STORE_CHUNK * 2 + 7);
    expect(result.newArticleIds).toEqual([...result.newArticleIds].sort((a, b) => a - b));
    expect(store.articles.get(result.newArticleIds[0]!)!.title).toBe('Dispatch 1');
    expect(announced.map((a) => a.id)).toEqual(result.newArticleIds);
    expect(announced.every((a) => a.inTransaction)).toBe(true);
    expect(store.search.recentFigures('t1', { phrases: [['barges']], together: [] }, 1000)).toHaveLength(STORE_CHUNK * 2 + 7);
  });

  it('skips an item whose storing fails, with a warning naming it, and stores the items after it', async () => {
    let calls = 0;
    const logged: string[] = [];
    const log = { ...silentLogger, warn: (msg: string, fields?: Record<string, unknown>) => logged.push(`${msg} ${JSON.stringify(fields)}`) };
    const { deps, source } = setup(6, {
      log,
      onNewArticle: () => {
        // The third article is already inserted with its facts when its announcement fails.
        if (++calls === 3) throw new Error('outbox unavailable');
      },
    });
    const result = await pollSource(deps, { ...source(), firstPollDone: true });
    expect(result.added).toBe(5);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/Dispatch 3.*outbox unavailable/);
    expect(logged.join('\n')).toMatch(/Dispatch 3/);
    // The skipped item left nothing half-stored: no article, no facts.
    expect(store.search.recentFigures('t1', { phrases: [['barges']], together: [] }, 100).map((f) => f.article.title).sort()).toEqual(
      ['Dispatch 1', 'Dispatch 2', 'Dispatch 4', 'Dispatch 5', 'Dispatch 6'],
    );
    expect(source().consecutiveFailures).toBe(0);

    // The next poll tries the skipped item again.
    const again = await pollSource({ ...deps, onNewArticle: undefined }, source());
    expect(again.added).toBe(1);
    expect(again.unchanged).toBe(5);
  });

  it('stores an item whose extraction throws without facts, warns, and goes on with the feed', async () => {
    const { deps, source } = setup(4, {
      extract: (input) => {
        if (input.title === 'Dispatch 3') throw new Error('extractor crashed');
        return figureOf(input);
      },
    });
    const result = await pollSource(deps, source());
    expect(result.added).toBe(4);
    expect(result.warnings.join('\n')).toMatch(/Dispatch 3.*extractor crashed/);
    expect(store.articles.countForFeed(source().id)).toBe(4);
    expect(store.facts.countForTenant('t1')).toBe(3);
    expect(source().consecutiveFailures).toBe(0);
  });

  it('fails the poll when the store itself fails (disk full), keeping the articles before it', async () => {
    let calls = 0;
    const { deps, source } = setup(4, {
      onNewArticle: () => {
        if (++calls === 3) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
      },
    });
    await expect(pollSource(deps, { ...source(), firstPollDone: true })).rejects.toThrow('disk is full');
    expect(store.articles.countForFeed(source().id)).toBe(2);
    expect(source().consecutiveFailures).toBe(1);
  });
});
