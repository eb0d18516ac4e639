import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber } from '../../src/extract/numbers.ts';

const one = (s: string) => {
  const found = findNumbers(s);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('parseNumber', () => {
  it.each([
    ['1,000', 1000],
    ['12.5', 12.5],
    ['nine hundred', 900],
    ['two dozen', 24],
    ['a thousand', 1000],
    ['1.2 million', 1_200_000],
    ['$1.2bn', 1_200_000_000],
    ['three thousand five hundred', 3500],
    ['one hundred and fifty', 150],
    ['twenty-five', 25],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('rejects text that is not a number', () => {
    expect(parseNumber('soldiers')).toBeUndefined();
  });
});

describe('findNumbers', () => {
  it('reads money with currency and scale', () => {
    expect(one('The loan is worth €300 million.')).toMatchObject({ raw: '€300 million', value: 300_000_000, unit: 'EUR' });
    expect(one('A £45m contract was signed.')).toMatchObject({ value: 45_000_000, unit: 'GBP' });
    expect(one('It costs $1.2bn a year.')).toMatchObject({ value: 1_200_000_000, unit: 'USD' });
  });

  it('reads percentages written with a sign or as a word', () => {
    expect(one('Turnout reached 12% by noon.')).toMatchObject({ value: 12, unit: '%' });
    expect(one('Turnout reached 12 percent by noon.')).toMatchObject({ value: 12, unit: '%' });
  });

  it('reads a 1,000-for-1,000 swap as a ratio of 1000', () => {
    expect(one('They agreed a 1,000-for-1,000 swap.')).toMatchObject({ raw: '1,000-for-1,000', value: 1000, unit: 'ratio' });
  });

  it('merges ranges written with between, to and a dash', () => {
    expect(one('between 50 and 60 people')).toMatchObject({ raw: 'between 50 and 60', value: 50, valueHigh: 60 });
    expect(one('50 to 60 people')).toMatchObject({ value: 50, valueHigh: 60 });
    expect(one('50-60% of voters')).toMatchObject({ value: 50, valueHigh: 60, unit: '%' });
  });

  it('keeps a change "from 2.5% to 3%" as two numbers', () => {
    expect(findNumbers('Inflation rose from 2.5% to 3%.').map((n) => n.value)).toEqual([2.5, 3]);
  });

  it('reads vague counts as the span their words allow', () => {
    expect(one('hundreds of Ukrainian defenders')).toMatchObject({ value: 200, valueHigh: 999, vague: 'hundreds of' });
    expect(one('dozens of settlements')).toMatchObject({ value: 24, valueHigh: 99, vague: 'dozens of' });
    expect(one('thousands of people')).toMatchObject({ value: 2000, valueHigh: 9999, vague: 'thousands of' });
  });

  it('ignores digits inside names and times', () => {
    expect(findNumbers('The G7 met at 10:00 near a BTR-82A.')).toEqual([]);
  });
});
