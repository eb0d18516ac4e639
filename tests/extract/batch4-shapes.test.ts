import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes a fresh batch of real articles showed the extractor missing or misreading. Our own sentences.
const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null, f.counted ?? null]);
const raws = (text: string) => figures(text).map((f) => f.raw);

describe('numbers written in words and units', () => {
  it('reads thirteen to nineteen written as words, and never takes "said" for what is counted', () => {
    expect(read('Seventeen percent of drivers said they had no licence.')).toEqual([['Seventeen percent', 17, '%', 'drivers']]);
    expect(read('Twelve percent said no.')).toEqual([['Twelve percent', 12, '%', null]]);
  });

  it('reads a currency named with its country, and a unit joined by a hyphen', () => {
    expect(read('Sales fell to 12.4bn Swiss francs.')[0]!.slice(0, 3)).toEqual(['12.4bn Swiss francs', 12.4e9, 'CHF']);
    expect(read('She took the eight-kilometre race.')).toEqual([['eight-kilometre', 8, 'km', 'race']]);
  });

  it('keeps "a one-year deal" as a figure', () => {
    expect(read('He signed a one-year deal.')).toEqual([['one-year', 1, 'years', 'deal']]);
  });
});

describe('what is counted', () => {
  it('reads a fine, "worth of", "those asked" past a bracket, and a subject "projected to" rise', () => {
    expect(read('The bank was fined 2m euros by the regulator.')[0]![3]).toBe('fine');
    expect(read('The turbine makes 3kW worth of power.')[0]![3]).toBe('power');
    expect(read('More than half (57%) of those asked agreed.').map((r) => r[3])).toEqual(['those', 'those']);
    expect(read('The deficit is projected to rise to $380bn.')[0]![3]).toBe('deficit');
  });

  it('reads the noun after "-man" and "-strong" compounds', () => {
    expect(read('He named a 30-man squad, and was handed a one-match ban.')).toEqual([['30-man', 30, null, 'squad'], ['one-match', 1, null, 'ban']]);
  });
});

describe('numbers that are no figures', () => {
  it('skips days named in a pair, "prior to", versions and age bands', () => {
    expect(raws('The event is on 9 or 10 March.')).toEqual([]);
    expect(raws('The deal was struck two weeks prior to the vote.')).toEqual([]);
    expect(raws('The phone supports USB 2.0 and costs $90.')).toEqual(['$90']);
    expect(raws('Most 18 to 24-year-olds (81%) agreed.')).toEqual(['81%']);
    expect(raws('Free bus passes go to 15 and 16-year-olds.')).toEqual(['15', '16-year-olds']);
  });

  it('reads set scores after "went down", and skips "the first three" finishers', () => {
    expect(figures('The second seed went down 6-4 (7-5) 6-3 in the final.').map((f) => [f.raw, f.unit])).toEqual([
      ['6-4', 'score'],
      ['7-5', 'score'],
      ['6-3', 'score'],
    ]);
    expect(raws('The first three were all from Kenya.')).toEqual([]);
  });
});

describe('more sport and survey shapes', () => {
  it('reads set scores before "down to" and a score before "humiliation"', () => {
    expect(raws('He had to retire when 6-3 2-0 down to Moya.')).toEqual(['6-3', '2-0']);
    expect(figures('It followed a 38-3 humiliation of Wales.').map((f) => f.unit)).toEqual(['score']);
  });

  it('skips a survey age band, "the first three at", and "for a second week"', () => {
    expect(raws('Use is higher among those aged between 18 and 30.')).toEqual([]);
    expect(raws('The first three at the meeting were Kenyans.')).toEqual([]);
    expect(raws('The film topped the chart for a second week.')).toEqual([]);
  });
});

describe('compounds with a hyphen, bare plurals and "only one"', () => {
  it('keeps a compound as written and counts the noun after it, but not an adjective in -ed', () => {
    expect(read('They make eight-valve engines and a two-disc box.')).toEqual([
      ['eight-valve', 8, null, 'engines'],
      ['two-disc', 2, null, 'box'],
    ]);
    expect(raws('She has a strong two-handed backhand.')).toEqual([]);
  });

  it('reads "Thousands" before a verb as a vague span', () => {
    const [f] = figures('Thousands queued in the rain.');
    expect([f!.raw, f!.value, f!.valueHigh, f!.vague]).toEqual(['Thousands', 2000, 9999, true]);
  });

  it('keeps "only one" and "at least one", but not "just one of the"', () => {
    expect(raws('Only one bank agreed, and most homes own at least one radio.')).toEqual(['one', 'at least one']);
    expect(raws('Rent is just one of the bills.')).toEqual([]);
  });
});
