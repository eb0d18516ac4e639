import type { Store, FactRow } from '../store/index.ts';
import { splitSentences } from '../extract/sentences.ts';
import { findFigures, groupFigures, isOnTopic, rankGroups, type FigureGroup } from './figures.ts';
import { articleOnTopic, mentions, searchArticles, topicQuery, type ArticleHit, type TopicQuery } from './search.ts';
import { findDisputes, type Dispute } from './claims.ts';
import { seriesLength } from './series.ts';

export interface SummaryLine {
  /** ISO date of the earliest article saying it. */
  date: string;
  text: string;
  /** Article ids backing the line, earliest first. */
  articleIds: number[];
  disputed: boolean;
}

export interface SummaryArticle {
  id: number;
  title: string;
  url: string | null;
  published: string;
  source: string | null;
}

export interface Summary {
  topic: string;
  articles: SummaryArticle[];
  /** Newest point of the biggest figure series, with the series for context. */
  keyFigures: FigureGroup[];
  disputes: Dispute[];
  lines: SummaryLine[];
}

export interface SummaryOptions {
  tenant: string;
  topic: string;
  maxArticles?: number;
  maxLines?: number;
  /** Upper bound on the characters of all lines together, so the answer fits one chat message. */
  maxChars?: number;
}

/** An article is about the topic by its topic keys, or (for topics outside the vocabulary) by its title. */
function isRelevant(a: ArticleHit, q: TopicQuery): boolean {
  return articleOnTopic({ title: a.title, topics: a.topics ? a.topics.split('|') : [] }, q);
}

const figureKey = (f: FactRow): string | null => (f.kind === 'figure' && f.value != null ? `${f.countedKey ?? f.counted ?? ''}|${f.event ?? ''}|${f.value}` : null);

const PRONOUN_START = /^\W*(he|she|it|they|this|that|these|those|his|her|its|their)\b/i;

/** The noun a counted key is about: "prisoner of war" → prisoner, "russian soldier" → soldier. */
const headOf = (key: string): string => key.split(' of ')[0]!.split(' ').at(-1) ?? key;

/**
 * Key figures are the series the story is about: a group whose counted noun recurs in the headlines of
 * the topic's articles (soldiers, prisoners) outranks an incidental one ("three stages"), keeping the
 * ranking's order otherwise.
 */
function keyGroups(groups: FigureGroup[], titles: readonly string[]): FigureGroup[] {
  const salience = (g: FigureGroup): number => {
    const key = g.points.find((p) => p.countedKey)?.countedKey;
    return key ? titles.filter((t) => mentions(t, headOf(key))).length : 0;
  };
  const duration = (g: FigureGroup): boolean => g.points.every((p) => p.unit !== null && /^(days|weeks|months|years|hours)$/.test(p.unit));
  // A story's key figure has a history: a longer series outranks a one-off count of the same salience.
  return groups
    .filter((g) => !duration(g))
    .map((g, i) => ({ g, i, s: salience(g), n: seriesLength(g.points) }))
    .sort((a, b) => Number(b.s > 0) - Number(a.s > 0) || b.n - a.n || a.i - b.i)
    .map((x) => x.g);
}

export async function summarize(store: Store, opts: SummaryOptions): Promise<Summary> {
  const q = topicQuery(opts.topic);
  const maxArticles = opts.maxArticles ?? 8;
  const maxLines = opts.maxLines ?? 8;
  const maxChars = opts.maxChars ?? 2400;
  // One view for the whole answer: its figures walk the same narrowed matches as its articles.
  const search = store.search.forTenant(opts.tenant);
  // The figures first: on PostgreSQL their search brings the first figures documents with the
  // matches, and the articles' search below is then that same statement, not one of its own
  // followed by another for the documents.
  const figuresRead = findFigures(store, { tenant: opts.tenant, topic: opts.topic, search });
  // Should the articles' search fail first, the figures are never awaited: their failure must not go unhandled.
  if (figuresRead instanceof Promise) figuresRead.catch(() => undefined);
  const hits = (await searchArticles(search, q, maxArticles * 4)).filter((a) => isRelevant(a, q)).slice(0, maxArticles);
  hits.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id - b.id);

  // Asked while the figures are still read: on PostgreSQL both run at once.
  const factsRead = store.facts.forArticles(
    hits.map((h) => h.id),
    ['figure', 'claim'],
  );
  const [figures, facts] = await Promise.all([figuresRead, factsRead]);
  const keyFigures = keyGroups(rankGroups(groupFigures(figures), opts.topic), hits.map((h) => h.title)).slice(0, 3);
  const disputes = findDisputes(facts.filter((f) => f.kind === 'claim'));
  const disputedSentences = new Set(disputes.flatMap((d) => d.sides.map((s) => `${s.articleId}:${s.sentenceIndex}`)));

  const lines: SummaryLine[] = [];
  const byFigure = new Map<string, SummaryLine>();
  for (const a of hits) {
    const own = facts.filter((f) => f.articleId === a.id);
    // Body sentences say more than headlines; the title (sentence 0) is the fallback.
    // A sentence that opens with a pronoun ("He said …") means nothing out of its article.
    const body = own.filter((f) => f.sentenceIndex > 0 && !PRONOUN_START.test(f.sentence));
    const pick =
      body.find((f) => f.kind === 'figure' && isOnTopic(f, q) && !f.negated) ??
      body.find((f) => f.kind === 'claim' && q.terms.some((t) => mentions(f.sentence, t))) ??
      own.find((f) => f.kind === 'figure' && isOnTopic(f, q) && !f.negated);
    const key = pick ? figureKey(pick) : null;
    const seen = key ? byFigure.get(key) : undefined;
    if (seen) {
      // The same figure reported again: cite this article on the existing line rather than repeat it.
      if (!seen.articleIds.includes(a.id)) seen.articleIds.push(a.id);
      continue;
    }
    const text = pick?.sentence ?? splitSentences((await store.articles.get(a.id))?.text ?? '')[0] ?? a.title;
    const line: SummaryLine = {
      date: a.publishedAt.slice(0, 10),
      text,
      articleIds: [a.id],
      disputed: pick ? disputedSentences.has(`${pick.articleId}:${pick.sentenceIndex}`) : false,
    };
    lines.push(line);
    if (key) byFigure.set(key, line);
  }
  // Over the length a chat message can hold, the oldest lines go first: the latest development stays.
  let chars = lines.reduce((n, l) => n + l.text.length, 0);
  while (lines.length > 1 && (lines.length > maxLines || chars > maxChars)) chars -= lines.shift()!.text.length;

  return {
    topic: q.topic,
    articles: hits.map((h) => ({ id: h.id, title: h.title, url: h.url, published: h.publishedAt, source: h.sourceTitle })),
    keyFigures,
    disputes,
    lines,
  };
}
