import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// How the counted phrase after a number is read; our own sentences, in the shapes of the
// development split's counted misses (tenth real-news round).
const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null, f.unit ?? null]);

describe('the noun phrase after a number', () => {
  it('takes a capitalised word in -ed as a name ("29% of United"), but not a hyphened "-owned"', () => {
    expect(counted('The brothers own 31% of United through a holding company.')[0]).toEqual(['31%', 'United', '%']);
    expect(counted('Only banks at least 51% Spanish-owned may bid.')[0]![1]).not.toBe('Spanish-owned');
  });

  it('reads a length of time that names what it measures ("one day\'s notice", "three months notice", "a 49 minute speech")', () => {
    expect(counted("She gave just one week's notice to the board.")[0]).toEqual(["one week's", 'notice', 'weeks']);
    expect(counted('Staff must work out three months notice before leaving.')[0]).toEqual(['three months', 'notice', 'months']);
    expect(counted('In a 35 minute speech Mr Smith set out the plan.')[0]).toEqual(['35 minute', 'speech', 'minutes']);
  });
});

describe('names and game terms after a number', () => {
  it('reads a name that opens with a small capitalised word ("three All Whites")', () => {
    expect(counted('The squad has six Socceroos and three All Whites.')[1]).toEqual(['three', 'All Whites', null]);
  });

  it('reads "set points" and "break points" as the points counted', () => {
    expect(counted('She held serve to save four set points.')[0]).toEqual(['four', 'set points', null]);
    expect(counted('He faced two break points in the first game.')[0]).toEqual(['two', 'break points', null]);
  });
});

describe('adjectives before the noun', () => {
  it('reads "hijacked home computers" and "spam related e-mail messages" whole', () => {
    expect(counted('The botnet was made up of 30,000 hijacked home computers.')[0]).toEqual(['30,000', 'hijacked home computers', null]);
    expect(counted('The filter stops two million spam related e-mail messages a day.')[0]![1]).toBe('spam related e-mail messages');
  });
});

describe('a lone adverb or verb is no counted noun', () => {
  it('names nothing rather than "until" or "judged", which would group unrelated figures', () => {
    expect(counted('The club needs almost 20m euros until the end of May.')[0]![1]).not.toBe('until');
    expect(counted('High earners - judged to be $90,000 or more - bought most.')[0]![1]).not.toBe('judged');
  });

  it('keeps "50 shows" as the shows', () => {
    expect(counted('The station aired 50 shows last year.')[0]![1]).toBe('shows');
  });
});
