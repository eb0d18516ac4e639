import { describe, expect, it } from 'vitest';
import { extract, figures } from './helpers.ts';

const units = (text: string) => extract(text).facts.flatMap((f) => (f.kind === 'figure' ? [f.unit ?? null] : []));

describe('pesos and rupees by the country named', () => {
  it('takes the country of the sentence, else the first one the article names', () => {
    expect(figures('Colombia will spend 24 trillion pesos on grants.')[0]!.unit).toBe('COP');
    expect(figures('Sri Lanka needs 100bn rupees.')[0]!.unit).toBe('LKR');
    expect(units('Argentina is in talks with lenders.\n\nIt owes 90bn pesos, officials said.')).toEqual(['ARS']);
  });

  it('keeps Mexican pesos and Indian rupees where no country is named', () => {
    expect(figures('Prices rose 20 pesos.')[0]!.unit).toBe('MXN');
    expect(figures('A ticket costs 300 rupees.')[0]!.unit).toBe('INR');
  });
});

describe('numeric character references left in text', () => {
  it('reads "&#163;8m" as £8m and leaves markup and controls as written', () => {
    expect(figures('City bid &#163;8m for the pair.')[0]).toMatchObject({ raw: '£8m', unit: 'GBP' });
    const s = figures('A &#60;b&#62; tag, a &#7; bell and &#x20AC;5m.')[0]!.sentence;
    expect(s).toContain('&#60;b&#62;');
    expect(s).toContain('&#7;');
    expect(s).toContain('€5m');
  });
});
