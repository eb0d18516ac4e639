import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Falls and gains that real reports state with words after the figure, or with verbs in -ing. Our own sentences.
const dirs = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null]);

describe('movements said after the figure', () => {
  it('reads jobs that will be cut or were lost, and job losses, as falls', () => {
    expect(dirs('About 3,500 jobs would be cut at the mill.')).toEqual([['About 3,500', 'down']]);
    expect(dirs('Some 640 miners lost their jobs.')).toEqual([['Some 640', 'down']]);
    expect(dirs('The plan means 1,200 job losses.')).toEqual([['1,200', 'down']]);
    expect(dirs('Closing the line means the loss of 410 jobs.')).toEqual([['410', 'down']]);
  });

  it('reads "worse off" and "better off" by an amount', () => {
    expect(dirs('Pensioners would be £412 worse off a year.')).toEqual([['£412', 'down']]);
    expect(dirs('Savers could be £90 better off.')).toEqual([['£90', 'up']]);
  });

  it('does not read an amount lost or an added count as a movement', () => {
    expect(dirs('The scam caused losses of $7m.')).toEqual([['$7m', null]]);
    expect(dirs('Nine bidders want an additional six licences.')).toEqual([['Nine', null], ['six', null]]);
  });

  it('reads a single rise in money as a change, but not cuts that are the thing counted', () => {
    expect(dirs('They called for a 2p rise in fuel duty.')).toEqual([['2p', 'up']]);
    expect(dirs('He was accused of planning £20bn cuts.')).toEqual([['£20bn', null]]);
    expect(dirs('The fund will grow by an extra £3bn.')).toEqual([['£3bn', 'up']]);
  });
});

describe('movement verbs in -ing and scores', () => {
  it('reads recovering, expanding, boosting and increasing as rises', () => {
    expect(dirs('Output will slip to 1.8% before recovering to 2.6% in 2007.')).toEqual([['1.8%', 'down'], ['2.6%', 'up']]);
    expect(dirs('The economy grew again, expanding at an annual pace of 4.1%.')).toEqual([['4.1%', 'up']]);
    expect(dirs('The sponsor will help, increasing the prize fund to $60,000.')).toEqual([['$60,000', 'up']]);
  });

  it('never gives a score a direction', () => {
    expect(dirs('They lost 2-0 on Saturday, and were losing 4-1 at half time in the next game.')).toEqual([['2-0', null], ['4-1', null]]);
  });
});

describe('movement words that move nothing, and ones a few words away', () => {
  it('reads "double … to", a year between verb and change, and not "makes up" or "double-platinum"', () => {
    expect(dirs('The plan would double spending on schools to £8bn.')).toEqual([['£8bn', 'up']]);
    expect(dirs('The firm will boost its 2005 payout by 12%.')).toEqual([['12%', 'up']]);
    expect(dirs('Mobile lines make up 62% of connections.')).toEqual([['62%', null]]);
    expect(dirs('The single went double-platinum, selling 600,000 copies.')).toEqual([['600,000', null]]);
  });

  it('reads only jobs (or staff) that will be cut as a fall, not things lost or stolen', () => {
    expect(dirs('About 900 phones are lost or stolen each week.')).toEqual([['About 900', null]]);
    expect(dirs('About 900 posts will be cut.')).toEqual([['About 900', 'down']]);
  });
});
