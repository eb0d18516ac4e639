import type { Statement } from 'better-sqlite3';
import { statements, type Db } from './db.ts';

export interface Article {
  id: number;
  /** The feed it came from; every server following that feed sees it. */
  feedId: number;
  guid: string | null;
  url: string | null;
  urlNorm: string | null;
  title: string;
  author: string | null;
  publishedAt: string;
  fetchedAt: string;
  updatedAt: string | null;
  teaser: string | null;
  text: string;
  contentHash: string;
  titleHash: string;
  fullTextFetched: boolean;
  topics: string[];
}

/** What the pipeline supplies; the store adds the id and the fetch/update times. */
export type NewArticle = Omit<Article, 'id' | 'fetchedAt' | 'updatedAt'>;

export interface ArticleRow {
  id: number;
  feed_id: number;
  guid: string | null;
  url: string | null;
  url_norm: string | null;
  title: string;
  author: string | null;
  published_at: string;
  fetched_at: string;
  updated_at: string | null;
  teaser: string | null;
  text: string;
  content_hash: string;
  title_hash: string;
  full_text_fetched: number;
  topics: string;
}

export const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  feedId: r.feed_id,
  guid: r.guid,
  url: r.url,
  urlNorm: r.url_norm,
  title: r.title,
  author: r.author,
  publishedAt: r.published_at,
  fetchedAt: r.fetched_at,
  updatedAt: r.updated_at,
  teaser: r.teaser,
  text: r.text,
  contentHash: r.content_hash,
  titleHash: r.title_hash,
  fullTextFetched: r.full_text_fetched === 1,
  topics: r.topics ? r.topics.split('|') : [],
});

export class ArticleRepo {
  private readonly sql: (sql: string) => Statement;
  private readonly byGuid;
  private readonly byUrl;
  private readonly byTitleHash;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(db: Db) {
    this.sql = statements(db);
    this.byGuid = db.prepare('SELECT * FROM articles WHERE feed_id = ? AND guid = ?');
    this.byUrl = db.prepare('SELECT * FROM articles WHERE feed_id = ? AND url_norm = ? ORDER BY id LIMIT 1');
    this.byTitleHash = db.prepare('SELECT * FROM articles WHERE feed_id = ? AND title_hash = ? AND content_hash = ? ORDER BY id LIMIT 1');
    this.insertStmt = db.prepare(
      `INSERT INTO articles (feed_id, guid, url, url_norm, title, author, published_at, fetched_at, teaser, text,
         content_hash, title_hash, full_text_fetched, topics)
       VALUES (@feedId, @guid, @url, @urlNorm, @title, @author, @publishedAt, @fetchedAt, @teaser, @text,
         @contentHash, @titleHash, @fullTextFetched, @topics)`,
    );
    this.updateStmt = db.prepare('UPDATE articles SET title = ?, text = ?, teaser = ?, content_hash = ?, topics = ?, updated_at = ? WHERE id = ?');
  }

  /**
   * The stored article this item is a re-appearance of, if any: same guid, same normalised link,
   * or same title and body — publishers change guids and pubDates, so any one match is enough.
   */
  findExisting(feedId: number, keys: { guid: string | null; urlNorm: string | null; titleHash: string; contentHash: string }): Article | undefined {
    const row = ((keys.guid ? this.byGuid.get(feedId, keys.guid) : undefined) ??
      (keys.urlNorm ? this.byUrl.get(feedId, keys.urlNorm) : undefined) ??
      this.byTitleHash.get(feedId, keys.titleHash, keys.contentHash)) as ArticleRow | undefined;
    return row ? toArticle(row) : undefined;
  }

  insert(a: NewArticle, now: Date): number {
    const info = this.insertStmt.run({
      ...a,
      fetchedAt: now.toISOString(),
      fullTextFetched: a.fullTextFetched ? 1 : 0,
      topics: a.topics.join('|'),
    });
    return Number(info.lastInsertRowid);
  }

  updateContent(id: number, c: { title: string; text: string; teaser: string | null; contentHash: string; topics: string[] }, now: Date): void {
    this.updateStmt.run(c.title, c.text, c.teaser, c.contentHash, c.topics.join('|'), now.toISOString(), id);
  }

  get(id: number): Article | undefined {
    const row = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return row ? toArticle(row) : undefined;
  }

  countForFeed(feedId: number): number {
    return (this.sql('SELECT COUNT(*) AS n FROM articles WHERE feed_id = ?').get(feedId) as { n: number }).n;
  }

  /** Articles the tenant sees: those of the feeds it follows. */
  countForTenant(tenant: string): number {
    return (
      this.sql('SELECT COUNT(*) AS n FROM articles a JOIN sources s ON s.feed_id = a.feed_id WHERE s.tenant = ?').get(tenant) as { n: number }
    ).n;
  }

  /** Every stored article, whoever follows it. */
  count(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  /** The feed's newest articles by publication, newest first: what a new follower is first told about. */
  newestOfFeed(feedId: number, limit: number): Article[] {
    return (this.sql('SELECT * FROM articles WHERE feed_id = ? ORDER BY published_at DESC, id DESC LIMIT ?').all(feedId, limit) as ArticleRow[]).map(toArticle);
  }

  /** Articles of a tenant stored after a moment (for digests), oldest first. */
  listSince(tenant: string, sinceIso: string, limit = 200): Article[] {
    const rows = this.sql(
      `SELECT a.* FROM sources s JOIN articles a ON a.feed_id = s.feed_id
       WHERE s.tenant = ? AND a.fetched_at > ? ORDER BY a.fetched_at, a.id LIMIT ?`,
    ).all(tenant, sinceIso, limit) as ArticleRow[];
    return rows.map(toArticle);
  }
}
