import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Our own sentences, in the shapes of the development split's counted misses (tenth real-news round).
const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);

describe('standings told by name', () => {
  it('gives each party of "X lead Y by A% to B%" its share, and "with Z on C%" the third', () => {
    expect(counted('The Tories lead Labour by 41% to 33% with the Green Party on 9%.')).toEqual([
      ['41%', 'Tories'],
      ['33%', 'Labour'],
      ['9%', 'Green Party'],
    ]);
  });

  it('counts a place in a table ("with Kenya second on 51") as the table before it did', () => {
    expect(counted('Ethiopia took the team prize with 58 points, with Kenya second on 51.')).toEqual([
      ['58', 'points'],
      ['51', 'points'],
    ]);
  });
});

describe('clauses that name a measure without making it their subject', () => {
  it('counts the noun before the -ing verb of an absolute "with" clause', () => {
    expect(counted('With mobile coverage reaching 98%, operators look abroad.')[0]).toEqual(['98%', 'mobile coverage']);
    expect(counted('Asia did best, with already strong export forecasts rising to 7.1% from 6.4% next year.')).toEqual([['7.1%', 'strong export forecasts']]);
  });

  it('counts an expected or reported level as the measure the figure before it counted', () => {
    expect(counted('Mortgage lending grew by £9.1bn in May, less than the £9.5bn forecast by analysts.')).toEqual([
      ['£9.1bn', 'Mortgage lending'],
      ['£9.5bn', 'Mortgage lending'],
    ]);
  });

  it('counts the level a move started from as the same measure', () => {
    expect(counted('Output growth fell to 2.1% from 2.6% in 2004 and 1.7% from 2.0% in 2005.').map((c) => c[1])).toEqual(['Output growth', 'Output growth']);
  });
});

describe('subjects read past a qualifier, and totals', () => {
  it('reads "with consumer demand up just 0.4%" as a move of consumer demand', () => {
    expect(counted('Jobs grew, with consumer demand up just 0.4% in the spring.')[0]).toEqual(['0.4%', 'consumer demand']);
  });

  it('counts "a total of 12 billion" as the total even when a subject stands before it', () => {
    expect(counted('Searches will rise again, said the firm, with analysts expecting a total of 12 billion.')[0]).toEqual(['12 billion', 'total']);
  });
});

describe('a band of a population named by its rank', () => {
  it('counts "the poorest 10%" and "the richest 10%" as those bands, whatever verb follows', () => {
    expect(counted('Why should the poorest 10% pay more in council tax than the richest 10%?')).toEqual([
      ['10%', 'poorest'],
      ['10%', 'richest'],
    ]);
  });

  it('still counts a pay rise as pay', () => {
    expect(counted('Drivers want a 12% pay rise this year.')[0]).toEqual(['12%', 'pay rise']);
  });
});

describe('relative clauses and objects moved to a level', () => {
  it('counts the noun a relative clause hangs on ("household debt - which is growing at 9%", ", for which … $5bn")', () => {
    expect(counted('Regulators worry about household debt - which is growing at 9% a year - above all.')[0]).toEqual(['9%', 'household debt']);
    expect(counted('The plan omits the cost of rebuilding the port, for which ministers will ask an extra $5bn.')[0]).toEqual(['$5bn', 'cost']);
  });

  it('counts what a verb moves "to the" level ("may up its offer to the £2bn mark")', () => {
    expect(counted('A bank bid £1.8bn, while its rival may up its offer to the £2bn mark.')[1]).toEqual(['£2bn', 'offer']);
  });

  it('names nothing rather than a qualifier when a change stands where an object would ("lost more than $3 to $51")', () => {
    expect(counted('Brent crude traded in London lost more than $3 to $51.20.')[0]![1]).not.toBe('more than');
  });
});

describe('a partner named inside a subject', () => {
  it('keeps "with" and a name inside the subject ("the UK\'s surplus with Ireland was £2bn")', () => {
    expect(counted("Figures showed the UK's surplus with Ireland was £2bn in May.")[0]![1]).toBe("UK's surplus");
  });
});

describe('what a figure is taken off', () => {
  it('counts the thing cut ("shaving 20% off the price of", "cut £12bn from welfare spending", "taking two years off a sentence")', () => {
    expect(counted('The firm is shaving 20% off the price of its calls.')[0]).toEqual(['20%', 'price']);
    expect(counted('He plans to cut £12bn from welfare spending.')[0]).toEqual(['£12bn', 'welfare spending']);
    expect(counted('The judge agreed to taking two years off a prison sentence.')[0]).toEqual(['two years', 'prison sentence']);
  });
});

describe('a bare move of nothing named', () => {
  it('counts what the figure before it measured ("fell 3.1% in May, after a fall of 0.4% in April")', () => {
    expect(counted('Retail sales fell 3.1% in May, after a fall of 0.4% in April.').map((c) => c[1])).toEqual(['Retail sales', 'Retail sales']);
  });

  it('reads past "month on month" to what rose', () => {
    expect(counted('Economists expect a 0.2% rise in month on month factory output.')[0]).toEqual(['0.2%', 'factory output']);
  });

  it('keeps "three quarters of contraction" as the contraction', () => {
    expect(counted('Shares hit a six-month high on hopes of an end to three quarters of contraction.')[0]![1]).toBe('contraction');
  });
});

describe('subjects past an adverb or a possessive', () => {
  it('reads a subject past "always", "never" or "since" before its verb', () => {
    expect(counted('Its share of the market has always stayed at around 80%.')[0]).toEqual(['around 80%', 'share of the market']);
    expect(counted("The channel's audience has since settled at about 4 million.")[0]![1]).toBe("channel's audience");
  });

  it('does not take "show" in "the show\'s" for a verb of reporting', () => {
    expect(counted("The show's viewers rose to 9 million.")[0]![1]).toBe("show's viewers");
  });
});

describe('what was won, broken or led', () => {
  it('counts "won the city marathon four times" as the marathon and "broke the world record three times" as the record', () => {
    expect(counted('She has won the Boston marathon four times.')[0]).toEqual(['four', 'marathon']);
    expect(counted('He broke the world record three times that summer.')[0]).toEqual(['three', 'record']);
  });

  it('counts "led the nominations with 9" as the nominations', () => {
    expect(counted('The musical led the nominations with 9.')[0]).toEqual(['9', 'nominations']);
  });
});

describe('a share of GDP', () => {
  it('counts a deficit "of 3.2% of GDP" as the deficit, and a sector\'s "40% of GDP" as the GDP', () => {
    expect(counted("The budget deficit will shrink to 3.2% of GDP next year.")[0]![1]).toBe('budget deficit');
    expect(counted('Farming is the main activity, making up 40% of GDP.')[0]).toEqual(['40%', 'GDP']);
  });
});

describe('estimates and restatements', () => {
  it('counts what an estimate estimates ("their latest estimate of repair costs was $3bn")', () => {
    expect(counted('Their latest estimate of repair costs was $3bn, twice the first.')[0]![1]).toBe('repair costs');
  });

  it('takes no verb after a bracketed restatement for the noun ("The list price of £199 (290 euros) compares well")', () => {
    expect(counted('The list price of £199 (290 euros) compares well with rivals.').map((c) => c[1])).toEqual(['list price', 'list price']);
  });
});

describe('a second verb after "but" with no subject of its own', () => {
  it('reads the subject of the clause before ("Shares of Acme fell early, but recovered to close 3% higher")', () => {
    expect(counted('Shares of Acme fell early on, but recovered to close 3% higher.')[0]).toEqual(['3%', 'Shares of Acme']);
  });

  it('leaves a clause after "and" that has a subject of its own ("and planned spending would double to")', () => {
    expect(counted('The minister spoke first, and planned spending would double to $4bn.')[0]![1]).not.toBe('minister');
  });
});

describe('limits and shared nouns', () => {
  it('counts what a change or a restriction moves ("a cut in the speed limit from 70 miles to 60", "a restriction to 18 weeks", "extend paid leave beyond nine months")', () => {
    expect(counted('She backs a cut in the speed limit from 70 miles to 60 on rural roads.').at(-1)![1]).toBe('speed limit');
    expect(counted('He once voted for a restriction to 18 weeks.')[0]).toEqual(['18 weeks', 'restriction']);
    expect(counted('Plans to extend paid leave beyond nine months were dropped.')[0]).toEqual(['nine months', 'paid leave']);
  });

  it('lets an adjective share the noun of the count after it ("three female and four male judges")', () => {
    expect(counted('The panel had three female and four male judges.').map((c) => c[1])).toEqual(['male judges', 'male judges']);
  });
});
