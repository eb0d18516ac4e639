import { splitSentences } from '../extract/sentences.ts';
import type { Store, FactRow, Article } from '../store/index.ts';
import type { Reply } from '../reply/model.ts';
import { CitationList } from '../reply/citations.ts';
import { formatFigure, formatDate } from '../query/format.ts';

/**
 * How much a figure says on its own: one that names what it counts, the event and who says so
 * beats a bare number; a hedged or denied figure is worth less as a headline.
 */
function figureScore(f: FactRow): number {
  return (f.counted ? 4 : 0) + (f.event ? 2 : 0) + (f.attribution ? 1 : 0) + (f.refDate || f.periodEnd ? 1 : 0) - (f.hedged ? 2 : 0) - (f.negated ? 3 : 0);
}

/** The most telling figures first, one per (what is counted, value) so repeats do not crowd the list. */
export function notableFigures(facts: readonly FactRow[], limit: number): FactRow[] {
  const seen = new Set<string>();
  const out: FactRow[] = [];
  const ranked = facts
    .filter((f) => f.kind === 'figure' && f.value !== null)
    .map((f, i) => ({ f, i, score: figureScore(f) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  for (const { f } of ranked) {
    const key = `${f.countedKey ?? f.counted ?? f.sentence}|${f.value}|${f.unit ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
    if (out.length >= limit) break;
  }
  return out;
}

/** "971 Russian soldiers captured (Ukraine's General Staff, 25 May 2025)". */
export function figureLine(f: FactRow): string {
  const what = [formatFigure({ value: f.value ?? 0, valueHigh: f.valueHigh, unit: f.unit, qualifier: f.qualifier, raw: f.raw }), f.counted, f.event].filter(Boolean).join(' ');
  const when = f.refDate ?? f.periodEnd;
  const meta = [f.attribution, when ? formatDate(when) : undefined].filter(Boolean).join(', ');
  return meta ? `${what} (${meta})` : what;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemesOf = (s: string): string[] => Array.from(graphemes.segment(s), (g) => g.segment);

/** Cuts to at most `max` user-perceived characters, never inside an emoji or before a combining mark. */
export function clipText(s: string, max: number): string {
  const parts = graphemesOf(s);
  return parts.length <= max ? s : `${parts.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * The first sentence or two of an article, at most `maxChars` characters. Sentences come from the
 * extractor's own splitter, so "2.7%", "Yahoo!" and "U.S." never end one.
 */
export function leadOf(a: Pick<Article, 'teaser' | 'text'>, maxChars = 300): string {
  const base = (a.teaser ?? a.text).replace(/\s+/g, ' ').trim();
  let out = '';
  for (const sentence of splitSentences(base)) {
    const next = out ? `${out} ${sentence}` : sentence;
    if (out && graphemesOf(next).length > maxChars) break;
    out = next;
    if (graphemesOf(out).length >= maxChars / 2) break;
  }
  return clipText(out || base, maxChars);
}

/** The post announcing one new article: title, lead, key figures, link. Undefined if the article is gone. */
export async function buildUpdateReply(store: Store, articleId: number): Promise<Reply | undefined> {
  const article = await store.articles.get(articleId);
  if (!article) return undefined;
  const source = await store.feeds.get(article.feedId);
  const citations = new CitationList();
  const n = citations.cite({ id: article.id, title: article.title, url: article.url, published: article.publishedAt, source: source?.title ?? source?.url });
  const figures = notableFigures(await store.facts.forArticle(article.id), 3);
  return {
    kind: 'info',
    title: article.title,
    intro: leadOf(article),
    sections: figures.length > 0 ? [{ heading: 'Key figures', lines: figures.map((f) => ({ text: figureLine(f), cites: [n] })) }] : [],
    citations: citations.list(),
    footer: source ? `New from ${source.title ?? source.url}` : undefined,
    data: { articleId: article.id, url: article.url, figures: figures.map((f) => f.id) },
  };
}
