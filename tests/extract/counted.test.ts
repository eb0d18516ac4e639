import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

const counted = (text: string) => figures(text).map((f) => f.counted ?? null);
/** What the figure whose raw text holds `raw` counts. */
const countedAt = (text: string, raw: string): string | undefined => figures(text).find((f) => f.raw.includes(raw))?.counted;

describe('what a figure counts, on real-news constructions', () => {
  it('never names a clause fragment as the thing counted', () => {
    // Pronoun subjects, adverbs and prepositions are not what a number measures.
    for (const c of [
      ...counted('It has already set aside $200m for the claims.'),
      ...counted('The firm raised its reserve, which it previously put at $450m.'),
      ...counted('Sales were strong; however, costs climbed 8%.'),
      ...counted('The rate was running at 40% before the change.'),
    ]) {
      if (c === null) continue;
      expect(c).not.toMatch(/^(?:it|which|however|running|from|in|and|but)\b/i);
    }
  });

  it('takes the subject of a bare movement verb ("saw profits slump")', () => {
    expect(figures('The studio arm saw profits slump 31% to $210m last quarter.')[0]!.counted).toBe('profits');
  });

  it('counts the object of a bare verb of change ("hopes to increase the number of X to N")', () => {
    expect(figures('The ministry hopes to increase the number of broadband homes from 4 million to 9 million by 2008.')[0]!.counted).toBe('broadband homes');
  });

  it('reads past a possessive to the noun it qualifies', () => {
    expect(figures('Tourism now makes up more than 9% of the island’s output.')[0]!.counted).toBe('island’s output');
  });

  it('reads "of the respondents" past a bracketed restatement', () => {
    expect(counted('More than half (54%) of the respondents said they shop online.')).toEqual(['respondents', 'respondents']);
  });

  it('takes the head of "the market for X" as what is worth the money', () => {
    expect(figures('The market for streamed films was worth only $15 million last year.')[0]!.counted).toBe('market');
  });

  it('carries the subject to a second clause that leaves it out', () => {
    const [first, second] = figures('The market for streamed films was worth only $15 million in 2004, but is expected to be worth $900 million by 2009.');
    expect(first!.counted).toBe('market');
    expect(second!.counted).toBe('market');
  });
});

describe('a figure followed by its bracketed restatement', () => {
  it('keeps its subject and its date across the brackets, and so does the next clause', () => {
    const f = figures('The market for streamed films was worth only $15 million (£8 million) in 2004, but is expected to be worth $900 million (£480 million) by 2009.');
    expect(f.map((x) => [x.raw, x.counted, x.date])).toEqual([
      ['$15 million', 'market', '2004-12-31'],
      ['£8 million', 'market', '2004-12-31'],
      ['$900 million', 'market', '2009-12-31'],
      ['£480 million', 'market', '2009-12-31'],
    ]);
  });
});

describe('what a figure counts, beyond the words right after it', () => {
  it('reads the noun after a bracketed conversion', () => {
    expect(figures('He is accused of running a $9bn (£4.8bn) fraud.')[0]!.counted).toBe('fraud');
    expect(figures('The group will sell 120m euros (£83m) of new shares.')[0]!.counted).toBe('new shares');
  });

  it('counts what "would value" or "valued at" prices', () => {
    expect(figures('The bid would value Harwick Athletic at about £600m.')[0]!.counted).toBe('Harwick Athletic');
    expect(figures('Ministers plan to award four contracts, valued at $300m.')[0]!.counted).toBe('contracts');
  });

  it('gives a bare number that stands as a subject what the figure before it counted', () => {
    const f = figures('The packs killed 64 foxes in all - only three were killed by accident.');
    expect(f.map((x) => x.counted)).toEqual(['foxes', 'foxes']);
  });
});

describe('ages and periods are not what money counts', () => {
  it('reads "children of 12, 13" and "the age of 10" as ages', () => {
    expect(figures('Coaches now pick children of 12, 13 and 14 for the squads.').map((f) => [f.value, f.counted, f.unit])).toEqual([
      [12, 'age', 'years'],
      [13, 'age', 'years'],
      [14, 'age', 'years'],
    ]);
    expect(figures('Few listeners are under the age of 10.').map((f) => [f.counted, f.unit])).toEqual([['age', 'years']]);
  });

  it('does not name a period as what money counts', () => {
    expect(figures('Profits rose 40% to $2.1bn for the three months to June.')[0]!.counted).not.toBe('three months');
  });
});

describe('the subject of the clause a figure ends', () => {
  it('runs across a plural noun before "to" when a verb follows it', () => {
    expect(figures('Analysts think remittances to Peru reached $12bn last year.')[0]!.counted).toBe('remittances to Peru');
  });

  it('takes the object of the clause verb, not a plural before "to"', () => {
    expect(figures('Chile raised rates by 0.5 percentage points to 4.2% in May.').find((f) => f.value === 4.2)!.counted).toBe('rates');
  });

  it('reads a trailing "up N%" back to the clause before it', () => {
    expect(figures('Spending on roads was still strong, up 12.5% on the year before.')[0]!.counted).toBe('Spending');
  });

  it('takes what was shown as the subject ("figures showed exports at a high, up 35%")', () => {
    expect(figures('Data out today showed imports at a record in 2004, up 19%.')[0]!.counted).toBe('imports');
  });

  it('does not take an adverb or an adjective in -ed for the verb', () => {
    expect(figures('The share of settled claims is running at just 40%.')[0]!.counted).toBe('share of settled claims');
    expect(figures('With joblessness stuck above 3 million for years, the party lost.')[0]!.counted).toBe('joblessness');
  });
});

describe('what a figure counts, in shares, lists and prices', () => {
  const counted = (text: string, value: number | string): string | undefined =>
    figures(text).find((f) => (typeof value === 'string' ? f.raw.includes(value) : f.value === value))?.counted;

  it('reads "of all X", "N out of the top M X" and a possessive with its own number', () => {
    expect(counted('Almost two-thirds of all banks surveyed expect losses.', 'two-thirds')).toBe('banks');
    expect(counted('In all, 12 out of the top 20 albums were reissues.', 12)).toBe('albums');
    expect(counted('Under 6% of the region\'s 40 million people are online.', 6)).toBe('people');
  });

  it('counts what "N times as many" or "N times more" multiplies', () => {
    expect(counted('Almost four times as many shoppers came back.', 4)).toBe('shoppers');
    expect(counted('A server needs 50 times more memory than a phone.', 50)).toBe('memory');
  });

  it('names what a price buys ("a 40GB model for £149")', () => {
    expect(counted('There are two kinds - a 40GB model for £149 and a 200GB model for £299.', 149)).toBe('model');
    expect(counted('A fan could buy a season pass for 80 euros.', 80)).toBe('season pass');
  });

  it('keeps names, -ly adjectives, paired plurals and quoted nouns inside the phrase', () => {
    expect(counted('Eight out of 10 Game Pass members tried it.', 'Eight')).toBe('Game Pass members');
    expect(counted('Over 3.1 million GBA consoles have been sold.', 3_100_000)).toBe('GBA consoles');
    expect(counted('The line runs four weekly ferries to Oslo.', 4)).toBe('weekly ferries');
    expect(counted('Some 18,000 boys and girls were vaccinated.', 18_000)).toBe('boys and girls');
    expect(counted('They vowed to cut £20bn in "needless spending" at once.', 20e9)).toBe('needless spending');
  });

  it('reads "euros-worth of", "an estimated worth of" and a price of "X, an aside, has risen"', () => {
    expect(counted('It must refinance 1.9bn euros-worth of loans.', 1.9e9)).toBe('loans');
    expect(counted('The mobile games market had an estimated worth of $1.4bn in 2004.', 1.4e9)).toBe('mobile games market');
    expect(counted('The price of bread, a staple for most families, has risen to 90 cents.', '90 cents')).toMatch(/^price of bread/);
  });

  it('takes the object of a verb in -ing or of "pushed up", and the head before "of the 20 …"', () => {
    expect(counted('The airline is cutting jobs by nearly 2,000 a year.', 2000)).toBe('jobs');
    expect(counted('The new method pushed up the jobless count by 300,000.', 300_000)).toBe('jobless count');
    expect(counted('The total bill for the 12 schemes was expected to reach £8bn.', 8e9)).toBe('total bill');
  });

  it('does not count a place after "in an auction" or a period after "a contraction in"', () => {
    expect(counted('The oil unit was sold for $7.1bn in an auction last year.', 7.1e9)).toBe('oil unit');
    expect(counted('Weak trade brought a 0.2% contraction over the final three months of 2003.', 0.2)).not.toMatch(/months/);
  });
});

describe('what a figure counts, across dashes, ages and passives', () => {

  it('reads "N years old" and "an N year-old" as ages in years', () => {
    const f = figures('Films less than 3 years old were left out, said a nine year-old fan.');
    expect(f.map((x) => [x.raw, x.counted, x.unit])).toEqual([
      ['less than 3 years old', 'age', 'years'],
      ['nine year-old', 'age', 'years'],
    ]);
  });

  it('gives a restatement between dashes what the figure before it counted', () => {
    // "30 out of 750" is one share since the thirteenth batch (as "nine out of 10" always was).
    const f = figures('Just 4% of judges - 30 out of 750 - are women.');
    expect(f.map((x) => [x.raw, x.counted])).toEqual([['4%', 'judges'], ['30 out of 750', 'judges']]);
  });

  it('keeps "average value" and reads the subject of "are estimated to have dropped"', () => {
    expect(countedAt('There were 9 million payments, with an average value of $210 per payment.', '$210')).toBe('average value');
    expect(countedAt('Card charges are estimated to have fallen by between 20 and 30%, officials say.', 'between')).toBe('Card charges');
  });

  it('reads a subject across a dash aside, and before a movement in -ing', () => {
    expect(countedAt('Tablets with 4G - a costly "extra" - will rise to 40% by 2006.', '40%')).toBe('Tablets');
    expect(countedAt('Sales slowed, with 3G phone use growing to four million by June.', 'four million')).toBe('3G phone use');
  });
});

describe('what a figure counts, around asides and paces', () => {

  it('reads the subject back across a figure set between dashes ("food prices - at 3.1% - rose")', () => {
    expect(countedAt('Even so, food prices - at 3.1% - rose faster than wages.', '3.1%')).toBe('food prices');
  });

  it('skips an aside between two dashes to reach the subject', () => {
    expect(countedAt('Credit growth - the main worry of the central bank - was 14.5% in 2004.', '14.5%')).toBe('Credit growth');
  });

  it('reads "at a rate of N%" as a pace of the subject, and "the average age of X being N"', () => {
    expect(countedAt('The number of complaints is growing at a rate of 15% a year.', '15%')).toBe('complaints');
    expect(countedAt('Most fans are adults, with the average age of a fan being 31.', '31')).toBe('average age of a fan');
  });

  it('takes the object of an -ing verb after "by" ("by cutting costs by $1bn")', () => {
    expect(countedAt('The plan helps the airline, hoping to recover by cutting costs by nearly $2bn a year.', '$2bn')).toBe('costs');
  });

  it('counts money as the change it is, and "half the total" as a share of the total', () => {
    expect(countedAt('They said he planned £20bn cuts in public services.', '£20bn')).toBe('cuts');
    expect(countedAt('Audiences fell to less than half the total it drew in 1995.', 'half')).toBe('total');
  });

  it('keeps a modifier in -s and stops before a participle', () => {
    expect(countedAt('It became a $90bn telecoms group.', '$90bn')).toBe('telecoms group');
    expect(countedAt('Growth is well below the peak of 38% seen in 2003.', '38%')).toBe('peak');
  });
});

describe('what a figure counts in product and technology news', () => {

  it('names the measure before a figure ("at speeds of", "distances up to"), with no movement in "up to"', () => {
    expect(countedAt('The chip runs at speeds of more than 3 GHz.', '3 GHz')).toBe('speeds');
    const f = figures('The links work across distances up to 6km.');
    expect(f.map((x) => [x.counted, x.direction ?? null])).toEqual([['distances', null]]);
  });

  it('reads the antecedent of "which costs", and the subject after "Priced at £N,"', () => {
    expect(countedAt('Shoppers queued for the console, which costs $199 (about £105).', '$199')).toBe('console');
    expect(countedAt('Priced at £179, the music player is out now.', '£179')).toBe('music player');
  });

  it('reads money in words, an age range after "aged", and a duration before its noun', () => {
    const f = figures('Fans pay five pounds for a stream. The club wants players aged 16 to 21. The 30-minute show is free.');
    expect(f.map((x) => [x.raw, x.unit ?? null, x.counted ?? null])).toEqual([
      ['five pounds', 'GBP', 'stream'],
      ['16 to 21', 'years', 'age'],
      ['30-minute', 'minutes', 'show'],
    ]);
  });

  it('keeps a list counting what its first member counts, and sport points as points', () => {
    expect(figures('They made bids of £2m, £3m and £4m for Jones.').map((x) => x.counted)).toEqual(['bids', 'bids', 'bids']);
    expect(countedAt('Four sides are all tied on six points.', 'six')).toBe('points');
    expect(countedAt('She said 20% of shops cut prices, compared to 25% in Leeds and 30% in York.', '30%')).toBe('shops');
  });

  it('keeps "the total cost of the project" whole, and a quoted adjective in the phrase', () => {
    expect(countedAt('The total cost of the three-year plan to renew its fleet will be $60m.', '$60m')).toMatch(/^cost of the three-year plan/);
    expect(countedAt('The board controls six "smart" storage units.', 'six')).toBe('smart storage units');
  });
});

describe('what a share of a large number counts', () => {

  it('reads past a number with a scale word after "of the" ("50% of the 22.8 million users")', () => {
    expect(countedAt('Just over 40% of the 3.5 million subscribers renewed.', '40%')).toBe('subscribers');
    expect(countedAt('More than half of 1,500 drivers polled agreed.', 'half')).toBe('drivers');
  });

  it('reads the subject of "runs at", and gives a second restatement in brackets the first one\'s noun', () => {
    expect(countedAt("AMD's newest chip runs at 2.6 GHz.", '2.6 GHz')).toBe("AMD's newest chip");
    const f = figures('The group will sell 400m euros (£280m; $520m) of new bonds.');
    expect(f.map((x) => [x.raw, x.counted, x.conversion ?? false])).toEqual([
      ['400m euros', 'new bonds', false],
      ['£280m', 'new bonds', true],
      ['$520m', 'new bonds', true],
    ]);
  });
});

describe('what a figure counts after a unit, a growth rate or "of … time"', () => {

  it('reads what a growth rate is "in the number of", and what a unit measures', () => {
    expect(countedAt('A study found an annual 40% growth rate in the number of home networks.', '40%')).toBe('home networks');
    expect(countedAt('The link carries hundreds of megabits of video each second.', 'hundreds')).toBe('video');
  });

  it('reads "of injury time" as what a duration counts, but not "for the first time"', () => {
    expect(countedAt('They will play the last minute plus three minutes of injury time.', 'three minutes')).toBe('injury time');
    expect(countedAt('Oil fell below $60 for the first time since May.', '$60')).not.toBe('first time');
  });

  it('drops "-plus" and reads the subject instead', () => {
    expect(countedAt("Leeds's offer comprised £4m-plus and a player.", '£4m')).toBe("Leeds's offer");
  });
});

describe('verbs that look like nouns', () => {
  it('reads "users number 100m" with users as what is counted, and "the number of users" still as users', () => {
    const counted = (text: string) => figures(text)[0]!.counted;
    expect(counted("India's web users number 60m.")).toBe("India's web users");
    expect(counted('The number of users rose to 5m.')).toBe('users');
  });
});

describe('people as the measure of a quantity', () => {
  it('names the unemployment that a number of people measures, and reads "in May" as a month', () => {
    const f = figures('French unemployment rose 9,000 in May to 2.6 million people. The town has 4,000 people.');
    expect(f.map((x) => [x.raw, x.counted])).toEqual([
      ['2.6 million', 'French unemployment'],
      ['4,000', 'people'],
    ]);
  });
});

describe('what a figure counts in markets and policy news', () => {

  it('reads the object of "lifting X" after a comma, and of "boost its 2004 X"', () => {
    expect(countedAt('Sales rose to 200m euros, lifting profit over the year to 90m euros.', '90m euros')).toBe('profit');
    expect(countedAt('The bank aims to boost its 2004 cash payout by 15%.', '15%')).toBe('cash payout');
  });

  it('reads past an adverb aside, "likely to stay on hold", "than forecast" and a capitalised first word', () => {
    expect(countedAt('The euro, meanwhile, had risen to 1.3050 against the dollar.', '1.3050')).toBe('euro');
    expect(countedAt('Lending rates are likely to stay on hold at 4.5%.', '4.5%')).toBe('Lending rates');
    expect(countedAt('Output rose faster than forecast, expanding at a yearly rate of 3.1%.', '3.1%')).toBe('Output');
    expect(countedAt('Forecasts for French growth were scaled back to 1.9%.', '1.9%')).toBe('Forecasts');
  });

  it('counts lives saved, "230 fewer injuries", and what earns, soars or is worth money', () => {
    expect(countedAt('A lower limit would save 40 lives a year.', '40')).toBe('lives');
    expect(countedAt('It would mean 120 fewer serious injuries.', '120')).toBe('fewer serious injuries');
    expect(countedAt('Part-time staff earn 12% less than others.', '12%')).toBe('Part-time staff');
    expect(countedAt('Imports kept rising, with exports soaring up 20% in 2004.', '20%')).toBe('exports');
    expect(countedAt('The board rejected a takeover offer worth 2.2bn Australian dollars.', '2.2bn')).toBe('takeover offer');
  });

  it('gives every restatement in one pair of brackets the noun the money is for, and not "news"', () => {
    const f = figures('The group offered £1.1bn ($2.1bn; 1.6bn euros) for the Paris bourse.');
    expect(f.map((x) => x.counted)).toEqual(['Paris bourse', 'Paris bourse', 'Paris bourse']);
    expect(countedAt("Acme's shares rose 8% to A$3.10 on news of the offer.", 'A$3.10')).toBe("Acme's shares");
  });
});
