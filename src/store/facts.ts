import type { Db } from './db.ts';
import type { Fact } from '../extract/types.ts';
import { FACT_SLOTS, decodeFacts, encodeFacts, type FactFields } from './factdoc.ts';

/** A stored fact with its article and source: everything an answer needs to cite it. */
export interface FactRow extends FactFields {
  /** Unique across the store: articleId × FACT_SLOTS + the fact's position in its article. */
  id: number;
  articleId: number;
  article: { id: number; title: string; url: string | null; publishedAt: string; topics: string[] };
  source: { id: number; title: string | null; url: string };
}

interface DocRow {
  article_id: number;
  doc: string;
  a_title: string;
  a_url: string | null;
  a_published: string;
  a_topics: string;
  s_id: number;
  s_title: string | null;
  s_url: string;
}

// Article ids travel as one JSON array parameter, so one prepared statement serves any number of them.
const DOCS_SELECT = `SELECT d.article_id, d.doc, a.title AS a_title, a.url AS a_url, a.published_at AS a_published, a.topics AS a_topics,
  s.id AS s_id, s.title AS s_title, s.url AS s_url
  FROM article_facts d JOIN articles a ON a.id = d.article_id JOIN sources s ON s.id = a.source_id
  WHERE d.article_id IN (SELECT value FROM json_each(?))`;

const ALL_KINDS: readonly Fact['kind'][] = ['figure', 'date', 'quote', 'claim'];

/** Facts live as one document per article (migration 006, factdoc.ts): written together, read per article. */
export class FactRepo {
  private readonly insertDocStmt;
  private readonly deleteDocStmt;
  private readonly docsStmt;
  private readonly docsInTenantStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.insertDocStmt = db.prepare('INSERT INTO article_facts (article_id, doc) VALUES (?, ?)');
    this.deleteDocStmt = db.prepare('DELETE FROM article_facts WHERE article_id = ?');
    this.docsStmt = db.prepare(DOCS_SELECT);
    this.docsInTenantStmt = db.prepare(`${DOCS_SELECT} AND s.tenant = ?`);
    this.countStmt = db
      .prepare(
        `SELECT coalesce(sum(json_array_length(d.doc, '$.f')), 0) FROM article_facts d
         JOIN articles a ON a.id = d.article_id JOIN sources s ON s.id = a.source_id WHERE s.tenant = ?`,
      )
      .pluck();
  }

  /** Stores an article's facts, replacing any it had. */
  setForArticle(articleId: number, facts: readonly Fact[]): void {
    this.deleteDocStmt.run(articleId);
    if (facts.length > 0) this.insertDocStmt.run(articleId, encodeFacts(facts));
  }

  deleteForArticle(articleId: number): void {
    this.deleteDocStmt.run(articleId);
  }

  forArticle(articleId: number): FactRow[] {
    return this.forArticles([articleId], ALL_KINDS);
  }

  /** Facts of the given kinds from a set of articles, in article order then sentence order. */
  forArticles(articleIds: readonly number[], kinds: readonly Fact['kind'][]): FactRow[] {
    if (articleIds.length === 0) return [];
    const docs = (this.docsStmt.all(JSON.stringify(articleIds)) as DocRow[]).sort((a, b) => a.article_id - b.article_id);
    return docs.flatMap((d) => rowsOf(d, (kind) => kinds.includes(kind)));
  }

  /** The figures of those of the given articles that belong to the tenant, newest stored article first. */
  figuresOf(tenant: string, articleIds: readonly number[]): FactRow[] {
    if (articleIds.length === 0) return [];
    const docs = (this.docsInTenantStmt.all(JSON.stringify(articleIds), tenant) as DocRow[]).sort((a, b) => b.article_id - a.article_id);
    return docs.flatMap((d) => rowsOf(d, (kind) => kind === 'figure'));
  }

  countForTenant(tenant: string): number {
    return this.countStmt.get(tenant) as number;
  }
}

function rowsOf(d: DocRow, want: (kind: Fact['kind']) => boolean): FactRow[] {
  const article = { id: d.article_id, title: d.a_title, url: d.a_url, publishedAt: d.a_published, topics: d.a_topics ? d.a_topics.split('|') : [] };
  const source = { id: d.s_id, title: d.s_title, url: d.s_url };
  return decodeFacts(d.doc, want).map(({ position, fields }) => ({ ...fields, id: d.article_id * FACT_SLOTS + position, articleId: d.article_id, article, source }));
}
