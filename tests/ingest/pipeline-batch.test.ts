import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollSource, STORE_CHUNK, type IngestDeps } from '../../src/ingest/pipeline.ts';
import { openStore, type Store, type Source } from '../../src/store/index.ts';
import type { ArticleInput, Extraction } from '../../src/extract/types.ts';
import { silentLogger } from '../../src/log.ts';

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

function setup(n: number, extra: Partial<IngestDeps> = {}): { deps: IngestDeps; source: () => Source } {
  dir = mkdtempSync(join(tmpdir(), 'factfeed-batch-'));
  const path = join(dir, 'feed.xml');
  writeFileSync(path, feedOf(n));
  store = openStore(join(dir, 'db.sqlite'));
  const clock = { now: () => new Date('2025-02-01T00:00:00Z') };
  const added = store.sources.add({ tenant: 't1', url: path, kind: 'file' }, clock.now());
  const deps: IngestDeps = { store, clock, log: silentLogger, fetch: () => Promise.reject(new Error('no fetching in this test')), extract: figureOf, ...extra };
  return { deps, source: () => store.sources.get(added.id)! };
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
    expect(store.search.recentFigures('t1', 'barges', 1000)).toHaveLength(STORE_CHUNK * 2 + 7);
  });

  it('keeps the items stored before a failing one, rolls back only that one, and fails the poll', async () => {
    let calls = 0;
    const { deps, source } = setup(6, {
      onNewArticle: () => {
        // The third article is already inserted with its facts when its announcement fails.
        if (++calls === 3) throw new Error('outbox unavailable');
      },
    });
    await expect(pollSource(deps, { ...source(), firstPollDone: true })).rejects.toThrow('outbox unavailable');
    expect(store.articles.countForSource(source().id)).toBe(2);
    expect(store.facts.countForTenant('t1')).toBe(2);
    expect(store.search.recentFigures('t1', 'barges', 100).map((f) => f.article.title).sort()).toEqual(['Dispatch 1', 'Dispatch 2']);
    expect(source().consecutiveFailures).toBe(1);

    // The next poll picks up where the failed one stopped.
    const again = await pollSource({ ...deps, onNewArticle: undefined }, source());
    expect(again.added).toBe(4);
    expect(again.unchanged).toBe(2);
  });

  it('fails the poll when extraction throws, keeping the articles before it', async () => {
    const { deps, source } = setup(4, {
      extract: (input) => {
        if (input.title === 'Dispatch 3') throw new Error('extractor crashed');
        return figureOf(input);
      },
    });
    await expect(pollSource(deps, source())).rejects.toThrow('extractor crashed');
    expect(store.articles.countForSource(source().id)).toBe(2);
  });
});
