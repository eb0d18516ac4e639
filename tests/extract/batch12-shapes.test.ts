import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes read wrongly on the development split after its eleventh batch. Our own sentences.
const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
const change = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null, f.direction ?? null, f.change ?? null]);

describe('what a figure counts, read from the clause before it', () => {
  it('reads "X shares added N%" as a movement of the shares, not a reporting verb', () => {
    expect(counted('Group shares added 2.4% after the results.')).toEqual([['2.4%', 'Group shares']]);
  });

  it('reads the subject across a prepositional aside between commas', () => {
    expect(counted('Output, on a seasonally adjusted basis, fell 0.8% in the quarter.')).toEqual([['0.8%', 'Output']]);
  });

  it('reads the noun before "which" as what a relative clause counts, never an earlier figure', () => {
    const read = counted('Its loss was 20m rand for the half year on revenue which fell 5% to 3.1bn rand.');
    expect(read.find((r) => r[0] === '3.1bn rand')?.[1]).toBe('revenue');
  });

  it('reads the subject of the first verb for a second verb joined by "but"', () => {
    const read = counted('Exports would rise 3.1% this year but slow to 2.2% next year, the agency said.');
    expect(read.find((r) => r[0] === '2.2%')?.[1]).toBe('Exports');
  });
});

describe('changes', () => {
  it('joins a change to its level across "from a year earlier to reach"', () => {
    expect(change('Operating profit climbed 12% from a year earlier to reach £310m.')).toEqual([['£310m', 'Operating profit', 'up', 12]]);
  });
});
