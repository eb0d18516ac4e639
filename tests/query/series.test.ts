import { describe, expect, it } from 'vitest';
import { groupFigures, type FigurePoint } from '../../src/query/figures.ts';
import { leadPoint, mainSeries, timelineText } from '../../src/query/series.ts';
import { figureLine } from '../../commands/figures.ts';

let id = 0;
const point = (over: Partial<FigurePoint>): FigurePoint => ({
  factId: ++id, value: 0, valueHigh: null, unit: null, raw: null, qualifier: null, counted: 'oil prices', countedKey: 'oil price', event: null,
  date: '2005-01-01', period: null, attribution: null, hedged: false, negated: false, vague: false, direction: null, change: null, changeUnit: null,
  previous: null, previousDate: null, conversion: false, isChange: false, roundingOf: null, disputed: false, sentence: '',
  article: { id: id, title: 't', url: null, published: '2005-01-01T00:00:00Z', source: 's' },
  ...over,
});
const labels = (points: FigurePoint[]) => mainSeries(points).map((sp) => sp.label);

describe('series of comparable figures', () => {
  it('keeps prices and percentage changes of prices apart', () => {
    const points = [
      point({ value: 47, unit: 'USD', date: '2005-01-10' }),
      point({ value: 30, unit: '%', isChange: true, direction: 'up', date: '2005-01-20' }),
      point({ value: 52, unit: 'USD', date: '2005-02-10' }),
    ];
    expect(labels(points)).toEqual(['USD 47 (10 Jan 2005)', 'USD 52 (10 Feb 2005)']);
  });

  it('keeps counts in other units out: reserves in barrels never join a price', () => {
    const points = [point({ value: 40, unit: 'USD', date: '2005-02-01' }), point({ value: 84e6, unit: 'barrels', date: '2005-01-01' })];
    expect(labels(points)).toEqual(['USD 40 (1 Feb 2005)']);
  });

  it('has one value per date: the precise, attributed one', () => {
    const points = [
      point({ value: 900, qualifier: 'more than', date: '2025-02-06', attribution: 'Ukraine' }),
      point({ value: 909, date: '2025-02-06', attribution: 'Ukrainian military' }),
      point({ value: 700, qualifier: 'more than', date: '2024-12-31' }),
    ];
    expect(labels(points)).toEqual(['700+ (31 Dec 2024)', '909 (6 Feb 2025)']);
  });

  it('makes an earlier level with its own date an earlier point, and never a bracketed conversion', () => {
    const points = [
      point({ value: 2, unit: '%', date: '2005-06-30', direction: 'up', previous: 1.9, previousDate: '2005-05-31' }),
      point({ value: 1.4, unit: 'GBP', conversion: true, date: '2005-06-30' }),
    ];
    expect(labels(points)).toEqual(['1.9% (31 May 2005)', '2% (30 Jun 2005)']);
  });

  it('never lets a headline rounding lead or join the series', () => {
    const points = [
      point({ value: 1000, date: '2025-05-26', roundingOf: 971, counted: 'Russian soldiers', countedKey: 'russian soldier', event: 'captured' }),
      point({ value: 971, date: '2025-05-25', attribution: 'General Staff', counted: 'Russian soldiers', countedKey: 'russian soldier', event: 'captured' }),
    ];
    expect(leadPoint(points)!.value).toBe(971);
    const groups = groupFigures(points);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.points.map((p) => p.value)).toEqual([971]);
  });

  it('leads with the newest precise, attributed figure', () => {
    const points = [
      point({ value: 200, valueHigh: 999, vague: true, date: '2025-05-26', attribution: 'army' }),
      point({ value: 971, date: '2025-05-25', attribution: 'General Staff' }),
      point({ value: 960, date: '2025-05-25' }),
    ];
    expect(leadPoint(points)!.value).toBe(971);
  });

  it('writes a long series as at most 8 points, first and last kept, with the count left out', () => {
    const daily = Array.from({ length: 200 }, (_, i) => point({ value: 100 + ((i * 37) % 50) + (i === 120 ? 500 : 0), date: new Date(Date.UTC(2005, 0, 1 + i)).toISOString().slice(0, 10) }));
    const series = mainSeries(daily);
    expect(series).toHaveLength(200);
    const text = timelineText(series)!;
    const shown = text.replace(/ \(\+\d+ more\)$/, '').split(' → ');
    expect(shown).toHaveLength(8);
    expect(shown[0]).toBe(series[0]!.label);
    expect(shown[7]).toBe(series[199]!.label);
    expect(text).toContain(series[120]!.label); // the spike is a turning point
    expect(text).toMatch(/\(\+\d+ more\)$/);
  });
});

describe('a figure line with its change', () => {
  it('reads "sales: $11.1bn, up 2% from $10.9bn"', () => {
    const p = point({ value: 11.1e9, raw: '$11.1bn', unit: 'USD', counted: 'sales', direction: 'up', change: 2, changeUnit: '%', previous: 10.9e9, date: '2004-12-31' });
    expect(figureLine(p)).toBe('sales: $11.1bn, up 2% from $10.9bn — 31 Dec 2004');
    expect(figureLine(point({ value: 13176, raw: '13,176', counted: 'index', direction: 'down', change: -0.4, changeUnit: '%', date: '2005-01-05' }))).toBe('index: 13,176, down 0.4% — 5 Jan 2005');
  });
});

describe('changes in a series', () => {
  it('draws no timeline of percentage changes, and lets a level lead over a change', () => {
    const changes = [
      point({ value: 45, unit: '%', isChange: true, direction: 'up', date: '2004-02-14' }),
      point({ value: 6, unit: '%', isChange: true, direction: 'down', date: '2004-12-16' }),
    ];
    expect(mainSeries(changes)).toEqual([]);
    const mixed = [...changes, point({ value: 40, unit: 'USD', date: '2004-06-01', attribution: 'traders' })];
    expect(leadPoint(mixed)!.value).toBe(40);
  });
});
