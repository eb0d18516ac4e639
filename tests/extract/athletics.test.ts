import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Athletics reports: heights and distances written "6.70m", times "9.98secs", and races named by
// their distance. Our own sentences, shaped like the meetings reported in real news.
const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit ?? null]);

describe('athletics', () => {
  it('reads a bare height or distance in a field-event sentence as metres, not millions', () => {
    expect(read('Okafor cleared 4.91m in the pole vault, well ahead of a 4.70m effort from Lind.')).toEqual([
      ['4.91m', 4.91, 'm'],
      ['4.70m', 4.7, 'm'],
    ]);
    expect(read('The heptathlete reached 6.58m, beating a mark of 6.41m.').map((r) => r[2])).toEqual(['m', 'm']);
    expect(read('She hopes to break the 5m barrier this winter.')).toEqual([['5m', 5, 'm']]);
  });

  it('still reads millions where no field event is named', () => {
    expect(read('The club made 4.5m in the year to March.')).toEqual([['4.5m', 4.5e6, null]]);
  });

  it('reads "secs" glued to a time, and a time with its unit after "best of"', () => {
    expect(read('Diallo holds the record of 6.41secs.')).toEqual([['6.41secs', 6.41, 'seconds']]);
    expect(read('He ran a personal best of 20.71 seconds to take the title.')).toEqual([['20.71 seconds', 20.71, 'seconds']]);
  });

  it('does not read races named by their distance before a medal or title as figures', () => {
    expect(read('It was her first home outing since she took 1500m and 800m gold in Sydney.')).toEqual([]);
  });
});
