import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Numbers that say when, who or which, not how many, in shapes found in real reports. Our own sentences.
const raws = (text: string) => figures(text).map((f) => f.raw);

describe('relative time and periods', () => {
  it('skips a range of years ago, laps still to run, and the time left before an election', () => {
    expect(raws('Things were run another way 20 or 30 years ago.')).toEqual([]);
    expect(raws('She struck with three laps to go.')).toEqual([]);
    expect(raws('With perhaps five months to the next election, the party has 12 new candidates.')).toEqual(['12']);
  });

  it('skips "in N years" that opens a clause and only says when', () => {
    expect(raws('Act now, otherwise in four or five years, the river will be dry.')).toEqual([]);
    expect(raws('In 18 months the scheme has trained 300 nurses.')).toEqual(['300']);
  });

  it('skips a history\'s length and "the first time … in N years" with a long gap', () => {
    expect(raws('In its 31-year history the prize has never been shared.')).toEqual([]);
    expect(raws('It is the first time the old folk band from Leeds have headlined the summer fair in 17 years.')).toEqual([]);
  });

  it('still reads time spent as a figure', () => {
    expect(raws('The troops withdrew after seven months of fighting.')).toEqual(['seven months']);
  });
});

describe('dates, age groups, stages and titles', () => {
  it('skips a span of days in a month and the ages a course is for', () => {
    expect(raws('The fair runs on 12-14 May, and the 14-19 diplomas start next year.')).toEqual([]);
  });

  it('skips age groups but keeps the counts beside them', () => {
    expect(raws('The charity fed 4,000 children under five, and the under 16 girls won their final.')).toEqual(['4,000']);
  });

  it('skips cup stages, rugby positions and "four-times finalist", but not "10-times faster"', () => {
    expect(raws('They beat four-times finalist Rovers and went into the last eight of the trophy, thanks to their front five.')).toEqual([]);
    expect(raws('The new chip runs 10-times faster, and she took the last four points on serve.')).toEqual(['10', 'four']);
  });

  it('skips a title that opens with a number word mid-sentence', () => {
    expect(raws('In the drama section, Thirty Nights of Rain was named best film and took $20,000.')).toEqual(['$20,000']);
  });
});
