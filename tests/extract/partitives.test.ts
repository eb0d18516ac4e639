import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Our own sentences, in the shapes of the development split's counted misses.
const counted = (text: string) => figures(text).map((f) => [f.raw, f.counted ?? null]);

describe('a part told by a pronoun', () => {
  it('counts what the whole counted, passing over a length of time between them', () => {
    expect(counted('Police questioned 14 drivers over the last three years, six of whom were fined.')).toEqual([
      ['14', 'drivers'],
      ['six', 'drivers'],
    ]);
  });

  it('reads "of those" and "of them" the same way, and keeps the part in the group for series', () => {
    const fs = figures('The firm will shed 9,000 posts, with about 1,200 of those in Scotland.');
    expect(fs.map((f) => f.counted)).toEqual(['posts', 'posts']);
    expect(fs[1]!.countedKey).toBe(fs[0]!.countedKey);
  });

  it('leaves a part that names its own noun alone', () => {
    expect(counted('Of the 40 bills, 12 of which were passed, nine concerned tax.')[1]).toEqual(['12', 'bills']);
    expect(counted('The club sold 300 tickets, 200 of them to members.')).toEqual([
      ['300', 'tickets'],
      ['200', 'tickets'],
    ]);
  });
});

describe('a title with small words in it', () => {
  it('keeps "On" inside "the Carry On films" and reads on to the noun', () => {
    expect(counted('She appeared in five of the Carry On films in the 1960s.')[0]).toEqual(['five', 'Carry On films']);
  });
});

describe('a part of a group the words after "those" name', () => {
  it('counts "half of those phones" as the phones, not the people counted before', () => {
    expect(counted('Some 20 million people own a tablet, and half of those devices run Android.')[1]).toEqual(['half', 'devices']);
  });
});

describe('a chart band inside the counted phrase', () => {
  it('reads past "top 40" to the noun ("nine UK top 40 singles", "two more top 10 hits")', () => {
    expect(counted('She has had nine UK top 40 singles since 2001.')[0]).toEqual(['nine', 'UK top 40 singles']);
    expect(counted('The album was followed by two more top 10 hits.')[0]).toEqual(['two', 'more top 10 hits']);
  });
});

describe('a bare number opening a parallel clause', () => {
  it('counts what the figure of the clause before counted ("…, while 3.1 million have …")', () => {
    expect(counted('Some 2.4 million pupils have poor reading, while 3.1 million have weak maths.')).toEqual([
      ['Some 2.4 million', 'pupils'],
      ['3.1 million', 'pupils'],
    ]);
    expect(counted('The pollster asked 500 voters before the debate and 650 afterwards.')[1]).toEqual(['650', 'voters']);
  });

  it('leaves a parallel clause with a subject of its own alone', () => {
    expect(counted('Exports rose 4% while imports fell 2%.')).toEqual([
      ['4%', 'Exports'],
      ['2%', 'imports'],
    ]);
  });
});

describe('more parallels and shares of a hyphened whole', () => {
  it('counts "and 3,100 moved out of the city" and "and a further 20,000 on Sunday" as the clause before did', () => {
    expect(counted('Some 9,000 council posts have been cut, and 3,100 moved out of the city.')[1]).toEqual(['3,100', 'council posts']);
    expect(counted('They expect 40,000 visitors on Saturday and a further 20,000 on Sunday.')[1]).toEqual(['20,000', 'visitors']);
  });

  it('reads "half of the 12-million population lives" as a share of the population', () => {
    expect(counted('In a country where half of the 12-million population lives on farms.')[0]).toEqual(['half', 'population']);
  });
});
