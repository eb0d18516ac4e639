import type { Db } from './db.ts';
import type { Fact } from '../extract/types.ts';
import { FACT_SLOTS, OTHER_BASE, decodeFacts, encodeFacts, type FactFields, type FactTexts } from './factdoc.ts';

/** A stored fact with its article and the feed it came from: everything an answer needs to cite it. */
export interface FactRow extends FactFields {
  /** Unique across the store: articleId × FACT_SLOTS + the fact's position in its article (factdoc.ts). */
  id: number;
  articleId: number;
  article: { id: number; title: string; url: string | null; publishedAt: string; topics: string[] };
  source: { id: number; title: string | null; url: string };
}

/** Which figures a search wants; see FactRepo.figuresOf. */
export interface FigureFilter {
  docMayHold?: (doc: string) => boolean;
  accept?: (f: FactTexts) => boolean;
}

export interface FactArticleRow {
  article_id: number;
  a_title: string;
  a_url: string | null;
  a_published: string;
  a_topics: string;
  s_id: number;
  s_title: string | null;
  s_url: string;
}

export interface DocRow extends FactArticleRow {
  figures: string | null;
  others: string | null;
}

type Kind = Fact['kind'];
export const ALL_KINDS: readonly Kind[] = ['figure', 'date', 'quote', 'claim'];

// Article ids travel as one JSON array parameter, so one prepared statement serves any number of them.
// Only the documents asked for are selected, so SQLite does not read the other one's pages.
const ARTICLE_COLUMNS = `a.title AS a_title, a.url AS a_url, a.published_at AS a_published, a.topics AS a_topics,
    f.id AS s_id, f.title AS s_title, f.url AS s_url`;
const docsSelect = (columns: string): string =>
  `SELECT d.article_id, ${columns}, ${ARTICLE_COLUMNS}
   FROM article_facts d JOIN articles a ON a.id = d.article_id JOIN feeds f ON f.id = a.feed_id
   WHERE d.article_id IN (SELECT value FROM json_each(?))`;

/** Facts live as documents per article (migration 006, factdoc.ts): written together, read per article. */
export class FactRepo {
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly allDocsStmt;
  private readonly figureDocsStmt;
  private readonly otherDocsStmt;
  private readonly figureDocsByIdStmt;
  private readonly tenantArticlesStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO article_facts (article_id, figures, others) VALUES (?, ?, ?)');
    this.deleteStmt = db.prepare('DELETE FROM article_facts WHERE article_id = ?');
    this.allDocsStmt = db.prepare(docsSelect('d.figures, d.others'));
    this.figureDocsStmt = db.prepare(docsSelect('d.figures, NULL AS others'));
    this.otherDocsStmt = db.prepare(docsSelect('NULL AS figures, d.others'));
    // A search reads the figures first and the article behind them only for those it keeps: an
    // article's topics sit after its text in the row, so reading them means reading the text's pages.
    // The tenant check goes with the article, so it costs a page read only for what an answer shows.
    this.figureDocsByIdStmt = db.prepare('SELECT d.article_id, d.figures FROM article_facts d WHERE d.article_id IN (SELECT value FROM json_each(?))');
    this.tenantArticlesStmt = db.prepare(
      `SELECT a.id AS article_id, ${ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
       WHERE a.id IN (SELECT value FROM json_each(?)) AND EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = ?)`,
    );
    this.countStmt = db
      .prepare(
        `SELECT coalesce(sum(coalesce(json_array_length(d.figures, '$.f'), 0) + coalesce(json_array_length(d.others, '$.f'), 0)), 0)
         FROM sources s JOIN articles a ON a.feed_id = s.feed_id JOIN article_facts d ON d.article_id = a.id WHERE s.tenant = ?`,
      )
      .pluck();
  }

  /** Stores an article's facts, replacing any it had. */
  setForArticle(articleId: number, facts: readonly Fact[]): void {
    this.deleteStmt.run(articleId);
    if (facts.length === 0) return;
    const { figures, others } = encodeFacts(facts);
    this.insertStmt.run(articleId, figures, others);
  }

  forArticle(articleId: number): FactRow[] {
    return this.forArticles([articleId], ALL_KINDS);
  }

  /** Facts of the given kinds from a set of articles, in article order then sentence order. */
  forArticles(articleIds: readonly number[], kinds: readonly Kind[]): FactRow[] {
    if (articleIds.length === 0) return [];
    const figures = kinds.includes('figure');
    const others = kinds.some((k) => k !== 'figure');
    const stmt = figures && others ? this.allDocsStmt : figures ? this.figureDocsStmt : this.otherDocsStmt;
    const docs = (stmt.all(JSON.stringify(articleIds)) as DocRow[]).sort((a, b) => a.article_id - b.article_id);
    return docs.flatMap((d) =>
      rowsOf(d, (kind) => kinds.includes(kind)).sort((a, b) => a.sentenceIndex - b.sentenceIndex || a.id - b.id),
    );
  }

  /**
   * The figures of those of the given articles that belong to the tenant, newest stored article
   * first; with a filter, only those it takes. `docMayHold` sees an article's raw figures document
   * and can skip it unparsed (a search term it does not contain cannot be in any of its figures).
   */
  figuresOf(tenant: string, articleIds: readonly number[], filter: FigureFilter = {}): FactRow[] {
    if (articleIds.length === 0) return [];
    const docs = (this.figureDocsByIdStmt.all(JSON.stringify(articleIds)) as Array<{ article_id: number; figures: string | null }>).sort(
      (a, b) => b.article_id - a.article_id,
    );
    const kept = keptFigures(docs, filter);
    if (kept.length === 0) return [];
    const ids = JSON.stringify(kept.map((k) => k.articleId));
    return withArticles(kept, this.tenantArticlesStmt.all(ids, tenant) as FactArticleRow[]);
  }

  countForTenant(tenant: string): number {
    return this.countStmt.get(tenant) as number;
  }
}

export type Decoded = ReturnType<typeof decodeFacts>;

/** The figures a filter takes from each article's figures document, newest article first as given. */
export function keptFigures(docs: ReadonlyArray<{ article_id: number; figures: string | null }>, filter: FigureFilter): Array<{ articleId: number; facts: Decoded }> {
  const kept: Array<{ articleId: number; facts: Decoded }> = [];
  for (const d of docs) {
    if (d.figures === null || (filter.docMayHold && !filter.docMayHold(d.figures))) continue;
    const facts = decodeFacts(d.figures, 0, () => true, filter.accept);
    if (facts.length > 0) kept.push({ articleId: d.article_id, facts });
  }
  return kept;
}

/** Kept figures with their article, of the articles in `articles` (the tenant's) only. */
export function withArticles(kept: ReadonlyArray<{ articleId: number; facts: Decoded }>, articles: readonly FactArticleRow[]): FactRow[] {
  const byId = new Map(articles.map((a) => [a.article_id, a]));
  return kept.flatMap((k) => {
    // Not the tenant's (or gone since): none of its figures.
    const article = byId.get(k.articleId);
    return article ? withArticle(k.facts, article) : [];
  });
}

export function rowsOf(d: DocRow, want: (kind: Kind) => boolean): FactRow[] {
  const decoded = [...(d.figures !== null ? decodeFacts(d.figures, 0, want) : []), ...(d.others !== null ? decodeFacts(d.others, OTHER_BASE, want) : [])];
  return decoded.length === 0 ? [] : withArticle(decoded, d);
}

export function withArticle(decoded: Decoded, a: FactArticleRow): FactRow[] {
  const article = { id: a.article_id, title: a.a_title, url: a.a_url, publishedAt: a.a_published, topics: a.a_topics ? a.a_topics.split('|') : [] };
  const source = { id: a.s_id, title: a.s_title, url: a.s_url };
  // The decoded fields are fresh objects: completing them in place spares a copy per fact.
  return decoded.map(({ position, fields }) => Object.assign(fields, { id: a.article_id * FACT_SLOTS + position, articleId: a.article_id, article, source }));
}
