/**
 * The real-news gold set (tests/gold-bbc): annotations keyed by corpus file name, scored against the
 * article text read from ../shared/corpora/bbc at run time. Nothing of the text is stored here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArticleInput, Extraction, FigureFact } from '../src/extract/types.ts';
import { accuracy, fieldAgrees, FIELDS, matchFigures, prf, sameNumber, type Accuracy, type GoldFigure, type PRF } from './eval-lib.ts';

export const REAL_GOLD_DIR = new URL('../tests/gold-bbc/', import.meta.url).pathname;
export const BBC_DIR = resolve(new URL('..', import.meta.url).pathname, '..', 'shared', 'corpora', 'bbc');

export type Split = 'dev' | 'heldout';

export interface RealGoldFigure extends Omit<GoldFigure, 'date'> {
  date: string | null;
  vague: boolean;
  direction: 'up' | 'down' | null;
  change: number | null;
  changeUnit: string | null;
  previous: number | null;
  conversion: boolean;
}

export interface NotFigure {
  raw: string;
  why: 'year' | 'date' | 'time' | 'name' | 'label' | 'ordinal' | 'period' | 'relative' | 'other';
}

export interface RealGoldArticle {
  file: string;
  section: string;
  published: string;
  title: string;
  text: string;
  figures: RealGoldFigure[];
  notFigures: NotFigure[];
}

/** Not-figures whose appearance as a figure is the error class readers notice: names, labels, years and times. */
export const FALSE_FIGURE_KINDS: ReadonlySet<NotFigure['why']> = new Set(['year', 'date', 'time', 'name', 'label']);

/** Reads one corpus file: UTF-8, but for one Latin-1 file in the corpus. Line 1 is the headline. */
export function readCorpusFile(file: string, dir: string = BBC_DIR): { title: string; text: string } {
  const bytes = readFileSync(join(dir, file));
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    raw = new TextDecoder('latin1').decode(bytes);
  }
  const [title = '', ...rest] = raw.split(/\r?\n/);
  return { title: title.trim(), text: rest.join('\n').trim() };
}

export const haveCorpus = (dir: string = BBC_DIR): boolean => existsSync(dir);

/** Loads one split's annotations and joins each to its article text from the corpus. */
export function loadRealGold(split: Split, goldDir: string = REAL_GOLD_DIR, corpusDir: string = BBC_DIR): RealGoldArticle[] {
  const folder = join(goldDir, split);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const path = join(folder, f);
      let ann: Omit<RealGoldArticle, 'title' | 'text' | 'section'>;
      try {
        ann = JSON.parse(readFileSync(path, 'utf8')) as typeof ann;
      } catch (err) {
        throw new Error(`Cannot read gold annotation ${path}: ${(err as Error).message}`, { cause: err });
      }
      return { ...ann, section: ann.file.split('/')[0]!, ...readCorpusFile(ann.file, corpusDir) };
    });
}

export const REAL_FIELDS = [...FIELDS, 'change'] as const;
export type RealField = (typeof REAL_FIELDS)[number];

/** Direction and previous value agree, where the gold figure states a movement or an earlier value. */
export function changeAgrees(gold: RealGoldFigure, pred: FigureFact): boolean | null {
  if (gold.direction === null && gold.previous === null) return null;
  if ((pred.direction ?? null) !== gold.direction) return false;
  if (gold.previous !== null) return pred.previous !== undefined && sameNumber(gold.previous, pred.previous);
  return true;
}

function realFieldAgrees(field: RealField, gold: RealGoldFigure, pred: FigureFact, published: string): boolean | null {
  if (field === 'change') return changeAgrees(gold, pred);
  // Dates are scored only where the figure's own clause states one: the corpus has no dates.
  if (field === 'date' && gold.date === null) return null;
  return fieldAgrees(field, gold as GoldFigure, pred, published);
}

export interface RealScores {
  articles: number;
  values: PRF;
  fields: Record<RealField, Accuracy>;
  /** Predicted figures that are years, dates, times, names or labels the gold set lists as not figures. */
  falseFigures: number;
  falseFiguresPer10: number;
}

export interface RealArticleReport {
  file: string;
  section: string;
  missed: string[];
  spurious: string[];
  falseFigures: string[];
  fieldMisses: Array<{ raw: string; field: RealField; gold: unknown; pred: unknown }>;
  scores: RealScores;
}

export type Extractor = (input: ArticleInput) => Extraction;

const gv = (field: RealField, g: RealGoldFigure): unknown =>
  field === 'counted' ? g.countedHead : field === 'change' ? `${g.direction ?? '-'} prev ${g.previous ?? '-'}` : g[field];
const pv = (field: RealField, p: FigureFact): unknown =>
  field === 'change' ? `${p.direction ?? '-'} prev ${p.previous ?? '-'}` : (p[field as keyof FigureFact] ?? null);

/** Scores one article: value matching as for tests/gold, fields among matched figures, false figures. */
export function scoreRealArticle(gold: RealGoldArticle, pred: readonly FigureFact[]): RealArticleReport {
  const match = matchFigures(gold.figures as unknown as GoldFigure[], pred, gold.published);
  const tally = Object.fromEntries(REAL_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<RealField, { correct: number; total: number }>;
  const fieldMisses: RealArticleReport['fieldMisses'] = [];
  for (const pair of match.pairs) {
    const g = gold.figures[pair.gold]!;
    const p = pred[pair.pred]!;
    for (const field of REAL_FIELDS) {
      const ok = realFieldAgrees(field, g, p, gold.published);
      if (ok === null) continue;
      tally[field].total++;
      if (ok) tally[field].correct++;
      else fieldMisses.push({ raw: g.raw, field, gold: gv(field, g), pred: pv(field, p) });
    }
  }
  const spurious = match.spurious.map((i) => pred[i]!);
  const falseFigures = spurious.filter((f) =>
    gold.notFigures.some((n) => FALSE_FIGURE_KINDS.has(n.why) && (n.raw.includes(f.raw) || f.raw.includes(n.raw))),
  );
  const fields = Object.fromEntries(REAL_FIELDS.map((f) => [f, accuracy(tally[f].correct, tally[f].total)])) as Record<RealField, Accuracy>;
  return {
    file: gold.file,
    section: gold.section,
    missed: match.missed.map((i) => gold.figures[i]!.raw),
    spurious: spurious.map((f) => `${f.raw} (${f.value})`),
    falseFigures: falseFigures.map((f) => f.raw),
    fieldMisses,
    scores: {
      articles: 1,
      values: prf(match.pairs.length, match.spurious.length, match.missed.length),
      fields,
      falseFigures: falseFigures.length,
      falseFiguresPer10: falseFigures.length * 10,
    },
  };
}

/** Adds article scores up (micro-averaged). */
export function sumRealScores(parts: readonly RealScores[]): RealScores {
  const tp = parts.reduce((n, s) => n + s.values.tp, 0);
  const fp = parts.reduce((n, s) => n + s.values.fp, 0);
  const fn = parts.reduce((n, s) => n + s.values.fn, 0);
  const fields = Object.fromEntries(
    REAL_FIELDS.map((f) => [f, accuracy(parts.reduce((n, s) => n + s.fields[f].correct, 0), parts.reduce((n, s) => n + s.fields[f].total, 0))]),
  ) as Record<RealField, Accuracy>;
  const articles = parts.reduce((n, s) => n + s.articles, 0);
  const falseFigures = parts.reduce((n, s) => n + s.falseFigures, 0);
  return { articles, values: prf(tp, fp, fn), fields, falseFigures, falseFiguresPer10: articles ? (falseFigures * 10) / articles : 0 };
}

export interface RealReport {
  split: Split;
  total: RealScores;
  bySection: Record<string, RealScores>;
  perArticle: RealArticleReport[];
}

export function evaluateReal(split: Split, articles: readonly RealGoldArticle[], extract: Extractor): RealReport {
  const perArticle = articles.map((a) => {
    const facts = extract({ title: a.title, text: a.text, published: new Date(a.published), timeZone: 'UTC' }).facts;
    return scoreRealArticle(a, facts.filter((f): f is FigureFact => f.kind === 'figure'));
  });
  const sections = [...new Set(perArticle.map((a) => a.section))].sort();
  const bySection = Object.fromEntries(sections.map((s) => [s, sumRealScores(perArticle.filter((a) => a.section === s).map((a) => a.scores))]));
  return { split, total: sumRealScores(perArticle.map((a) => a.scores)), bySection, perArticle };
}

/** What the issue asks of real news, per split. */
export const REAL_TARGETS: Record<Split, { valueF1: number; unit: number; counted: number; change: number; attribution: number; falsePer10: number }> = {
  dev: { valueF1: 0.96, unit: 0.95, counted: 0.9, change: 0.9, attribution: 0.9, falsePer10: 1 },
  heldout: { valueF1: 0.94, unit: 0.93, counted: 0.88, change: 0.88, attribution: 0.88, falsePer10: 1 },
};

/**
 * What npm test enforces today: the levels reached so far, a little below the last measurement so
 * machine-independent noise cannot fail a build. Raised as the extractor improves; the issue's
 * targets above are what they rise towards.
 */
export const REAL_FLOORS: Record<Split, (typeof REAL_TARGETS)['dev']> = {
  // On 943 articles (1023 since the round after). Two rounds ago five batches came in (225 articles that scored F1 88.8-94.0%,
  // counted 74.7-84.2%, change 66.1-85.3% before any rule for them); the round before added one (47
  // articles) and took dates from 74.5% to 87.2%. This round wrote rules from the split's own
  // counted misses: counted 86.4% → 90.1% (3381 → 3523 of 3911), every field target met, F1 96.0%,
  // unit 98.6%, change 91.3%, attribution 90.5%, 0.43 false figures per 10. The short round after
  // read sources: attribution 91.7% (4390 of 4785). The round after drew two fresh batches (80
  // articles, 943 -> 1023) and measured each before writing rules for it (F1 92.8% / 94.8%, counted
  // 77.3% / 76.6%, change 66.7% / 56.5%, attribution 89.6% / 85.8%); with rules from their misses the
  // split stands at F1 95.9%, counted 89.5%, change 90.2%, attribution 91.5%. The counted floor
  // drops to 0.885 because the split grew, not because a rule lost anything: on the articles already
  // in the split, the only figure a rule got wrong that was right before is one attribution (a
  // pronoun now resolved to a description), against 19 counted, 3 dates and 3 changes gained (net).
  dev: { valueF1: 0.955, unit: 0.97, counted: 0.885, change: 0.895, attribution: 0.91, falsePer10: 1 },
  // change: 21 held-out figures carry one, so one figure moves it 4.8 points (14/21 at each look;
  // not traced, since the held-out split is not tuned against). The round before looked once: F1
  // 94.4%, unit 93.9%, false figures 1.00 per 10 (all three at their targets), counted 78.1%,
  // attribution 84.9%. The round after looked twice, its errors never read: after its first rules
  // (unit 94.3%, nothing else moved) and at its end (the same, with dates 69.6% → 82.6%). This round
  // looked once, at its end: counted 78.1% → 77.4% (121 → 120 of 155) while the development split
  // gained 142, so its rules were dev-shaped; nothing else moved. The short round after (sources)
  // looked twice: attribution 84.9% → 85.4% (180 → 181 of 212) after its first rules, and no further
  // at its end; nothing else moved.
  heldout: { valueF1: 0.935, unit: 0.93, counted: 0.77, change: 0.6, attribution: 0.845, falsePer10: 1.5 },
};
