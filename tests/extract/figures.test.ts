import { describe, expect, it } from 'vitest';
import { figure, figures } from './helpers.ts';
import { extractFacts } from '../../src/extract/index.ts';

describe('figures', () => {
  it('reads value, qualifier, counted, event, date and source from a reporting sentence', () => {
    const f = figure('Kyiv said on Thursday it had taken more than 900 Russian troops prisoner.');
    expect(f).toMatchObject({ value: 900, qualifier: 'more than', raw: 'more than 900', event: 'captured', date: '2025-02-06', attribution: 'Kyiv' });
    expect(f.counted).toContain('Russian troops');
    expect(f.countedKey).toBe('russian soldier');
  });

  it('folds soldier synonyms and prisoners of war into shared keys', () => {
    expect(figure('Officials counted 40 Russian servicemen.').countedKey).toBe('russian soldier');
    expect(figure('Officials counted 40 Russian soldiers.').countedKey).toBe('russian soldier');
    expect(figure('Officials counted 40 Ukrainian prisoners of war.').countedKey).toBe('ukrainian prisoner of war');
    expect(figure('Officials counted 40 POWs.').countedKey).toBe('prisoner of war');
  });

  it('attributes a figure inside a quote to the source named after the quote', () => {
    const f = figure('“Our units captured 909 enemy servicemen in the operation,” the Ukrainian military said.');
    expect(f).toMatchObject({ value: 909, attribution: 'Ukrainian military', event: 'captured' });
  });

  it('carries a quote speaker to the next paragraph through "it added"', () => {
    const text = '“The raid went well,” the Ukrainian military said.\n\n“We brought home hundreds of Ukrainian defenders,” it added.';
    const f = figures(text).find((x) => x.raw === 'hundreds of')!;
    expect(f).toMatchObject({ vague: true, counted: 'Ukrainian defenders', attribution: 'Ukrainian military', event: 'returned' });
  });

  it('dates a figure in a "Last year" sentence with that year as its period', () => {
    const f = figure('Last year, the army said its units had captured more than 700 Russian troops.');
    expect(f).toMatchObject({ value: 700, periodStart: '2024-01-01', periodEnd: '2024-12-31', date: '2024-12-31' });
  });

  it('takes the event from the verb, not from an adjective in the counted phrase', () => {
    const f = figure('On Wednesday, each side released 150 captured soldiers in the latest exchange.');
    expect(f).toMatchObject({ value: 150, counted: 'captured soldiers', event: 'released', date: '2025-02-05' });
  });

  it('reads a 1,000-for-1,000 swap as a ratio whose noun is both what is counted and the event', () => {
    expect(figure('Both armies agreed a 1,000-for-1,000 swap.')).toMatchObject({ value: 1000, unit: 'ratio', counted: 'swap', event: 'exchanged' });
  });

  it('gives a figure inside a stated window that window as its period', () => {
    const f = figure('The 600 arrests happened between August 6, 2024, and May 25, 2025.');
    expect(f).toMatchObject({ periodStart: '2024-08-06', periodEnd: '2025-05-25', date: '2025-05-25' });
  });

  it('reads durations as figures with a unit', () => {
    expect(figure('The two capitals have been at war for nearly three years.')).toMatchObject({ raw: 'nearly three years', value: 3, unit: 'years', qualifier: 'nearly' });
    expect(figure('They advanced after six months of fighting.')).toMatchObject({ value: 6, unit: 'months', counted: 'fighting' });
  });

  it('reads qualifiers before a number', () => {
    expect(figure('Around 2,000 Russian civilians still live there.')).toMatchObject({ value: 2000, qualifier: 'around', counted: 'Russian civilians' });
    expect(figure('At least 12 people were wounded.')).toMatchObject({ qualifier: 'at least', event: 'wounded' });
    expect(figure('Up to 30 drones were launched.')).toMatchObject({ qualifier: 'up to', event: 'launched' });
  });

  it('reads "hundreds of" as the span 200–999, flagged vague, keeping its words', () => {
    const f = figure('Kyiv wants to bring home hundreds of Ukrainian defenders.');
    expect(f).toMatchObject({ value: 200, valueHigh: 999, vague: true, raw: 'hundreds of', counted: 'Ukrainian defenders' });
    expect(f.qualifier).toBeUndefined();
  });

  it('borrows what a number counted earlier in the article when it recurs bare ("all 971")', () => {
    const found = figures('Officials said 971 Russian soldiers were captured. All 971 are now held in camps.');
    expect(found[1]).toMatchObject({ value: 971, counted: 'Russian soldiers' });
  });

  it('reads what is counted from the subject or object before the figure', () => {
    expect(figure('Turnout was 67.4% on Sunday.').counted).toBe('Turnout');
    expect(figure('The central bank cut its key rate to 2.75%.').counted).toBe('key rate');
    expect(figure('Core inflation, which excludes food, held at 2.3%.').counted).toBe('Core inflation');
    expect(figure('The scheme comes at a cost of £45m a year.').counted).toBe('cost');
    expect(figure('The club will receive £2.5m in prize money.').counted).toBe('prize money');
  });

  it('reads "up from" as the earlier level of the figure, and carries what is counted to "including"', () => {
    expect(figure('Turnout was 64.7%, up from 53 percent in the first round.')).toMatchObject({ value: 64.7, previous: 53, direction: 'up', counted: 'Turnout' });
    expect(figures('Air defences destroyed 337 drones, including 91 over the capital.')[1]!.counted).toBe('drones');
  });

  it('marks hedged figures', () => {
    expect(figure('Some 300 soldiers were reportedly captured.').hedged).toBe(true);
    expect(figure('An estimated 300 soldiers died.').hedged).toBe(true);
    expect(figure('Exactly 300 soldiers died.').hedged).toBeUndefined();
  });

  it('marks negated figures', () => {
    expect(figure('Moscow denied that 300 of its soldiers had surrendered.').negated).toBe(true);
    expect(figure('The unit did not capture 40 tanks.').negated).toBe(true);
    expect(figure('The unit captured no more than 40 tanks.').negated).toBeUndefined();
  });

  it('does not take calendar dates, years, ordinals, times or names as figures', () => {
    const text = 'On May 25, 2025, the third convoy left at 10:00. In 2022 the G7 met; the 21st brigade fought near Kursk since World War II ended.';
    expect(figures(text)).toEqual([]);
    expect(figures('The deal was signed on 25 May 2025.')).toEqual([]);
  });

  it('drops site chrome and labels', () => {
    expect(figures('12 comments\n\n5 min read\n\nTop 10 stories\n\n© 2025 Example News\n\n3,400 shares')).toEqual([]);
    expect(figures('Under Article 5 the allies must act. Call +44 20 7946 0958 for details.')).toEqual([]);
  });

  it('reads money and percentages', () => {
    expect(figure('The budget adds $1.2bn for defence.')).toMatchObject({ value: 1_200_000_000, unit: 'USD', raw: '$1.2bn' });
    expect(figure('Turnout was 12 percent lower.')).toMatchObject({ value: 12, unit: '%' });
  });
});

describe('figure events and dates beyond the lexicon', () => {
  it('reports the governing verb as written when it is not a known event', () => {
    expect(figure('The party won 53 seats.').event).toBe('won');
    expect(figure('Inflation rose to 2% in June.').event).toBe('rose');
    expect(figure('About 2,000 civilians still live there.').event).toBe('live');
  });

  it('does not date a figure by an open span or by a year naming something', () => {
    expect(figure('More than 4,000 people have been freed since the war began in 2022.', '2025-02-05T10:00:00Z').date).toBe('2025-02-05');
    expect(figure('The state unveiled $1.2bn in cuts in its 2025 budget.', '2024-12-02T10:00:00Z').date).toBe('2024-12-02');
  });

  it('gives a trailing date to the earlier level right before it, not to the figure', () => {
    const f = figure('Turnout was 64.7%, up from 53 percent on May 4.', '2025-05-19T10:00:00Z');
    expect(f).toMatchObject({ date: '2025-05-19', previous: 53, previousDate: '2025-05-04' });
  });
});

describe('figures in dashed lists', () => {
  it('does not throw on a list whose items start with a dash, and counts no punctuation', () => {
    const text = 'The judge set out the terms.\n\n- Do 200 hours community service \n - Pay a $2,500 (£1,340) fine \n - Attend two classes per week';
    const x = extractFacts({ title: 'Singer sentenced', text, published: new Date('2005-03-01T00:00:00Z') });
    const figures = x.facts.filter((f) => f.kind === 'figure');
    expect(figures.map((f) => f.value)).toEqual(expect.arrayContaining([200, 2500, 1340, 2]));
    for (const f of figures) if (f.counted !== undefined) expect(f.counted).toMatch(/\p{L}/u);
  });
});
