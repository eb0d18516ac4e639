import { describe, expect, it } from 'vitest';
import { figure, figures } from './helpers.ts';

// Shapes from a fresh batch of 40 articles (seed 202611298), measured before any rule was written
// for them. Our own sentences.
const move = (text: string) => figures(text).map((f) => [f.raw, f.direction ?? null, f.change ?? null]);

describe('a number word right before a hyphenated "one-" label', () => {
  it('still reads "three" in "three one-day matches" and "two" in "two one-man shows"', () => {
    expect(figure('The side will play three one-day matches in May.')).toMatchObject({ raw: 'three', value: 3 });
    expect(figure('Her earnings included two one-man shows.')).toMatchObject({ raw: 'two', value: 2 });
  });

  it('leaves the label itself unread ("a one-day strike" has no figure)', () => {
    expect(figures('Drivers held a one-day strike.')).toEqual([]);
  });
});

describe('money a person netted', () => {
  it('is not a capture: "his columns netted him £90,000" keeps its own verb', () => {
    expect(figure('His newspaper columns netted him £90,000 last year.').event).not.toBe('captured');
  });

  it('still reads "netted 310 prisoners" as a capture', () => {
    expect(figure('The raid netted 310 prisoners.').event).toBe('captured');
  });
});

describe('a currency named in the singular before what it buys', () => {
  it('reads "a 4.2bn Australian dollar bid" in Australian dollars, counting the bid', () => {
    expect(figure('Rivals made a hostile 4.2bn Australian dollar bid for the miner.')).toMatchObject({ unit: 'AUD', value: 4.2e9, counted: 'bid' });
  });

  it('reads "a 300m Canadian dollar contract" in Canadian dollars', () => {
    expect(figure('The yard won a 300m Canadian dollar contract.')).toMatchObject({ unit: 'CAD', value: 3e8 });
  });
});

describe('a level passed on the way up or down', () => {
  it('reads "broke through the $3 trillion mark" and "pushed prices above $60" as moves up', () => {
    expect(move('Annual spending broke through the $3 trillion mark for the first time.')).toEqual([['$3 trillion', 'up', null]]);
    expect(move('A cold snap pushed gas prices above $60 a unit.').map((m) => m[1])).toEqual(['up']);
  });

  it('reads "took his tally past 120" as up and "brought inflation below 2%" as down', () => {
    expect(move('The winger took his league tally past 120 with two goals.')[0]).toEqual(['120', 'up', null]);
    expect(move('Higher rates brought inflation below 2% by the spring.').map((m) => m[1])).toEqual(['down']);
  });

  it('gives no direction to "took over 500 staff" or "sent 40 letters"', () => {
    expect(move('The buyer took over 500 staff from the old firm.').map((m) => m[1])).toEqual([null]);
    expect(move('The council sent 40 letters to residents.').map((m) => m[1])).toEqual([null]);
  });
});

describe('a change told after its level, with its way after it', () => {
  it('folds "HK$410m, just under 2% up on the year before" into one level with its change', () => {
    const fs = figures("The group's profit for the quarter was HK$410m, under 2% up on the year before.");
    expect(fs.map((f) => f.raw)).toEqual(['HK$410m']);
    expect(fs[0]).toMatchObject({ direction: 'up', change: 2, changeUnit: '%' });
  });

  it('folds "£12m, 4% down on 2003" the same way', () => {
    expect(move('Takings came to £12m, 4% down on 2003.')).toEqual([['£12m', 'down', -4]]);
  });
});

describe('a change to a level measured "by" something', () => {
  it('reads "were down 2.5% by value to $4.1bn" as one level with its change', () => {
    expect(move('Exports were down 2.5% by value to $4.1bn.')).toEqual([['$4.1bn', 'down', -2.5]]);
  });
});

describe('the second size of one movement, joined by "and" or "as well as"', () => {
  it('gives "4.1% a year later" the way of "grew 3.8% in 2002 and"', () => {
    expect(move('Output grew 3.8% in 2002 and 4.1% a year later.').map((m) => m[1])).toEqual(['up', 'up']);
  });

  it('gives "by 20% against the yen" the way of "has fallen by 40% against the dollar - as well as"', () => {
    expect(move('The currency has fallen by 40% against the dollar - as well as by 20% against the yen - since 2002.').map((m) => m[1])).toEqual(['down', 'down']);
  });

  it('leaves a share with its own predicate alone ("rose 2% in May and 40% of firms said")', () => {
    expect(move('Prices rose 2% in May and 40% of firms said they would raise them again.').map((m) => m[1])).toEqual(['up', null]);
  });
});

describe('a definite set of games named by where it stands', () => {
  it('reads no figure in "their opening two Six Nations wins", as in "the last three games"', () => {
    expect(figures('Both men played little in their opening two Six Nations wins.')).toEqual([]);
  });

  it('still counts "won two Six Nations games"', () => {
    expect(figure('They won two Six Nations games last year.').value).toBe(2);
  });
});

describe('a word number joined by a hyphen to relative time', () => {
  it('reads no figure in "two-three years ago"', () => {
    expect(figures('The scheme would have ended two-three years ago.')).toEqual([]);
  });
});

describe('who gathered the figures', () => {
  it('names the body that collected them: "according to figures collected by the Kestrel Retail Forum"', () => {
    expect(figure('Nearly 40% of adults now bank by phone, according to figures collected by the Kestrel Retail Forum.').attribution).toBe('Kestrel Retail Forum');
  });
});

describe('those who speak for a person', () => {
  it('takes "his family has said" and "her lawyer said" as the source', () => {
    expect(figure('The painter has died at the age of 88, his family has said.').attribution).toBe('family');
    expect(figure('The singer will pay a fine of £5,000, her lawyer said.').attribution).toBe('lawyer');
  });
});

describe('an age that is what a source says', () => {
  it('gives "died aged 70, her agent said" to the agent but keeps the aside "said Mr Lee, who was elected at the age of 24" the writer\'s', () => {
    expect(figure('The actress died aged 70, her lawyer said.').attribution).toBe('lawyer');
    expect(figures('"We will act," said Mr Lee, who was elected at the age of 24.').find((f) => f.value === 24)?.attribution).toBeUndefined();
  });
});

describe('numbers as they are spoken and screen sizes', () => {
  it('reads "one point three per cent" as 1.3% and "two point five million" as 2,500,000', () => {
    expect(figure('Prices rose by one point three per cent last year.')).toMatchObject({ value: 1.3, unit: '%' });
    expect(figure('"We sold two point five million copies," she said.')).toMatchObject({ value: 2_500_000 });
  });

  it('reads "42in" glued to its number as inches, but not "in" after a space', () => {
    expect(figures('Sets should be at least 42in (106cm) across.').map((f) => [f.value, f.unit])).toEqual([[42, 'in'], [106, 'cm']]);
    expect(figure('They sold 300 in March.').unit).toBeUndefined();
  });

  it('does not read "a point" or "the point" as a decimal', () => {
    expect(figure('Two points separate the sides, a point the manager made twice.').value).toBe(2);
  });
});

describe('dates of the figure\'s own clause', () => {
  it('dates "two more this year" by its own "this year", not by the "in 1998" of an earlier clause', () => {
    const f = figures('She won one award in 1998 and is shortlisted for two more this year.', '2005-03-01T12:00:00Z').find((x) => x.value === 2);
    expect(f?.date).toBe('2005-12-31');
  });

  it('keeps the date of a relative clause closed before the figure to that clause', () => {
    const f = figure('He cut his best time, which he ran in Berlin in June 2003, by 40 seconds.', '2005-03-01T12:00:00Z');
    expect(f.date).not.toBe('2003-06-30');
  });

  it('reads no weekday in a club\'s name ("Sheffield Wednesday") but still in "on Wednesday"', () => {
    expect(figure('He has put £10m into Sheffield Wednesday.', '2005-03-01T12:00:00Z').date).not.toBe('2005-02-23');
    expect(figure('Shares fell 5% on Wednesday.', '2005-03-01T12:00:00Z').date).toBe('2005-02-23');
  });
});

describe('an earlier level named with its adjustment, or after what it measures', () => {
  it('takes "from an adjusted 61.2 in May" as the earlier level', () => {
    expect(figure('The index fell to 59.8 in June, from an adjusted 61.2 in May.')).toMatchObject({ direction: 'down', previous: 61.2 });
  });

  it('reads "down from half of all viewers to under 35%" as one level with the one before', () => {
    expect(figure('The channel lost ground, down from half of all viewers to under 35%.')).toMatchObject({ value: 35, direction: 'down', previous: 50 });
  });
});

describe('a reporter named at a place', () => {
  it('gives "BBC correspondent Ann Reid at Hexham in the North East said" to the reporter', () => {
    expect(figure('BBC correspondent Ann Reid at Hexham in the North East said 900 people had come.').attribution).toBe('Ann Reid');
  });

  it('passes over where someone is: "Tom Vale, with the team in Leeds, Yorkshire said"', () => {
    expect(figure("The BBC's Tom Vale, with the team in Leeds, Yorkshire said 40 fans had waited.").attribution).toMatch(/Tom Vale/);
  });
});

describe('what moved, read before the verb', () => {
  it('finds the subject after an opening year and before "could fall as low as"', () => {
    expect(figure('By 2020 unemployment could fall as low as 4.1%.').counted).toBe('unemployment');
  });

  it('reads through an adverb before the verb: "would almost double to"', () => {
    expect(figure('Planned investment would almost double to $2bn.').counted).toBe('Planned investment');
  });

  it('takes the noun before ", which had lost 9%"', () => {
    expect(figures('Early in the year the rand, which had lost 9%, recovered.')[0]?.counted).toBe('rand');
  });
});

describe('what is counted holds no other figure', () => {
  it('reads nothing counted from "Another 1,700" and "films" from "Some 350 films"', () => {
    const fs = figures('Another 1,700 will go from its shops, 3,400 from its offices and 2,600 from its plants.');
    expect(fs.map((f) => f.counted ?? null)).not.toContain('Another 1,700');
    expect(fs.every((f) => !/\d/.test(f.counted ?? ''))).toBe(true);
  });
});

describe('a figure that says nothing of what it counts takes the one before it', () => {
  it('counts "and the 9 where" as the seats of "the 12 seats where"', () => {
    const fs = figures('The party named the 12 seats where students could help, and the 9 where they might.');
    expect(fs.map((f) => f.counted)).toEqual(['seats', 'seats']);
  });

  it('lends nothing across a contrast or a verb of its own ("cost $8m to make but took $90m")', () => {
    const fs = figures('The film cost $8m to make but took $90m at cinemas.');
    expect(fs[1]?.counted).not.toBe(fs[0]?.counted ?? 'none');
  });
});
