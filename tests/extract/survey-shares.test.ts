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

describe("a survey's sample as the group of its shares", () => {
  it('lends the people a survey asked to bare shares further into the article', () => {
    const text =
      'The institute ran a postal survey of 1,240 farmers, growers and vets last spring. They came from every county. ' +
      'The survey found farmers were upbeat. Nearly all of them used a computer, with eight out of 10 going online daily. ' +
      'More than 70% sold produce on the web, while 55% bought feed there.';
    expect(counted(text).slice(1)).toEqual([
      ['eight out of 10', 'farmers'],
      ['More than 70%', 'farmers'],
      ['55%', 'farmers'],
    ]);
  });

  it('does not take "all of them" for a group', () => {
    expect(counted('Nearly all of them, some 95%, agreed.')[0]![1]).not.toBe('Nearly all of them');
  });
});

describe('a share in the sentence that names the sample', () => {
  it('counts "The poll of 3,000 adults in 12 countries found that 64% wanted" as the adults', () => {
    expect(counted('The poll of 3,000 adults in 12 countries found that 64% wanted faster trains.').at(-1)).toEqual(['64%', 'adults']);
  });
});

describe('dimensions', () => {
  it('reads "3.5m high and 9m long" as measures of the subject, not of "high"', () => {
    expect(counted('Printed out, the mural would be 3.5m high and 9m long.').map((c) => c[1])).toEqual(['mural', 'mural']);
  });
});
