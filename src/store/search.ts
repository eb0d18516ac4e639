import type { Db } from './db.ts';
import type { FactRepo, FactRow } from './facts.ts';

/** An article matching a topic, with what answers need to rank and cite it. */
export interface ArticleHit {
  id: number;
  title: string;
  url: string | null;
  publishedAt: string;
  sourceTitle: string | null;
  /** Topic keys joined by '|'. */
  topics: string;
}

/**
 * Topic search that costs the same at 100k articles as at 1k: every query walks the full-text index
 * from its newest rowid backwards and stops after `limit` matches, instead of collecting and sorting
 * every match (tens of thousands for a broad topic). Rowids grow as articles are stored, so "newest
 * stored" stands in for "newest published"; callers re-sort the few rows they get by date.
 */
export class SearchRepo {
  private readonly figures;
  private readonly titleArticles;
  private readonly articles;

  constructor(
    db: Db,
    private readonly facts: FactRepo,
  ) {
    // FTS5 serves `ORDER BY rowid DESC LIMIT n` by walking the doclists backwards and stopping early
    // (measured at 100k articles: 3 ms for "prisoners", against 200+ ms to collect and date-sort every match).
    this.figures = db.prepare('SELECT rowid FROM figures_fts WHERE figures_fts MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
    this.titleArticles = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
    this.articles = db.prepare(
      `SELECT a.id, a.title, a.url, a.published_at AS publishedAt, a.topics, s.title AS sourceTitle
       FROM (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m
       CROSS JOIN articles a ON a.id = m.id JOIN sources s ON s.id = a.source_id
       WHERE s.tenant = ?`,
    );
  }

  /** Figures whose sentence, counted noun, event or attribution match `fts`, most recently stored first. */
  recentFigures(tenant: string, fts: string, limit: number): FactRow[] {
    // Figure ids grow with their article's id, so the index's rowid order is storage order.
    return this.withinTenant(limit, (n) => this.facts.byIds(tenant, this.figures.all(fts, n) as number[]));
  }

  /** Every figure of the most recently stored articles whose title matches `fts`. */
  recentTitleFigures(tenant: string, fts: string, articleLimit: number): FactRow[] {
    return this.facts.figuresOf(tenant, this.titleArticles.all(`title : (${fts})`, articleLimit) as number[]);
  }

  /** Articles matching `fts` (title or text), most recently stored first. */
  recentArticles(tenant: string, fts: string, limit: number): ArticleHit[] {
    return this.withinTenant(limit, (n) => this.articles.all(fts, n, tenant) as ArticleHit[]);
  }

  /**
   * The tenant filter runs after the index walk, so in a store shared by many servers a first walk
   * can come back thin; one deeper walk then makes up for it.
   */
  private withinTenant<T>(limit: number, run: (n: number) => T[]): T[] {
    const rows = run(limit);
    return rows.length >= limit / 2 ? rows : run(limit * 8);
  }
}
