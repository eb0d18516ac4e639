import { describe, expect, it } from 'vitest';
import { figure, figures } from './helpers.ts';

// Each class of error found on real published articles (issue: facts from real news), in our own
// sentences. `values` lists what a reader would call the figures of the sentence, in order.
const values = (text: string) => figures(text).map((f) => f.value);

describe('changes are part of the figure they describe', () => {
  it('folds "rose 2% to $11.1bn from $10.9bn" into one figure with direction, change and previous', () => {
    const f = figure('The retailer said annual sales rose 2% to $11.1bn from $10.9bn.');
    expect(f).toMatchObject({ value: 11.1e9, unit: 'USD', direction: 'up', change: 2, changeUnit: '%', previous: 10.9e9 });
    expect(f.attribution).toMatch(/retailer/);
    expect(f.counted).toMatch(/sales/);
  });

  it('reads a level with its fall: "fell 0.4 per cent to 13,176"', () => {
    expect(figure('The main share index fell 0.4 per cent to 13,176 on the day.')).toMatchObject({ value: 13176, direction: 'down', change: -0.4, changeUnit: '%' });
  });

  it('does not take a change and a level for a range', () => {
    expect(figure('Shares in the airline rose 3.2% to 410p in early trading.')).toMatchObject({ value: 4.1, unit: 'GBP', direction: 'up', change: 3.2 });
    expect(figure('The index fell 1.1 per cent to 7,402 by the close.')).toMatchObject({ value: 7402, direction: 'down', change: -1.1 });
    expect(figure('Deposits grew by $12.5 billion to $88.1 billion.')).toMatchObject({ value: 88.1e9, change: 12.5e9, changeUnit: 'USD' });
    const slowed = figure('Growth slowed from 3.1% to 2.9% over the quarter.');
    expect(slowed).toMatchObject({ value: 2.9, unit: '%', direction: 'down', previous: 3.1 });
    expect(slowed.valueHigh).toBeUndefined();
  });

  it('reads "$3.36bn, up 27%" and "2%, up from 1.9%" as levels with a change or an earlier level', () => {
    expect(figure('The group made a profit of $3.36bn, up 27% on the year before.')).toMatchObject({ value: 3.36e9, direction: 'up', change: 27 });
    expect(figure('Inflation reached 2%, up from 1.9%.')).toMatchObject({ value: 2, direction: 'up', previous: 1.9 });
  });

  it('gives a movement stated alone its direction', () => {
    expect(figure('The broadband firm lost 464,000 subscribers in the quarter.')).toMatchObject({ value: 464000, direction: 'down' });
    expect(figure('Its profits jumped 76% in the period.')).toMatchObject({ value: 76, unit: '%', direction: 'up' });
  });

  it('marks a bracketed restatement in another currency as a conversion of the figure before it', () => {
    const [usd, gbp] = figures('Quarterly profits jumped to $1.13bn (£600m) in the period.');
    expect(usd).toMatchObject({ value: 1.13e9, unit: 'USD' });
    expect(gbp).toMatchObject({ value: 600e6, unit: 'GBP', conversion: true });
    expect(usd!.conversion).toBeUndefined();
  });
});

describe('names, labels, years and times are not figures', () => {
  it('skips index names, product models, laws and tournaments', () => {
    expect(values('The Dow 30 and the FTSE 250 rose while the Nikkei 225 slipped.')).toEqual([]);
    expect(values('The Boeing 737 and the PlayStation 5 were shown beside the Galaxy S24.')).toEqual([]);
    expect(values('Ministers cited the Equality Act 2010 before the World Cup 2026 bid and the Ligue 1 season.')).toEqual([]);
  });

  it('skips storm categories, shirt numbers and postcodes', () => {
    expect(values('The category 3 storm hit the coast.')).toEqual([]);
    expect(values('He wore the number 10 shirt at the club in SW1A 1AA.')).toEqual([]);
  });

  it('skips years in any position and times of day', () => {
    expect(values('Profits were up on its 2003 performance.')).toEqual([]);
    expect(values('Trading opens at 9 a.m. and bids close at 11:59 p.m. EST.')).toEqual([]);
  });
});

describe('units', () => {
  it('reads currencies glued to the number', () => {
    const got = figures('Prices were RM45.90, USD25m, EUR8m, $US1,250,000, A$3bn, C$40m and HK$12bn.');
    expect(got.map((f) => [f.value, f.unit])).toEqual([
      [45.9, 'MYR'], [25e6, 'USD'], [8e6, 'EUR'], [1_250_000, 'USD'], [3e9, 'AUD'], [40e6, 'CAD'], [12e9, 'HKD'],
    ]);
  });

  it('keeps minus signs', () => {
    expect(figures('The economy shrank by −2.4% in the year.')[0]).toMatchObject({ value: -2.4, unit: '%' });
    expect(figures('The fund reported a result of $-12.3bn.')[0]).toMatchObject({ value: -12.3e9, unit: 'USD' });
    expect(figures('Temperatures reached minus 40 degrees overnight.')[0]).toMatchObject({ value: -40 });
  });

  it('normalises physical units', () => {
    const units = figures('The line runs 12 km, the car weighs 1,200 kg, the plant makes 50 MW, the train hit 125 mph, the drive holds 80GB and it was 35°C.').map((f) => f.unit);
    expect(units).toEqual(['km', 'kg', 'MW', 'mph', 'GB', '°C']);
    expect(figures('The ship carried 40,000 tonnes over 300 miles.').map((f) => f.unit)).toEqual(['tonnes', 'miles']);
  });

  it('reads "12m (39ft)" as metres with a conversion, and "12m people" as millions', () => {
    const [m, ft] = figures('The wave was 12m (39ft) high.');
    expect(m).toMatchObject({ value: 12, unit: 'm' });
    expect(ft).toMatchObject({ value: 39, unit: 'ft', conversion: true });
    expect(figure('The service has 12m people signed up.')).toMatchObject({ value: 12e6 });
  });
});

describe('ranges, vague quantities and fractions', () => {
  it('carries a scale word across a range', () => {
    expect(figure('The deal is worth between $20 and $25 billion.')).toMatchObject({ value: 20e9, valueHigh: 25e9, unit: 'USD' });
    expect(figure('Six to seven thousand fans travelled.')).toMatchObject({ value: 6000, valueHigh: 7000 });
  });

  it('joins ranges written with units or "or"', () => {
    expect(figure('The sensor hears between 20kHz and 40kHz.')).toMatchObject({ value: 20, valueHigh: 40, unit: 'kHz' });
    expect(figure('The repairs will take two or three weeks.')).toMatchObject({ value: 2, valueHigh: 3, unit: 'weeks' });
  });

  it('keeps vague quantities as a span with a vague flag, never a fake exact value', () => {
    expect(figure('Hundreds of workers marched.')).toMatchObject({ value: 200, valueHigh: 999, vague: true });
    expect(figure('Tens of thousands of fans lined the streets.')).toMatchObject({ value: 20000, valueHigh: 99999, vague: true });
    expect(figure('Dozens of shops closed.')).toMatchObject({ vague: true });
  });

  it('reads fractions of a whole as percentages', () => {
    expect(figure('Three-quarters of voters backed the plan.')).toMatchObject({ value: 75, unit: '%' });
    expect(figure('Half of the staff left.')).toMatchObject({ value: 50, unit: '%' });
    expect(figure('A quarter of homes lack broadband.')).toMatchObject({ value: 25, unit: '%' });
  });

  it('reads "3 hundred thousand" and "a score of"', () => {
    expect(figure('About 3 hundred thousand homes lost power.')).toMatchObject({ value: 300000 });
    expect(figure('A score of boats sank.')).toMatchObject({ value: 20 });
  });
});

describe('scores, counts that look like chrome, formats and ages', () => {
  it('reads a match score as one figure', () => {
    expect(figures('Leeds won 3-1 at home.')).toEqual([expect.objectContaining({ value: 3, unit: 'score', raw: '3-1' })]);
    expect(figures('The Bulls lost 102-98 on the road.')).toEqual([expect.objectContaining({ value: 102, unit: 'score' })]);
  });

  it('keeps real counts of shares and followers', () => {
    expect(figure('The bank offered 12 million shares to investors.')).toMatchObject({ value: 12e6 });
    expect(figure('The singer has 5 million followers online.')).toMatchObject({ value: 5e6 });
  });

  it('reads leading-point decimals, "sub-" and powers of ten', () => {
    expect(figure('He ended with a .300 batting average.')).toMatchObject({ value: 0.3 });
    expect(figure('Rates moved by .05 per cent.')).toMatchObject({ value: 0.05, unit: '%' });
    expect(figure('It aims at the sub-500 market.')).toMatchObject({ value: 500, qualifier: 'less than' });
    expect(figure('A mole holds 6.02×10²³ particles.').value).toBeCloseTo(6.02e23, -20);
  });

  it('reads an age as years of age', () => {
    expect(figure('A 47-year-old man was arrested.')).toMatchObject({ value: 47, unit: 'years', counted: 'age' });
  });
});

describe('periods and times of the season', () => {
  it('does not take the period a figure covers for a figure', () => {
    expect(values('The firm earned $2bn in the three months to June.')).toEqual([2e9]);
    expect(values('Sales over the first nine months reached £40m.')).toEqual([40e6]);
    expect(values('The pound hit a 12-year high against the yen.')).toEqual([]);
  });

  it('does not read "the second half of the year" as a share', () => {
    expect(values('Demand should pick up in the second half of the year.')).toEqual([]);
  });

  it('reads "edged up to 2%" as a movement, not a bound', () => {
    const f = figure('Inflation edged up to 2% in June.');
    expect(f.qualifier).toBeUndefined();
    expect(f.direction).toBe('up');
  });

  it('folds an earlier level stated after a month into the figure: "rose to 2% in June from 1.9% in May"', () => {
    expect(figure('Prices rose to 2% in June from 1.9% in May.', '2025-07-02T10:00:00Z')).toMatchObject({ value: 2, previous: 1.9, direction: 'up' });
  });
});

describe('changes written around other words', () => {
  it('reads "from X in 2003 to a record Y" and "from 40 to just 25 days" as a level with its earlier value', () => {
    expect(figure('Complaints climbed from just over 4% in 2003 to a record 11.2% last year.')).toMatchObject({ value: 11.2, previous: 4, direction: 'up' });
    expect(figure('Training time fell from 40 to just 25 days.')).toMatchObject({ value: 25, unit: 'days', previous: 40, direction: 'down' });
  });

  it('reads a level with "down from" after a stated period', () => {
    expect(figure('Growth eased to 0.4% in the third quarter, down from 5.1% in the second.')).toMatchObject({ value: 0.4, previous: 5.1, direction: 'down' });
  });

  it('reads "X% higher than" and "a X% pay rise" as changes', () => {
    expect(figure('Stocks were 31% higher than a year ago.')).toMatchObject({ value: 31, direction: 'up', isChange: true });
    expect(figure('Drivers want a 40% pay rise.')).toMatchObject({ value: 40, direction: 'up', isChange: true });
    expect(figure('It suffered a 0.2% contraction in the period.')).toMatchObject({ value: 0.2, direction: 'down', isChange: true });
  });
});

describe('ages and shares written in words', () => {
  it('reads an age given beside a name', () => {
    expect(figure('The court heard that Ann Price, 41, had left.')).toMatchObject({ value: 41, unit: 'years', counted: 'age' });
    expect(figure('The winner, aged 23, was named on Monday.')).toMatchObject({ value: 23, unit: 'years' });
  });

  it('reads "one in ten" and "nine out of 10" as percentages, and units after number words', () => {
    expect(figure('One in ten users replied.')).toMatchObject({ value: 10, unit: '%' });
    expect(figure('Nine out of 10 players agreed.')).toMatchObject({ value: 90, unit: '%' });
    expect(figure('It has a five megapixel camera.')).toMatchObject({ value: 5, unit: 'megapixels' });
  });

  it('gives "from 24 weeks to 20" the unit of the earlier level', () => {
    expect(figure('They want the limit cut from 24 weeks to 20.')).toMatchObject({ value: 20, unit: 'weeks', previous: 24, direction: 'down' });
  });
});

describe('relative time, codes, clocks and race distances', () => {
  it('skips relative time and "the highest in N years"', () => {
    expect(values('The strike began six weeks ago.')).toEqual([]);
    expect(values('Jobless claims hit the highest level in 18 months.')).toEqual([]);
    expect(values('It came two hours before the vote.')).toEqual([]);
  });

  it('skips codes, clock times and athletics events', () => {
    expect(values('Security changed after 9/11 and the film 06/05 opened.')).toEqual([]);
    expect(values('The show may air at about 1900 on Sundays.')).toEqual([]);
    expect(values('The 800m and 1500m champion will race in the 3000m at the indoor meeting.')).toEqual([]);
  });

  it('still reads money beside athletics words', () => {
    expect(values('The Olympic team gets £330m in funding.')).toEqual([330e6]);
  });

  it('reads cents, "from X to Y" as a movement, and "up X% at Y" as a level', () => {
    expect(figure('The shares slid to 22 euro cents.')).toMatchObject({ value: 0.22, unit: 'EUR' });
    expect(figure('Delhi raised the cap on foreign stakes from 49% to 74%.')).toMatchObject({ value: 74, previous: 49 });
    expect(figure('The index closed up 0.7% at 11,740.60 points.')).toMatchObject({ value: 11740.6, change: 0.7, direction: 'up' });
  });
});

describe('what a figure counts, on real sentence shapes', () => {
  it('takes the head of a subject with a prepositional tail', () => {
    expect(figure('Quarterly profits at the media group jumped to $1.1bn.').counted).toBe('Quarterly profits');
  });

  it('takes the nearest clause’s subject, not the reporting one', () => {
    expect(figure('The central bank released data showing the economy expanded 6.2% last year.').counted).toMatch(/economy/);
  });

  it('counts what a change is "in", and what is "worth" the money', () => {
    expect(figure('The union wants a 12% rise in basic pay.').counted).toMatch(/pay/);
    expect(figure('The party set out tax cuts worth £4bn.').counted).toMatch(/tax cuts/);
  });
});

describe('names and known groups on real sentence shapes', () => {
  it('skips product names that open a headline or sit before a verb', () => {
    expect(values('Halo 2 sells five million copies')).toEqual([5e6]);
    expect(values('PlayStation 3 chip to be shown')).toEqual([]);
    expect(values('Skyfall 2 won four awards at the show.')).toEqual([4]);
    expect(values('Quarry 3 dropped one place to sixth.')).toEqual([]);
    expect(values('At times Rift-Runner 2 feels like a chore.')).toEqual([]);
    expect(values('Sony said the PlayStation 2 was the top seller.')).toEqual([]);
    expect(values('The old OS/2 system ran the machines.')).toEqual([]);
  });

  it('keeps a count that opens a sentence', () => {
    expect(values('Nearly 300 people marched.')).toEqual([300]);
  });

  it('skips known groups: "the final 25", "the world’s 500 largest companies"', () => {
    expect(values('Then the final 25 were sent on to the next round.')).toEqual([]);
    expect(values('Then the final 303 soldiers came home.')).toEqual([303]);
    expect(values('Bosses of the world’s 500 largest companies came.')).toEqual([]);
  });

  it('leaves no stray scale word behind a masked label', () => {
    expect(values('Every day 78 million messages are sent.').every((v) => v !== 1e6)).toBe(true);
  });
});

describe('shares without "of" and durations after "the"', () => {
  it('reads "more than half" and "nearly a fifth" as percentages', () => {
    expect(values('More than half said yes, and nearly a fifth said no.')).toEqual([50, 20]);
  });

  it('keeps "the six days" and "the two-day summit" as durations', () => {
    expect(figure('The film covers the six days from his arrest to the trial.')).toMatchObject({ value: 6, unit: 'days' });
    expect(figure('The two-day summit opened in Brussels.')).toMatchObject({ value: 2, unit: 'days' });
  });
});

describe('metres in sport', () => {
  it('reads a record, a jump or a race distance in metres, and money in millions', () => {
    const f = figures('She set a world record of 4.87m, after he ran the 10,500m course. Profits rose to 1,200m.');
    expect(f.map((x) => [x.value, x.unit ?? null])).toEqual([
      [4.87, 'm'],
      [10500, 'm'],
      [1.2e9, null],
    ]);
  });
});

describe('quantities written without digits', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);

  it('reads "a sixth of" as a share', () => {
    expect(read('A sixth of all drivers never signal.')).toEqual([['A sixth', 16.7, '%']]);
  });

  it('reads bare "millions" after a verb of money as vague, not as a count', () => {
    const f = figures('The rebrand would cost millions, and losses ran into the millions.');
    expect(f.map((x) => [x.raw, x.value, x.valueHigh, x.vague])).toEqual([
      ['millions', 2e6, 999_999_999, true],
      ['millions', 2e6, 999_999_999, true],
    ]);
  });

  it('reads one unit of time after "take", "for" or "by", but not "a year ago" or "for a second time"', () => {
    expect(read('The reform will take a decade to finish.')).toEqual([['a decade', 10, 'years']]);
    expect(read('The ministry was offline for a week.')).toEqual([['a week', 1, 'weeks']]);
    expect(read('Prices rose a year ago, and the firm failed for a second time.')).toEqual([]);
  });

  it('keeps "expected to last two months" and "spanning over 40 years", but not "the last two months"', () => {
    expect(read('The hearing is expected to last three months.')).toEqual([['three months', 3, 'months']]);
    expect(read('She retired after a career spanning over 30 years.')).toEqual([['over 30 years', 30, 'years']]);
    expect(read('In the last two months sales fell.')).toEqual([]);
  });

  it('reads "three quarters of contraction" as a period, and "three quarters of voters" as a share', () => {
    expect(read('Firms hope for growth after three quarters of contraction.')).toEqual([['three quarters', 3, 'quarters']]);
    expect(read('Three quarters of voters agreed.')).toEqual([['Three quarters', 75, '%']]);
  });
});

describe('an index level and a currency move', () => {
  it('names the index a level in points measures, and folds a change "against the dollar"', () => {
    const f = figures('The Hang Seng 40 index ended up 0.5% at 13,210.40 points, with the yen gaining 0.3% against the dollar to 105.20 yen.');
    expect(f.map((x) => [x.value, x.counted, x.direction, x.change])).toEqual([
      [13210.4, 'Hang Seng 40 index', 'up', 0.5],
      [105.2, 'yen', 'up', 0.3],
    ]);
  });

  it('reads "shortened by an hour" as a movement down', () => {
    expect(figures('The film was shortened by an hour for export.').map((x) => [x.raw, x.direction])).toEqual([['an hour', 'down']]);
  });
});

describe('counts that look like labels or references', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.value]);

  it('reads a count after a list bullet ("- Two thieves …")', () => {
    expect(read('- Two thieves who robbed a shop in Oslo were caught.')).toEqual([['Two', 2]]);
  });

  it('reads "number 100m" as an amount and "the number 10 shirt" as a label', () => {
    expect(read("India's web users number 80m, a small share.")).toEqual([['80m', 80e6]]);
    expect(read('He wore the number 9 shirt.')).toEqual([]);
  });

  it('reads "half the country\'s people" as a share', () => {
    expect(read("Farmers make up half the nation's workforce.")).toEqual([['half', 50]]);
  });
});

describe('match reports', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);

  it('reads no figures in line-ups and scorers\' lines', () => {
    expect(read('Hart, Lyle (Dunn 64), Kerr (Mayo 88), Reid.')).toEqual([]);
    expect(read('Mayo 12, Reid 30, Dunn 77.')).toEqual([]);
  });

  it('reads a result line and "made it 3-0" as one score each', () => {
    expect(read('Ayr Utd 3-2 Brechin')).toEqual([['3-2', 3, 'score']]);
    expect(read('The striker made it 2-0 just after the break.')).toEqual([['2-0', 2, 'score']]);
  });

  it('reads events named by a distance, "two-time", "round one" and a goal\'s minute as no figures', () => {
    expect(read('She took the 3,000m title, and he runs the men\'s 800m.')).toEqual([]);
    expect(read('The three-time winner went out in round one.')).toEqual([]);
    expect(read('Reid put the hosts ahead in 12 minutes.')).toEqual([]);
    expect(read('They won the cup three seasons ago.')).toEqual([]);
  });

  it('keeps a distance run inside a race, and a time that is the news', () => {
    expect(read('I felt it go on my final 300m of the night.')).toEqual([['300m', 300, 'm']]);
    expect(read('The gig sold out in 19 minutes.')).toEqual([['19 minutes', 19, 'minutes']]);
  });
});

describe('numbers inside idioms, versions and units of speed', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);

  it('reads no figure in idioms, banknotes, "three dimensions" or a version', () => {
    expect(read('Not in a million years would she quit.')).toEqual([]);
    expect(read('Faces are scanned in three dimensions.')).toEqual([]);
    expect(read('Nobody is burning £50 notes here.')).toEqual([]);
    expect(read('Anyone running versions 3.2 and earlier should update.')).toEqual([]);
    expect(read('Costs could reach £900 over an 18-month period.')).toEqual([['£900', 900, 'GBP']]);
  });

  it('reads data rates written in lower case', () => {
    expect(read('Links carry up to 2.5gbps.')).toEqual([['up to 2.5gbps', 2.5, 'Gbps']]);
  });

  it('reads no figure in "one more time", "in one piece" or "a quarter-of-an-hour"', () => {
    expect(read('I will see her one more time.')).toEqual([]);
    expect(read('He came home in one piece.')).toEqual([]);
    expect(read('After a quarter-of-an-hour the keeper saved.')).toEqual([]);
  });
});
