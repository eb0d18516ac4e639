import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes the eighth batch of real articles showed the extractor missing or misreading. Our own sentences.
const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);

describe('amounts and units', () => {
  it('reads a fraction of a scale word as a count', () => {
    expect(read('The plan forecast a quarter of a million visitors.')).toEqual([['a quarter of a million', 250_000, null]]);
  });

  it('reads "N people out of M" as a share', () => {
    expect(read('In all, 30 members out of 120 voted against.')).toEqual([['30 members out of 120', 25, '%']]);
  });

  it('reads units written in lower case, and inches after feet', () => {
    expect(read('It ships with a 3.2ghz chip and 512mb of memory.')).toEqual([['3.2ghz', 3.2, 'GHz'], ['512mb', 512, 'MB']]);
    expect(read('The 6ft 2in lock is fit again.')).toEqual([['6ft', 6, 'ft'], ['2in', 2, 'in']]);
  });

  it('reads "a seven hour wait" as hours, and a match deficit in points as a count of points', () => {
    expect(figures('Users faced a seven hour wait.').map((f) => [f.raw, f.unit, f.counted])).toEqual([['seven hour', 'hours', 'wait']]);
    expect(figures('They could have been 20 points down at the break.').map((f) => [f.unit ?? null, f.counted])).toEqual([[null, 'points']]);
  });

  it('skips the house number of Downing Street', () => {
    expect(read('Talks were held at 10 Downing Street.')).toEqual([]);
  });
});

describe('names, scores and fiscal years', () => {
  it('reads the numbers listed after a named one as names too', () => {
    expect(read('It affects PCs running Windows 95, 98, 2000 and XP.')).toEqual([]);
    expect(read('Buyers can choose the Alfa 147, 156 or 166.')).toEqual([]);
  });

  it('scores a result that puts a side ahead, and skips a fiscal year written "2005-6"', () => {
    expect(read('His header put Rovers 2-1 ahead.')).toEqual([['2-1', 2, 'score']]);
    expect(read('The 2006-7 target is a deficit of 3.9%.')).toEqual([['3.9%', 3.9, '%']]);
  });
});

describe('who says so, and who only acts', () => {
  it('takes no source from "posted a profit" or "rejected an offer", nor from "a previous estimate"', () => {
    expect(figures('For the year, Kestrel posted a profit of $2.1bn.')[0]!.attribution ?? null).toBeNull();
    expect(figures('Dunmore has rejected an offer worth $900m.')[0]!.attribution ?? null).toBeNull();
    // The estimate folds into the revised figure as its previous level (batch 12); neither has a source.
    expect(figures('A previous estimate of 0.2% growth was revised to a 0.1% fall.').map((f) => [f.attribution ?? null, f.previous ?? null])).toEqual([[null, 0.2]]);
    expect(figures('The firm said it posted a profit of $2.1bn.')[0]!.attribution).toBe('firm');
  });
});

describe('what is counted past an aside', () => {
  it('reads the subject before a participle with its agent', () => {
    expect(figures('Shares rose, while Dunmore Power, run by his brother, jumped 6%.').map((f) => f.counted ?? null)).toEqual(['Dunmore Power']);
  });
});
