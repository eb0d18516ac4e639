import type { FactRow, FigureFilter } from '../facts.ts';
import type { ArticleHit } from '../tenant-search.ts';
import type { SearchApi, TenantSearchApi } from '../types.ts';
import { toTsquery, type MatchQuery } from '../match.ts';
import { rows, type Queryable } from './query.ts';
import type { PgFacts } from './facts.ts';

/** As on SQLite (tenant-search.ts): an answer reads at most this many of the tenant's matching articles for figures, 50 at a time. */
const FIGURE_WALK_DOCS = 400;
const FIGURE_WALK_PAGE = 50;

const TENANT_OWNS = 'EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = $2)';

/**
 * Topic search on PostgreSQL: the generated tsvector (english configuration, title weighted A) and
 * its GIN index, queried with the topic compiled to a tsquery (match.ts), so topic expansion and
 * phrases match as they do on SQLite's FTS5. Newest stored first, as on SQLite.
 */
export class PgSearch implements SearchApi {
  constructor(
    private readonly db: Queryable,
    private readonly facts: PgFacts,
  ) {}

  forTenant(tenant: string): TenantSearchApi {
    return new PgTenantSearch(this.db, this.facts, tenant);
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

/** One answer's searches for one tenant; remembers each search's matches for the rest of the answer. */
class PgTenantSearch implements TenantSearchApi {
  private readonly matches = new Map<string, { ids: number[]; limit: number }>();

  constructor(
    private readonly db: Queryable,
    private readonly facts: PgFacts,
    private readonly tenant: string,
  ) {}

  async recentFigures(match: MatchQuery, limit: number, filter: FigureFilter = {}): Promise<FactRow[]> {
    const ids = await this.newest(match, FIGURE_WALK_DOCS);
    const out: FactRow[] = [];
    for (let start = 0; start < ids.length && out.length < limit; start += FIGURE_WALK_PAGE) {
      out.push(...(await this.facts.figuresOf(this.tenant, ids.slice(start, start + FIGURE_WALK_PAGE), filter)));
    }
    return out.slice(0, limit);
  }

  async recentTitleFigures(match: MatchQuery, articleLimit: number): Promise<FactRow[]> {
    return this.facts.figuresOf(this.tenant, await this.newest({ ...match, titleOnly: true }, articleLimit));
  }

  async recentArticles(match: MatchQuery, limit: number): Promise<ArticleHit[]> {
    const ids = await this.newest(match, limit);
    if (ids.length === 0) return [];
    return rows<ArticleHit>(
      this.db,
      `SELECT a.id, a.title, a.url, a.published_at AS "publishedAt", a.topics, f.title AS "sourceTitle"
       FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ANY($1::bigint[]) AND ${TENANT_OWNS} ORDER BY a.id DESC`,
      [ids, this.tenant],
    );
  }

  /** The tenant's newest `n` matching article ids; a short answer is every match, so it serves any later n. */
  private async newest(match: MatchQuery, n: number): Promise<number[]> {
    const query = toTsquery(match);
    if (!query) return [];
    const known = this.matches.get(query);
    if (known && (known.ids.length < known.limit || n <= known.limit)) return known.ids.slice(0, n);
    const limit = Math.max(n, FIGURE_WALK_DOCS);
    // The full-text index finds the matches first (MATERIALIZED keeps the planner from walking the
    // tenant's feeds and testing every article's tsvector instead, which it picked whenever its
    // statistics lagged a burst of ingest: 30 ms for one search of 2,000 articles).
    const found = await rows<{ id: number }>(
      this.db,
      `WITH m AS MATERIALIZED (SELECT a.id, a.feed_id FROM articles a WHERE a.search @@ to_tsquery('english', $1))
       SELECT m.id FROM m WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = m.feed_id AND s.tenant = $2) ORDER BY m.id DESC LIMIT $3`,
      [query, this.tenant, limit],
    );
    const ids = found.map((r) => r.id);
    this.matches.set(query, { ids, limit });
    return ids.slice(0, n);
  }
}
