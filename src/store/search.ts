import type { Db } from './db.ts';
import type { FactRepo, FactRow, FigureFilter } from './facts.ts';

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

/** Up to this many followed feeds, a search names them in the full-text query (see scoped). */
const SCOPED_FEEDS_MAX = 64;

/**
 * How much deeper than asked a tenant-filtered walk may go: articles 8× (the walk reads each row),
 * the few newest headlines 64× (8×, then 64×; ids only).
 */
const ARTICLE_WALK_DEPTH = 8;
const TITLE_WALK_DEPTH = 64;

/** Articles per step of the figure walk, and its bounds: the tenant's documents read, articles walked. */
const FIGURE_WALK_PAGE = 50;
const FIGURE_WALK_DOCS = 400;
const FIGURE_WALK_ARTICLES = 3200;

/**
 * Topic search that costs the same at 100k articles as at 1k: every query walks the full-text index
 * from its newest rowid backwards and stops after `limit` matches, instead of collecting and sorting
 * every match (tens of thousands for a broad topic). Rowids grow as articles are stored, so "newest
 * stored" stands in for "newest published"; callers re-sort the few rows they get by date.
 */
export class SearchRepo {
  private readonly articlePage;
  private readonly titleArticles;
  private readonly articles;
  private readonly followed;

  constructor(
    db: Db,
    private readonly facts: FactRepo,
  ) {
    this.followed = db.prepare('SELECT feed_id FROM sources WHERE tenant = ? ORDER BY feed_id LIMIT ?').pluck();
    // FTS5 serves `ORDER BY rowid DESC LIMIT n` by walking the doclists backwards and stopping early
    // (measured at 100k articles: 3 ms for "prisoners", against 200+ ms to collect and date-sort every match).
    this.articlePage = db.prepare(
      `SELECT m.id, EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = @tenant) AS mine
       FROM (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH @fts AND rowid < @before ORDER BY rowid DESC LIMIT @page) m
       CROSS JOIN articles a ON a.id = m.id
       ORDER BY m.id DESC`,
    );
    this.titleArticles = db
      .prepare(
        `SELECT m.id FROM (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m
         CROSS JOIN articles a ON a.id = m.id
         WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = ?)
         ORDER BY m.id DESC LIMIT ?`,
      )
      .pluck();
    this.articles = db.prepare(
      `SELECT a.id, a.title, a.url, a.published_at AS publishedAt, a.topics, f.title AS sourceTitle
       FROM (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m
       CROSS JOIN articles a ON a.id = m.id JOIN feeds f ON f.id = a.feed_id
       WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = ?)`,
    );
  }

  /**
   * Up to `limit` figures that `filter` takes, from the most recently stored articles matching `fts`,
   * newest article first. Figures are not indexed on their own (migration 006): a figure on a topic
   * sits in an article whose text names it, and the filter says which of that article's figures count.
   * The walk stops after FIGURE_WALK_DOCS of the tenant's articles, so a topic the articles mention
   * but their figures do not costs a bounded number of documents.
   */
  recentFigures(tenant: string, topic: string, limit: number, filter: FigureFilter = {}): FactRow[] {
    const fts = this.scoped(tenant, topic);
    const out: FactRow[] = [];
    let before = Number.MAX_SAFE_INTEGER;
    // Pages grow (50, 100, 200 …): most topics fill up within the first hundred articles, and a long
    // walk then costs few index seeks.
    for (let read = 0, walked = 0, page = FIGURE_WALK_PAGE; out.length < limit && read < FIGURE_WALK_DOCS && walked < FIGURE_WALK_ARTICLES; page *= 2) {
      const rows = this.articlePage.all({ tenant, fts, before, page }) as Array<{ id: number; mine: number }>;
      if (rows.length === 0) break;
      // A short page is the index's last: asking again past it would scan the rest of the term for nothing.
      const last = rows.length < page;
      walked += rows.length;
      before = rows[rows.length - 1]!.id;
      const mine = rows.filter((p) => p.mine === 1).map((p) => p.id);
      for (let start = 0; start < mine.length && out.length < limit && read < FIGURE_WALK_DOCS; start += FIGURE_WALK_PAGE) {
        const ids = mine.slice(start, Math.min(start + FIGURE_WALK_PAGE, start + FIGURE_WALK_DOCS - read));
        read += ids.length;
        out.push(...this.facts.figuresOf(tenant, ids, filter));
      }
      if (last) break;
    }
    return out.slice(0, limit);
  }

  /** Every figure of the tenant's most recently stored articles whose title matches `fts`. */
  recentTitleFigures(tenant: string, fts: string, articleLimit: number): FactRow[] {
    const match = this.scoped(tenant, `title : (${fts})`);
    const ids = this.withinTenant(match !== `title : (${fts})`, articleLimit, TITLE_WALK_DEPTH, (n) => this.titleArticles.all(match, n, tenant, articleLimit) as number[]);
    return this.facts.figuresOf(tenant, ids);
  }

  /** Articles matching `fts` (title or text), most recently stored first. */
  recentArticles(tenant: string, fts: string, limit: number): ArticleHit[] {
    const match = this.scoped(tenant, fts);
    return this.withinTenant(match !== fts, limit, ARTICLE_WALK_DEPTH, (n) => this.articles.all(match, n, tenant) as ArticleHit[]);
  }

  /**
   * Narrows a search to the feeds a server follows when it follows few: the index then yields only
   * its own matches, so its answers cost the same however many other servers share the store. A
   * server following many feeds owns most matches anyway, and one OR over hundreds of feeds costs
   * more than walking and filtering, so its search stays as it is. Either way the queries' own
   * tenant filter still decides what the server sees.
   */
  private scoped(tenant: string, fts: string): string {
    const feeds = this.followed.all(tenant, SCOPED_FEEDS_MAX + 1) as number[];
    if (feeds.length > SCOPED_FEEDS_MAX) return fts;
    if (feeds.length === 0) return `(${fts}) AND feed_key : "none"`;
    return `(${fts}) AND feed_key : (${feeds.map((f) => `"f${f}"`).join(' OR ')})`;
  }

  /**
   * The tenant filter runs after the index walk, so in a store shared by many servers (each
   * following many feeds, too many to name in the query) a first walk can come back thin; deeper
   * walks then make up for it, up to `depth` times the limit, so the cost stays bounded however many
   * servers there are.
   */
  private withinTenant<T>(narrowed: boolean, limit: number, depth: number, run: (n: number) => T[]): T[] {
    let rows = run(limit);
    // A search narrowed to the server's feeds already yielded only its matches: a deeper walk finds no more.
    if (narrowed) return rows;
    for (let n = limit * 8; rows.length < limit / 2 && n <= limit * depth; n *= 8) rows = run(n);
    return rows;
  }
}
