import { describe, expect, it } from 'vitest';
import { findDisputes, partyOf, predicateOf } from '../../src/query/claims.ts';
import type { FactRow } from '../../src/store/index.ts';
import { markDisputes, type FigurePoint } from '../../src/query/figures.ts';

let id = 0;
const claim = (attribution: string, body: string, opts: { stance?: string; subject?: string; published?: string } = {}): FactRow => ({
  id: ++id,
  articleId: id,
  kind: 'claim',
  sentenceIndex: 1,
  sentence: `${attribution} says ${body}.`,
  raw: null,
  body,
  value: null,
  valueHigh: null,
  unit: null,
  qualifier: null,
  counted: null,
  countedKey: null,
  event: null,
  refDate: null,
  periodStart: null,
  periodEnd: null,
  attribution,
  speaker: null,
  stance: opts.stance ?? 'assert',
  subjectKey: opts.subject ?? 'kursk',
  hedged: false,
  negated: false,
  vague: false, direction: null, change: null, changeUnit: null, previous: null, previousDate: null, conversion: false, isChange: false, roundingOf: null,
  article: { id, title: 't', url: null, publishedAt: opts.published ?? '2025-04-27T00:00:00Z', topics: [] },
  source: { id: 1, title: null, url: 'u' },
});

describe('disputes', () => {
  it('groups officials and capitals into their country', () => {
    expect(partyOf("Russia's defence ministry")).toBe('russia');
    expect(partyOf('the Kremlin')).toBe('russia');
    expect(partyOf("Ukraine's General Staff")).toBe('ukraine');
    expect(partyOf('Independent analysts')).toBe('independent analysts');
  });

  it('sees control claims by opposing parties about the same place as a dispute', () => {
    const d = findDisputes([
      claim('Russia', 'it has liberated the Kursk region as of April 26'),
      claim("Ukraine's General Staff", 'its units are still fighting in the border area'),
    ]);
    expect(d).toHaveLength(1);
    expect(d[0]!.subjectKey).toBe('kursk control');
    expect(d[0]!.sides.map((s) => s.party).sort()).toEqual(['russia', 'ukraine']);
  });

  it('does not call claims by one party, or claims about different things, a dispute', () => {
    expect(findDisputes([claim('Moscow', 'it has retaken the region'), claim('the Kremlin', 'the region is under Russian control')])).toEqual([]);
    expect(findDisputes([claim('Russia', 'it has retaken the region'), claim('Zelensky', 'talks could start in Istanbul')])).toEqual([]);
    expect(findDisputes([claim('Russia', 'it has retaken the region', { subject: 'kursk' }), claim('Ukraine', 'fighting continues', { subject: 'donetsk' })])).toEqual([]);
  });

  it('sees a denial of another party’s claim as a dispute on any subject', () => {
    const d = findDisputes([claim('Russia', 'talks will resume next week'), claim('Ukraine', 'talks will resume next week', { stance: 'deny' })]);
    expect(d).toHaveLength(1);
  });

  it('keeps each party’s most recent claim', () => {
    const d = findDisputes([
      claim('Russia', 'it controls most of the region', { published: '2025-01-01T00:00:00Z' }),
      claim('Russia', 'it has liberated the whole region', { published: '2025-04-27T00:00:00Z' }),
      claim('Ukraine', 'fighting continues in the region', { published: '2025-04-27T00:00:00Z' }),
    ]);
    expect(d[0]!.sides.find((s) => s.party === 'russia')!.text).toBe('it has liberated the whole region');
  });

  it('classifies what a claim is about', () => {
    expect(predicateOf('it has liberated the Kursk region')).toBe('control');
    expect(predicateOf('more than 76,000 soldiers were killed')).toBe('casualties');
    expect(predicateOf('the weather was mild')).toBeUndefined();
  });
});

describe('disputed figures', () => {
  const fig = (value: number, attribution: string | null): FigurePoint => ({
    factId: value,
    value,
    valueHigh: null,
    unit: null,
    raw: null,
    qualifier: null,
    counted: 'Ukrainian soldiers',
    countedKey: 'ukrainian soldier',
    event: 'killed',
    date: '2025-04-26',
    period: null,
    attribution,
    hedged: false,
    negated: false,
    vague: false, direction: null, change: null, changeUnit: null, previous: null, previousDate: null, conversion: false, isChange: false, roundingOf: null,
    disputed: false,
    sentence: '',
    article: { id: value, title: 't', url: null, published: '2025-04-27T00:00:00Z', source: 's' },
  });

  it('marks different values for the same count and date from opposing parties as disputed', () => {
    const points = [fig(76000, 'Valery Gerasimov'), fig(20000, "Ukraine's General Staff")];
    markDisputes(points);
    expect(points.map((p) => p.disputed)).toEqual([true, true]);
  });

  it('does not mark figures that one party revised, or that nobody is quoted for', () => {
    const same = [fig(76000, 'Moscow'), fig(70000, 'the Kremlin')];
    markDisputes(same);
    expect(same.some((p) => p.disputed)).toBe(false);
    const unattributed = [fig(76000, 'Moscow'), fig(20000, null)];
    markDisputes(unattributed);
    expect(unattributed.some((p) => p.disputed)).toBe(false);
  });
});
