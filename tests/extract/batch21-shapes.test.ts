import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';
import { findSources } from '../../src/extract/attribution.ts';
import { extractFacts } from '../../src/extract/index.ts';

// Shapes from the change and counted misses of the development split, ninth real-news round. Our own sentences.
const move = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.previous ?? null]);

describe('money said to be cuts', () => {
  it('reads "£5bn in tax cuts" and "some £40bn in spending cuts" as amounts cut', () => {
    expect(move('The party wants £30bn in savings to fund £5bn in tax cuts.')).toEqual([['£30bn', null, null], ['£5bn', 'down', null]]);
    expect(move('They would make some £40bn in spending cuts by 2012.')).toEqual([['some £40bn', 'down', null]]);
  });

  it('still counts "£35bn cuts" as the thing itself when no "in" joins them, and leaves "£2m in grants" alone', () => {
    expect(move('It offered £2m in grants to farmers.')).toEqual([['£2m', null, null]]);
  });

  it('reads an amount that "has been cut from" or "was wiped off" something as taken away', () => {
    expect(move('The equivalent of £4,000 has been cut from a typical home.')).toEqual([['£4,000', 'down', null]]);
    expect(move('About $80bn was wiped off the value of the market.')).toEqual([['About $80bn', 'down', null]]);
  });
});

describe('an earlier level told some words before the new one', () => {
  it('reads "from 90mg of salt per 100g of food to 60mg" as one level and the one before it', () => {
    expect(move('The plan lowers the limit from 90mg of salt per 100g of food to 60mg.')).toEqual([['60mg', 'down', 90]]);
  });

  it('takes "compared to April\'s £3.5m" as the earlier figure of the same measure', () => {
    const [f] = figures('Lending rose by £3m in May, compared to April\'s £3.5m.');
    expect(f).toMatchObject({ raw: '£3m', direction: 'up', previous: 3_500_000 });
  });

  it('folds a level of one clause into the move of the next ("was $100bn in 2003 and is forecast to climb to $130bn")', () => {
    const fs = figures('The deficit was $100bn in 2003 and is forecast to climb to about $130bn this year.');
    expect(fs.map((f) => f.raw)).toEqual(['about $130bn']);
    expect(fs[0]).toMatchObject({ direction: 'up', previous: 100e9, counted: 'deficit' });
  });

  it('leaves two levels of different things alone ("exports were $10bn and imports are set to climb to $12bn")', () => {
    const fs = figures('Exports were $10bn in 2003 and imports are expected to climb to $12bn.');
    expect(fs[1]?.previous).toBeUndefined();
  });
});

describe('a verb that changes a thing described by a clause', () => {
  it('reaches "to £150,000" across "the threshold at which buyers pay the levy"', () => {
    expect(move('The chancellor doubled the threshold at which buyers pay the levy to £150,000.')).toEqual([['£150,000', 'up', null]]);
  });
});

describe('the next level of one movement, after "and" and a time', () => {
  it('carries the fall to "and by the end of August stood at 88.5%", with what is counted', () => {
    const fs = figures('Usage fell to 90.1% in June and by the end of August stood at 88.5%.');
    expect(fs.map((f) => [f.raw, f.direction ?? null, f.counted ?? null])).toEqual([['90.1%', 'down', 'Usage'], ['88.5%', 'down', 'Usage']]);
  });
});

describe('bare "millions" and "billions"', () => {
  it('reads them as vague amounts wherever they stand, not only after a verb of money', () => {
    for (const text of ['The singer was loved by millions for decades.', 'Worms that infect millions are now rarer.', 'The new scheme allows billions more devices online.', 'Billions watched.']) {
      expect(figures(text).map((f) => [f.raw.toLowerCase(), f.vague ?? false])).toEqual([[/billions/i.test(text) ? 'billions' : 'millions', true]]);
    }
  });
});

describe('"one" that counts nothing', () => {
  const raws = (text: string) => figures(text).map((f) => f.raw);
  it('reads "one" before an unnamed person or an abstract noun as "a", not a count', () => {
    for (const text of ['One trader thought the deal was off.', 'The rally will fade, warned one senior economist.', 'One obvious drawback is the cost.', 'One such case came up in court.', 'Voters may back one particular candidate.']) {
      expect(raws(text)).toEqual([]);
    }
  });

  it('reads "on one knee", "in one eye" and "one has to wonder" as idioms', () => {
    expect(raws('He knelt on one knee.')).toEqual([]);
    expect(raws('She is blind in one eye.')).toEqual([]);
    expect(raws('Sometimes one has to wonder.')).toEqual([]);
  });

  it('still counts "only one analyst" and "one robot"', () => {
    expect(raws('Only one analyst saw it coming.')).toEqual(['one']);
    expect(raws('The lab taught one robot to dance.')).toEqual(['one']);
  });
});

describe('sizes, races and names', () => {
  it('folds "fell by more than £900 from X to Y" into the level, with the size as its change', () => {
    expect(figures('Prices fell by more than £900 from £201,400 to £200,500.').map((f) => [f.raw, f.change ?? null, f.previous ?? null])).toEqual([['£200,500', -900, 201400]]);
  });

  it('reads "110m tons" as millions of tonnes, though 110m is also a hurdles race', () => {
    expect(figures('Shipments will reach 110m tons next year.')[0]).toMatchObject({ value: 110e6, unit: 'tonnes' });
  });

  it('reads a race named by its distance as a name ("10,000m hope", "4km champion", "800m victory", "the two mile world record")', () => {
    for (const text of ['The 10,000m hope failed a drugs test.', 'She is the 4km champion again.', 'His 800m victory came at the championships.', 'Next is the two mile world record in Oslo.']) {
      expect(figures(text)).toEqual([]);
    }
  });

  it('reads the mobile operator 3 before "spokesperson" and after "lets" as a name', () => {
    expect(figures('Cheap capacity on the network lets 3 offer low prices on handsets.')).toEqual([]);
    expect(figures('"Roaming is next," said 3 spokesperson Ann Lee of the mobile operators.')).toEqual([]);
    expect(figures('"We want music fans," said 3 spokeswoman Ann Lee.')).toEqual([]);
  });
});

describe('times in a match and names with a number', () => {
  const raws = (text: string) => figures(text).map((f) => f.raw);
  it('reads "two minutes into extra-time", "after just four minutes" and "the half-hour mark" as the match clock', () => {
    expect(raws('He nearly scored two minutes into extra-time.')).toEqual([]);
    expect(raws('The hosts went ahead after just four minutes.')).toEqual([]);
    expect(raws('Just before the half-hour mark the rain came.')).toEqual([]);
    expect(raws('The final passed the two-hour mark.')).toEqual([]);
  });

  it('still counts "lasted only 65 minutes after which", "after 30 seconds of watching" and "10 minutes away"', () => {
    expect(raws('The match lasted only 70 minutes after which it was abandoned.')).toEqual(['70 minutes']);
    expect(raws('Judges decide after 20 seconds of watching a replay.')).toEqual(['20 seconds']);
    expect(raws('The ground is 15 minutes away.')).toEqual(['15 minutes']);
  });

  it('reads "on day two of" and "the 10 O\'clock News" as names, and "ruled out for a month after" as a duration', () => {
    expect(raws('She pulled out on day two of the meeting.')).toEqual([]);
    expect(raws('It led the 10 O\'clock News on Monday.')).toEqual([]);
    expect(raws('He is out for a month after hurting his knee.')).toEqual(['a month']);
  });
});

describe('one unit of time', () => {
  it('reads "for one day", "one day\'s notice" and "a one day strike" as a day, but not "One day I will"', () => {
    const read = (text: string) => figures(text).map((f) => [f.raw, f.unit ?? null, f.direction ?? null]);
    expect(read('Staff will strike over the cuts for one day next week.')).toEqual([['one day', 'days', null]]);
    expect(read('She gave only one day\'s notice.')).toEqual([['one day\'s', 'days', null]]);
    expect(read('The union called a one day strike.')).toEqual([['one day', 'days', null]]);
    expect(read('One day I will live there.')).toEqual([]);
  });

  it('reads "lasted around an hour" and "waits more than a year" as lengths of time', () => {
    expect(figures('The talks lasted around an hour.')[0]).toMatchObject({ value: 1, unit: 'hours' });
    expect(figures('Nobody now waits more than a year for surgery.')[0]).toMatchObject({ value: 1, unit: 'years', qualifier: 'more than' });
  });
});

describe('what money in a deal counts', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('reads a price by what is bought or sold, not by the buyer ("buy X for $9bn", "sell a stake to a bank for $40m")', () => {
    expect(counted('Acme agreed to buy its old rival and chip maker Bolt Inc for about $9bn.')).toEqual([['about $9bn', 'Bolt Inc']]);
    expect(counted('The firm may sell a minority stake to a bank for about $40m.')).toEqual([['about $40m', 'stake']]);
    expect(counted('It bought Danish brewer Ole Beer for just over $2bn.')).toEqual([['just over $2bn', 'Danish brewer Ole Beer']]);
  });

  it('reads money paid "to settle" something by what it settles', () => {
    expect(counted('The bank will pay $80m to the SEC to settle the fraud charges.')).toEqual([['$80m', 'fraud charges']]);
  });

  it('reads "the sale of 5bn euros ($6.5bn) of bonds" and "the payment of 10m euros in bonuses" by what was sold or paid', () => {
    expect(counted('Traders saw the sale of 5bn euros ($6.5bn) of state bonds.')).toEqual([['5bn euros', 'state bonds'], ['$6.5bn', 'state bonds']]);
    expect(counted('The board signed off the payment of 10m euros in retirement bonuses.')).toEqual([['10m euros', 'retirement bonuses']]);
  });
});

describe('a move of nothing named, after a time', () => {
  it('reads "the 4.2% increase seen a year earlier" and "a 1.5% increase over the holiday period" as moves of what the figure before measured', () => {
    const counted = (text: string) => figures(text).map((f) => f.counted ?? null);
    expect(counted('Toy sales should rise 3% to $90bn - below the 4.2% increase seen a year earlier.')).toEqual(['Toy sales', 'Toy sales']);
    expect(counted('The chain hoped for a 4-6% rise in sales, but posted a 1.5% increase over the holiday period.')).toEqual(['sales', 'sales']);
  });
});

describe('what a count names past a model number or a period', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('reads "70 Boeing 737-800 planes" and "30 Airbus A320 jets" as planes and jets, and never the model as a figure', () => {
    expect(counted('The airline ordered 40 Boeing 737-800 planes.')).toEqual([['40', 'Boeing 737-800 planes']]);
    expect(counted('The carrier bought 12 Airbus A320 jets.')).toEqual([['12', 'Airbus A320 jets']]);
    expect(counted('Its boss said the 737-800 had cut fuel bills.')).toEqual([]);
  });

  it('reads "the 90-day consultation period" and "a two-day hearing" as the period and the hearing', () => {
    expect(counted('The firm ignored the 60-day consultation period.')).toEqual([['60-day', 'consultation period']]);
    expect(counted('A judge will hold a three-day hearing in May.')).toEqual([['three-day', 'hearing']]);
  });

  it('reads "two consecutive quarters of negative growth" as growth', () => {
    expect(counted('Economists call three consecutive quarters of falling output a slump.')).toEqual([['three', 'falling output']]);
  });
});

describe('what a verb moves to a level is counted', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('reads "swelling its customer base to 3.1 million", "took his goal tally to 21" and "keep their deficits below 3%" by the thing moved', () => {
    expect(counted('Deals abroad - its main markets - lifted its customer base to 3.1 million.')).toEqual([['3.1 million', 'customer base']]);
    expect(counted('Smith took his goal tally to 21 for the season.')).toEqual([['21', 'goal tally']]);
    expect(counted('Members must keep their deficits below 3%.')).toEqual([['below 3%', 'deficits']]);
  });

  it('never takes a pronoun or a time as the thing moved ("raised it to £5m", "doubled in a year to 9 million")', () => {
    expect(counted('Ministers raised it to £5m.')[0]?.[1]).not.toBe('it');
    expect(counted('Broadband users doubled in a year to 9 million.')).toEqual([['9 million', 'Broadband users']]);
  });
});

describe('money counted past a time or by what it pays back', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('reads "a record profit in 2003 of 9bn yen" and "a loss last year of £5m" by the profit and the loss', () => {
    expect(counted('Even with a record profit in 2003 of 9bn yen, the firm is new to China.')).toEqual([['9bn yen', 'record profit']]);
    expect(counted('It made a loss last year of £5m.')).toEqual([['£5m', 'loss']]);
  });

  it('reads "$90m to pay back gains", "$40m (£21m) to settle a lawsuit" and "£1bn to fund a bid" by what the money is for', () => {
    expect(counted('The fine includes $90m to pay back gains from late trading.')[0]).toEqual(['$90m', 'gains']);
    expect(counted('The firm paid $40m (£21m) to settle a lawsuit.')).toEqual([['$40m', 'lawsuit'], ['£21m', 'lawsuit']]);
    expect(counted('The bank lined up £1bn to fund a bid.')).toEqual([['£1bn', 'bid']]);
  });
});

describe('what a rate or a relative clause points at', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('reads "Prices rose, hitting an annual rate of 2.1%" by the subject, not "annual rate"', () => {
    expect(counted('Prices rose again, hitting an annual rate of 2.1% in May.')).toEqual([['2.1%', 'Prices']]);
  });

  it('reads "the region\'s output growth, which the bank expects to be around 5%" by the antecedent of "which"', () => {
    expect(counted('Debt would slow the region\'s output growth, which the bank expects to be around 5% next year.')).toEqual([['around 5%', 'output growth']]);
  });
});

describe('places in a chart', () => {
  const raws = (text: string) => figures(text).map((f) => f.raw);
  it('reads "entered the chart at four", "slipped to six … in the chart" and "moved up three to number two" as places', () => {
    expect(raws('The duo entered the chart at five with their new single.')).toEqual([]);
    expect(raws('The charity record slipped to nine in the chart this week.')).toEqual([]);
    expect(raws('Their album moved up four to number three.')).toEqual([]);
  });

  it('reads the second place of "at number eight and 10" and "number three in the UK and 15 in the US" as a place', () => {
    expect(raws('Both acts made the list, at number six and 11 respectively.')).toEqual([]);
    expect(raws('The single went to number three in the UK and 15 in the US.')).toEqual([]);
  });

  it('still counts a chart sale ("went to 40,000 in the chart week") and names a station ("the Hot 97 studios")', () => {
    expect(raws('Sales went to 40,000 in the chart week.')).toEqual(['40,000']);
    expect(raws('He was outside the Hot 97 studios.')).toEqual([]);
  });
});

describe('the twenty-first batch: rises to a total, counts against now, the match clock', () => {
  it('folds "a $700bn rise … taking the total to $9 trillion" and "4,000 more copies …, taking the total number of copies to about 30,000" into the total', () => {
    expect(figures('Congress approved a $700bn rise in what the state can owe - taking the total to $9 trillion.').map((f) => [f.raw, f.direction ?? null, f.change ?? null])).toEqual([['$9 trillion', 'up', 700e9]]);
    expect(figures('The label will press 4,000 extra copies of every single, taking the total number of copies in shops to about 30,000.').map((f) => [f.raw, f.change ?? null])).toEqual([['about 30,000', 4000]]);
  });

  it('reads "3 million robots in homes, compared to about 150,000 currently" as one count and the one before it', () => {
    expect(figures('Experts see 3 million robots in homes, compared to about 150,000 currently.').map((f) => [f.raw, f.previous ?? null])).toEqual([['3 million', 150000]]);
    // A limit beside today's value stays two figures.
    expect(figures('Police may hold suspects for up to eight days without charge, compared with five days now.').map((f) => f.raw)).toEqual(['up to eight days', 'five days']);
  });

  it('reads "only four minutes left to play", "the remaining four minutes of the game" and "the 50K Walk" as the clock and a race', () => {
    expect(figures('The crowd drifted away with the game level at 2-2 and only four minutes left to play.').map((f) => f.raw)).toEqual(['2-2']);
    expect(figures('The final four minutes of the match are to be replayed.')).toEqual([]);
    expect(figures('He crashed days before the 50K Walk.')).toEqual([]);
  });
});

describe('what money goes into, and a measure named once for two figures', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('reads "buy X\'s stake in Y, an appositive, for 250m euros" by the stake', () => {
    expect(counted('It agreed to buy Acme\'s stake in Bolt Brew, the second-largest brewer, for up to 250m euros.')).toEqual([['up to 250m euros', 'stake']]);
  });

  it('reads money pumped "into subsidies" or spent "- or £140 a home - on asylum" by what it went on', () => {
    expect(counted('The state will pump 150m naira ($1.1m) into subsidies for farmers.')).toEqual([['150m naira', 'subsidies'], ['$1.1m', 'subsidies']]);
    expect(counted('Councils have spent more than £2bn - or £120 per household - on asylum.')).toEqual([['more than £2bn', 'asylum'], ['£120', 'asylum']]);
    expect(counted('The brewer spent A$500m on buying a 15% stake in a rival.')[0]).toEqual(['A$500m', 'stake']);
  });

  it('reads "restated earnings by $4bn", "the number of new licences in Wales to 20" and "averaged 11.2 million and peaked at 12.5 million"', () => {
    expect(counted('The lender restated earnings by $4bn last year.')).toEqual([['$4bn', 'earnings']]);
    expect(counted('She plans to cap the number of new licences in Wales to 20.')).toEqual([['20', 'new licences']]);
    expect(counted('The audience averaged 11.2 million and peaked at 12.5 million.')).toEqual([['11.2 million', 'audience'], ['12.5 million', 'audience']]);
  });
});

describe('who says so: nouns, openers and places', () => {
  const sources = (text: string) => findSources(text).map((s) => s.who);
  it('never reads "its claim for $280bn" as someone claiming', () => {
    expect(sources('The state will appeal a verdict that rejected its claim for $200bn in damages.')).toEqual([]);
  });

  it('gives "…, saying" the whole subject that opens the sentence, never a bare "The"', () => {
    expect(sources('The tobacco firms rejected the allegations, saying they had never broken the law.')).toEqual(['The tobacco firms', 'The tobacco firms']);
  });

  it('drops the place after "in" from a long subject ("A spokeswoman for the Bay Shopping Centre in Cardiff said")', () => {
    expect(sources('A spokeswoman for the Bay Shopping Centre in Cardiff said it was the busiest day of the year.')).toEqual(['Bay Shopping Centre']);
  });

  it('reads "says the Waterford man" as the person last named', () => {
    const text = 'Sean Byrne told his story.\n\n"My back was broken in two places," says the Waterford man.';
    const f = extractFacts({ title: 'T', text, published: new Date('2005-03-01') }).facts.find((x) => x.kind === 'figure');
    expect(f).toMatchObject({ raw: 'two', attribution: 'Sean Byrne' });
  });
});

describe('times that say how rare, and names', () => {
  const raws = (text: string) => figures(text).map((f) => f.raw);
  it('reads "its steepest fall in three months" and "their highest level in more than two years" as when, not figures', () => {
    expect(raws('The index dropped 1.9%, its steepest fall in four months.')).toEqual(['1.9%']);
    expect(raws('Prices hit their highest level in more than two years.')).toEqual([]);
  });

  it('reads "in two years time" without an apostrophe as a time, "Xbox 2" as a name and "one … and the other" as one of a pair', () => {
    expect(raws('Nobody will care in three years time.')).toEqual([]);
    expect(raws('Xbox 3 may be shown in June.')).toEqual([]);
    expect(raws('The show hands one trophy to films and the other to plays.')).toEqual([]);
  });
});

describe('who says so: "with analysts saying" and "according to its estimate"', () => {
  it('reads "…, with analysts saying sales of $500m were possible" as the analysts\' figure', () => {
    expect(figures('Shares rose 8% after the report, with analysts saying revenue of $500m a year was possible.').map((f) => f.attribution ?? null)).toEqual([null, 'analysts']);
  });

  it('reads "According to its estimate" as the source named before', () => {
    const text = 'The Lanka Lenders Association said banks were hit hard.\n\nAccording to its estimate, as much as 12% of loans went bad.';
    const f = extractFacts({ title: 'T', text, published: new Date('2005-03-01') }).facts.find((x) => x.kind === 'figure');
    expect(f).toMatchObject({ raw: 'as much as 12%', attribution: 'Lanka Lenders Association' });
  });
});

describe('moves said once for two levels, or against last year', () => {
  const move = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null]);
  it('reads "3% up on the same week last year" as a rise', () => {
    expect(move('Takings have been 3% up on the same week last year.')).toEqual([['3%', 'up']]);
  });

  it('reads "climbed for the fifth month running to an average of 58" and "have taken the number of entrants to 15" as rises', () => {
    expect(move('Unsold stock climbed for the fifth month running to an average of 58 cars.')).toEqual([['58', 'up']]);
    expect(move('The newcomers have taken the number of entrants to 15.')).toEqual([['15', 'up']]);
  });

  it('carries "rise to a maximum of £60 per week for one child and £105 for two" to the second level', () => {
    expect(move('The allowance will rise to a maximum of £60 per week for one child and £105 for two.').slice(0, 2)).toEqual([['£60', 'up'], ['£105', 'up']]);
  });
});

describe('what a share counts', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('never takes the verb after a share as what it counts ("More than 70% offered free songs", "two-thirds sold")', () => {
    expect(counted('More than 70% offered free songs online, while two-thirds sold tracks via the net.')).toEqual([['More than 70%', null], ['two-thirds', null]]);
  });

  it('reads a share in brackets after a group by the group ("A majority of voters (64%)"), but not after a name', () => {
    expect(counted('A majority of voters (64%) think he was harmed.')).toEqual([['64%', 'voters']]);
    expect(counted('Most 16 to 24-year-olds (91%) own one.')[0]).toEqual(['91%', 'year-olds']);
    expect(counted('Acme owns 40% of Bolt Holdings (39.9%).').map((f) => f[1])).not.toContain('Holdings');
  });
});

describe('what is counted past a possessive with its own number, or an "of" phrase', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('reads "1.1m of the UK\'s 1.6m Muslims" by the Muslims, the scale glued to the number', () => {
    expect(counted('Roughly 0.9m of the region\'s 1.4m Sikhs can vote.')).toEqual([['Roughly 0.9m', 'Sikhs'], ['1.4m', 'Sikhs']]);
  });

  it('reads "drive the cost of the scheme up by another £90m" by the cost', () => {
    expect(counted('New rules could drive the cost of the scheme up by another £90m.')).toEqual([['£90m', 'cost']]);
  });
});

describe('dates of a level and of the one before it', () => {
  const dated = (text: string) => figures(text).map((f) => [f.raw, f.date ?? null, f.previousDate ?? null]);
  it('dates "from $20m in 2003 to $25m in 2004" to 2004, with 2003 for the earlier level', () => {
    expect(dated('Revenue rose from $30m in 2002 to $36m in 2003.')).toEqual([['$36m', '2003-12-31', '2002-12-31']]);
  });

  it('reads "In 2004 sales rose" and "which in 1999 made 180,000 cars" as when, not as a year naming something', () => {
    expect(dated('In 2003 sales rose to $40m.')[0]?.[1]).toBe('2003-12-31');
    expect(dated('The plant, which in 1998 made 150,000 cars, is closing.')[0]?.[1]).toBe('1998-12-31');
  });

  it('still reads "the 2004 budget" and a headline\'s "cuts in 2025 budget" as naming the budget', () => {
    expect(dated('The 2004 budget set aside £5m.')[0]?.[1]).toBe('2025-02-06');
    expect(dated('State unveils $2bn cuts in 2026 budget')[0]?.[1]).toBe('2025-02-06');
  });
});

describe('the window a figure covers', () => {
  const span = (text: string) => figures(text, '2005-03-01T12:00:00Z').map((f) => [f.raw, f.date ?? null, f.periodStart ?? null, f.periodEnd ?? null]);
  it('dates "for the three months to December" to the quarter it ends, past the period\'s own number', () => {
    expect(span('Profits rose 40% to $2.1bn for the three months to December.')).toEqual([['$2.1bn', '2004-12-31', '2004-10-01', '2004-12-31']]);
    expect(span('The deficit hit $400bn in the 12 months to 31 March.')).toEqual([['$400bn', '2004-03-31', '2003-04-01', '2004-03-31']]);
  });

  it('dates "the final three months of 2003" and "the first three months of 2004" to their quarters', () => {
    expect(span('Output fell by 0.2% in the final three months of 2003.')).toEqual([['0.2%', '2003-12-31', '2003-10-01', '2003-12-31']]);
    expect(span('Output rose 1% in the first three months of 2004.')).toEqual([['1%', '2004-03-31', '2004-01-01', '2004-03-31']]);
  });
});

describe('a date past a dashed aside', () => {
  it('dates "to 5.8% - its first rise in nine years - in October 2004" to October 2004', () => {
    const [f] = figures('The bank raised rates to 6.1% - its first rise in eight years - in October 2004.', '2005-03-01T12:00:00Z');
    expect(f).toMatchObject({ raw: '6.1%', date: '2004-10-31' });
  });
});

describe('weeks and months without a year', () => {
  const dated = (text: string) => figures(text, '2005-03-01T12:00:00Z').map((f) => [f.raw, f.date ?? null, f.periodStart ?? null]);
  it('dates "last week" to the Sunday that ended it, and "this week" to the Sunday ahead, each with its Monday', () => {
    expect(dated('Some 28 MPs rebelled last week.')).toEqual([['Some 28', '2005-02-27', '2005-02-21']]);
    expect(dated('Demand is 12% above normal this week.')).toEqual([['12%', '2005-03-06', '2005-02-28']]);
  });

  it('dates "last April" and "rose … in April" in a March article to the April that has passed', () => {
    expect(dated('Last April, the state signed a $200m deal.')[0]?.[1]).toBe('2004-04-30');
    expect(dated('Staff numbers rose to 510,000 in April.')[0]?.[1]).toBe('2004-04-30');
    expect(dated('Sales fell 2% in February.')[0]?.[1]).toBe('2005-02-28');
  });
});

describe('a quarter of a named year', () => {
  it('dates "in the second quarter of 2004" to the quarter, not the whole year', () => {
    const [f] = figures('The deficit hit a record $150bn in the second quarter of 2003.', '2005-03-01T12:00:00Z');
    expect(f).toMatchObject({ date: '2003-06-30', periodStart: '2003-04-01', periodEnd: '2003-06-30' });
  });
});

describe('a year after "by" before a lower-case word', () => {
  it('dates "by 2020 hunger could drop as low as 14%" to 2020', () => {
    const [f] = figures('With faster growth, by 2020 hunger could drop as low as 14%.', '2005-03-01T12:00:00Z');
    expect(f).toMatchObject({ value: 14, date: '2020-12-31' });
  });
});

describe('qualifiers of a bound', () => {
  it('keeps "as low as", "as high as" and "as little as" with the figure', () => {
    expect(figures('Poverty could fall as low as 14%.')[0]).toMatchObject({ raw: 'as low as 14%', qualifier: 'as low as' });
    expect(figures('Rates may go as high as 9%.')[0]).toMatchObject({ qualifier: 'as high as' });
  });
});

describe('seasons and the end of the year', () => {
  const dated = (text: string) => figures(text, '2005-03-01T12:00:00Z').map((f) => [f.date ?? null, f.periodStart ?? null]);
  it('dates "from next summer" and "by summer 2006" to the summer\'s end, with its start', () => {
    expect(dated('It will offer speeds of 2.4Mbps from next summer.')).toEqual([['2005-08-31', '2005-06-01']]);
    expect(dated('We will hit our three million target by summer 2007.')).toEqual([['2007-08-31', '2007-06-01']]);
  });

  it('dates "by the autumn" in a sentence about the past to the autumn just gone', () => {
    expect(dated('By the autumn, four million homes had signed up.')).toEqual([['2004-11-30', '2004-09-01']]);
  });

  it('dates "by the end of the year" to this year when the sentence looks ahead, and to last year when it looks back', () => {
    expect(dated('There will be six million users by the end of the year.')[0]?.[0]).toBe('2005-12-31');
    expect(dated('Users rose to 4.2m by the end of the year.')[0]?.[0]).toBe('2004-12-31');
  });
});
