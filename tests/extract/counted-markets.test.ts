import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// What prices, rates, earnings and ages count: shapes from the development split's counted misses,
// tenth real-news round. Our own sentences.
const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);

describe('a currency priced in another', () => {
  it('counts a rate by the currency that trades at it', () => {
    expect(counted('The pound has slipped since May, when it traded at about $1.95 in London.')).toEqual([['about $1.95', 'pound']]);
    expect(counted('The euro stood at $1.28, and was buying 138.2 yen in Tokyo.')).toEqual([
      ['$1.28', 'euro'],
      ['138.2 yen', 'euro'],
    ]);
  });

  it('counts the currency a relative clause prices, and a bare rate "to the dollar"', () => {
    expect(counted('Exporters have learnt to live with a euro that buys $1.25 or more.')).toEqual([['$1.25', 'euro']]);
    expect(counted('A peg holding the yuan around 8.28 to the dollar angers US lawmakers.')).toEqual([['around 8.28', 'yuan']]);
  });

  it('leaves money that is not a rate to what it counts', () => {
    expect(counted('The dollar fell as the trade gap widened to $49bn.')).toEqual([['$49bn', 'trade gap']]);
  });
});

describe('share prices and earnings', () => {
  it('counts a price paid for shares, and its restatements, as the shares', () => {
    expect(counted('The bank will buy back 30 million shares at 410 rupees (£5; $9) each.')).toEqual([
      ['30 million', 'shares'],
      ['410 rupees', 'shares'],
      ['£5', 'shares'],
      ['$9', 'shares'],
    ]);
    expect(counted('By noon the stock was changing hands at 250 riyals.')).toEqual([['250 riyals', 'shares']]);
  });

  it('counts money a company "made" or "earned" as its profit, unless the sales it came from are named', () => {
    expect(counted('The group said it earned $12m (£6.4m) in the second quarter.')).toEqual([
      ['$12m', 'profit'],
      ['£6.4m', 'profit'],
    ]);
    expect(counted('The film made $20m in ticket sales over the weekend.')).toEqual([['$20m', 'ticket sales']]);
  });
});

describe('ages', () => {
  it('reads an age after "the age of" in words, and after "aged over"', () => {
    expect(figures('She has sung in the choir from the age of nine.')[0]).toMatchObject({ value: 9, unit: 'years', counted: 'age' });
    expect(figures('Learners are counted as adults once aged over 21.')[0]).toMatchObject({ value: 21, unit: 'years', counted: 'age' });
  });

  it('reads the age set between commas after "the Wales international"', () => {
    expect(figures('The Wales international, 26, hurt his knee in training.')[0]).toMatchObject({ value: 26, counted: 'age' });
  });
});

describe('what another verb makes move or holds', () => {
  it('counts the object of "saw" or "caused" that then moves ("saw its sales sink by", "caused its earnings to slide to")', () => {
    expect(counted('The retailer saw its like-for-like sales sink by a worse-than-hoped 6.1% in December.')).toEqual([['6.1%', 'like-for-like sales']]);
    expect(counted("The recall caused the group's annual profits to slide to £2.3bn.")[0]).toEqual(['£2.3bn', 'annual profits']);
  });

  it('counts what is left or kept at a level ("left its base rate on hold at", "leaving its sales 4% higher")', () => {
    expect(counted('The central bank has left its base rate on hold at 3.5% again.')).toEqual([['3.5%', 'base rate']]);
    expect(counted('Late shoppers came, leaving its store sales 4% higher than a year ago.')).toEqual([['4%', 'store sales']]);
  });
});

describe('what money is paid for or raised from', () => {
  it('counts what a payment gets out of or obtains ("to get out of a deal", "simply for obtaining a visa"), restatements too', () => {
    expect(counted('The firm paid its partner 2bn euros ($2.6bn) to get out of a deal it no longer wanted.')).toEqual([
      ['2bn euros', 'deal'],
      ['$2.6bn', 'deal'],
    ]);
    expect(counted('A band can expect to pay $900 (£480) simply for obtaining a visa.')).toEqual([
      ['$900', 'visa'],
      ['£480', 'visa'],
    ]);
  });

  it('counts where money raised comes from ("raise $2bn from the listing", "getting A$300m from selling Acme")', () => {
    expect(counted('The airline hopes to raise $2bn (£1.1bn) from the listing.')[0]).toEqual(['$2bn', 'listing']);
    expect(counted('It has cash after getting A$300m from selling its business Acme.')[0]).toEqual(['A$300m', 'Acme']);
  });

  it('lends what a figure counted to the second verb of its subject ("cost $50m (£27m) but only recouped $30m")', () => {
    expect(counted('The remake cost $50m (£27m) but only recouped $30m (£16m).').map((c) => c[1])).toEqual(['remake', 'remake', 'remake', 'remake']);
  });
});

describe('duties and bracketed prices', () => {
  it('counts a duty by what it is on ("2p a litre on diesel, 5p on a bottle of spirits and 9p on 20 cigars")', () => {
    expect(counted('The chancellor put 2p a litre on diesel, 5p on a bottle of spirits and 9p on 20 cigars.').filter((c) => /p$/.test(c[0]!))).toEqual([
      ['2p', 'diesel'],
      ['5p', 'spirits'],
      ['9p', 'cigars'],
    ]);
  });

  it('counts a price in brackets by the noun right before it, but a restatement by its figure', () => {
    expect(counted('Players can sell gold bars ($4) and magic swords ($2.50) for cash.')).toEqual([
      ['$4', 'gold bars'],
      ['$2.50', 'magic swords'],
    ]);
    expect(counted('It earned $10m (£5m) last year.').map((c) => c[1])).toEqual(['profit', 'profit']);
  });
});

describe('list items and ages set at a figure', () => {
  it('reads a list item that opens with its verb ("- Raised the personal allowance to 5,000 rupees")', () => {
    expect(counted('- Cut fuel duty - Raised the personal allowance to 5,000 rupees ($110) - Froze rents')).toEqual([
      ['5,000 rupees', 'personal allowance'],
      ['$110', 'personal allowance'],
    ]);
  });

  it('reads an age named and then set at a figure ("keeping the age for voting at 18")', () => {
    expect(figures('The panel backed keeping the age for voting at 18.')[0]).toMatchObject({ value: 18, counted: 'age', unit: 'years' });
  });
});

describe('where money goes and the form it is paid in', () => {
  it('counts money invested "in" a named business and funnelled "into" a campaign', () => {
    expect(counted('The carmaker had invested some £90m in Austin production.')[0]).toEqual(['some £90m', 'Austin production']);
    expect(counted('The firm was accused of funnelling $3m into the 2003 election campaign of a senator.')[0]![1]).toBe('election campaign');
  });

  it('counts the money "needed for" something by that thing', () => {
    expect(counted('Fans tried to raise the $40,000 needed for a front page advert.')[0]).toEqual(['$40,000', 'front page advert']);
  });

  it('counts "$2 in cash for each share" as cash, but "$9,000 in cash prizes" as the prizes', () => {
    expect(counted('It will swap 0.5 of its shares and $2 in cash for each share.').at(-1)).toEqual(['$2', 'cash']);
    expect(counted('Some $9,000 in cash prizes will be handed out.')[0]![1]).toBe('cash prizes');
  });
});

describe('more ages told in passing', () => {
  it('reads "my son who is 12 -", "I\'m not 9!" and "retire before 60" as ages', () => {
    expect(figures('Kids today - like my son who is 12 - never read papers.')[0]).toMatchObject({ value: 12, counted: 'age' });
    expect(figures("I'm not old and I'm not 9!")[0]).toMatchObject({ value: 9, counted: 'age' });
    expect(figures('Staff cannot be made to retire before 60 under the rules.')[0]).toMatchObject({ value: 60, counted: 'age' });
  });
});

describe('where money is kept or comes from', () => {
  it('counts money "it held in an offshore account" and money that "will come from" a fund by those places', () => {
    expect(counted('The firm said the 2bn euros ($2.6bn) it reportedly kept in a Swiss bank account was never found.').map((c) => c[1])).toEqual(['Swiss bank account', 'Swiss bank account']);
    expect(counted('A further £6.2m will come from the rural support fund.')[0]).toEqual(['£6.2m', 'rural support fund']);
  });

  it('reads "£90m less debt" as the debt, and a share "of this number" as the number', () => {
    expect(counted('The only change is £90m less debt.')[0]![1]).toBe('less debt');
    expect(counted('Fewer than half of this number are still used.')[0]![1]).toBe('number');
  });
});

describe('a high reached first, asides and comparatives', () => {
  it('counts "after topping 300 early in the day" as the shares the price before counted', () => {
    expect(counted('By noon the stock was changing hands at 250 riyals ($67; £36) after topping 300 early in the day.').at(-1)).toEqual(['300', 'shares']);
  });

  it('reads a subject past a bracketed list ("the four biggest economies (A, B, C and D) grew by 3%")', () => {
    expect(counted('The report said the four biggest Nordic economies (Denmark, Finland, Norway and Sweden) grew by 3% last year.')[0]![1]).toBe('four biggest Nordic economies');
  });

  it('takes no bare comparative for a noun ("were 12% more likely")', () => {
    expect(counted('The study showed girls were 12% more likely than boys to stay on.')[0]).toEqual(['12%', 'girls']);
  });
});

describe('money named before a bound', () => {
  it('counts "a higher rate on incomes over £150,000" and "any bid over £20m" by the money named', () => {
    expect(counted('They plan a higher rate on incomes over £150,000 a year.').at(-1)).toEqual(['over £150,000', 'incomes']);
    expect(counted('The club would accept any bid over £20m for him.')[0]).toEqual(['over £20m', 'bid']);
  });
});
