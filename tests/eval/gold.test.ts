import { evaluateQueries } from '../../scripts/eval-queries.ts';
import { describe, expect, it } from 'vitest';
import type { ClaimFact, FigureFact, QuoteFact } from '../../src/extract/types.ts';
import {
  attributionMatches,
  countedMatches,
  eventMatches,
  fieldAgrees,
  matchFigures,
  qualifierMatches,
  scoreFigures,
  type GoldArticle,
  type GoldFigure,
} from '../../scripts/eval-lib.ts';
import { scoreClaims, scoreQuery, scoreQuotes, textOverlap } from '../../scripts/eval-text.ts';
import { evaluateExtraction, loadGoldArticles, loadGoldQueries, type Extractor } from '../../scripts/eval-data.ts';

const PUBLISHED = '2025-02-06T10:00:00Z';

const gold = (value: number, extra: Partial<GoldFigure> = {}): GoldFigure => ({
  raw: String(value), value, valueHigh: null, unit: null, qualifier: null, counted: 'Russian troops', countedHead: 'troops',
  event: 'captured', date: '2025-02-06', periodStart: null, periodEnd: null, attribution: 'Ukraine', negated: false, hedged: false,
  ...extra,
});

const pred = (value: number, extra: Partial<FigureFact> = {}): FigureFact => ({
  kind: 'figure', sentenceIndex: 1, sentence: 's', raw: String(value), value,
  counted: 'Russian troops', event: 'captured', date: '2025-02-06', attribution: 'Ukraine', ...extra,
});

const article = (figures: GoldFigure[]): GoldArticle => ({
  id: 'x', title: 't', published: PUBLISHED, source: 's', url: 'u', text: '', figures, notFigures: [], quotes: [], claims: [],
});

const score = (g: GoldFigure[], p: FigureFact[]) => scoreFigures([{ gold: article(g), pred: p, match: matchFigures(g, p, PUBLISHED) }]);

describe('figure matching', () => {
  it('scores a perfect prediction 1.0 on values and on every field', () => {
    const s = score([gold(909), gold(700, { qualifier: 'more than' })], [pred(909), pred(700, { qualifier: 'more than' })]);
    expect(s.values).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    for (const acc of Object.values(s.fields)) expect(acc.accuracy).toBe(1);
  });

  it('lowers recall, not precision, when a gold figure is missing', () => {
    const s = score([gold(909), gold(150)], [pred(909)]);
    expect(s.values.precision).toBe(1);
    expect(s.values.recall).toBe(0.5);
  });

  it('lowers precision, not recall, for a spurious figure', () => {
    const s = score([gold(909)], [pred(909), pred(2024)]);
    expect(s.values.recall).toBe(1);
    expect(s.values.precision).toBe(0.5);
  });

  it('matches each gold figure at most once', () => {
    const m = matchFigures([gold(150)], [pred(150), pred(150)], PUBLISHED);
    expect(m.pairs).toHaveLength(1);
    expect(m.spurious).toHaveLength(1);
  });

  it('pairs repeated values by the fields that agree', () => {
    const g = [gold(150, { event: 'released', attribution: null }), gold(150, { event: 'returned', attribution: "Russia's defence ministry" })];
    const m = matchFigures(g, [pred(150, { event: 'returned', attribution: "Russia's defence ministry" }), pred(150, { event: 'released', attribution: undefined })], PUBLISHED);
    expect(m.pairs).toEqual([{ gold: 0, pred: 1 }, { gold: 1, pred: 0 }]);
  });

  it('requires the upper bound of a range', () => {
    const range = gold(50, { valueHigh: 60 });
    expect(matchFigures([range], [pred(50)], PUBLISHED).pairs).toHaveLength(0);
    expect(matchFigures([range], [pred(50, { valueHigh: 60 })], PUBLISHED).pairs).toHaveLength(1);
  });

  it('matches scaled money values despite floating point', () => {
    expect(matchFigures([gold(1_200_000_000)], [pred(1.2 * 1e9)], PUBLISHED).pairs).toHaveLength(1);
  });
});

describe('field comparisons', () => {
  it('finds the counted head noun in either number', () => {
    expect(countedMatches('troops', 'Russian troop')).toBe(true);
    expect(countedMatches('servicemen', 'Russian serviceman')).toBe(true);
    expect(countedMatches('casualties', 'casualty')).toBe(true);
    expect(countedMatches('troops', 'Russian civilians')).toBe(false);
    expect(countedMatches('troops', undefined)).toBe(false);
  });

  it('folds event wording and synonyms but not different events', () => {
    expect(eventMatches('captured', 'capture')).toBe(true);
    expect(eventMatches('killed or wounded', 'killed')).toBe(true);
    expect(eventMatches('freed', 'released')).toBe(true);
    expect(eventMatches('shot down', 'intercepted')).toBe(true);
    expect(eventMatches('surrendered', 'released')).toBe(false);
  });

  it('compares attribution by containment either way, and absence with absence', () => {
    expect(attributionMatches('Ukrainian military', 'the Ukrainian military')).toBe(true);
    expect(attributionMatches("Britain's Ministry of Defence", 'ministry of defence')).toBe(true);
    expect(attributionMatches(null, undefined)).toBe(true);
    expect(attributionMatches(null, 'OPEC+')).toBe(false);
    expect(attributionMatches('Russia', undefined)).toBe(false);
  });

  it('matches a source with its initials, dotted initials, and a titled surname with the full name', () => {
    expect(attributionMatches('NAO', 'National Audit Office')).toBe(true);
    expect(attributionMatches('Office of Fair Rents', 'OFR')).toBe(true);
    expect(attributionMatches('NSADB', 'North-South Anti-Drift Board')).toBe(true);
    expect(attributionMatches('NADB', 'North-South Anti-Drift Board')).toBe(false);
    expect(attributionMatches('J. Allard', 'Xbox frontman J Allard')).toBe(true);
    expect(attributionMatches('Mr Pryce', 'Gareth Pryce')).toBe(true);
    // A shared last word is not enough without a personal title: these are two bodies.
    expect(attributionMatches('Retail Banking Research', 'Market Research')).toBe(false);
    expect(attributionMatches('Mr Pryce', 'Gareth Price')).toBe(false);
    expect(attributionMatches('NAO', 'National Rail')).toBe(false);
  });

  it('treats synonymous qualifiers as one and different bounds as different', () => {
    expect(qualifierMatches('about', 'around')).toBe(true);
    expect(qualifierMatches('below', 'less than')).toBe(true);
    expect(qualifierMatches('at least', 'up to')).toBe(false);
    expect(qualifierMatches(null, 'over')).toBe(false);
  });

  it('reads a figure without its own date as of the publication day', () => {
    const g = gold(909);
    expect(fieldAgrees('date', g, pred(909, { date: undefined }), PUBLISHED)).toBe(true);
    expect(fieldAgrees('date', g, pred(909, { date: '2025-02-05' }), PUBLISHED)).toBe(false);
  });

  it('does not score counted or event where the gold set leaves them empty', () => {
    const g = gold(97, { counted: null, countedHead: null, event: null });
    expect(fieldAgrees('counted', g, pred(97), PUBLISHED)).toBeNull();
    expect(fieldAgrees('event', g, pred(97), PUBLISHED)).toBeNull();
  });
});

const quote = (text: string, speaker?: string): QuoteFact => ({ kind: 'quote', sentenceIndex: 1, sentence: 's', text, ...(speaker ? { speaker } : {}) });
const claim = (attribution: string, text: string, stance: 'assert' | 'deny' = 'assert'): ClaimFact => ({ kind: 'claim', sentenceIndex: 1, sentence: 's', attribution, text, stance });

describe('quotes, claims and queries', () => {
  it('matches quotes on word overlap and checks the speaker by surname', () => {
    expect(textOverlap('The enemy can be beaten', 'the enemy can be beaten.')).toBe(1);
    const s = scoreQuotes(
      [{ text: 'The enemy can be beaten on its own land', speaker: 'Volodymyr Zelensky' }, { text: 'We need decisions', speaker: 'Rustem Umerov' }],
      [quote('The enemy can be beaten on its own land', 'President Zelensky'), quote('Something else entirely', 'Umerov')],
    );
    expect(s.quotes).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(s.speaker.accuracy).toBe(1);
  });

  it('matches a claim only when its attribution agrees and half its words overlap', () => {
    const g = [{ attribution: 'Russia', text: 'it has liberated the Kursk region', stance: 'assert' as const }];
    expect(scoreClaims(g, [claim('Russia', 'it has liberated the Kursk region from Ukrainian forces')]).claims.f1).toBe(1);
    expect(scoreClaims(g, [claim('Ukraine', 'it has liberated the Kursk region')]).claims.tp).toBe(0);
    expect(scoreClaims(g, [claim('Russia', 'talks will resume in June')]).claims.tp).toBe(0);
    expect(scoreClaims(g, [claim('Russia', 'it has liberated the Kursk region', 'deny')]).stance.accuracy).toBe(0);
  });

  it('counts mustNot figures and off-topic articles as errors in precision@10', () => {
    const q = { command: '/figures prisoners', topic: 'prisoners', articles: ['01-a', '02-b'], must: [{ article: '01-a', value: 909 }], mustNot: [{ article: '31-c', value: 3 }] };
    const s = scoreQuery(q, [
      { article: '01-a', value: 909 },
      { article: '02-b', value: 150 },
      { article: '31-c', value: 3 },
      { article: '40-d', value: 7 },
    ]);
    expect(s).toMatchObject({ returned: 4, errors: 2, precisionAt10: 0.5, mustRecall: 1, mustNotHits: 1 });
    expect(scoreQuery(q, []).mustRecall).toBe(0);
  });
});

const ALLOWED_UNITS = new Set(['%', 'USD', 'EUR', 'GBP', 'CAD', 'NPR', 'ratio', 'days', 'months', 'years']);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe('the gold set', () => {
  const articles = loadGoldArticles();

  it('holds at least 40 articles of 120 to 300 words with consistent annotations', () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
    for (const a of articles) {
      const where = `${a.id}`;
      const words = a.text.split(/\s+/).filter(Boolean).length;
      expect(words, where).toBeGreaterThanOrEqual(120);
      expect(words, where).toBeLessThanOrEqual(300);
      const hay = `${a.title}\n${a.text}`;
      for (const f of a.figures) {
        expect(hay.includes(f.raw), `${where}: raw "${f.raw}"`).toBe(true);
        expect(f.date, `${where}: ${f.raw}`).toMatch(ISO);
        if (f.unit !== null) expect(ALLOWED_UNITS.has(f.unit), `${where}: unit ${f.unit}`).toBe(true);
        if (f.countedHead !== null) expect(countedMatches(f.countedHead, f.counted ?? undefined), `${where}: ${f.raw}`).toBe(true);
      }
      for (const s of [...a.notFigures, ...a.quotes.map((q) => q.text), ...a.claims.map((c) => c.text)]) expect(hay.includes(s), `${where}: "${s}"`).toBe(true);
    }
  });

  it('has queries whose must and mustNot figures exist in the gold articles', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const queries = loadGoldQueries();
    expect(queries.length).toBeGreaterThanOrEqual(20);
    for (const q of queries) {
      for (const ref of [...q.must, ...q.mustNot]) {
        // An earlier level folded into its figure ("159, up from 146") is still a value the answer shows.
        const shown = (f: { value: number; previous?: number | null }) => f.value === ref.value || f.previous === ref.value;
        expect(byId.get(ref.article)?.figures.some(shown), `${q.topic}: ${ref.article} ${ref.value}`).toBe(true);
      }
    }
  });
});

/**
 * The targets, enforced on the whole gold set (it takes about a second), so extraction or
 * search quality cannot fall below them without a test failing.
 */
describe('the extractor and search on the gold set meet the targets', () => {
  it('figure value F1 ≥ 0.95; counted, date and attribution ≥ 0.90 among found figures', async () => {
    const { extractFacts } = (await import('../../src/extract/index.ts')) as { extractFacts: Extractor };
    const report = evaluateExtraction(loadGoldArticles(), extractFacts);
    expect(report.figures.values.f1).toBeGreaterThanOrEqual(0.95);
    for (const field of ['counted', 'date', 'attribution'] as const) {
      expect(report.figures.fields[field].accuracy, field).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('/figures precision@10 ≥ 0.90 over the gold queries', async () => {
    const outcome = await evaluateQueries(loadGoldArticles(), loadGoldQueries());
    if ('skipped' in outcome) throw new Error(outcome.skipped);
    expect(outcome.meanPrecisionAt10).toBeGreaterThanOrEqual(0.9);
  });
});
