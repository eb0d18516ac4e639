import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// What is counted where the extractor found nothing or a word that says nothing ("total", "units"),
// from the counted misses on the development split. Our own sentences.
const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
const change = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.change ?? null]);

describe('a level that continues the clause before it', () => {
  it('keeps the subject of "X were up N pence, or M%, at LEVEL"', () => {
    expect(counted('Shares in Acme were up 40 pence, or 5.2%, at 810p by noon.')).toEqual([['810p', 'Shares']]);
  });

  it('folds "closed down N points, or M%, at LEVEL" into one figure of the index', () => {
    expect(change('The Nasdaq index closed down 1.2 points, or 0.05%, at 2,011.4.')).toEqual([['2,011.4', 'down', -1.2]]);
    expect(counted('The Nasdaq index closed down 1.2 points, or 0.05%, at 2,011.4.')).toEqual([['2,011.4', 'Nasdaq index']]);
  });

  it('reads "but they were N%" and "it came in at N%" as the measure before', () => {
    expect(counted('Stockpiles fell 0.5% month on month, but they were 30% higher than a year before.')[1]).toEqual(['30%', 'Stockpiles']);
    expect(counted('Output was 3% in the spring and in the full year it came in at 4.1%.')[1]).toEqual(['4.1%', 'Output']);
  });

  it('reads "X would reach A, but fall to B" as X both times', () => {
    expect(counted('EU growth would reach 2.2% in 2004, but fall to 1.9% next year.')).toEqual([['2.2%', 'EU growth'], ['1.9%', 'EU growth']]);
  });

  it('reads a second subject after "and" ("and garden centre sales dipped N%")', () => {
    expect(counted('Sales at toy shops dropped by 0.2% and garden centre sales dipped 0.4%.')[1]).toEqual(['0.4%', 'garden centre sales']);
  });
});

describe('words that say nothing of what is counted', () => {
  it('reads "a total of N tonnes of X" as X', () => {
    expect(counted('Last year a total of 800,000 tonnes of grain aid was needed.')).toEqual([['800,000 tonnes', 'grain aid']]);
  });

  it('keeps the noun after "total" ("its total takings")', () => {
    expect(counted('The film opened on Friday, bringing its total takings to $18.2m.')).toEqual([['$18.2m', 'total takings']]);
  });

  it('reads "bring debt down to N" as debt', () => {
    expect(counted('The sale helped to bring debt down to 30bn euros.')).toEqual([['30bn euros', 'debt']]);
  });

  it('reads units by the subject that sold them', () => {
    expect(counted('Sales totalled 2.1 million units worldwide in 2004.')).toEqual([['2.1 million', 'Sales']]);
    expect(counted('Its sales rose 4.1% to 1.9 million units.')).toEqual([['1.9 million', 'sales']]);
    expect(counted('Acme has sold over 650,000 units in Korea.')).toEqual([['over 650,000', 'units']]);
  });

  it('keeps "total" when nothing else names what a total is of', () => {
    expect(counted('The sale made a total of $2.3m.')).toEqual([['$2.3m', 'total']]);
  });

  it('reads money by what it is put to ("is earmarked for", "went on developing")', () => {
    expect(counted('A total of 24 trillion pesos is earmarked for grants to farmers.')).toEqual([['24 trillion pesos', 'grants']]);
    expect(counted('Some £12m went on developing the software.')).toEqual([['Some £12m', 'software']]);
    expect(counted('Around £5bn will be available for tax cuts, he said.')).toEqual([['Around £5bn', 'tax cuts']]);
  });

  it('reads an index level by the average it measures, not by the points it moved', () => {
    expect(counted('The Acme Transport average ended down 0.9 points, or 0.01%, at 10,400.2.')).toEqual([['10,400.2', 'Acme Transport average']]);
  });
});

describe('the noun a move or a payment belongs to', () => {
  it('reads "with X up N%" and "and X down about N%" as X', () => {
    expect(counted('Zinc prices rose 40% during the year, with tin up 31%.')[1]).toEqual(['31%', 'tin']);
    expect(counted('A shift to new models hurt the luxury brand, with sales down 2.1% at 1.1 million.')).toEqual([['1.1 million', 'sales']]);
    expect(counted('Refugee claims were down 35% and economic migration down about 12%.')[1]).toEqual(['about 12%', 'economic migration']);
  });

  it('reads money by what it settles, buys or is part of', () => {
    expect(counted('Acme agreed to pay $700m (£380m) to settle a lawsuit filed by the state.')[0]).toEqual(['$700m', 'lawsuit']);
    expect(counted('Pharma giant Bigco has agreed to buy medical device firm Stentco for $21.4bn.')).toEqual([['$21.4bn', 'medical device firm Stentco']]);
    expect(counted('Acme will pay Bigco $2bn as part of the settlement.')).toEqual([['$2bn', 'settlement']]);
  });

  it('reads "after a N% decline" and "revised to a N% decline" as the measure the sentence moves', () => {
    expect(counted('Wheat output rose by 3% in 2004, after a 28% decline in 2003.')[1]).toEqual(['28%', 'Wheat output']);
    expect(counted('An earlier estimate of 0.2% growth was revised to a 0.4% decline.')).toEqual([['0.4%', 'growth']]);
    expect(change('An earlier estimate of 0.2% growth was revised to a 0.4% decline.')[0]![1]).toBe('down');
  });

  it('keeps "compared with a N% slide in X" as a figure of its own', () => {
    expect(counted('Farm exports rose 8%, compared with a 0.5% slide in household spending.')).toEqual([['8%', 'Farm exports'], ['0.5%', 'household spending']]);
  });

  it('never reads a rate\'s adjectives or "overall" as what is counted', () => {
    expect(counted('The economy expanded at a healthy yearly rate of 3.5% in the summer.')).toEqual([['3.5%', 'economy']]);
    expect(counted("Japan's economy grew 2.4% overall last year.")).toEqual([['2.4%', "Japan's economy"]]);
  });
});

describe('who says so', () => {
  it('never takes a plural noun before its own verb ("asylum claims were down") as a source', () => {
    expect(figures('Asylum claims were down 35% last year.')[0]!.attribution).toBeUndefined();
    expect(figures('The firm claims sales rose 10%.')[0]!.attribution).toBe('firm');
  });
});

describe('units, ages and estimates', () => {
  it('reads "won" after a scale word as Korean won', () => {
    expect(figures('The lender was saved by a two trillion won (£900m) rescue.')[0]).toMatchObject({ raw: 'two trillion won', unit: 'KRW', counted: 'rescue' });
    expect(figures('Korea won 3 medals.')[0]!.unit).toBeUndefined();
  });

  it('reads an age between commas after a described person', () => {
    expect(figures('The veteran film-maker, 71, took the top prize.')[0]).toMatchObject({ value: 71, unit: 'years', counted: 'age' });
    expect(figures('City want the Wales striker, 29, in the summer.')[0]).toMatchObject({ value: 29, counted: 'age' });
  });

  it('reads "estimated X at N" and "valued X at between A and B" as X', () => {
    expect(figures('Officials have estimated rebuilding costs at nearly $4bn.')[0]!.counted).toBe('rebuilding costs');
    expect(figures('Brokers have valued the four hotels at between £30m-£45m.')[0]!.counted).toBe('hotels');
  });
});

describe('longer phrases and two-part times', () => {
  it('reads "the number of X …" as X however long the subject', () => {
    expect(figures('Minister Jo Smith said the number of tourists hurt or missing in the storm has reached 310.')[0]!.counted).toBe('tourists hurt or missing');
  });

  it('reads "N% of the remaining M Xs" as X', () => {
    expect(figures('The reserve holds 20% of the remaining 1,500 wild tigers.')[0]!.counted).toBe('wild tigers');
  });

  it('reads money that "would go on" or is "to fill" something as that thing', () => {
    expect(counted('Of this, £18 billion would go on school plans, with £6 billion to fill the funding gap.')).toEqual([['£18 billion', 'school plans'], ['£6 billion', 'funding gap']]);
  });

  it('gives the seconds of "a time of four minutes 12.35 seconds" to the time', () => {
    expect(counted('She won in a time of four minutes 12.35 seconds.')).toEqual([['four minutes', 'time'], ['12.35 seconds', 'time']]);
  });
});

describe('shares and vague amounts written in words', () => {
  it('reads "Half the X" opening a sentence and "a third more X"', () => {
    expect(figures('Half the workforce are on short contracts.')[0]).toMatchObject({ raw: 'Half', value: 50, unit: '%' });
    expect(figures('Agents had a third more flats on their books.')[0]).toMatchObject({ raw: 'a third', unit: '%', direction: 'up' });
  });

  it('reads "two thirds - 64% - of the N people" as shares of the people', () => {
    expect(counted('Nearly two thirds - 64% - of the 900 people asked said yes.')).toEqual([['Nearly two thirds', 'people'], ['64%', 'people'], ['900', 'people']]);
  });

  it('reads bare "billions" as money when taxes or spending follow', () => {
    expect(figures('The state wants to recover billions in unpaid taxes.')[0]).toMatchObject({ raw: 'billions', vague: true });
    expect(figures('He said "billions" have been spent on arms.')[0]).toMatchObject({ raw: 'billions', vague: true });
  });
});

describe('scores, decades and shirt numbers', () => {
  it('reads set scores side by side and results after "routed", "victors" or "triumphing" as scores', () => {
    expect(figures('Brown routed Green 6-1 6-0.').map((f) => [f.raw, f.unit])).toEqual([['6-1', 'score'], ['6-0', 'score']]);
    expect(figures('England were 42-6 victors.').map((f) => [f.raw, f.unit])).toEqual([['42-6', 'score']]);
    expect(figures('The visitors, triumphing 31-7 in Perth, flew home.').map((f) => [f.raw, f.unit])).toEqual([['31-7', 'score']]);
  });

  it('keeps "5-10%" a range', () => {
    expect(figures('Prices rose 5-10% last year.')[0]).toMatchObject({ value: 5, valueHigh: 10, unit: '%' });
  });

  it('skips decades written "70\'s" and a shirt number after "No"', () => {
    expect(figures("DJs are reworking 70's and 80's music.")).toEqual([]);
    expect(figures('The club has a young No 9 in the squad.')).toEqual([]);
    expect(figures('No 5 million people came.').map((f) => f.raw)).toEqual(['5 million']);
  });
});

describe('ranges of money', () => {
  it('gives the high end a currency written once before the low end', () => {
    expect(figures('Long term I think prices are headed to $30-35 a barrel.')[0]).toMatchObject({ raw: '$30-35', value: 30, valueHigh: 35, unit: 'USD' });
  });

  it('scales the low end of "$50-100,000" and of "20-30bn rupiah"', () => {
    expect(figures('They paid fines of $50-100,000.')[0]).toMatchObject({ value: 50_000, valueHigh: 100_000, unit: 'USD' });
    expect(figures('Lenders will freeze 20-30bn rupiah in payments.')[0]).toMatchObject({ value: 2e10, valueHigh: 3e10, unit: 'IDR' });
    expect(figures('It ran 20-30 miles.')[0]).toMatchObject({ value: 20, valueHigh: 30, unit: 'miles' });
  });
});

describe('earlier levels', () => {
  it('reads "X in the 12 months to September and Y in the previous year" as X with Y before it', () => {
    expect(figures('Its deficit hit $400bn (£210bn) in the 12 months to September and $360bn in the previous year.').map((f) => [f.raw, f.previous ?? null, f.direction ?? null])).toEqual([
      ['$400bn', 360e9, 'up'],
      ['£210bn', null, null],
    ]);
  });

  it('drops the restatement of an earlier level folded into a later one', () => {
    expect(figures('Shares fell from 90p ($1.70) to 40p ($0.76).').map((f) => f.raw)).toEqual(['40p', '$0.76']);
  });
});

describe('measures named by "the number of" and ages told in the first person', () => {
  it('reads "the number of X connected to Y jumped" and "the amount of X that …" whole', () => {
    expect(figures('The number of homes linked to cable jumped by 31% in a year.')[0]!.counted).toBe('homes linked');
    expect(figures('The amount of music which players can hold has risen by 300%.')[0]!.counted).toBe('amount of music');
  });

  it('reads "more than doubled to" as the verb, and leaves "more than" out of the subject', () => {
    expect(figures('The numbers of smart meters in Wales more than doubled to 2.5 million.')[0]!.counted).toBe('smart meters');
    expect(figures('Profits more than doubled to £3m.')[0]!.counted).toBe('Profits');
  });

  it('reads "I was 18 when", "I\'m only 27 and" and "At 34 I\'m" as ages', () => {
    for (const [text, age] of [['I was 19 when I left.', 19], ["I'm only 28 and I never saw it.", 28], ["At 35 I'm feeling my age.", 35]] as const) {
      expect(figures(text)[0]).toMatchObject({ value: age, unit: 'years', counted: 'age' });
    }
    expect(figures('I was 5 minutes late.')[0]!.counted).toBeUndefined();
  });
});

describe('what money pays for, and "-plus"', () => {
  it('reads "pay $N for each X share" as the share', () => {
    expect(figures('The buyer will pay $80 for each Stentco share.')[0]!.counted).toBe('Stentco share');
  });

  it('reads "pay dividends - $40m in 2001 and $900m in 2002" as dividends', () => {
    expect(counted('Acme began paying dividends - $40m in 2001 and nearly $900m in 2002 - and cut debt.')).toEqual([['$40m', 'dividends'], ['nearly $900m', 'dividends']]);
  });

  it('reads "the 300-plus lenders" as more than 300 lenders', () => {
    expect(figures('It survives thanks to the 300-plus lenders it owes.')[0]).toMatchObject({ raw: '300-plus', value: 300, qualifier: 'more than', counted: 'lenders' });
  });
});

describe('compound heads and clauses joined by "and the"', () => {
  it('keeps a plural head after a plural qualifier ("three drugs tests", "4,500 news sources")', () => {
    expect(figures('He was banned for missing three drugs tests.')[0]!.counted).toBe('drugs tests');
    expect(figures('The site gathers stories from some 4,500 news sources.')[0]!.counted).toBe('news sources');
    expect(figures('Some 20 workers were hurt.')[0]!.counted).toBe('workers');
  });

  it('starts a new subject at "and the" after a verb of its own, and not inside a subject', () => {
    expect(figures('The tally of known worms passed the 90,000 mark and the count of new worms rose by more than 40%.')[1]!.counted).toBe('count of new worms');
    expect(figures('Prices of oil and the dollar rose 2%.')[0]!.counted).toBe('Prices of oil and the dollar');
  });
});

describe('an earlier level, then the one it became', () => {
  const moves = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.previous ?? null]);

  it('reads "I was 92kg, now I am 87.1kg" and "the age of 21 … would be reduced to 18"', () => {
    expect(moves('Last year I was 92kg, now I am 87.1kg.')).toEqual([['87.1kg', 'down', 92]]);
    expect(moves('She said the voting age of 18 for local polls would be lowered to 16.')).toEqual([['16', 'down', 18]]);
  });

  it('keeps the first level of "N - but that had fallen to M" and gives M its previous value', () => {
    expect(moves('The launch drew 4.2 million buyers - but that had fallen to 2.6 million by the end.')).toEqual([
      ['4.2 million', null, null],
      ['2.6 million', 'down', 4.2e6],
    ]);
  });

  it('reads "…, but an improvement on the N% growth seen before" as the earlier level', () => {
    expect(moves('Growth was 3.6% in the summer, slower than hoped, but an improvement on the 3.2% growth seen in the spring.')).toEqual([['3.6%', 'up', 3.2]]);
  });
});

describe('sources behind documents and fears', () => {
  it('takes the body behind "according to estimates from X" and "a list compiled by X"', () => {
    expect(figures("Imports will be 100m tons, according to estimates from the Trade Office.")[0]!.attribution).toBe('Trade Office');
    expect(figures("He earned 5m euros in 2003, according to a list compiled by the Daily Planet.")[0]!.attribution).toBe('Daily Planet');
  });

  it('reads "X fears that" as X\'s claim, and "Fears of" as a noun', () => {
    expect(figures('The bank fears that 1 million people could lose work.')[0]!.attribution).toBe('bank');
    expect(figures('Fears of a slowdown cut 3% off shares.')[0]).toMatchObject({ counted: 'shares' }); // what lost 3%
    expect(figures('Fears of a slowdown cut 3% off shares.')[0]!.attribution).toBeUndefined();
  });
});

describe('file names and estimated earlier levels', () => {
  it('skips a number that starts a file name', () => {
    expect(figures('The worm hides in a file called 7610.theme.manager.zip.')).toEqual([]);
    expect(figures('Shares rose 2.5%.').map((f) => f.raw)).toEqual(['2.5%']);
  });

  it('folds ", an increase from an estimated N" into the level before', () => {
    expect(figures('Analysts see sales of 3.1 million by 2009, a rise from an estimated 50,000 today.').map((f) => [f.raw, f.direction ?? null, f.previous ?? null])).toEqual([['3.1 million', 'up', 50_000]]);
  });
});

describe('fiscal years, weekday dates, sequels and missed forecasts', () => {
  it('skips the second year of "2003/4", "Thursday 9" and a sequel before "and The"', () => {
    expect(figures('Borrowing for 2003/4 is £35bn.').map((f) => f.raw)).toEqual(['£35bn']);
    expect(figures('He will appear on the show on Thursday 9.')).toEqual([]);
    expect(figures('Cars 2 and The Hulk took $400m.').map((f) => f.raw)).toEqual(['$400m']);
  });

  it('reads "£34bn - £2.4bn less than the £36.4bn forecast" as one figure', () => {
    expect(figures('Borrowing is £34bn - £2.4bn below the £36.4bn forecast in May.').map((f) => [f.raw, f.direction ?? null, f.change ?? null, f.previous ?? null])).toEqual([
      ['£34bn', 'down', -2.4e9, 36.4e9],
    ]);
  });
});

describe('a range restated in another currency at both ends', () => {
  it('reads "between $20,000 (£11,000) and $40,000 (£22,000)" as a range and its restatement', () => {
    expect(figures('Letters priced at between $20,000 (£11,000) and $40,000 (£22,000) found no buyer.').map((f) => [f.value, f.valueHigh, f.unit, f.conversion ?? false])).toEqual([
      [20_000, 40_000, 'USD', false],
      [11_000, 22_000, 'GBP', true],
    ]);
    expect(figures('Costs range from $2.5m (£1.3m) to $4m (£2.1m) a year.').map((f) => [f.value, f.valueHigh])).toEqual([
      [2.5e6, 4e6],
      [1.3e6, 2.1e6],
    ]);
  });
});

describe('passives that raise their subject', () => {
  it('reads "X is thought to be N" and "X was predicted to be N" as X', () => {
    expect(figures('The shortfall is thought to be over 9%.')[0]!.counted).toBe('shortfall');
    expect(figures('Demand for coal was forecast to be some 12% above normal.')[0]!.counted).toBe('Demand');
    expect(figures('Officials said 40 people died.')[0]).toMatchObject({ counted: 'people', attribution: 'Officials' });
  });
});

describe('yards and ages of rules', () => {
  it('reads yards, written out or in a compound', () => {
    expect(figures('He shot wide from 18 yards.')[0]).toMatchObject({ raw: '18 yards', unit: 'yards' });
    expect(figures('A late 30-yard strike was saved.')[0]).toMatchObject({ raw: '30-yard', unit: 'yards', counted: 'strike' });
  });

  it('reads both ends of "the retirement age … from 60 to 65" and "the age of 18 … lowered to 16" as ages', () => {
    expect(figures('Plans include raising the pension age for nurses from 60 to 66.')[0]).toMatchObject({ value: 66, unit: 'years', previous: 60 });
    expect(figures('She said the voting age of 18 for local polls would be lowered to 16.')[0]).toMatchObject({ value: 16, unit: 'years', previous: 18 });
    // An age a rule sets is the speaker's fact, not the writer's: the source stays.
    expect(figures('Minister Jo Smith said the minimum age of 20 for councillors would be cut to 17.')[0]!.attribution).toBe('Jo Smith');
  });
});
