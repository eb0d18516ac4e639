import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// What a figure counts, read from the words around it, in shapes found in real reports. Our own sentences.
const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);

describe('what money is, from the words around it', () => {
  it('reads the phrase before "worth" and the purpose after "to"', () => {
    expect(counted('The party set out plans for fuel duty cuts worth £2bn.')).toEqual([['£2bn', 'fuel duty cuts']]);
    expect(counted('The bank agreed to pay $450m to settle claims from investors.')).toEqual([['$450m', 'claims']]);
    expect(counted('The rival may raise £2.2bn to fund a counter-bid.')).toEqual([['£2.2bn', 'counter-bid']]);
  });

  it('reads where money was pledged or offered to', () => {
    expect(counted('Norway pledges £300m to malaria fund')).toEqual([['£300m', 'malaria fund']]);
    expect(counted('The minister offered £700m ($1.3bn) over ten years to a global scheme for clean water.').map((r) => r[1])).toEqual(['global scheme', 'global scheme']);
  });

  it('reads what a figure is said or rumoured to be', () => {
    expect(counted('She moves to Leeds in a transfer rumoured to be nearly £3.5m.')).toEqual([['nearly £3.5m', 'transfer']]);
  });

  it('reads the noun after a bracketed conversion and an adjective "back"', () => {
    expect(counted('The firm must settle a $12bn (£6.4bn) back tax bill.')).toEqual([
      ['$12bn', 'back tax bill'],
      ['£6.4bn', 'back tax bill'],
    ]);
  });

  it('does not take the place after "in" for what money is', () => {
    expect(counted('The console will sell for £129 in the UK.').map((r) => r[1])).not.toContain('UK');
  });
});

describe('groups named around a figure', () => {
  it('reads "X, thousands of whom" and "N of those" after a figure', () => {
    expect(counted('It angered dock workers, thousands of whom marched on Friday.')).toEqual([['thousands of', 'dock workers']]);
    expect(counted('In March 61,000 posts would be cut, with about 2,000 of those in Scotland.').map((r) => r[1])).toEqual(['posts', 'posts']);
    expect(counted('She has won 14 titles on grass, five of which came at Eastbourne.').map((r) => r[1])).toEqual(['titles', 'titles']);
  });

  it('reads a group named by an adjective, and an age in plural', () => {
    expect(counted('The war left two million homeless.')).toEqual([['two million', 'homeless']]);
    expect(counted('The scheme covers 18-year-olds.')).toEqual([['18-year-olds', 'age']]);
  });

  it('reads a noun after a name in -s, and what a duration of leave is', () => {
    expect(counted('About 8,000 Rangers fans travelled.')).toEqual([['About 8,000', 'Rangers fans']]);
    expect(counted('Parents may take up to nine months\' paid leave.')).toEqual([['up to nine months', 'paid leave']]);
  });
});

describe('subjects in shapes real reports use', () => {
  it('reads a headline noun phrase before "up", and a subject after "Although"', () => {
    expect(counted('Kenya tea exports up 18%')).toEqual([['18%', 'Kenya tea exports']]);
    expect(counted('Although lending rates still stand at a steep 14.5%, prices are calm.')).toEqual([['14.5%', 'lending rates']]);
  });

  it('reads what sells for an amount, and the head before "of just above"', () => {
    expect(counted('Elvis guitars sell for $80,000')).toEqual([['$80,000', 'Elvis guitars']]);
    expect(counted('That beats the expected regional average of just above 3%.')).toEqual([['above 3%', 'regional average']]);
  });
});

describe('money and groups named further away', () => {
  it('reads what a relative clause\'s figure measures, and a group listed after a dash', () => {
    expect(counted('It must add to its tax reserves, which it earlier set at $90m.')).toEqual([['$90m', 'tax reserves']]);
    expect(counted('The winners - three from Kenya, two from Chile - shared the prize.').map((r) => r[1])).toEqual(['winners', 'winners']);
  });

  it('reads the use of money past a currency word, and a rise of money past the stake\'s size', () => {
    expect(counted('The state may give tens of millions of pounds in grants.').map((r) => r[1])).toEqual(['grants']);
    expect(counted('They called for a 3p rise on beer duty.')).toEqual([['3p', 'beer duty']]);
    expect(counted('Heineken spent €420m on buying a 12.5% stake in Brau.').map((r) => r[1])[0]).toBe('stake');
  });

  it('reads "half of those who …", "spend millions on" and a hyphenated "five-year-deal"', () => {
    expect(counted('Nearly half of those with a mortgage fear rate rises.')).toEqual([['Nearly half', 'those']]);
    expect(counted('Shoppers are expected to spend millions on toys.')).toEqual([['millions', 'toys']]);
    expect(counted('He joined on a four-year-deal.')).toEqual([['four-year', 'deal']]);
  });
});
