import type { Store, SqliteStore, Awaitable, FactRow, FigureFilter, TenantSearchApi } from '../store/index.ts';
import { run, wait, type Steps } from '../store/maybe-async.ts';
import type { FigurePoint } from './point.ts';
import { partyOf } from './claims.ts';
import { eventLabel } from './labels.ts';
import { canLead, eventClass, groupKeyOf, leadPoint, seriesLength } from './series.ts';
import { articleOnTopic, mayMentionTopic, mentionsTopic, searchable, titleNamesTopic, topicFragments, topicQuery, type TopicQuery } from './search.ts';

export type { FigurePoint } from './point.ts';

export interface FindFiguresOptions {
  tenant: string;
  topic: string;
  limit?: number;
  /** The answer's searches, when the caller has searched for this tenant already (summary.ts). */
  search?: TenantSearchApi;
}

/** How many figures naming the topic are considered before relevance filtering; bounds work at 100k articles. */
const CANDIDATES = 250;
/** How many of the newest articles whose headline names the topic lend all their figures as candidates. */
const TITLE_ARTICLES = 10;

/**
 * How strongly a figure is about the topic: 3 when what it counts names the topic ("Russian prisoners"),
 * 2 when it sits in an article about the topic and its event does ("captured", "swap"), 1 when it sits in
 * such an article and its sentence does; 0 otherwise. An event word alone in an unrelated article
 * ("exchange rate", "captured the title") is not enough.
 */
export function topicScore(f: FactRow, q: TopicQuery): number {
  if (mentionsTopic(f.counted, q) || mentionsTopic(f.countedKey, q)) return 3;
  if (!articleOnTopic({ title: f.article.title, topics: f.article.topics }, q)) return 0;
  if (mentionsTopic(f.event, q)) return 2;
  // Durations ("ten months on") are context, not figures on the topic.
  if (isDuration(f.unit)) return 0;
  if (mentionsTopic(f.sentence, q)) return 1;
  // In an article whose headline names the topic, its figures are about the topic too ("Brent fell to $71.62").
  return titleNamesTopic(f.article.title, q) ? 0.5 : 0;
}

export const isOnTopic = (f: FactRow, q: TopicQuery): boolean => topicScore(f, q) > 0;

const isDuration = (unit: string | null): boolean => unit !== null && /^(days|weeks|months|years|hours)$/.test(unit);

export const figureDate = (f: FactRow): string => (f.refDate ?? f.periodEnd ?? f.article.publishedAt).slice(0, 10);

/**
 * A counted phrase that opens with a relative or a quantifier word ("which the General Staff", "Every
 * exchange so far") is the extractor catching the wrong noun phrase: better no label than a wrong one.
 */
const cleanCounted = (counted: string | null): string | null => (counted && /^(which|that|who|whom|where|when|while|every|each)\b/i.test(counted) ? null : counted);

/** A lone "one" or "a" is an article or a pronoun far more often than a count worth reporting. */
const isBareOne = (f: FactRow): boolean => f.value === 1 && !f.unit && /^(one|a|an)$/i.test(f.raw ?? '');

export function toPoint(f: FactRow): FigurePoint {
  const counted = cleanCounted(f.counted);
  return {
    factId: f.id,
    value: f.value ?? 0,
    valueHigh: f.valueHigh,
    unit: f.unit,
    raw: f.raw,
    qualifier: f.qualifier,
    counted,
    countedKey: counted ? f.countedKey : null,
    event: f.event,
    date: figureDate(f),
    period: f.periodStart || f.periodEnd ? { start: f.periodStart, end: f.periodEnd } : null,
    attribution: f.attribution,
    hedged: f.hedged,
    negated: f.negated,
    vague: f.vague,
    direction: f.direction,
    change: f.change,
    changeUnit: f.changeUnit,
    previous: f.previous,
    previousDate: f.previousDate,
    conversion: f.conversion,
    isChange: f.isChange,
    roundingOf: f.roundingOf,
    disputed: false,
    sentence: f.sentence,
    article: { id: f.article.id, title: f.article.title, url: f.article.url, published: f.article.publishedAt, source: f.source.title ?? f.source.url },
  };
}

const newestFirst = (a: FigurePoint, b: FigurePoint): number =>
  b.date.localeCompare(a.date) || b.article.published.localeCompare(a.article.published) || a.factId - b.factId;

/**
 * Figures on a topic, newest first (by the date they refer to, then publication). With a limit, the
 * most relevant figures are chosen first and then shown newest first.
 */
export function findFigures(store: SqliteStore, opts: FindFiguresOptions): FigurePoint[];
export function findFigures(store: Store, opts: FindFiguresOptions): Awaitable<FigurePoint[]>;
export function findFigures(store: Store, opts: FindFiguresOptions): Awaitable<FigurePoint[]> {
  return run(figureSteps(store, opts));
}

function* figureSteps(store: Store, opts: FindFiguresOptions): Steps<FigurePoint[]> {
  const q = topicQuery(opts.topic);
  if (!searchable(q)) return [];
  const byId = new Map<number, FactRow>();
  // Every figure topicScore can rate above zero names the topic in one of these; the title route adds the rest.
  const fragments = topicFragments(q);
  // A sentence holds several figures and a counted phrase recurs across articles: test each text once.
  const named = new Map<string, boolean>();
  const names = (text: string | null): boolean => {
    if (!text) return false;
    let yes = named.get(text);
    if (yes === undefined) named.set(text, (yes = mayMentionTopic(text, fragments) && mentionsTopic(text, q)));
    return yes;
  };
  const filter: FigureFilter = {
    docMayHold: (doc) => mayMentionTopic(doc, fragments),
    accept: (f) => names(f.counted) || names(f.countedKey) || names(f.event) || names(f.sentence),
  };
  const search = opts.search ?? store.search.forTenant(opts.tenant);
  // Both asked before either is awaited: on PostgreSQL they run at once, on SQLite both are already there.
  const matching = search.recentFigures(q.match, CANDIDATES, filter);
  const titled = search.recentTitleFigures(q.titleMatch, TITLE_ARTICLES);
  // Should the first fail, the second is never awaited: its failure must not go unhandled.
  if (titled instanceof Promise) titled.catch(() => undefined);
  for (const f of yield* wait(matching)) byId.set(f.id, f);
  for (const f of yield* wait(titled)) byId.set(f.id, f);
  const scored = [...byId.values()]
    .filter((f) => !f.negated && !isBareOne(f))
    .map((f) => ({ f, score: topicScore(f, q) }))
    .filter((x) => x.score > 0);
  const points = scored.map((x) => Object.assign(toPoint(x.f), { score: x.score }));
  markDisputes(points);
  if (opts.limit && points.length > opts.limit) {
    points.sort((a, b) => b.score - a.score || newestFirst(a, b));
    points.length = opts.limit;
  }
  return points.sort(newestFirst).map(({ score: _score, ...p }) => p);
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
    // Only attributed figures can be contradicted: an unattributed one is the article's own reporting.
    const attributed = list.filter((p) => p.attribution);
    const parties = new Set(attributed.map((p) => partyOf(p.attribution!)));
    const values = new Set(attributed.map((p) => p.value));
    if (values.size > 1 && parties.size > 1) for (const p of attributed) p.disputed = true;
  }
}

export interface FigureGroup {
  key: string;
  label: string;
  /** Newest first. */
  points: FigurePoint[];
}

/** More informative first: a stated attribution, then a period, then a body sentence over a headline. */
const richness = (p: FigurePoint): number => (p.attribution ? 4 : 0) + (p.period ? 2 : 0) + (p.counted ? 1 : 0);

/**
 * Groups figures by what they are about (series.ts), its lead point first and the rest newest first.
 * The same value reported twice by one article (headline and body) is one point: the better-attributed
 * one. Headline roundings ("1,000" over a body's 971) and bracketed conversions stay out.
 */
export function groupFigures(points: readonly FigurePoint[]): FigureGroup[] {
  const groups = new Map<string, FigureGroup>();
  for (const p of points) {
    if (!canLead(p)) continue;
    const key = groupKeyOf(p);
    let g = groups.get(key);
    if (!g) {
      g = { key, label: '', points: [] };
      groups.set(key, g);
    }
    const twin = g.points.findIndex((q) => q.article.id === p.article.id && q.value === p.value);
    if (twin === -1) g.points.push(p);
    else if (richness(p) > richness(g.points[twin]!)) g.points[twin] = p;
  }
  for (const g of groups.values()) {
    g.points.sort(newestFirst);
    const lead = leadPoint(g.points)!;
    g.points = [lead, ...g.points.filter((p) => p !== lead)];
    g.label = g.key === 'exchange' ? 'exchanges and releases' : [lead.counted ?? lead.countedKey ?? 'figures', eventLabel(eventClass(lead.event) || null)].filter(Boolean).join(' — ');
  }
  return [...groups.values()];
}

export function rankGroups(groups: FigureGroup[], topic: string): FigureGroup[] {
  const q = topicQuery(topic);
  // Each group's sort keys once: the comparator runs O(n log n) times.
  const keys = new Map(
    groups.map((g) => [
      g,
      {
        counted: Number(g.points.some((p) => p.counted)),
        articles: new Set(g.points.map((p) => p.article.id)).size,
        series: seriesLength(g.points),
        names: Number(g.points.some((p) => mentionsTopic(p.counted, q) || mentionsTopic(p.countedKey, q))),
      },
    ]),
  );
  return [...groups].sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    return y.counted - x.counted || y.articles - x.articles || y.series - x.series || y.names - x.names || b.points[0]!.date.localeCompare(a.points[0]!.date);
  });
}
