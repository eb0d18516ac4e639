/**
 * Scoring of extracted figures against the hand-annotated gold set (tests/gold). Pure functions only,
 * so the metric itself is unit-tested (tests/eval/gold.test.ts) and `npm run eval` is a thin runner.
 */
import type { FigureFact } from '../src/extract/types.ts';

export interface GoldFigure {
  raw: string;
  value: number;
  valueHigh: number | null;
  unit: string | null;
  qualifier: string | null;
  counted: string | null;
  countedHead: string | null;
  event: string | null;
  date: string;
  periodStart: string | null;
  periodEnd: string | null;
  attribution: string | null;
  negated: boolean;
  hedged: boolean;
}

export interface GoldQuote {
  text: string;
  speaker: string | null;
}

export interface GoldClaim {
  attribution: string;
  text: string;
  stance: 'assert' | 'deny';
}

export interface GoldArticle {
  id: string;
  title: string;
  published: string;
  source: string;
  url: string;
  text: string;
  figures: GoldFigure[];
  notFigures: string[];
  quotes: GoldQuote[];
  claims: GoldClaim[];
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision/recall/F1; an empty side scores 1 (nothing to find, nothing wrongly found). */
export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Same value, and the same upper bound when the gold figure is a range. */
export function sameFigureValue(gold: GoldFigure, pred: FigureFact): boolean {
  if (!sameNumber(gold.value, pred.value)) return false;
  if (gold.valueHigh === null) return true;
  return pred.valueHigh !== undefined && sameNumber(gold.valueHigh, pred.valueHigh);
}

export const words = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Plural-insensitive form of one word ("troops" → "troop", "servicemen" → "serviceman", "casualties" → "casualty"). */
export function singular(w: string): string {
  if (w.endsWith('men')) return w.slice(0, -3) + 'man';
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

const containsRun = (hay: string[], needle: string[]): boolean =>
  needle.length > 0 && hay.some((_, i) => needle.every((n, k) => hay[i + k] === n));

/** The gold head noun ("troops") appears in the predicted counted phrase ("Russian troop"), either number. */
export function countedMatches(head: string, predCounted: string | undefined): boolean {
  if (!predCounted) return false;
  return containsRun(words(predCounted).map(singular), words(head).map(singular));
}

/** Crude stem so "captured"/"capture"/"capturing" and "swap"/"swapped" compare equal. */
export function stem(w: string): string {
  const s = w.replace(/(ion|ing|ed|es|s|e)$/, '');
  return s.length > 2 && /(.)\1$/.test(s) ? s.slice(0, -1) : s;
}

// Verbs a reader takes as the same event; the extractor may name an event by its canonical verb.
const EVENT_CLASSES: Record<string, string> = {
  di: 'kill', dead: 'kill', death: 'kill',
  fre: 'releas',
  swap: 'exchang',
  down: 'intercept', destroy: 'intercept',
  fl: 'displac', fle: 'displac',
  taken: 'captur', seiz: 'captur',
  injur: 'wound',
};
const eventWords = (s: string): string[] => words(s).map(stem).map((w) => EVENT_CLASSES[w] ?? w);

/** Events match when one stemmed phrase contains the other ("killed or wounded" ⊇ "killed"), synonyms folded. */
export function eventMatches(gold: string, pred: string | undefined): boolean {
  if (!pred) return false;
  const g = eventWords(gold);
  const p = eventWords(pred);
  return containsRun(g, p) || containsRun(p, g);
}

const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

// "J. Allard" and "J Allard" are one name.
const nameNorm = (s: string | null | undefined): string => norm(s).replace(/\.(?=\s|$)/g, '');
/** "National Audit Office" → "nao", so a name and its abbreviation are one source; each part of a hyphenated word counts ("Anti-Doping"). */
const initials = (s: string): string =>
  s.split(/[\s-]+/).filter((w) => !/^(?:of|for|and|the|on|de)$/.test(w)).map((w) => w[0]).join('');

const TITLED = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir)\.?\s+\p{Lu}[\p{L}'’-]+$/u;
const FULL_NAME = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,2}\p{Lu}[\p{L}'’-]+$/u;
/** "Mr Straw" and "Jack Straw" are one person, as quote speakers are matched by surname. */
function samePerson(a: string, b: string): boolean {
  const last = (s: string) => s.split(/\s+/).pop()!.toLowerCase();
  if (last(a) !== last(b)) return false;
  return (TITLED.test(a) && FULL_NAME.test(b)) || (TITLED.test(b) && FULL_NAME.test(a));
}

/** Case-insensitive containment either way, one the other's initials, or one person by surname; no attribution on both sides also matches. */
export function attributionMatches(gold: string | null, pred: string | undefined): boolean {
  const g = nameNorm(gold);
  const p = nameNorm(pred);
  if (!g || !p) return !g && !p;
  if (g.includes(p) || p.includes(g) || samePerson(gold!.trim(), pred!.trim())) return true;
  return (!g.includes(' ') && g.length >= 2 && initials(p) === g) || (!p.includes(' ') && p.length >= 2 && initials(g) === p);
}

// Wordings that mean the same bound are one qualifier; the grader should not punish "around" for "about".
const QUALIFIER_CLASSES: Record<string, string> = {
  around: 'about', roughly: 'about', approximately: 'about', some: 'about', about: 'about',
  over: 'more than', above: 'more than', 'in excess of': 'more than', exceeding: 'more than', 'more than': 'more than',
  almost: 'nearly', 'close to': 'nearly', nearly: 'nearly',
  'as many as': 'up to', 'as much as': 'up to', 'up to': 'up to',
  under: 'less than', below: 'less than', 'fewer than': 'less than', 'less than': 'less than',
  'no fewer than': 'at least', 'at least': 'at least',
};

export function qualifierMatches(gold: string | null, pred: string | undefined): boolean {
  const cls = (q: string | null | undefined) => {
    const n = norm(q);
    return n ? (QUALIFIER_CLASSES[n] ?? n) : '';
  };
  return cls(gold) === cls(pred);
}

export function unitMatches(gold: string | null, pred: string | undefined): boolean {
  const n = (u: string | null | undefined) => {
    const s = norm(u);
    return s === 'percent' || s === 'per cent' ? '%' : s;
  };
  return n(gold) === n(pred);
}

/** A figure without a date of its own refers to the day the article was published. */
export const predictedDate = (pred: FigureFact, published: string): string => pred.date ?? pred.periodEnd ?? published.slice(0, 10);

export const FIELDS = ['qualifier', 'counted', 'event', 'date', 'attribution', 'unit', 'hedged', 'negated'] as const;
export type Field = (typeof FIELDS)[number];

/** Whether one field agrees, or null when the gold set does not score it for this figure. */
export function fieldAgrees(field: Field, gold: GoldFigure, pred: FigureFact, published: string): boolean | null {
  switch (field) {
    case 'qualifier':
      return qualifierMatches(gold.qualifier, pred.qualifier);
    case 'counted':
      return gold.countedHead === null ? null : countedMatches(gold.countedHead, pred.counted);
    case 'event':
      return gold.event === null ? null : eventMatches(gold.event, pred.event);
    case 'date':
      return gold.date === predictedDate(pred, published);
    case 'attribution':
      return attributionMatches(gold.attribution, pred.attribution);
    case 'unit':
      return unitMatches(gold.unit, pred.unit);
    case 'hedged':
      return gold.hedged === (pred.hedged ?? false);
    case 'negated':
      return gold.negated === (pred.negated ?? false);
  }
}

export interface FigurePair {
  gold: number;
  pred: number;
}

export interface FigureMatch {
  pairs: FigurePair[];
  missed: number[];
  spurious: number[];
}

/**
 * Pairs predicted figures with gold ones of the same value, each gold figure used at most once. Among
 * equal values (a title figure repeated in the body) the pairing that agrees on the most fields wins,
 * ties going in reading order.
 */
export function matchFigures(gold: readonly GoldFigure[], pred: readonly FigureFact[], published: string): FigureMatch {
  const candidates: Array<FigurePair & { score: number }> = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      if (!sameFigureValue(g, p)) return;
      const score = (p.raw.toLowerCase() === g.raw.toLowerCase() ? 2 : 0) + FIELDS.filter((f) => fieldAgrees(f, g, p, published) === true).length;
      candidates.push({ gold: gi, pred: pi, score });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.gold - b.gold || a.pred - b.pred);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: FigurePair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPred.has(c.pred)) continue;
    usedGold.add(c.gold);
    usedPred.add(c.pred);
    pairs.push({ gold: c.gold, pred: c.pred });
  }
  pairs.sort((a, b) => a.gold - b.gold);
  return {
    pairs,
    missed: gold.map((_, i) => i).filter((i) => !usedGold.has(i)),
    spurious: pred.map((_, i) => i).filter((i) => !usedPred.has(i)),
  };
}

export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number;
}

export const accuracy = (correct: number, total: number): Accuracy => ({ correct, total, accuracy: total === 0 ? 1 : correct / total });

export interface FigureScores {
  values: PRF;
  fields: Record<Field, Accuracy>;
}

/** Value P/R/F1 over all articles, and per-field accuracy among the matched figures. */
export function scoreFigures(items: ReadonlyArray<{ gold: GoldArticle; pred: readonly FigureFact[]; match: FigureMatch }>): FigureScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const tally = Object.fromEntries(FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<Field, { correct: number; total: number }>;
  for (const { gold, pred, match } of items) {
    tp += match.pairs.length;
    fp += match.spurious.length;
    fn += match.missed.length;
    for (const pair of match.pairs) {
      for (const field of FIELDS) {
        const ok = fieldAgrees(field, gold.figures[pair.gold]!, pred[pair.pred]!, gold.published);
        if (ok === null) continue;
        tally[field].total++;
        if (ok) tally[field].correct++;
      }
    }
  }
  const fields = Object.fromEntries(FIELDS.map((f) => [f, accuracy(tally[f].correct, tally[f].total)])) as Record<Field, Accuracy>;
  return { values: prf(tp, fp, fn), fields };
}
