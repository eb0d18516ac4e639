import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Shapes from the misses of the sixteenth gold round and the development split. Our own sentences.
const raws = (text: string) => figures(text).map((f) => f.raw);

describe('numbers that pick out which events, not how many', () => {
  it('reads "in the last two elections" and "for the past three polls" as a reference, not a count', () => {
    expect(raws('Turnout dropped in the last two elections.')).toEqual([]);
    expect(raws('For the past three polls the manifesto came from the Treasury.')).toEqual([]);
    expect(raws('In our first two terms we cut waiting lists.')).toEqual([]);
    expect(raws('He thinks the next two games against Spain and Wales will decide it.')).toEqual([]);
  });

  it('still counts the games a side won or lost ("Leeds lost their previous two away fixtures")', () => {
    expect(raws('Leeds lost their previous two away fixtures.')).toEqual(['two']);
    expect(raws('Wales have won their last three matches.')).toEqual(['three']);
  });

  it('reads "two games into the season" as a time, not a count', () => {
    expect(raws('The coach left just three games into the season.')).toEqual([]);
  });
});

describe('halves written out', () => {
  it('keeps "and a half" with its number ("12-and-a-half miles", "four and a half months")', () => {
    expect(figures('On Sunday I jogged 12-and-a-half miles.').map((f) => [f.raw, f.value])).toEqual([['12-and-a-half', 12.5]]);
    expect(figures('The count doubles every four and a half months.')[0]).toMatchObject({ value: 4.5, unit: 'months' });
  });
});

describe('cuts and rises stated by what someone does', () => {
  const dir = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null]);
  it('reads the plain forms "trim" and "slash" as cuts', () => {
    expect(dir('The treasury must trim its shortfall by 0.2 percentage points a year.')).toEqual([['0.2 percentage points', 'down']]);
    expect(dir('Sellers may need to slash prices by 6%.')).toEqual([['6%', 'down']]);
  });

  it('reads "cut costs by up to 8%" as a cut, while "distances up to 4km" stays a bound', () => {
    expect(dir('The chain cut costs by up to 7%.')).toEqual([['up to 7%', 'down']]);
    expect(dir('Routes up to 3km long are planned.')).toEqual([['up to 3km', null]]);
  });
});

describe('places in a list and minutes in a line-up', () => {
  it('reads "Name at seven" as a place where the sentence speaks of a list', () => {
    expect(raws('New to the yearly list were Jo Pike at seven and Sam Reed at 19.')).toEqual([]);
    expect(raws('Risers in the comedy list included Kim and Lee at four, up from 12 in 2004.')).toEqual([]);
    expect(raws('The remake opened at number three with $6.1m, just ahead of Ocean Drive at four.').length).toBe(1);
  });

  it('reads "moves to number 18 from 32" as two places', () => {
    expect(raws('The channel boss moves to number 18 from 30 last year.')).toEqual([]);
  });

  it('reads the minutes of a replacements line as times', () => {
    expect(raws('Replacements: Moss for Kemp (52), Dunn for van der Berg (61), Lee for Ford (70).')).toEqual([]);
  });
});

describe('a move named by a noun, and the share a level moved by', () => {
  const move = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null, f.direction ?? null, f.change ?? null, f.previous ?? null]);
  it('folds "showed a 4% rise to £2bn" into the level, counted by the subject', () => {
    expect(move('Group profits showed a 6.5% rise to 12.1bn euros.')).toEqual([['12.1bn euros', 'Group profits', 'up', 6.5, null]]);
    expect(move("Cable lifted Acme's earnings, which showed a 3% fall to £9m.")).toEqual([['£9m', "Acme's earnings", 'down', -3, null]]);
  });

  it('folds "fell from 7,100 to 6,600, or 7%" into one figure with its change', () => {
    expect(move('The number waiting also fell from 7,100 to 6,600, or 7%.').map((f) => f.slice(2))).toEqual([['down', -7, 7100]]);
  });

  it('reads "compared to the previously reported $700m" as the earlier level', () => {
    expect(move('The firm said it had made $420m (£220m), compared to the previously reported $700m.')[0]!.slice(2)).toEqual(['down', null, 700000000]);
  });
});

describe('numbers that are names, years or references', () => {
  it('reads "17-million population" as 17 million', () => {
    expect(figures('Half of the 12-million population is under 20.').find((f) => f.raw === '12-million')!.value).toBe(12_000_000);
  });

  it('reads "two of the largest airlines" as which ones, like "one of the biggest"', () => {
    expect(raws('Two of the largest carriers posted losses.')).toEqual([]);
    expect(raws('Spain and Italy, two of Portugal\'s main trading partners, are slowing.')).toEqual([]);
    expect(raws('Those would be two of the four new drugs.')).toEqual(['two']);
  });

  it('reads "the 2001-2002 period" as years and "the biggest rise for a year" as a period', () => {
    expect(raws('The firm also restated its accounts for the 2001-2002 period.')).toEqual([]);
    expect(raws('Imports grew by 2.1%, the biggest rise in sales abroad for a year.')).toEqual(['2.1%']);
  });

  it('keeps "51% Russian-owned" as a share, not a title', () => {
    expect(raws('Only firms at least 51% Chinese-owned may take part.')).toEqual(['at least 51%']);
  });
});

describe('what is counted, from the sixteenth round', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('gives a restatement what its level learns when a move is folded into it', () => {
    expect(counted('Sales showed a 4% rise to 9.1bn euros ($11.6bn; £6.3bn).')).toEqual([
      ['9.1bn euros', 'Sales'],
      ['$11.6bn', 'Sales'],
      ['£6.3bn', 'Sales'],
    ]);
  });

  it('reads "with the largest bid at $322" and "the number of entrants to 13" by the named measure', () => {
    expect(counted('The auction has drawn 40 bids, with the top bid currently at more than $300.')[1]).toEqual(['more than $300', 'top bid']);
    expect(counted('The arrival of Fiji has taken the number of entrants to 14.')).toEqual([['14', 'entrants']]);
  });

  it('reads "However, this has since been cut to N" as the measure of the sentence before', () => {
    const facts = figures('Its borrowings stood at 60bn euros two years ago.\n\nHowever, this has now been cut to 41bn euros.');
    expect(facts.map((f) => f.counted)).toEqual(['borrowings', 'borrowings']);
  });

  it('keeps nouns in -ly and "earlier" before a plural in the phrase ("two family films", "three earlier shots")', () => {
    expect(counted('Two family films followed in the chart.')).toEqual([['Two', 'family films']]);
    expect(counted('Evans had missed three earlier kicks at goal.')).toEqual([['three', 'earlier kicks']]);
  });

  it('reads past "currently" to the subject ("levels are currently stuck at 10%")', () => {
    expect(counted('Jobless levels are currently stuck at about 9%, and are hard to cut.')).toEqual([['about 9%', 'Jobless levels']]);
  });
});

describe('a time right after an amount', () => {
  it('never takes "two years ago" after an amount as what the amount counts', () => {
    expect(figures('The debt stood at 55bn euros two years ago.')[0]!.counted).toBe('debt');
  });
});

describe('who says so, after the figure', () => {
  it('reads ", Mr Singh said - falling short of …" as closing the clause before it', () => {
    expect(figures('The deficit will be 4.1%, Mr Singh said - short of what the law asks.')[0]!.attribution).toBe('Mr Singh');
  });
});

describe('terms and measures next to names', () => {
  it('keeps "jailed for 12 years on spying charges" as a term, while "Ten years on," stays a time', () => {
    expect(raws('A blogger was jailed for 12 years on spying charges.')).toEqual(['12 years']);
    expect(raws('Ten years on, the valley has recovered.')).toEqual([]);
  });

  it('reads a measure glued to a number after a name ("Smith 51cm adrift") as a measure', () => {
    expect(figures('Britain\'s Tom Smith was 48cm adrift of his best.').map((f) => [f.raw, f.unit])).toEqual([['48cm', 'cm']]);
  });
});

describe('subjects and pointers', () => {
  it('reads "the cost for every megabyte has dropped" as the cost (a word after "the" is no verb)', () => {
    expect(figures('The cost for every megabyte has fallen by 70%.')[0]!.counted).toBe('cost');
  });

  it('reads "It represents an increase of 20%" and "an additional figure of 200" as the measure before', () => {
    const rise = figures('Texts sent last year reached 26bn messages.\n\nIt represents an increase of 18% on the year before.');
    expect(rise.map((f) => f.counted)).toEqual(['messages', 'messages']);
    const extra = figures('Some 3,000 offers were made in the autumn.\n\nThe rise was small - an additional figure of about 150.');
    expect(extra.map((f) => f.counted)).toEqual(['offers', 'offers']);
  });
});

describe('earlier levels past an aside', () => {
  const prev = (text: string) => figures(text).map((f) => [f.raw, f.previous ?? null]);
  it('reads "up from" after a bracketed restatement and ", for the six months to 31 March,"', () => {
    expect(prev('The firm made a profit of $250m (£130m), for the six months to 31 March, up from $170m a year before.')).toEqual([
      ['$250m', 170_000_000],
      ['£130m', null],
    ]);
  });

  it('reads "from a revised 0.5% increase in May" past a dashed aside as the earlier level', () => {
    expect(prev('Output grew 0.2% - as forecast - from a revised 0.5% increase in October.')).toEqual([['0.2%', 0.5]]);
  });
});

describe('athletics distances, age bands, ratings and ranges, from the seventeenth round', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);
  it('reads throws, clearances and bests in metres, not millions', () => {
    expect(read('She finished fourth with two throws of 12.91m.')).toEqual([['two', 2, null], ['12.91m', 12.91, 'm']]);
    expect(read('He could only clear 2.11m to finish third.')).toEqual([['2.11m', 2.11, 'm']]);
    expect(read('Jones vaulted a season\'s best of 5.15m And Lee won the long jump.')).toEqual([['5.15m', 5.15, 'm']]);
  });

  it('reads a bare track distance as the race, and keeps millions where money or people are', () => {
    expect(read('Had she won that, the 1500m would have been easy.')).toEqual([]);
    expect(read('The network has 200m users.')).toEqual([['200m', 200_000_000, null]]);
    expect(read('The stadium will cost £200m.')).toEqual([['£200m', 200_000_000, 'GBP']]);
    expect(read('The limit would fall from 80mg to 50mg.')).toEqual([['50mg', 50, 'mg']]);
  });

  it('reads "between the ages of five and 12" as an age band and "the 18 certificate" as a rating', () => {
    expect(read('The rules cover children between the ages of five and 12.')).toEqual([]);
    expect(read('The 18 certificate game was cut for television.')).toEqual([]);
  });

  it('keeps "for three to five weeks after a tackle" a range of weeks, not a time after', () => {
    expect(read('He will be out for three to five weeks after a bad tackle.')).toEqual([['three to five weeks', 3, 'weeks']]);
  });
});

describe('definite references to amounts already given', () => {
  it('reads "Of the 12 million that are replaced" and "the $2.5m fine" as the amount again, not a new figure', () => {
    const text = 'About 12 million phones go out of use each year.\n\nOf the 12 million that are replaced, only 20% are returned.';
    expect(figures(text).map((f) => f.raw)).toEqual(['About 12 million', '20%']);
    expect(figures('The firm paid $2.5m to settle.\n\nIt has a week to pay the $2.5m fine.').map((f) => f.raw)).toEqual(['$2.5m']);
  });

  it('keeps a first mention with "the", ages and small counts', () => {
    expect(figures('The $4m fine was paid on Monday.').map((f) => f.raw)).toEqual(['$4m']);
    expect(figures('Jo Lee, 17, was nominated.\n\nThe 17-year-old is touring in May.').map((f) => f.raw)).toEqual(['17', '17-year-old']);
  });
});

describe('earlier levels named by a peak or by the count that was cut', () => {
  const prev = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null, f.direction ?? null, f.previous ?? null]);
  it('reads "slumped from a peak of six million to just 1.2 million" as 1.2 million, down from 6 million', () => {
    expect(prev('Its audience slumped from a peak of six million to just 1.2 million.')).toEqual([['1.2 million', 'audience', 'down', 6_000_000]]);
  });

  it('reads "cutting Wales\'s six rural councils to four" and "cut its 4,000 staff to 3,200" as one figure each', () => {
    expect(prev("The plan means cutting Wales's six rural councils to four.")).toEqual([['four', 'rural councils', 'down', 6]]);
    expect(prev('The bank will cut its 4,000 staff to 3,200.')).toEqual([['3,200', 'staff', 'down', 4000]]);
  });
});

describe('who calls for money, estimates after the fact, and no one in "It\'s predicted"', () => {
  const who = (text: string) => figures(text).map((f) => [f.raw, f.attribution ?? null]);
  it('reads "X calls for £4bn" and "X called on the richest states to back $9bn" as X\'s figure', () => {
    expect(who('Smith calls for £4bn flood fund')).toEqual([['£4bn', 'Smith']]);
    expect(who('Jo Smith has called on the richest states to back a $9bn plan.')).toEqual([['$9bn', 'Jo Smith']]);
    expect(who('Callers made 3,000 calls for help.')).toEqual([['3,000', null]]);
  });

  it('reads ", estimates Ann Lee, report author" after the figures as their source', () => {
    expect(who('Old phones now number 80 million, estimates Ann Lee, the report author.')).toEqual([['80 million', 'Ann Lee']]);
  });

  it('names no one for "It\'s predicted that"', () => {
    expect(who("It's predicted that by 2007 three billion people will own a phone.")).toEqual([['three billion', null]]);
  });
});

describe('a verb that changes a long object', () => {
  const dir = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null]);
  it('reaches across the object to "by £2,000" or "to 15 hours"', () => {
    expect(dir('Ministers plan to raise fees for foreign students studying in Wales by £1,500.')).toEqual([['£1,500', 'up']]);
    expect(dir('He promised to extend free nursery care for young children to 12 hours.')).toEqual([['12 hours', 'up']]);
  });

  it('stops at a relative clause or another figure in between', () => {
    expect(dir('They will cut the budget, which pays for 30 schools, by £4m.').at(-1)).toEqual(['£4m', null]);
  });
});

describe('years and names that were read as counts', () => {
  it('reads "back to 1851 - anything older", "the 1625 charter" and "the awesome 1971 tourists" as years', () => {
    expect(raws('The papers only go back to 1851 - anything older burned.')).toEqual([]);
    expect(raws('The museum also holds the 1625 charter founding the town.')).toEqual([]);
    expect(raws('The one blot on the record of the awesome 1971 tourists was a draw.')).toEqual([]);
  });

  it('keeps counts that look like years ("Some 2000 people", "The 1500 staff")', () => {
    expect(raws('Some 2000 people came.')).toEqual(['Some 2000']);
    expect(raws('The 1500 staff were told on Monday.')).toEqual(['1500']);
  });

  it('reads "Harbour\'s 11 fell" and "Mothers 4 Justice" as titles, and "About 3 Britons" as a count', () => {
    expect(raws("Harbour's 11 fell to number two at the box office.")).toEqual([]);
    expect(raws('Mothers 4 Justice campaigners marched.')).toEqual([]);
    expect(raws('About 3 Britons in 10 agree.')[0]).toBe('About 3');
  });
});

describe('what is counted, from the eighteenth round', () => {
  const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);
  it('skips a time that opens the clause ("In July sales dropped to 9%")', () => {
    expect(counted('In June the user population dropped to 93.1%.')).toEqual([['93.1%', 'user population']]);
  });

  it('reads ", rising to $41" as the subject of the clause before, past "However"', () => {
    expect(counted('However oil prices have recovered in Asia, rising to $41.10 a barrel.')).toEqual([['$41.10', 'oil prices']]);
    // A clause with a figure lends that figure's measure, not its subject.
    for (const [, c] of counted('The agency forecast growth of 3.4% this year, slipping to 2.8% next year.')) expect(c).toContain('growth');
  });

  it('reads "This is a 12% rise" and "push this figure to 99.1%" as the measure before', () => {
    expect(figures('About 60 million mobiles are in use in Spain.\n\nThis is a 12% rise on last year.').map((f) => f.counted)).toEqual(['mobiles', 'mobiles']);
    expect(figures('Cable reaches 98.2% of homes.\n\nIt hopes to push this figure to 99.1% by June.').map((f) => f.counted)).toEqual(['homes', 'homes']);
  });

  it('reads "the Dax 30\'s 0.4% decline" as the owner\'s move', () => {
    expect(counted("Selling weighed on the Dax 30's 0.4% decline.")).toEqual([['0.4%', 'Dax 30']]);
  });

  it('reads "when she will be 33" as an age and "The longest prison term - 40 months -" by its noun', () => {
    expect(figures('The Games are next March, when she will be 33.')[0]).toMatchObject({ unit: 'years', counted: 'age' });
    expect(counted('The longest prison term - 40 months - went to Smith.')).toEqual([['40 months', 'longest prison term']]);
  });
});

describe('times, nicknames and earlier levels, from the eighteenth round', () => {
  it('reads "Fifteen months later", "Ten days in to the drive" and "the three months up to 31 May" as times', () => {
    expect(raws('Fifteen months later police raided homes across Europe.')).toEqual([]);
    expect(raws('Ten days in to the drive 8,000 people had joined.')).toEqual(['8,000']);
    expect(raws('Sales in the three months up to 31 May rose sharply.')).toEqual([]);
  });

  it('reads "Mr 4410" as a nickname and "those first three games" as which games', () => {
    expect(raws('He was known online as Mr 4410.')).toEqual([]);
    expect(raws('Once those first three games were over it was no contest.')).toEqual([]);
  });

  it('reads "to 2.8% of GDP next year from 3.6%" and "to 3% from an expected 3.5%" as earlier levels', () => {
    const prev = figures('The deficit should fall to 2.8% of GDP next year from 3.6% this year, while Spain\'s will dip to 3% from an expected 3.5%.').map((f) => [f.raw, f.previous ?? null]);
    expect(prev).toEqual([['2.8%', 3.6], ['3%', 3.5]]);
  });
});

describe('phone models, an operator named 3, scorers and old acts', () => {
  it('reads "the 6230 and 7710" beside Nokia handsets as models, and keeps counts of handsets', () => {
    expect(raws('It will work on two Nokia handsets - the 6230 and 7710 - at first.')).toEqual(['two']);
    expect(raws('Nokia sold 2,000 handsets in 1999.')).toEqual(['2,000']);
  });

  it('reads "The 3 network" beside other operators as a name', () => {
    expect(raws('The 3 network launched in 2003, before Vodafone and Orange.')).toEqual([]);
  });

  it('reads a scorer with two minutes ("Kerr 45, 52.") and "the 1701 Act of Settlement" as labels', () => {
    expect(raws('Kerr 45, 52.')).toEqual([]);
    expect(raws('Peers debated the 1689 Bill of Rights and the 1701 Act of Settlement.')).toEqual([]);
  });
});

describe('match results and moves, from the nineteenth round', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.unit ?? null]);
  it('reads "puts Spain 2-0 up" as a result and a tie-break in brackets as a score', () => {
    expect(read('Moya puts Spain 2-0 up')).toEqual([['2-0', 'score']]);
    expect(read('Result: Moya 6-7 (5/7) 6-3 7-6 (9/7) Fish')).toEqual([
      ['6-7', 'score'], ['5/7', 'score'], ['6-3', 'score'], ['7-6', 'score'], ['9/7', 'score'],
    ]);
  });

  it('reads ", up 31.8%" past a bracketed restatement and "down from a profit of $133m"', () => {
    const a = figures('Profit reached 20.2bn yen ($190m; £101m), up 12.5% on the year before.')[0]!;
    expect([a.direction, a.change]).toEqual(['up', 12.5]);
    const b = figures('It earned $9m (£5m) in the quarter, down from a profit of $120m a year before.')[0]!;
    expect([b.direction, b.previous]).toEqual(['down', 120_000_000]);
  });

  it('reads "civil servant posts have been axed" as a cut and carries a move across "at X and"', () => {
    expect(figures('Some 9,000 civil servant posts have been axed.')[0]!.direction).toBe('down');
    expect(figures('Sales rose well, jumping 21% at Acme Stores and 30.5% at Bigco.').map((f) => f.direction)).toEqual(['up', 'up']);
  });

  it('never names what is counted by the tail of a restatement ("£154m)")', () => {
    expect(figures('Profit reached 20.2bn yen ($190m; £101m), up 12.5% on the year before.').every((f) => !/\)/.test(f.counted ?? ''))).toBe(true);
  });
});

describe('what a score counts', () => {
  it('reads "a 33-8 lead" and "a 19-5 half-time advantage" by the standing they give, and a bare result by nothing', () => {
    expect(figures('Both were converted for a 30-7 lead.')[0]!.counted).toBe('lead');
    expect(figures('Tries gave the visitors a 17-5 half-time advantage.')[0]!.counted).toBe('half-time advantage');
    expect(figures('Leeds won 3-1 on Tuesday.')[0]!.counted).toBeUndefined();
  });
});

describe('points taken away and prices that turned', () => {
  it('reads "a costly loss of two points" and "the deduction of 10 points" as falls', () => {
    expect(figures('It was a costly loss of three points for Hull.')[0]!.direction).toBe('down');
    expect(figures('The club faced the deduction of nine points.')[0]!.direction).toBe('down');
  });

  it('folds "hit $1.35 in thin trade, before rallying to $1.34" into the level it ended at', () => {
    const f = figures('The euro hit $1.3410 in quiet trade, before rallying to $1.3402.');
    expect(f.map((x) => [x.raw, x.direction ?? null, x.previous ?? null])).toEqual([['$1.3402', 'up', 1.341]]);
  });

  it('carries a move across a long place ("jumping 28% at one long-named chain and 32.2% at another")', () => {
    expect(figures('Sales were strong, jumping 19% at teen fashion retailer Acme Stores and 24.1% at Bigco Outfitters.').map((x) => x.direction)).toEqual(['up', 'up']);
  });
});

describe('a share of a group is never a subject', () => {
  it('never names what a figure counts by "six of its nine policymakers voting"', () => {
    const f = figures('The bank held rates at 4.5%, with five of its nine members voting to hold and four backing a cut to 4.25%.');
    expect(f.every((x) => !/ of its /.test(x.counted ?? ''))).toBe(true);
  });
});

describe('idioms and spans of a life', () => {
  it('reads "from one device to another" as an idiom, and keeps "one device" sold', () => {
    expect(raws('Files now move from one handset to another with ease.')).toEqual([]);
    expect(raws('It sold one device to another firm for £5m.')).toContain('one');
  });

  it('reads "a 40-year career" and "Ten-year tragedy" as periods, like "a 24-year history"', () => {
    expect(raws('She has made 80 records in a 35-year career.')).toEqual(['80']);
    expect(raws('Ten-year mystery of the missing climber')).toEqual(['Ten-year']);
    expect(raws('Ten-year tragedy of the missing climber')).toEqual([]);
  });
});

describe('shares, match clocks and moves, from the twentieth round', () => {
  it('reads "fewer than one in 10,000" as a share of ten thousand', () => {
    expect(figures('Under one in 20,000 users were hit, it says.')[0]).toMatchObject({ value: 0.005, unit: '%' });
  });

  it('reads "after 45 seconds", "at 90 mins", "the six-yard box" and "one-dimensional" as no figures', () => {
    expect(raws('He scored after 40 seconds.')).toEqual([]);
    expect(raws('(score at 90 mins 2-2)')).toEqual(['2-2']);
    expect(raws('He shot from the edge of the six-yard box.')).toEqual([]);
    expect(raws('It was a one-dimensional show.')).toEqual([]);
  });

  it('reads "fell 30% to an average of 21" as one figure, and "a reduction of around 110" as a fall', () => {
    expect(figures('Sales per agent dropped 30% to an average of 21.').map((f) => [f.raw, f.change ?? null])).toEqual([['21', -30]]);
    expect(figures('It would mean a reduction of around 110 seats.')[0]!.direction).toBe('down');
    expect(figures('There was an increase of 35 in May.')[0]!.direction).toBe('up');
  });

  it('reads "taking five years off a sentence", "shaving 70% off the cost" and "£200m less debt" as falls', () => {
    expect(figures('Nothing is worth taking four years off a jail term.')[0]!.direction).toBe('down');
    expect(figures('The firm was shaving 60% off the price of access.')[0]!.direction).toBe('down');
    expect(figures('I see no change other than £150m less debt.')[0]!.direction).toBe('down');
  });
});
