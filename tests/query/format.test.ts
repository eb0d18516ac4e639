import { describe, expect, it } from 'vitest';
import { formatDate, formatFigure, formatNumber, formatPeriod, formatShort } from '../../src/query/format.ts';
import { eventLabel } from '../../src/query/labels.ts';
import { timeline } from '../../commands/figures.ts';
import type { FigurePoint } from '../../src/query/figures.ts';

const point = (over: Partial<FigurePoint>): FigurePoint => ({
  factId: 1,
  value: 0,
  valueHigh: null,
  unit: null,
  raw: null,
  qualifier: null,
  counted: 'Russian soldiers',
  countedKey: 'russian soldier',
  event: 'captured',
  date: '2025-01-01',
  period: null,
  attribution: null,
  hedged: false,
  negated: false,
  vague: false, direction: null, change: null, changeUnit: null, previous: null, previousDate: null, conversion: false, isChange: false, roundingOf: null,
  disputed: false,
  sentence: '',
  article: { id: 1, title: 't', url: null, published: '2025-01-01T00:00:00Z', source: 's' },
  ...over,
});

describe('figure formatting', () => {
  it('writes numbers with their units', () => {
    expect(formatNumber({ value: 1200000000, valueHigh: null, unit: 'USD' })).toBe('USD 1,200,000,000');
    expect(formatNumber({ value: 12.5, valueHigh: null, unit: '%' })).toBe('12.5%');
    expect(formatNumber({ value: 1000, valueHigh: null, unit: 'ratio' })).toBe('1,000-for-1,000');
    expect(formatNumber({ value: 50, valueHigh: 60, unit: null })).toBe('50–60');
    expect(formatNumber({ value: 3, valueHigh: null, unit: 'years' })).toBe('3 years');
  });

  it('abbreviates qualifiers for timelines: more than 700 is 700+, around 2,000 is ~2,000', () => {
    expect(formatShort({ value: 700, valueHigh: null, unit: null, qualifier: 'more than' })).toBe('700+');
    expect(formatShort({ value: 2000, valueHigh: null, unit: null, qualifier: 'around' })).toBe('~2,000');
    expect(formatShort({ value: 971, valueHigh: null, unit: null, qualifier: null })).toBe('971');
  });

  it('prefers the words as written', () => {
    expect(formatFigure({ value: 900, valueHigh: null, unit: null, qualifier: 'more than', raw: 'more than nine hundred' })).toBe('more than nine hundred');
    expect(formatFigure({ value: 900, valueHigh: null, unit: null, qualifier: 'more than', raw: null })).toBe('more than 900');
  });

  it('writes dates and periods for people, a whole calendar year as the year', () => {
    expect(formatDate('2025-02-06')).toBe('6 Feb 2025');
    expect(formatPeriod('2024-01-01', '2024-12-31')).toBe('2024');
    expect(formatPeriod('2024-08-06', '2025-05-25')).toBe('6 Aug 2024 – 25 May 2025');
  });
});

describe('timeline', () => {
  it('runs oldest to newest and drops repeats of the same value', () => {
    const newestFirst = [
      point({ value: 971, date: '2025-05-25' }),
      point({ value: 909, date: '2025-02-06' }),
      point({ value: 909, date: '2025-02-05' }),
      point({ value: 700, qualifier: 'more than', date: '2024-12-31', period: { start: '2024-01-01', end: '2024-12-31' } }),
    ];
    expect(timeline(newestFirst)).toBe('700+ (Dec 2024) → 909 (5 Feb 2025) → 971 (25 May 2025)');
  });

  it('names a point by the date its period runs to, a whole month or year by its last month', () => {
    expect(
      timeline([
        point({ value: 971, date: '2025-05-25', period: { start: '2024-08-06', end: '2025-05-25' } }),
        point({ value: 909, date: '2025-02-28', period: { start: '2025-02-01', end: '2025-02-28' } }),
      ]),
    ).toBe('909 (Feb 2025) → 971 (25 May 2025)');
  });

  it('is absent for a single value', () => {
    expect(timeline([point({ value: 5 }), point({ value: 5 })])).toBeUndefined();
  });
});

describe('eventLabel', () => {
  it('keeps past forms and drops bare verbs that would read as broken English', () => {
    expect(eventLabel('captured')).toBe('captured');
    expect(eventLabel('held')).toBe('held');
    expect(eventLabel('hand')).toBeUndefined();
    expect(eventLabel('put')).toBeUndefined();
    expect(eventLabel(null)).toBeUndefined();
  });
});
