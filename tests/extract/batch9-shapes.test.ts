import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes the ninth batch of real articles showed the extractor missing or misreading. Our own sentences.
const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);
const facts = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null, f.direction ?? null, f.qualifier ?? null]);

describe('scores and rates', () => {
  it('reads a score after "the match", and a vote written "by 229 to 206"', () => {
    expect(read('She took the match 6-4 7-5 in an hour.')).toEqual([['6-4', 6, 'score'], ['7-5', 7, 'score']]);
    expect(read('Peers voted by 180 to 150 to keep the rule.')).toEqual([['180 to 150', 180, 'score']]);
  });

  it('reads data rates written "a second" and what a physical measure is of', () => {
    expect(read('Data flows at one gigabit a second.')).toEqual([['one gigabit a second', 1, 'Gbps']]);
    expect(facts('Kestrel says speeds of 3.6Mbps were seen at the edge.')[0]![1]).toBe('speeds');
  });
});

describe('changes and what is counted', () => {
  it('reads "N% above normal" and "below the level of last year", and "swelled to"', () => {
    expect(facts('Demand is 12% above normal, while stocks are 6% below the level of last year.').map((f) => f[2])).toEqual(['up', 'down']);
    expect(facts('The deficit has swelled to $9bn.')[0]![2]).toBe('up');
  });

  it('links a change to its level across "from the previous year"', () => {
    expect(figures('Sales fell 20% from the previous year to 2bn rupees.').map((f) => [f.raw, f.change])).toEqual([['2bn rupees', -20]]);
  });

  it('reads "a fine up to" and "N or so" with its noun, and the part "only one" of a group', () => {
    expect(facts('The firm could face a fine up to 300,000 yuan.')[0]![1]).toBe('fine');
    expect(facts('Of the 30 or so photos, only one was new.')).toEqual([['30 or so', 'photos', null, 'about'], ['one', 'photos', null, null]]);
  });
});
