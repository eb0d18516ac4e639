import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes the fourteenth batch of real articles showed the extractor missing or misreading. Our own sentences.
const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);
const change = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.previous ?? null, f.change ?? null]);

describe('market reports', () => {
  it('reads "closed N points higher at LEVEL" and "up N pence, or M%, at LEVEL" as one figure', () => {
    expect(change('In Paris, the CAC index closed 22 points higher at 3,912.')).toEqual([['3,912', 'up', null, 22]]);
    expect(change('Its shares closed up 31 pence, or 4.2%, at 771p.')).toEqual([['771p', 'up', null, 0.31]]);
    expect(change('Its shares closed down 120p, or 9%, at 1215 pence.')).toEqual([['1215 pence', 'down', null, -1.2]]);
  });

  it('folds "on Thursday - a drop of N%" into the level before it', () => {
    expect(change('Brent closed at $39.80 on Friday - a drop of 4.4% - after a slide.')).toEqual([['$39.80', 'down', null, -4.4]]);
  });

  it('never reads "jumped to X … before closing at Y" as a change of size X', () => {
    expect(change('Crude jumped to $51.20 a barrel in Tokyo before closing at $51.').map((r) => r[3])).toEqual([null, null]);
  });

  it('reads "$5m race bets" as money', () => {
    expect(read('The bookmaker lost $5m race bets.')).toEqual([['$5m', 5e6, 'USD']]);
  });
});

describe('not figures', () => {
  it('skips "four-month highs", "the next two to three months" and "12% in two days"', () => {
    expect(read('Prices reached nine-month highs.')).toEqual([]);
    expect(read('Talks will go on for the next two to four months.')).toEqual([]);
    expect(read('Both crudes have dropped 9% in three days.').map((r) => r[0])).toEqual(['9%']);
  });

  it('skips races named by a following noun, phone models and a text short code', () => {
    expect(read('1500m hope Jones never got near his best.')).toEqual([]);
    expect(read("She reached the women's 5K final.")).toEqual([]);
    expect(read('All the icons on their 6630 phone were swapped.')).toEqual([]);
    expect(read('Users text the word VOTE to 83111.')).toEqual([]);
    expect(read('A lane draw meant a time of 22.10 and an early exit.')).toEqual([]);
    expect(read('He has a patent on one-click ordering.')).toEqual([]);
  });
});

describe('quantities', () => {
  it('reads "Thousands around the world", "a half-hour interview" and "four of their first five"', () => {
    expect(read('Thousands around the world watched it.')).toEqual([['Thousands', 2000, null]]);
    expect(read('He gave a half-hour interview.')).toEqual([['half-hour', 0.5, 'hours']]);
    expect(read('They won three of their first four games.')).toEqual([['three of their first four', 75, '%']]);
  });
});

describe('a length restated in feet', () => {
  it('keeps "The 12m (39ft) wave" as 12 metres, never a race called the 12m', () => {
    expect(read('The 14m (46ft) wave hit the coast.')).toEqual([['14m', 14, 'm'], ['46ft', 46, 'ft']]);
  });
});

describe('which way a level moved', () => {
  it('reads "to a record high of", "dipping to", "having dived below" and "spiralling above"', () => {
    expect(change('Traders pushed diesel to an all-time high of $1.62 a gallon.')[0]![1]).toBe('up');
    expect(change('Growth is put at 3.2% this year, dipping to 3% in 2006.').map((r) => r[1])).toEqual([null, 'down']);
    expect(change('Brent ended at $41.10, having dived below $41 a barrel.').map((r) => r[1])).toEqual([null, 'down']);
    expect(change('Its costs are spiralling above £90m.')[0]![1]).toBe('up');
  });

  it('reads "£N below estimates" as a shortfall, and "an improvement on its current N%" as the earlier level', () => {
    expect(change('Receipts look set to be £4bn below estimates by April.')[0]![1]).toBe('down');
    expect(change('The merger would give it 9% of the market, an improvement on its current 3.5%.')).toEqual([['9%', 'up', 3.5, null]]);
  });

  it('never counts "having" as what a figure is', () => {
    expect(figures('Brent ended at $41.10, having dived below $41 a barrel.').map((f) => f.counted ?? null)[1]).not.toBe('having');
  });
});
