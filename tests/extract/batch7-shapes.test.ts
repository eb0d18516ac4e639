import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes the seventh batch of real articles showed the extractor missing or misreading. Our own sentences.
const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);
const moves = (text: string) => figures(text).map((f) => f.direction ?? null);

describe('times that are not figures', () => {
  it('skips "N days into", "N weeks away", "the last N hours" and "highest for N months"', () => {
    expect(read('Six days into the strike, talks resumed.')).toEqual([]);
    expect(read('The vote may be about 12 weeks away.')).toEqual([]);
    expect(read('The last 48 hours brought a rush of orders.')).toEqual([]);
    expect(read('Optimism is at its highest for seven months.')).toEqual([]);
  });

  it('skips a broadcast time, a year after "until at least", an era year and "1,000 years after"', () => {
    expect(read('Watch the match, 2215 on BBC Two.')).toEqual([]);
    expect(read('Buyers must wait until at least 2007 for the service.')).toEqual([]);
    expect(read('The museum dates the coin to 210 AD.')).toEqual([]);
    expect(read('People still sail by it 2,000 years after it was made.')).toEqual([]);
  });

  it('reads "a year-long inquiry" as a duration of one year', () => {
    expect(read('A year-long inquiry found faults.')).toEqual([['year-long', 1, 'years']]);
  });
});

describe('changes', () => {
  it('reads a fall in "sunk by", "jobs lost", "get rid of" and "cheaper than"', () => {
    expect(moves('Shares have sunk by more than 12% this week.')).toEqual(['down']);
    expect(moves('It blamed 4,000 jobs lost from the industry.')).toEqual(['down']);
    expect(moves('He plans to get rid of 30,000 posts.')).toEqual(['down']);
    expect(moves('The set is £200 cheaper than last year.')).toEqual(['down']);
  });

  it('reads "N more places" as a rise, without taking the comparative as what is counted', () => {
    expect(moves('The plan creates 5,000 more nursery places.')).toEqual(['up']);
    expect(figures('The set is £200 cheaper than last year.')[0]!.counted ?? null).toBeNull();
  });
});

describe('who says so', () => {
  it('credits a quote to the name before a role in lower case, not to the role', () => {
    const [f] = figures('"Rates will stay near 5% or higher," Ana Ruiz, chief economist at Dunmore Bank, said.');
    expect(f!.attribution).toBe('Ana Ruiz');
  });

  it('reads "is expecting" and "worked out that" as the subject\'s own claims', () => {
    expect(figures('Kestrel is expecting sales growth of 4% this year.')[0]!.attribution).toBe('Kestrel');
    expect(figures('Dr Lamb worked out that 3,000 homes were at risk.')[0]!.attribution).toBe('Dr Lamb');
  });
});
