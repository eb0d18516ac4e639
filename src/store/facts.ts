import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';
import type { Fact } from '../extract/types.ts';

/** A stored fact joined with its article and source: everything an answer needs to cite it. */
export interface FactRow {
  id: number;
  articleId: number;
  kind: Fact['kind'];
  sentenceIndex: number;
  sentence: string;
  raw: string | null;
  body: string | null;
  value: number | null;
  valueHigh: number | null;
  unit: string | null;
  qualifier: string | null;
  counted: string | null;
  countedKey: string | null;
  event: string | null;
  refDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  attribution: string | null;
  speaker: string | null;
  stance: string | null;
  subjectKey: string | null;
  hedged: boolean;
  negated: boolean;
  article: { id: number; title: string; url: string | null; publishedAt: string; topics: string[] };
  source: { id: number; title: string | null; url: string };
}

interface Row {
  id: number;
  article_id: number;
  kind: Fact['kind'];
  sentence_index: number;
  sentence: string;
  raw: string | null;
  body: string | null;
  value: number | null;
  value_high: number | null;
  unit: string | null;
  qualifier: string | null;
  counted: string | null;
  counted_key: string | null;
  event: string | null;
  ref_date: string | null;
  period_start: string | null;
  period_end: string | null;
  attribution: string | null;
  speaker: string | null;
  stance: string | null;
  subject_key: string | null;
  hedged: number;
  negated: number;
  a_title: string;
  a_url: string | null;
  a_published: string;
  a_topics: string;
  s_id: number;
  s_title: string | null;
  s_url: string;
}

const FACT_COLUMNS = `SELECT f.*, a.title AS a_title, a.url AS a_url, a.published_at AS a_published, a.topics AS a_topics,
  s.id AS s_id, s.title AS s_title, s.url AS s_url`;
const ARTICLE_SOURCE_JOIN = 'JOIN articles a ON a.id = f.article_id JOIN sources s ON s.id = a.source_id';

export const FACT_SELECT = `${FACT_COLUMNS} FROM facts f ${ARTICLE_SOURCE_JOIN}`;

export const toFactRow = (r: Row): FactRow => ({
  id: r.id,
  articleId: r.article_id,
  kind: r.kind,
  sentenceIndex: r.sentence_index,
  sentence: r.sentence,
  raw: r.raw,
  body: r.body,
  value: r.value,
  valueHigh: r.value_high,
  unit: r.unit,
  qualifier: r.qualifier,
  counted: r.counted,
  countedKey: r.counted_key,
  event: r.event,
  refDate: r.ref_date,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  attribution: r.attribution,
  speaker: r.speaker,
  stance: r.stance,
  subjectKey: r.subject_key,
  hedged: r.hedged === 1,
  negated: r.negated === 1,
  article: { id: r.article_id, title: r.a_title, url: r.a_url, publishedAt: r.a_published, topics: r.a_topics ? r.a_topics.split('|') : [] },
  source: { id: r.s_id, title: r.s_title, url: r.s_url },
});

/** Rows per INSERT statement when storing an article's facts. */
const ROWS_PER_INSERT = 48;
const FACT_INSERT = `INSERT INTO facts (article_id, kind, sentence_index, sentence, raw, body, value, value_high, unit, qualifier, counted,
  counted_key, event, ref_date, period_start, period_end, attribution, speaker, stance, subject_key, hedged, negated) VALUES `;
const FACT_PLACEHOLDERS = `(${Array.from({ length: 22 }, () => '?').join(', ')})`;

export class FactRepo {
  /** Multi-row INSERTs by row count, prepared on first use. */
  private readonly insertStmts = new Map<number, Statement>();
  private readonly deleteStmt;
  private readonly indexFiguresStmt;
  private readonly maxIdStmt;

  constructor(private readonly db: Db) {
    this.deleteStmt = db.prepare('DELETE FROM facts WHERE article_id = ?');
    this.indexFiguresStmt = db.prepare(
      `INSERT INTO facts_fts (rowid, sentence, counted, event, attribution)
       SELECT id, sentence, counted, event, attribution FROM facts WHERE article_id = ? AND kind = 'figure' AND id > ?`,
    );
    this.maxIdStmt = db.prepare('SELECT coalesce(max(id), 0) FROM facts').pluck();
  }

  /**
   * Inserts an article's facts a few dozen rows per statement (one statement per row cost more in
   * binding and statement overhead than the rows themselves), then puts the figures just inserted
   * into facts_fts with one INSERT … SELECT. One statement matters there too: FTS5 writes a new
   * index segment per statement that touches it, and a segment per figure was once most of the time
   * spent storing an article. Migration 005 says why this is not a trigger.
   */
  insertAll(articleId: number, facts: readonly Fact[]): void {
    if (facts.length === 0) return;
    const before = this.maxIdStmt.get() as number;
    for (let start = 0; start < facts.length; start += ROWS_PER_INSERT) {
      const chunk = facts.slice(start, start + ROWS_PER_INSERT);
      this.insertStatement(chunk.length).run(chunk.flatMap((f) => toParams(articleId, f)));
    }
    if (facts.some((f) => f.kind === 'figure')) this.indexFiguresStmt.run(articleId, before);
  }

  private insertStatement(rows: number): Statement {
    let stmt = this.insertStmts.get(rows);
    if (stmt === undefined) {
      stmt = this.db.prepare(FACT_INSERT + Array.from({ length: rows }, () => FACT_PLACEHOLDERS).join(', '));
      this.insertStmts.set(rows, stmt);
    }
    return stmt;
  }

  deleteForArticle(articleId: number): void {
    this.deleteStmt.run(articleId);
  }

  forArticle(articleId: number): FactRow[] {
    return (this.db.prepare(`${FACT_SELECT} WHERE f.article_id = ? ORDER BY f.sentence_index, f.id`).all(articleId) as Row[]).map(toFactRow);
  }

  /** Facts of the given kinds from a set of articles, in article order then sentence order. */
  forArticles(articleIds: readonly number[], kinds: readonly Fact['kind'][]): FactRow[] {
    if (articleIds.length === 0) return [];
    const ids = articleIds.map(() => '?').join(',');
    const ks = kinds.map(() => '?').join(',');
    return (
      this.db.prepare(`${FACT_SELECT} WHERE f.article_id IN (${ids}) AND f.kind IN (${ks}) ORDER BY f.article_id, f.sentence_index, f.id`).all(
        ...articleIds,
        ...kinds,
      ) as Row[]
    ).map(toFactRow);
  }

  countForTenant(tenant: string): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM facts f JOIN articles a ON a.id = f.article_id JOIN sources s ON s.id = a.source_id WHERE s.tenant = ?')
        .get(tenant) as { n: number }
    ).n;
  }
}

/** Column values in the order of the INSERT's placeholders; positional binding skips per-row objects. */
function toParams(articleId: number, f: Fact): unknown[] {
  switch (f.kind) {
    case 'figure':
      return [
        articleId, f.kind, f.sentenceIndex, f.sentence, f.raw, null, f.value, f.valueHigh ?? null, f.unit ?? null, f.qualifier ?? null,
        f.counted ?? null, f.countedKey ?? null, f.event ?? null, f.date ?? null, f.periodStart ?? null, f.periodEnd ?? null,
        f.attribution ?? null, null, null, null, f.hedged ? 1 : 0, f.negated ? 1 : 0,
      ];
    case 'date':
      return [
        articleId, f.kind, f.sentenceIndex, f.sentence, f.raw, null, null, null, null, null,
        null, null, null, f.date, f.periodStart ?? null, f.periodEnd ?? null,
        null, null, null, null, 0, 0,
      ];
    case 'quote':
      return [
        articleId, f.kind, f.sentenceIndex, f.sentence, null, f.text, null, null, null, null,
        null, null, null, null, null, null,
        f.speaker ?? null, f.speaker ?? null, null, null, 0, 0,
      ];
    case 'claim':
      return [
        articleId, f.kind, f.sentenceIndex, f.sentence, null, f.text, null, null, null, null,
        null, null, null, f.date ?? null, null, null,
        f.attribution, null, f.stance, f.subjectKey ?? null, 0, 0,
      ];
  }
}
