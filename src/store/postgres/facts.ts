import type { Fact } from '../../extract/types.ts';
import { ALL_KINDS, keptFigures, rowsOf, withArticles, type DocRow, type FactArticleRow, type FactRepo, type FactRow, type FigureFilter } from '../facts.ts';
import { encodeFacts } from '../factdoc.ts';
import type { Repo } from '../types.ts';
import { one, rows, type Queryable } from './query.ts';

type Kind = Fact['kind'];

// The documents come back as JSON text, as SQLite holds them: the decoder and docMayHold read text
// (figures_text, migration 002, saves turning the jsonb figures back into text).
const ARTICLE_COLUMNS = `a.title AS a_title, a.url AS a_url, a.published_at AS a_published, a.topics AS a_topics,
    f.id AS s_id, f.title AS s_title, f.url AS s_url`;

/** FactRepo on PostgreSQL (facts.ts says what each method does); the documents are jsonb. */
export class PgFacts implements Repo<FactRepo> {
  constructor(private readonly db: Queryable) {}

  async setForArticle(articleId: number, facts: readonly Fact[]): Promise<void> {
    await this.db.query('DELETE FROM article_facts WHERE article_id = $1', [articleId]);
    if (facts.length === 0) return;
    const { figures, others } = encodeFacts(facts);
    await this.db.query('INSERT INTO article_facts (article_id, figures, others) VALUES ($1, $2, $3)', [articleId, figures, others]);
  }

  forArticle(articleId: number): Promise<FactRow[]> {
    return this.forArticles([articleId], ALL_KINDS);
  }

  async forArticles(articleIds: readonly number[], kinds: readonly Kind[]): Promise<FactRow[]> {
    if (articleIds.length === 0) return [];
    const figures = kinds.includes('figure') ? 'd.figures_text' : 'NULL';
    const others = kinds.some((k) => k !== 'figure') ? 'd.others::text' : 'NULL';
    const docs = await rows<DocRow>(
      this.db,
      `SELECT d.article_id, ${figures} AS figures, ${others} AS others, ${ARTICLE_COLUMNS}
       FROM article_facts d JOIN articles a ON a.id = d.article_id JOIN feeds f ON f.id = a.feed_id
       WHERE d.article_id = ANY($1::bigint[])`,
      [articleIds],
    );
    docs.sort((a, b) => a.article_id - b.article_id);
    return docs.flatMap((d) => rowsOf(d, (kind) => kinds.includes(kind)).sort((a, b) => a.sentenceIndex - b.sentenceIndex || a.id - b.id));
  }

  async figuresOf(tenant: string, articleIds: readonly number[], filter: FigureFilter = {}): Promise<FactRow[]> {
    if (articleIds.length === 0) return [];
    const docs = await rows<{ article_id: number; figures: string | null }>(this.db, 'SELECT article_id, figures_text AS figures FROM article_facts WHERE article_id = ANY($1::bigint[])', [
      articleIds,
    ]);
    docs.sort((a, b) => b.article_id - a.article_id);
    const kept = keptFigures(docs, filter);
    if (kept.length === 0) return [];
    const articles = await rows<FactArticleRow>(
      this.db,
      `SELECT a.id AS article_id, ${ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
       WHERE a.id = ANY($1::bigint[]) AND EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = $2)`,
      [kept.map((k) => k.articleId), tenant],
    );
    return withArticles(kept, articles);
  }

  async countForTenant(tenant: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      `SELECT coalesce(sum(coalesce(jsonb_array_length(d.figures -> 'f'), 0) + coalesce(jsonb_array_length(d.others -> 'f'), 0)), 0)::int AS n
       FROM sources s JOIN articles a ON a.feed_id = s.feed_id JOIN article_facts d ON d.article_id = a.id WHERE s.tenant = $1`,
      [tenant],
    );
    return row!.n;
  }
}
