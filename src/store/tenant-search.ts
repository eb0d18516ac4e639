import type { Statement } from 'better-sqlite3';
import type { FactRepo, FactRow, FigureFilter } from './facts.ts';
import { toFts5, type MatchQuery } from './match.ts';

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

/** The prepared statements a tenant's searches run (SearchRepo prepares them once per connection). */
export interface SearchStatements {
  recentTopics: Statement;
  followed: Statement;
  matchIds: Statement;
  articlePage: Statement;
  titleArticles: Statement;
  articles: Statement;
  articlesByIds: Statement;
}

/** Up to this many followed feeds, a search names them in the full-text query (see matchFor). */
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
 * One answer's searches for one tenant. Topic search costs the same at 100k articles as at 1k:
 * every query walks the full-text index from its newest rowid backwards and stops after `limit`
 * matches, instead of collecting and sorting every match (tens of thousands for a broad topic).
 * Rowids grow as articles are stored, so "newest stored" stands in for "newest published"; callers
 * re-sort the few rows they get by date.
 *
 * A search narrowed to the tenant's feeds costs several milliseconds at 100k articles whatever its
 * limit (the index intersects the topic with every followed feed in each of its segments), and one
 * answer asks the same one more than once (/summary's articles, then its figures). So the view
 * remembers each narrowed search's newest matches, and the feeds the tenant follows: it belongs to
 * one answer and must not outlive a write.
 */
export class TenantSearch {
  private feeds: number[] | undefined;
  private readonly matches = new Map<string, { ids: number[]; limit: number }>();

  constructor(
    private readonly tenant: string,
    private readonly sql: SearchStatements,
    private readonly facts: FactRepo,
  ) {}

  /**
   * Up to `limit` figures that `filter` takes, from the most recently stored articles matching `query`,
   * newest article first. Figures are not indexed on their own (migration 006): a figure on a topic
   * sits in an article whose text names it, and the filter says which of that article's figures count.
   * The walk stops after FIGURE_WALK_DOCS of the tenant's articles, so a topic the articles mention
   * but their figures do not costs a bounded number of documents.
   */
  recentFigures(query: MatchQuery, limit: number, filter: FigureFilter = {}): FactRow[] {
    const reader = new FigureReader(this.tenant, this.facts, limit, filter);
    const { match, narrowed } = this.matchFor(toFts5(query));
    // Narrowed, every match is the tenant's: the walk can read no more than its first FIGURE_WALK_DOCS.
    if (narrowed) reader.take(this.newest(match, FIGURE_WALK_DOCS));
    else this.walkShared(match, reader);
    return reader.out.slice(0, limit);
  }

  /** Every figure of the tenant's most recently stored articles whose title matches `query`. */
  recentTitleFigures(query: MatchQuery, articleLimit: number): FactRow[] {
    const { match, narrowed } = this.matchFor(toFts5({ ...query, titleOnly: true }));
    const run = (n: number): number[] => this.sql.titleArticles.all(match, n, this.tenant, articleLimit) as number[];
    return this.facts.figuresOf(this.tenant, narrowed ? run(articleLimit) : this.deepen(articleLimit, TITLE_WALK_DEPTH, run));
  }

  /** Articles matching `query` (title or text), most recently stored first. */
  recentArticles(query: MatchQuery, limit: number): ArticleHit[] {
    const { match, narrowed } = this.matchFor(toFts5(query));
    if (!narrowed) return this.deepen(limit, ARTICLE_WALK_DEPTH, (n) => this.sql.articles.all(match, n, this.tenant) as ArticleHit[]);
    const ids = this.newest(match, limit);
    return ids.length === 0 ? [] : (this.sql.articlesByIds.all(JSON.stringify(ids), this.tenant) as ArticleHit[]);
  }

  /**
   * Narrows a search to the feeds the tenant follows when it follows few: the index then yields only
   * its own matches, so its answers cost the same however many other servers share the store. A
   * server following many feeds owns most matches anyway, and one OR over hundreds of feeds costs
   * more than walking and filtering, so its search stays as it is. Either way the queries' own
   * tenant filter still decides what the server sees.
   */
  private matchFor(fts: string): { match: string; narrowed: boolean } {
    this.feeds ??= this.sql.followed.all(this.tenant, SCOPED_FEEDS_MAX + 1) as number[];
    if (this.feeds.length > SCOPED_FEEDS_MAX) return { match: fts, narrowed: false };
    if (this.feeds.length === 0) return { match: `(${fts}) AND feed_key : "none"`, narrowed: true };
    return { match: `(${fts}) AND feed_key : (${this.feeds.map((f) => `"f${f}"`).join(' OR ')})`, narrowed: true };
  }

  /**
   * The newest `n` rowids a narrowed match yields. At least a figure walk's worth is fetched: walking
   * all of a server's few matches costs about as much as walking the first hundred, and the next
   * search of the answer then needs no walk of its own.
   */
  private newest(match: string, n: number): number[] {
    const known = this.matches.get(match);
    // A short result is every match there is; a full one answers any request up to its limit.
    if (known && (known.ids.length < known.limit || n <= known.limit)) return known.ids.slice(0, n);
    const limit = Math.max(n, FIGURE_WALK_DOCS);
    const ids = this.sql.matchIds.all(match, limit) as number[];
    this.matches.set(match, { ids, limit });
    return ids.slice(0, n);
  }

  /**
   * A search over everyone's matches keeping the tenant's: pages grow (50, 100, 200 …), since most
   * topics fill up within the first hundred articles, and a long walk then costs few index seeks.
   */
  private walkShared(match: string, reader: FigureReader): void {
    let before = Number.MAX_SAFE_INTEGER;
    for (let walked = 0, page = FIGURE_WALK_PAGE; !reader.done() && walked < FIGURE_WALK_ARTICLES; page *= 2) {
      const rows = this.sql.articlePage.all({ tenant: this.tenant, fts: match, before, page }) as Array<{ id: number; mine: number }>;
      if (rows.length === 0) break;
      walked += rows.length;
      before = rows[rows.length - 1]!.id;
      reader.take(rows.filter((p) => p.mine === 1).map((p) => p.id));
      // A short page is the index's last: asking again past it would scan the rest of the term for nothing.
      if (rows.length < page) break;
    }
  }

  /**
   * The tenant filter runs after the index walk, so in a store shared by many servers (each
   * following many feeds, too many to name in the query) a first walk can come back thin; deeper
   * walks then make up for it, up to `depth` times the limit, so the cost stays bounded however many
   * servers there are.
   */
  private deepen<T>(limit: number, depth: number, run: (n: number) => T[]): T[] {
    let rows = run(limit);
    for (let n = limit * 8; rows.length < limit / 2 && n <= limit * depth; n *= 8) rows = run(n);
    return rows;
  }
}

/** Reads the figures of the tenant's articles, newest first, a page at a time until it has enough. */
class FigureReader {
  readonly out: FactRow[] = [];
  private read = 0;

  constructor(
    private readonly tenant: string,
    private readonly facts: FactRepo,
    private readonly limit: number,
    private readonly filter: FigureFilter,
  ) {}

  done(): boolean {
    return this.out.length >= this.limit || this.read >= FIGURE_WALK_DOCS;
  }

  take(ids: readonly number[]): void {
    for (let start = 0; start < ids.length && !this.done(); start += FIGURE_WALK_PAGE) {
      const page = ids.slice(start, Math.min(start + FIGURE_WALK_PAGE, start + FIGURE_WALK_DOCS - this.read));
      this.read += page.length;
      this.out.push(...this.facts.figuresOf(this.tenant, page, this.filter));
    }
  }
}
