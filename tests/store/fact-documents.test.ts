import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SqliteStore as Store } from '../../src/store/index.ts';
import { loadMigrations, migrate } from '../../src/store/migrate.ts';
import type { Fact } from '../../src/extract/types.ts';

// Facts of every kind with every field they can carry, two sharing a sentence.
const FACTS: Fact[] = [
  {
    kind: 'figure', sentenceIndex: 1, sentence: 'Kyiv said more than 900 soldiers were captured in August.', raw: 'more than 900', value: 900, valueHigh: 950,
    unit: 'ratio', qualifier: 'more than', counted: 'soldiers', countedKey: 'soldier', event: 'captured', date: '2024-08-31',
    periodStart: '2024-08-01', periodEnd: '2024-08-31', attribution: 'Kyiv', hedged: true, negated: true,
  },
  { kind: 'claim', sentenceIndex: 1, sentence: 'Kyiv said more than 900 soldiers were captured in August.', text: 'more than 900 soldiers were captured', attribution: 'Kyiv', stance: 'assert', subjectKey: 'kursk control', date: '2024-08-31' },
  { kind: 'date', sentenceIndex: 2, sentence: 'The swap took place on Friday.', raw: 'Friday', date: '2024-09-13', periodStart: '2024-09-13', periodEnd: '2024-09-13' },
  { kind: 'quote', sentenceIndex: 3, sentence: '"They are home," the ombudsman said.', text: 'They are home', speaker: 'the ombudsman' },
  { kind: 'figure', sentenceIndex: 4, sentence: 'Some 49 returned.', raw: '49', value: 49 },
  { kind: 'claim', sentenceIndex: 5, sentence: 'Moscow denied the figure.', text: 'the figure', attribution: 'Moscow', stance: 'deny' },
];

// The facts table's columns for a fact, as FactRepo wrote them before migration 006.
function oldRow(articleId: number, f: Fact): unknown[] {
  const g = f as unknown as Partial<Record<string, unknown>>;
  const v = (k: string): unknown => g[k] ?? null;
  const attribution = f.kind === 'quote' ? v('speaker') : v('attribution');
  return [
    articleId, f.kind, f.sentenceIndex, f.sentence, f.kind === 'figure' || f.kind === 'date' ? v('raw') : null, f.kind === 'quote' || f.kind === 'claim' ? v('text') : null,
    v('value'), v('valueHigh'), v('unit'), v('qualifier'), v('counted'), v('countedKey'), v('event'), v('date'), v('periodStart'), v('periodEnd'),
    attribution, f.kind === 'quote' ? v('speaker') : null, v('stance'), v('subjectKey'), g.hedged ? 1 : 0, g.negated ? 1 : 0,
  ];
}

function articleRow(db: Database.Database, id: number, owner: 'source_id' | 'feed_id' = 'source_id'): void {
  db.prepare(`INSERT INTO articles (id, ${owner}, title, published_at, fetched_at, text, content_hash, title_hash)
    VALUES (?, 1, ?, '2024-09-14', '2024-09-14', 'body', ?, ?)`).run(id, `Prisoner swap ${id}`, `c${id}`, `t${id}`);
}

const fieldsOnly = (store: Store, articleId: number) => store.facts.forArticle(articleId).map(({ article: _a, source: _s, ...rest }) => rest);

describe('migration 006: facts become one document per article', () => {
  it('carries every field of a database written before it over, exactly as storing them afresh does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factfeed-docs-'));
    try {
      const path = join(dir, 'old.db');
      const old = new Database(path);
      migrate(old, path, loadMigrations().filter((m) => m.version < 6));
      old.exec(`INSERT INTO sources (id, tenant, url, added_at) VALUES (1, 'local', 'http://127.0.0.1/f.xml', '2024-09-14')`);
      articleRow(old, 7);
      articleRow(old, 8);
      const insert = old.prepare(`INSERT INTO facts (article_id, kind, sentence_index, sentence, raw, body, value, value_high, unit, qualifier, counted,
        counted_key, event, ref_date, period_start, period_end, attribution, speaker, stance, subject_key, hedged, negated)
        VALUES (${Array.from({ length: 22 }, () => '?').join(', ')})`);
      for (const f of FACTS) insert.run(oldRow(7, f));
      insert.run(oldRow(8, FACTS[4]!));
      old.close();

      const migrated = openStore(path);
      const fresh = openStore(':memory:');
      try {
        fresh.sources.add({ tenant: 'local', url: 'http://127.0.0.1/f.xml', kind: 'url' }, new Date('2024-09-14'));
        articleRow(fresh.db, 7, 'feed_id');
        fresh.facts.setForArticle(7, FACTS);
        expect(fieldsOnly(migrated, 7)).toEqual(fieldsOnly(fresh, 7));
        expect(fieldsOnly(migrated, 7)).toHaveLength(FACTS.length);
        expect(migrated.facts.countForTenant('local')).toBe(FACTS.length + 1);

        expect(migrated.search.recentFigures('local', { phrases: [['swap']], together: [] }, 10).map((f) => [f.articleId, f.value])).toEqual([[8, 49], [7, 900], [7, 49]]);
        expect(migrated.db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('facts', 'facts_fts')").pluck().get()).toBe(0);

        migrated.db.prepare('DELETE FROM articles WHERE id = 7').run();
        expect(migrated.db.prepare('SELECT count(*) FROM article_facts').pluck().get()).toBe(1);
        expect(migrated.search.recentFigures('local', { phrases: [['swap']], together: [] }, 10).map((f) => f.articleId)).toEqual([8]);
      } finally {
        migrated.close();
        fresh.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
