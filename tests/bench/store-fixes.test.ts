import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { loadMigrations, migrate } from '../../src/store/migrate.ts';
import { storeItem } from '../../src/ingest/pipeline.ts';
import { silentLogger } from '../../src/log.ts';
import type { Extraction } from '../../src/extract/types.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

// The store changes the benchmark led to (figure-only full-text index in 004, then fact documents
// found through the articles that match in 006) must not change what a search finds.
const extraction: Extraction = {
  sentences: ['t', 'Officials said 971 Russian soldiers were captured.', 'The prisoners were exchanged on Friday.'],
  topics: ['prisoner of war'],
  facts: [
    { kind: 'figure', sentenceIndex: 1, sentence: 'Officials said 971 Russian soldiers were captured.', raw: '971', value: 971, counted: 'Russian soldiers', countedKey: 'russian soldier', event: 'captured' },
    { kind: 'date', sentenceIndex: 2, sentence: 'The prisoners were exchanged on Friday.', raw: 'Friday', date: '2025-05-23' },
    { kind: 'claim', sentenceIndex: 1, sentence: 'Officials said 971 Russian soldiers were captured.', text: '971 Russian soldiers were captured', attribution: 'Officials', stance: 'assert' },
  ],
};

function storeOne(store: ReturnType<typeof openStore>, guid: string): void {
  const source = store.sources.list('local')[0] ?? store.sources.add({ tenant: 'local', url: 'http://127.0.0.1/f.xml', kind: 'url' }, new Date());
  const deps = { store, clock: { now: () => new Date('2025-05-25T00:00:00Z') }, log: silentLogger, fetch: () => Promise.reject(new Error('offline')), extract: () => extraction };
  storeItem(deps, store.feeds.get(source.feedId)!, { guid, title: `Captured soldiers ${guid}`, text: 'body', published: new Date('2025-05-25T00:00:00Z'), isTeaser: false });
}

describe('figure search after the benchmark-led store changes (migrations 004 and 006)', () => {
  it('finds an article’s figures by the words of its headline, within the tenant only', () => {
    const store = openStore(':memory:');
    storeOne(store, 'a');
    expect(store.search.recentFigures('local', { phrases: [['captured']], together: [] }, 10).map((f) => f.value)).toEqual([971]);
    expect(store.search.recentFigures('local', { phrases: [['soldier']], together: [] }, 10)).toHaveLength(1);
    expect(store.search.recentFigures('other-tenant', { phrases: [['captured']], together: [] }, 10)).toEqual([]);
    store.close();
  });

  it('carries a database written before migration 004 through to searchable documents, and deletes stay consistent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factfeed-fts-'));
    try {
      const path = join(dir, 'old.db');
      const old = new Database(path);
      migrate(old, path, loadMigrations().filter((m) => m.version < 4));
      old.exec(`INSERT INTO sources (id, tenant, url, added_at) VALUES (1, 'local', 'http://127.0.0.1/f.xml', '2025-05-25');
        INSERT INTO articles (id, source_id, title, published_at, fetched_at, text, content_hash, title_hash)
          VALUES (1, 1, 'Captured soldiers', '2025-05-25', '2025-05-25', 'body', 'c', 't');
        INSERT INTO facts (article_id, kind, sentence_index, sentence, value, counted, event)
          VALUES (1, 'figure', 1, 'Officials said 971 Russian soldiers were captured.', 971, 'Russian soldiers', 'captured'),
                 (1, 'date', 2, 'The soldiers were captured on Friday.', NULL, NULL, NULL),
                 (1, 'claim', 1, 'Officials said 971 Russian soldiers were captured.', NULL, NULL, NULL);`);
      expect(old.prepare('SELECT count(*) FROM facts_fts_docsize').pluck().get()).toBe(3);
      old.close();

      const store = openStore(path);
      expect(store.search.recentFigures('local', { phrases: [['captured']], together: [] }, 10).map((f) => f.value)).toEqual([971]);
      store.db.prepare('DELETE FROM articles').run();
      expect(() => store.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")).not.toThrow();
      expect(store.search.recentFigures('local', { phrases: [['captured']], together: [] }, 10)).toEqual([]);
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
