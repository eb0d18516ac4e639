import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes the thirteenth batch of real articles showed the extractor missing or misreading. Our own sentences.
const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);
const change = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.previous ?? null, f.change ?? null]);

describe('shares and lengths of time', () => {
  it('reads "N out of M" with any whole, and "two of a staggering 12"', () => {
    expect(read('Just 14 out of 25 departments got more money.')).toEqual([['14 out of 25', 56, '%']]);
    expect(read('The film won three of a staggering 11 nominations.')).toEqual([['three of a staggering 11', 27.3, '%']]);
  });

  it('reads "for at least a month" and "missing about a month" as lengths of time', () => {
    expect(read('She will not race for at least a month.')).toEqual([['at least a month', 1, 'months']]);
    expect(read('He is unfit after missing about a week of training.')).toEqual([['about a week', 1, 'weeks']]);
  });

  it('never reads "turned up to one gig" as a bound', () => {
    expect(figures('Some 30 scouts turned up to one show in Leeds.').every((f) => f.qualifier !== 'up to')).toBe(true);
  });
});

describe('changes', () => {
  it('reads "axe N jobs" as a fall and "reaching N%" as a rise', () => {
    expect(change('Paper groups axe 60 jobs')).toEqual([['60', 'down', null, null]]);
    expect(change('With coverage reaching 98% in the city, firms are keen.')[0]![1]).toBe('up');
  });

  it('joins "from about X today to about Y"', () => {
    expect(change('The aim is to lift the rate from about 6% today to about 30% within a decade.')[0]).toEqual(['about 30%', 'up', 6, null]);
  });

  it('carries a cut to the next size in "cuts of X at A and Y at B"', () => {
    expect(change('The plan has cuts of 7.1% at Transport and 3.2% at the Energy Department.').map((r) => r[1])).toEqual(['down', 'down']);
  });

  it('reads "people have lost their livelihoods" as a fall', () => {
    expect(change('At least 200,000 farmers have lost their livelihoods.')[0]![1]).toBe('down');
  });

  it('folds ", which is N% less than first expected" and "far below her original pledge of" into the level', () => {
    expect(change('Inflation should settle at 3%, which is roughly 1% less than first expected.')).toEqual([['3%', 'down', null, -1]]);
    expect(change('Her budget of $2bn for roads is far below her original pledge of $4bn.')).toEqual([['$2bn', 'down', 4e9, null]]);
  });
});
