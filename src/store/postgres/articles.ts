import { toArticle, type Article, type ArticleRepo, type ArticleRow, type NewArticle } from '../articles.ts';
import type { Repo } from '../types.ts';
import { one, rows, ARTICLE_COLUMNS, type Queryable } from './query.ts';

const SELECT = `SELECT ${ARTICLE_COLUMNS} FROM articles a`;

/** ArticleRepo on PostgreSQL (articles.ts says what each method does). */
export class PgArticles implements Repo<ArticleRepo> {
  constructor(private readonly db: Queryable) {}

  async findExisting(feedId: number, keys: { guid: string | null; urlNorm: string | null; titleHash: string; contentHash: string }): Promise<Article | undefined> {
    const row =
      (keys.guid ? await one<ArticleRow>(this.db, `${SELECT} WHERE a.feed_id = $1 AND a.guid = $2`, [feedId, keys.guid]) : undefined) ??
      (keys.urlNorm ? await one<ArticleRow>(this.db, `${SELECT} WHERE a.feed_id = $1 AND a.url_norm = $2 ORDER BY a.id LIMIT 1`, [feedId, keys.urlNorm]) : undefined) ??
      (await one<ArticleRow>(this.db, `${SELECT} WHERE a.feed_id = $1 AND a.title_hash = $2 AND a.content_hash = $3 ORDER BY a.id LIMIT 1`, [feedId, keys.titleHash, keys.contentHash]));
    return row ? toArticle(row) : undefined;
  }

  async insert(a: NewArticle, now: Date): Promise<number> {
    const row = await one<{ id: number }>(
      this.db,
      `INSERT INTO articles (feed_id, guid, url, url_norm, title, author, published_at, fetched_at, teaser, text,
         content_hash, title_hash, full_text_fetched, topics)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [a.feedId, a.guid, a.url, a.urlNorm, a.title, a.author, a.publishedAt, now.toISOString(), a.teaser, a.text, a.contentHash, a.titleHash, a.fullTextFetched, a.topics.join('|')],
    );
    return row!.id;
  }

  async updateContent(id: number, c: { title: string; text: string; teaser: string | null; contentHash: string; topics: string[] }, now: Date): Promise<void> {
    await this.db.query('UPDATE articles SET title = $1, text = $2, teaser = $3, content_hash = $4, topics = $5, updated_at = $6 WHERE id = $7', [
      c.title,
      c.text,
      c.teaser,
      c.contentHash,
      c.topics.join('|'),
      now.toISOString(),
      id,
    ]);
  }

  async get(id: number): Promise<Article | undefined> {
    const row = await one<ArticleRow>(this.db, `${SELECT} WHERE a.id = $1`, [id]);
    return row ? toArticle(row) : undefined;
  }

  async countForFeed(feedId: number): Promise<number> {
    return (await one<{ n: number }>(this.db, 'SELECT count(*) AS n FROM articles WHERE feed_id = $1', [feedId]))!.n;
  }

  async countForTenant(tenant: string): Promise<number> {
    return (await one<{ n: number }>(this.db, 'SELECT count(*) AS n FROM articles a JOIN sources s ON s.feed_id = a.feed_id WHERE s.tenant = $1', [tenant]))!.n;
  }

  async count(): Promise<number> {
    return (await one<{ n: number }>(this.db, 'SELECT count(*) AS n FROM articles'))!.n;
  }

  async newestOfFeed(feedId: number, limit: number): Promise<Article[]> {
    return (await rows<ArticleRow>(this.db, `${SELECT} WHERE a.feed_id = $1 ORDER BY a.published_at DESC, a.id DESC LIMIT $2`, [feedId, limit])).map(toArticle);
  }

  async listSince(tenant: string, sinceIso: string, limit = 200): Promise<Article[]> {
    const found = await rows<ArticleRow>(
      this.db,
      `SELECT ${ARTICLE_COLUMNS} FROM sources s JOIN articles a ON a.feed_id = s.feed_id
       WHERE s.tenant = $1 AND a.fetched_at > $2 ORDER BY a.fetched_at, a.id LIMIT $3`,
      [tenant, sinceIso, limit],
    );
    return found.map(toArticle);
  }
}
