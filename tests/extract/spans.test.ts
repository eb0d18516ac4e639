import { describe, expect, it } from 'vitest';
import { findDates, refDay } from '../../src/extract/dates.ts';
import { figure, figures } from './helpers.ts';

describe('open spans: a "since …" date is where a span starts', () => {
  it('dates a count by its report, not by the month in its since-clause, and gives it the span to then', () => {
    const f = figure('Rescuers have pulled out more than 300 survivors since the start of the relief effort in March, the agency said on Tuesday.', '2025-06-12T10:00:00Z');
    expect(f).toMatchObject({ value: 300, date: '2025-06-10', periodStart: '2025-03-01', periodEnd: '2025-06-10' });
  });

  it('reads a since-clause that opens the sentence as the span of the count after it', () => {
    const f = figure('Since October, the clinic has treated 4,500 patients.', '2025-02-06T10:00:00Z');
    expect(f).toMatchObject({ date: '2025-02-06', periodStart: '2024-10-01', periodEnd: '2025-02-06' });
  });

  it('still dates what a since-clause itself reports by its own date', () => {
    const f = figure('The count has not moved since the governor said in January that 120 homes were lost.', '2025-04-01T10:00:00Z');
    expect(f.date).toBe('2025-01-31');
  });

  it('does not stretch a since-span over a figure in a coordinated clause', () => {
    const [, b] = figures('Aid groups said 40 staff had been hurt since January and that clinics had shut in 12 towns.', '2025-04-16T10:00:00Z');
    expect(b).toMatchObject({ value: 12, date: '2025-04-16' });
    expect(b!.periodStart).toBeUndefined();
  });
});

describe('"between X and Y" with months', () => {
  it('reads two months as one period, ignoring early/late and a relative year', () => {
    const ref = refDay(new Date('2025-06-12T10:00:00Z'));
    const [d] = findDates('Sales climbed between March 2024 and late April this year.', ref);
    expect(d).toMatchObject({ periodStart: '2024-03-01', periodEnd: '2025-04-30', date: '2025-04-30' });
  });

  it('gives a figure inside such a window that period, and its earlier level its own month', () => {
    const [a, ...rest] = figures('The port handled 820 ships between September 2024 and early March this year, up from 610 in late January.', '2025-06-12T10:00:00Z');
    expect(a).toMatchObject({ value: 820, periodStart: '2024-09-01', periodEnd: '2025-03-31', date: '2025-03-31', previous: 610, previousDate: '2025-01-31', direction: 'up' });
    expect(rest).toEqual([]);
  });
});

describe('durations that a count covers', () => {
  it('gives a count "over N months of …" the span ending at its date, and keeps the duration a figure', () => {
    const [count, dur] = figures('The coastguard said on Monday it had rescued 212 migrants over four months of patrols in the strait.', '2025-02-06T10:00:00Z');
    expect(count).toMatchObject({ value: 212, date: '2025-02-03', periodStart: '2024-10-03', periodEnd: '2025-02-03' });
    expect(dur).toMatchObject({ value: 4, unit: 'months', raw: 'four months', periodStart: '2024-10-03', periodEnd: '2025-02-03' });
    expect(dur!.qualifier).toBeUndefined();
  });

  it('reads "over the past" and "during the last" before the count as its span', () => {
    expect(figures('Over the past two weeks, volunteers have planted 9,000 trees.', '2025-03-20T10:00:00Z').find((f) => f.value === 9000)).toMatchObject({ value: 9000, periodStart: '2025-03-06', periodEnd: '2025-03-20' });
    expect(figures('Police made 45 arrests during the last three days.', '2025-03-20T10:00:00Z').find((f) => f.value === 45)).toMatchObject({ periodStart: '2025-03-17', periodEnd: '2025-03-20' });
  });

  it('leaves plans, trials and "more than" durations without a span', () => {
    for (const text of ['The scheme would cost $90 million over three years.', 'In the trial, patients lost 12% of their weight over 18 months.']) {
      for (const f of figures(text)) expect(f.periodStart).toBeUndefined();
    }
    const f = figure('The siege ended after over six months of shelling.');
    expect(f).toMatchObject({ value: 6, qualifier: 'over' });
    expect(f.periodStart).toBeUndefined();
  });
});
