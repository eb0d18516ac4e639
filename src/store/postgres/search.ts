import { keptFigures, withArticles, type FactRow, type FigureFilter } from '../facts.ts';
import { FIGURE_WALK_DOCS, FIRST_DOCS, walkFigures, type MatchRow } from './figure-walk.ts';
import type { ArticleHit } from '../tenant-search.ts';
import type { SearchApi, TenantSearchApi } from '../types.ts';
import { toTsquery, type MatchQuery } from '../match.ts';
import { prepared, rows, type Queryable } from './query.ts';

/** One search's newest matches; fewer rows than the limit asked for are all the matches there are. */
interface Matches {
  rows: MatchRow[];
  limit: number;
}

// Column names as facts.ts's FactArticleRow, so a match is the article of its own figures.
const MATCH_COLUMNS = `a.id AS article_id, a.title AS a_title, a.url AS a_url, a.published_at AS a_published, a.topics AS a_topics,
  f.id AS s_id, f.title AS s_title, f.url AS s_url`;
// The function yields the newest first, so its ordinality is each match's rank.
const MATCHES = `FROM tenant_matches($1, $2, $3, $4) WITH ORDINALITY AS m(article_id, rank)
  JOIN articles a ON a.id = m.article_id JOIN feeds f ON f.id = a.feed_id`;

// Named statements (query.ts): the tenant's newest matches with their citations, whether each one's
// headline matches the query too (the query parsed once, as an InitPlan, not once per row), and the
// figures documents of the first $5 of them (a document past those comes back undefined: not
// asked for); and the documents of matches found earlier in the answer.
const MATCHES_SQL = {
  name: 'answer_matches',
  text: `SELECT ${MATCH_COLUMNS}, a.title_search @@ (SELECT to_tsquery('english', $1)) AS title_hit,
    (SELECT d.figures_text FROM article_facts d WHERE d.article_id = a.id AND m.rank <= $5) AS figures
    ${MATCHES} ORDER BY m.rank`,
};
const DOCS_SQL = { name: 'answer_docs', text: 'SELECT article_id, figures_text AS figures FROM article_facts WHERE article_id = ANY($1::bigint[])' };

/**
 * Topic search on PostgreSQL: the generated tsvectors (english configuration; the whole article,
 * and its title alone) and their GIN indexes, queried with the topic compiled to a tsquery
 * (match.ts), so topic expansion and phrases match as they do on SQLite's FTS5. Newest stored
 * first, as on SQLite.
 */
export class PgSearch implements SearchApi {
  constructor(private readonly db: Queryable) {}

  forTenant(tenant: string): TenantSearchApi {
    return new PgTenantSearch(this.db, tenant);
  }

  async topicCounts(tenant: string, recent: number): Promise<Map<string, number>> {
    const found = await rows<{ topics: string }>(
      this.db,
      `SELECT a.topics FROM articles a WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = $1) AND a.topics <> ''
       ORDER BY a.published_at DESC LIMIT $2`,
      [tenant, recent],
    );
    const counts = new Map<string, number>();
    for (const r of found) for (const t of r.topics.split('|')) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  }
}

/**
 * One answer's searches for one tenant, each one statement: the matches come with what the answer
 * cites them by, and with their figures when it wants figures, so an answer makes a round trip or
 * two per search instead of two per page of figures. It remembers each search's matches for the
 * rest of the answer (/summary's articles, then its figures; /figures' headlines), also while the
 * search still runs, and so must not outlive a write.
 */
class PgTenantSearch implements TenantSearchApi {
  private readonly matches = new Map<string, Promise<Matches>>();

  constructor(
    private readonly db: Queryable,
    private readonly tenant: string,
  ) {}

  /** As SQLite's: the figures `filter` takes from the newest matching articles, until `limit`; identical rows. */
  async recentFigures(match: MatchQuery, limit: number, filter: FigureFilter = {}): Promise<FactRow[]> {
    return walkFigures(await this.newest(match, FIGURE_WALK_DOCS, FIRST_DOCS), limit, filter, (rows) => this.fillDocs(rows));
  }

  async recentTitleFigures(match: MatchQuery, articleLimit: number): Promise<FactRow[]> {
    const found = (await this.headlinesFromText(match, articleLimit)) ?? (await this.newest({ ...match, titleOnly: true }, articleLimit, articleLimit));
    await this.fillDocs(found);
    return withArticles(keptFigures(found.map((m) => ({ article_id: m.article_id, figures: m.figures ?? null })), {}), found);
  }

  async recentArticles(match: MatchQuery, limit: number): Promise<ArticleHit[]> {
    return (await this.newest(match, limit, 0)).map((m) => ({
      id: m.article_id,
      title: m.a_title,
      url: m.a_url,
      publishedAt: m.a_published,
      sourceTitle: m.s_title,
      topics: m.a_topics,
    }));
  }

  /**
   * The newest `n` matches whose headline matches, taken from this answer's search of whole
   * articles for the same query when there is one (/figures asks for both at once): a headline
   * that matches makes its article match too, so those matches hold every headline match newer
   * than their oldest, and a second search of the index is spared. Undefined when there is no such
   * search, or when it found fewer than n such headlines and did not reach the oldest match.
   */
  private async headlinesFromText(match: MatchQuery, n: number): Promise<MatchRow[] | undefined> {
    const query = toTsquery(match);
    const text = query ? this.matches.get(`all:${query}`) : undefined;
    if (!text) return undefined;
    const { rows, limit } = await text;
    const hits = rows.filter((m) => m.title_hit);
    return hits.length >= n || rows.length < limit ? hits.slice(0, n) : undefined;
  }

  /**
   * The tenant's newest `n` matches, the first `docs` with their figures documents when found
   * here. A short answer is every match there is, so it serves any later n. A search for articles
   * alone fetches a figure walk's worth, which the answer's figures will want next.
   */
  private async newest(match: MatchQuery, n: number, docs: number): Promise<MatchRow[]> {
    const query = toTsquery(match);
    if (!query) return [];
    const key = `${match.titleOnly ? 'title' : 'all'}:${query}`;
    const pending = this.matches.get(key);
    if (pending) {
      const known = await pending;
      if (known.rows.length < known.limit || n <= known.limit) return known.rows.slice(0, n);
    }
    const limit = Math.max(n, match.titleOnly ? 0 : FIGURE_WALK_DOCS);
    // Remembered before it is awaited, so a search the answer starts meanwhile can use it.
    const search = this.search(query, match.titleOnly === true, limit, docs);
    this.matches.set(key, search);
    return (await search).rows.slice(0, n);
  }

  private async search(query: string, titleOnly: boolean, limit: number, docs: number): Promise<Matches> {
    const rows = await prepared<MatchRow>(this.db, MATCHES_SQL.name, MATCHES_SQL.text, [query, titleOnly, this.tenant, limit, docs]);
    // Past the first `docs` the document was not asked for (NULL there means nothing); marked in
    // place, as a fresh object per row cost more than the rest of turning rows into matches.
    for (let i = docs; i < rows.length; i++) rows[i]!.figures = undefined;
    return { rows, limit };
  }

  /** The figures documents of those matches that were found without theirs, in one statement. */
  private async fillDocs(found: readonly MatchRow[]): Promise<void> {
    const missing = found.filter((m) => m.figures === undefined);
    if (missing.length === 0) return;
    const got = await prepared<{ article_id: number; figures: string | null }>(this.db, DOCS_SQL.name, DOCS_SQL.text, [missing.map((m) => m.article_id)]);
    const byId = new Map(got.map((d) => [d.article_id, d.figures]));
    for (const m of missing) m.figures = byId.get(m.article_id) ?? null;
  }
}
