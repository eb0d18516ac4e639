/** Scoring of quotes, claims and /figures answers against the gold set. Pure functions. */
import type { ClaimFact, QuoteFact } from '../src/extract/types.ts';
import { accuracy, attributionMatches, prf, sameNumber, words, type Accuracy, type GoldClaim, type GoldQuote, type PRF } from './eval-lib.ts';

/** Dice overlap of the two texts' word multisets: 1 for the same words, 0 for none shared. */
export function textOverlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}

/** Pairs gold and predicted items whose score passes, best-scoring pairs first, each item used once. */
export function greedyPairs<G, P>(gold: readonly G[], pred: readonly P[], score: (g: G, p: P) => number, min: number): Array<[number, number]> {
  const cands: Array<[number, number, number]> = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const s = score(g, p);
      if (s >= min) cands.push([gi, pi, s]);
    }),
  );
  cands.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const ug = new Set<number>();
  const up = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [gi, pi] of cands) {
    if (ug.has(gi) || up.has(pi)) continue;
    ug.add(gi);
    up.add(pi);
    out.push([gi, pi]);
  }
  return out;
}

/** The speaker is right when the predicted name contains the gold speaker's last word ("Zelensky"). */
export function speakerMatches(gold: string, pred: string | undefined): boolean {
  const surname = words(gold).at(-1);
  return surname !== undefined && pred !== undefined && words(pred).includes(surname);
}

export interface QuoteScores {
  quotes: PRF;
  speaker: Accuracy;
}

export function scoreQuotes(gold: readonly GoldQuote[], pred: readonly QuoteFact[]): QuoteScores {
  const pairs = greedyPairs(gold, pred, (g, p) => textOverlap(g.text, p.text), 0.8);
  let correct = 0;
  let total = 0;
  for (const [gi, pi] of pairs) {
    const speaker = gold[gi]!.speaker;
    if (speaker === null) continue;
    total++;
    if (speakerMatches(speaker, pred[pi]!.speaker)) correct++;
  }
  return { quotes: prf(pairs.length, pred.length - pairs.length, gold.length - pairs.length), speaker: accuracy(correct, total) };
}

export interface ClaimScores {
  claims: PRF;
  stance: Accuracy;
}

/** A claim matches when its attribution agrees and its text overlaps the gold text by at least half. */
export function scoreClaims(gold: readonly GoldClaim[], pred: readonly ClaimFact[]): ClaimScores {
  const score = (g: GoldClaim, p: ClaimFact) => (attributionMatches(g.attribution, p.attribution) ? textOverlap(g.text, p.text) : 0);
  const pairs = greedyPairs(gold, pred, score, 0.5);
  const stanceOk = pairs.filter(([gi, pi]) => gold[gi]!.stance === pred[pi]!.stance).length;
  return { claims: prf(pairs.length, pred.length - pairs.length, gold.length - pairs.length), stance: accuracy(stanceOk, pairs.length) };
}

/** Adds counts of several articles' scores into one (P/R/F1 recomputed from the summed counts). */
export function sumPRF(parts: readonly PRF[]): PRF {
  return prf(
    parts.reduce((n, p) => n + p.tp, 0),
    parts.reduce((n, p) => n + p.fp, 0),
    parts.reduce((n, p) => n + p.fn, 0),
  );
}

export function sumAccuracy(parts: readonly Accuracy[]): Accuracy {
  return accuracy(
    parts.reduce((n, p) => n + p.correct, 0),
    parts.reduce((n, p) => n + p.total, 0),
  );
}

export interface GoldQuery {
  command: string;
  topic: string;
  /** The articles on the topic; a returned figure from any other article is an error. */
  articles?: string[];
  must: Array<{ article: string; value: number }>;
  mustNot: Array<{ article: string; value: number }>;
}

/** A figure as /figures returned it, with the gold article it came from (null when unknown). */
export interface ReturnedPoint {
  article: string | null;
  value: number;
  /** The earlier level the answer shows with it ("159, up from 146"); a reader sees both. */
  previous?: number | undefined;
}

export interface QueryScore {
  topic: string;
  returned: number;
  errors: number;
  precisionAt10: number;
  mustFound: number;
  mustRecall: number;
  mustNotHits: number;
}

/**
 * Precision@10 counts as errors the figures the query says must not come back and, when the query
 * lists its on-topic articles, any figure from another article. Must-recall is the share of `must`
 * figures among those returned.
 */
export function scoreQuery(q: GoldQuery, returned: readonly ReturnedPoint[]): QueryScore {
  const top = returned.slice(0, 10);
  const is = (p: ReturnedPoint, ref: { article: string; value: number }) =>
    p.article === ref.article && (sameNumber(p.value, ref.value) || (p.previous !== undefined && sameNumber(p.previous, ref.value)));
  const mustNotHits = top.filter((p) => q.mustNot.some((r) => is(p, r))).length;
  const offTopic = (p: ReturnedPoint) => q.articles !== undefined && (p.article === null || !q.articles.includes(p.article));
  const errors = top.filter((p) => offTopic(p) || q.mustNot.some((r) => is(p, r))).length;
  const mustFound = q.must.filter((r) => top.some((p) => is(p, r))).length;
  return {
    topic: q.topic,
    returned: top.length,
    errors,
    precisionAt10: top.length === 0 ? 1 : (top.length - errors) / top.length,
    mustFound,
    mustRecall: q.must.length === 0 ? 1 : mustFound / q.must.length,
    mustNotHits,
  };
}
