import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes from the misses of the sixteenth gold round and the development split. Our own sentences.
const raws = (text: string) => figures(text).map((f) => f.raw);

describe('numbers that pick out which events, not how many', () => {
  it('reads "in the last two elections" and "for the past three polls" as a reference, not a count', () => {
    expect(raws('Turnout dropped in the last two elections.')).toEqual([]);
    expect(raws('For the past three polls the manifesto came from the Treasury.')).toEqual([]);
    expect(raws('In our first two terms we cut waiting lists.')).toEqual([]);
    expect(raws('He thinks the next two games against Spain and Wales will decide it.')).toEqual([]);
  });

  it('still counts the games a side won or lost ("lost their previous two league games")', () => {
    expect(raws('Leeds had lost their previous two league games.')).toEqual(['two']);
    expect(raws('Wales have won their last three matches.')).toEqual(['three']);
  });

  it('reads "two games into the season" as a time, not a count', () => {
    expect(raws('The coach left just three games into the season.')).toEqual([]);
  });
});

describe('halves written out', () => {
  it('keeps "and a half" with its number ("12-and-a-half miles", "four and a half months")', () => {
    expect(figures('On Sunday I jogged 12-and-a-half miles.').map((f) => [f.raw, f.value])).toEqual([['12-and-a-half', 12.5]]);
    expect(figures('The count doubles every four and a half months.')[0]).toMatchObject({ value: 4.5, unit: 'months' });
  });
});

describe('cuts and rises stated by what someone does', () => {
  const dir = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null]);
  it('reads the plain forms "trim" and "slash" as cuts', () => {
    expect(dir('The treasury has to trim the deficit by 0.2 percentage points a year.')).toEqual([['0.2 percentage points', 'down']]);
    expect(dir('Sellers may need to slash prices by 6%.')).toEqual([['6%', 'down']]);
  });

  it('reads "cut costs by up to 8%" as a cut, while "distances up to 4km" stays a bound', () => {
    expect(dir('The chain cut costs by up to 7%.')).toEqual([['up to 7%', 'down']]);
    expect(dir('Routes up to 3km long are planned.')).toEqual([['up to 3km', null]]);
  });
});
