import type { Store, FactRow } from '../store/index.ts';
import { mentions, topicQuery, type TopicQuery } from './search.ts';

/** One figure as answers and `ask --json` expose it. */
export interface FigurePoint {
  factId: number;
  value: number;
  valueHigh: number | null;
  unit: string | null;
  raw: string | null;
  qualifier: string | null;
  counted: string | null;
  countedKey: string | null;
  event: string | null;
  /** ISO date the figure refers to (a period's end). */
  date: string;
  period: { start: string | null; end: string | null } | null;
  attribution: string | null;
  hedged: boolean;
  negated: boolean;
  /** Another source gives a different value for the same thing at the same time. */
  disputed: boolean;
  sentence: string;
  article: { id: number; title: string; url: string | null; published: string; source: string };
}

export interface FindFiguresOptions {
  tenant: string;
  topic: string;
  limit?: number;
}

/** How many matching facts are considered before relevance filtering; bounds work at 100k articles. */
const CANDIDATES = 400;

/**
 * A figure is on topic when what it counts (or the event) names the topic, or when its sentence names
 * the topic at least twice over — one weak word ("exchange" in "exchange rate") is not enough.
 */
export function isOnTopic(f: FactRow, q: TopicQuery): boolean {
  if (q.terms.some((t) => mentions(f.counted, t) || mentions(f.countedKey, t) || mentions(f.event, t))) return true;
  const hits = q.terms.filter((t) => mentions(f.sentence, t)).length;
  return hits >= 2 || mentions(f.sentence, q.topic);
}

export const figureDate = (f: FactRow): string => (f.refDate ?? f.periodEnd ?? f.article.publishedAt).slice(0, 10);

export function toPoint(f: FactRow): FigurePoint {
  return {
    factId: f.id,
    value: f.value ?? 0,
    valueHigh: f.valueHigh,
    unit: f.unit,
    raw: f.raw,
    qualifier: f.qualifier,
    counted: f.counted,
    countedKey: f.countedKey,
    event: f.event,
    date: figureDate(f),
    period: f.periodStart || f.periodEnd ? { start: f.periodStart, end: f.periodEnd } : null,
    attribution: f.attribution,
    hedged: f.hedged,
    negated: f.negated,
    disputed: false,
    sentence: f.sentence,
    article: { id: f.article.id, title: f.article.title, url: f.article.url, published: f.article.publishedAt, source: f.source.title ?? f.source.url },
  };
}

/** Figures on a topic, newest first (by the date they refer to, then publication). */
export function findFigures(store: Store, opts: FindFiguresOptions): FigurePoint[] {
  const q = topicQuery(opts.topic);
  if (!q.fts) return [];
  const rows = store.facts.search(opts.tenant, 'figure', q.fts, CANDIDATES).filter((f) => isOnTopic(f, q) && !f.negated);
  const points = rows.map(toPoint);
  markDisputes(points);
  points.sort((a, b) => b.date.localeCompare(a.date) || b.article.published.localeCompare(a.article.published) || a.factId - b.factId);
  return opts.limit ? points.slice(0, opts.limit) : points;
}

/**
 * Two points dispute each other when they count the same thing for the same date with different values
 * and come from different attributions (one side's figure contradicted by the other's).
 */
export function markDisputes(points: FigurePoint[]): void {
  const byKey = new Map<string, FigurePoint[]>();
  for (const p of points) {
    if (!p.countedKey) continue;
    const key = `${p.countedKey}|${p.event ?? ''}|${p.date}`;
    const list = byKey.get(key) ?? [];
    list.push(p);
    byKey.set(key, list);
  }
  for (const list of byKey.values()) {
    const attributions = new Set(list.map((p) => (p.attribution ?? '').toLowerCase()));
    const values = new Set(list.map((p) => p.value));
    if (values.size > 1 && attributions.size > 1) for (const p of list) p.disputed = true;
  }
}

export interface FigureGroup {
  key: string;
  label: string;
  /** Newest first. */
  points: FigurePoint[];
}

/** Groups figures by what they count (and the event), groups ordered by their newest point. */
export function groupFigures(points: readonly FigurePoint[]): FigureGroup[] {
  const groups = new Map<string, FigureGroup>();
  for (const p of points) {
    const what = p.countedKey ?? p.counted?.toLowerCase() ?? p.unit ?? 'other';
    const key = `${what}|${p.event ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, label: [p.counted ?? p.countedKey ?? 'figures', p.event].filter(Boolean).join(' — '), points: [] };
      groups.set(key, g);
    }
    g.points.push(p);
  }
  return [...groups.values()];
}
