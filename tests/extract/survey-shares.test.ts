import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);

describe('shares of a survey told a sentence at a time', () => {
  it('lends the group of the last share to shares that open their clause with a view', () => {
    expect(counted('In the poll, 52% of voters said taxes were too high. Similarly, 45% were gloomy about jobs, while 38% were hopeful.')).toEqual([
      ['52%', 'voters'],
      ['45%', 'voters'],
      ['38%', 'voters'],
    ]);
    expect(counted('A survey found 30% of shoppers used cash. Only 12% regarded themselves as keen on cards.')[1]).toEqual(['12%', 'shoppers']);
  });

  it('lends nothing to a share that is a rate or a change, or to one too far from the survey', () => {
    expect(counted('In the poll, 52% of voters said taxes were too high. Inflation rose 3% in May.')[1]).toEqual(['3%', 'Inflation']);
    expect(counted('Some 52% of voters backed him. It rained. It snowed. It froze. It thawed. Only 20% were happy.')[1]).toEqual(['20%', null]);
  });
});
