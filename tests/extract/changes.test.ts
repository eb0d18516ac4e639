import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

describe('changes stated by comparison, and movements a few words away', () => {
  const one = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.previous ?? null]);

  it('reads an earlier level named by its period as the previous value', () => {
    expect(one('Mortgage approvals climbed to 91,000 in June, just above May’s three-month low of 88,000.')).toEqual([['91,000', 'up', 88000]]);
    expect(one('The economy grew 6.1% last year, well below 2003’s 7.4%.')).toEqual([['6.1%', 'down', 7.4]]);
  });

  it('takes "- up from" at the end of a clause as the previous level', () => {
    expect(one('Officials said 52,000 families now receive the grant - up from 31,000 a year before.')).toEqual([['52,000', 'up', 31000]]);
  });

  it('looks past a bracketed conversion and "per unit" to the earlier level', () => {
    expect(one('A litre of diesel has risen to 90 rupees ($1.05) per litre from 72 rupees.').filter((r) => r[0] !== '$1.05')).toEqual([['90 rupees', 'up', 72]]);
  });

  it('reads "expected to reach" as a rise', () => {
    expect(one('The number of charging points is expected to reach 150,000 by 2030.')).toEqual([['150,000', 'up', null]]);
  });
});

describe('more movements and earlier levels', () => {
  const one = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.previous ?? null]);

  it('reads "to add another 12 ferries" as a rise', () => {
    expect(one('The operator had to add another 12 ferries to cope with demand.')).toEqual([['12', 'up', null]]);
  });

  it('takes an earlier level named by its year further along the clause', () => {
    expect(one('Output grew by a brisk 6.8% in 2004, quicker than expected and well ahead of 2003’s 6.1%.')).toEqual([['6.8%', 'up', 6.1]]);
  });
});

describe('a change stated after its level', () => {
  it('folds "- 12% higher than planned" and ", almost 9% more than in 2003" into the level before', () => {
    const cost = figures('The bill was expected to reach £40bn - 12% higher than first planned.');
    expect(cost.map((f) => [f.raw, f.direction, f.change, f.changeUnit])).toEqual([['£40bn', 'up', 12, '%']]);
    const spend = figures('Shoppers spent more than £2.1bn in 2004, almost 9% more than they did in 2003.');
    expect(spend.map((f) => [f.value, f.direction, f.change])).toEqual([[2.1e9, 'up', 9]]);
  });

  it('reads a bare "up" before a change as its movement ("ended up 0.4% at 10,740")', () => {
    const f = figures('The index ended the day up 0.4% at 10,740.60 points.');
    expect(f.map((x) => [x.value, x.direction, x.change])).toEqual([[10740.6, 'up', 0.4]]);
  });
});

describe('a change whose level follows "with"', () => {
  it('folds "grew by 6.5% in 2004 with a record 180.2 million units" into the level', () => {
    const f = figures('The DVD market grew by 6.5% in 2004 with a record 180.2 million units sold.');
    expect(f.map((x) => [x.value, x.direction, x.change, x.changeUnit])).toEqual([[180_200_000, 'up', 6.5, '%']]);
  });

  it('reads a chart move to a position as no figure', () => {
    expect(figures('Halo 2 dropped one place to five.')).toEqual([]);
  });
});

describe('earlier levels named in other ways', () => {
  const one = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.previous ?? null]);

  it('reads "from a previous estimate of", "from its current N mark to M", and "down from the third quarter\'s N"', () => {
    expect(one('Exports should ease to 2.5% next year from an earlier estimate of 2.9%, the fund said.')).toEqual([['2.5%', 'down', 2.9]]);
    expect(one('Rates may fall from their current 4.5% mark to 3.25% by 2006.')).toEqual([['3.25%', 'down', 4.5]]);
    expect(one('Sales rose 2.2% in the spring, down from the winter quarter\'s 4.1%.')).toEqual([['2.2%', 'down', 4.1]]);
  });

  it('reads "N from M" between two levels in one unit as a change, with no movement word', () => {
    expect(one('Forecasts were scaled back to 3.0% from 3.6% this year and 1.9% from 2.2% in 2005.')).toEqual([
      ['3.0%', 'down', 3.6],
      ['1.9%', 'down', 2.2],
    ]);
  });
});

describe('shares and measures read in new ways', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);

  it('reads "N out of M", "one in 50" and "nine times out of ten" as percentages', () => {
    expect(read('About three out of 20 staff agreed.')).toEqual([['About three out of 20', 15, '%']]);
    expect(read('Only about one in 40 drivers will notice.')).toEqual([['about one in 40', 2.5, '%']]);
    expect(read('At that speed, eight times out of ten they survive.')).toEqual([['eight times out of ten', 80, '%']]);
  });

  it('reads milligrams, "by a third", "for more than a year", and no figure in "2+2=5" or "a 20 year low"', () => {
    expect(read('The limit would drop from 80mg to 60mg.')).toEqual([['60mg', 60, 'mg']]);
    expect(read('Limits could be cut by a third.')).toEqual([['a third', 33.3, '%']]);
    expect(read('He was held in custody for more than a year.')).toEqual([['more than a year', 1, 'years']]);
    expect(read('The board read "3+3=7" and jobless claims hit a near 20 year low.')).toEqual([]);
  });
});
