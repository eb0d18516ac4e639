import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);

describe('"the figure" and "That was" point at the sentence before', () => {
  it('gives "Now the figure is N%" and "That was N% more" what the last figure counted', () => {
    expect(counted('In 2003, 31% of homes had cable. Now the figure is 12%.')).toEqual([['31%', 'homes'], ['12%', 'homes']]);
    expect(counted('Some 1.9 billion texts were sent in May. That was 21% more than in May 2003.')[1]).toEqual(['21%', 'texts']);
  });

  it('keeps a level that names its own measure, and reaches back one sentence only', () => {
    expect(counted('The euro rose 1%. The pound broke through the $1.90 level.')[1]![1]).not.toBe('euro');
    expect(counted('Some 1.9 billion texts were sent in May. It rained. That was 21% more than in May 2003.')[1]).toEqual(['21%', null]);
  });
});

describe('"N of them" in a sentence of its own, and shares of an age group', () => {
  it('gives "Twelve of them" the group the sentence before counted', () => {
    expect(counted('Some 14 MPs are from minorities. Eleven of them represent Labour.')[1]).toEqual(['Eleven', 'MPs']);
  });

  it('reads "N% of over-55s" and "N% of 18 to 24 year olds" as the age group', () => {
    expect(counted('It found 70% of over-55s vote, against 15% of 18 to 24 year olds.')).toEqual([['70%', 'over-55s'], ['15%', '18 to 24 year olds']]);
  });
});

describe('the figure of the sentence before, told for another place or another unit', () => {
  it('lends "In Chile the figure is about 4%" what the share before it counted, and ", or about $5bn" the same', () => {
    const fs = figures('In Peru, mining makes up about 9% of national output, or about $5bn. In Chile the figure is about 4%.');
    expect(fs.map((f) => f.counted)).toEqual(['national output', 'national output', 'national output']);
  });
});

describe('shares of "this number" and moves told as a count of times', () => {
  it('keeps "a third of this number" as a share of the number', () => {
    expect(counted('There are now 8 million blogs. Perhaps a third of this number are still read.').at(-1)).toEqual(['a third', 'number']);
  });

  it('reads "Rates went up four times" as the rates', () => {
    expect(counted('Rates went up four times from May 2003 as the bank acted.')[0]).toEqual(['four', 'Rates']);
  });
});
