/** Loads the gold set and scores an extractor over it, article by article. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput, ClaimFact, Extraction, FigureFact, QuoteFact } from '../src/extract/types.ts';
import { FIELDS, fieldAgrees, matchFigures, predictedDate, prf, scoreFigures, type FigureScores, type GoldArticle, type PRF } from './eval-lib.ts';
import { scoreClaims, scoreQuotes, sumAccuracy, sumPRF, type ClaimScores, type GoldQuery, type QuoteScores } from './eval-text.ts';

export const GOLD_DIR = new URL('../tests/gold/', import.meta.url).pathname;

export type Extractor = (input: ArticleInput) => Extraction;

export function loadGoldArticles(dir: string = GOLD_DIR): GoldArticle[] {
  const folder = join(dir, 'articles');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const path = join(folder, f);
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as GoldArticle;
      } catch (err) {
        throw new Error(`Cannot read gold article ${path}: ${(err as Error).message}`, { cause: err });
      }
    });
}

export function loadGoldQueries(dir: string = GOLD_DIR): GoldQuery[] {
  return JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as GoldQuery[];
}

export interface FieldMiss {
  raw: string;
  field: string;
  gold: unknown;
  pred: unknown;
}

export interface ArticleReport {
  id: string;
  figures: PRF;
  /** Gold figures nothing matched, as written. */
  missed: string[];
  /** Predicted figures no gold figure matched, as "raw (value)". */
  spurious: string[];
  /** Spurious figures that the gold set lists as not being figures (years, ordinals, chrome). */
  notFigureHits: string[];
  fieldMisses: FieldMiss[];
  quotes: QuoteScores;
  claims: ClaimScores;
}

export interface ExtractionReport {
  articles: number;
  figures: FigureScores;
  notFigureHits: number;
  quotes: QuoteScores;
  claims: ClaimScores;
  perArticle: ArticleReport[];
}

const goldValue = (field: string, g: GoldArticle['figures'][number]): unknown => (field === 'counted' ? g.countedHead : g[field as keyof typeof g]);
const predValue = (field: string, p: FigureFact, published: string): unknown =>
  field === 'date' ? predictedDate(p, published) : (p[field as keyof FigureFact] ?? null);

export function toInput(a: GoldArticle): ArticleInput {
  return { title: a.title, text: a.text, published: new Date(a.published), timeZone: 'UTC' };
}

export function evaluateExtraction(articles: readonly GoldArticle[], extract: Extractor): ExtractionReport {
  const items = articles.map((gold) => {
    const facts = extract(toInput(gold)).facts;
    const pred = facts.filter((f): f is FigureFact => f.kind === 'figure');
    return {
      gold,
      pred,
      match: matchFigures(gold.figures, pred, gold.published),
      quotes: scoreQuotes(gold.quotes, facts.filter((f): f is QuoteFact => f.kind === 'quote')),
      claims: scoreClaims(gold.claims, facts.filter((f): f is ClaimFact => f.kind === 'claim')),
    };
  });
  const perArticle: ArticleReport[] = items.map(({ gold, pred, match, quotes, claims }) => {
    const spuriousFacts = match.spurious.map((i) => pred[i]!);
    const fieldMisses: FieldMiss[] = [];
    for (const { gold: gi, pred: pi } of match.pairs) {
      const g = gold.figures[gi]!;
      const p = pred[pi]!;
      for (const field of FIELDS) {
        if (fieldAgrees(field, g, p, gold.published) === false) {
          fieldMisses.push({ raw: g.raw, field, gold: goldValue(field, g), pred: predValue(field, p, gold.published) });
        }
      }
    }
    return {
      id: gold.id,
      figures: prf(match.pairs.length, match.spurious.length, match.missed.length),
      missed: match.missed.map((i) => gold.figures[i]!.raw),
      spurious: spuriousFacts.map((f) => `${f.raw} (${f.value})`),
      notFigureHits: spuriousFacts.filter((f) => gold.notFigures.some((n) => n.includes(f.raw) || f.raw.includes(n))).map((f) => f.raw),
      fieldMisses,
      quotes,
      claims,
    };
  });
  return {
    articles: articles.length,
    figures: scoreFigures(items),
    notFigureHits: perArticle.reduce((n, a) => n + a.notFigureHits.length, 0),
    quotes: {
      quotes: sumPRF(perArticle.map((a) => a.quotes.quotes)),
      speaker: sumAccuracy(perArticle.map((a) => a.quotes.speaker)),
    },
    claims: {
      claims: sumPRF(perArticle.map((a) => a.claims.claims)),
      stance: sumAccuracy(perArticle.map((a) => a.claims.stance)),
    },
    perArticle,
  };
}
