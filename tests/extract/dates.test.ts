import { describe, expect, it } from 'vitest';
import { dateAt, findDates, refDay } from '../../src/extract/dates.ts';
import { figures } from './helpers.ts';

const ref = refDay(new Date('2025-02-06T10:00:00Z')); // a Thursday

describe('findDates', () => {
  it('resolves a weekday to the most recent such day on or before publication', () => {
    expect(findDates('Kyiv said on Thursday it had won.', ref)[0]).toMatchObject({ date: '2025-02-06', explicit: false });
    expect(findDates('The talks ended on Sunday.', ref)[0]!.date).toBe('2025-02-02');
  });

  it('reads "last year" as that calendar year', () => {
    expect(findDates('Last year, the army reported gains.', ref)[0]).toMatchObject({ periodStart: '2024-01-01', periodEnd: '2024-12-31', date: '2024-12-31' });
  });

  it('reads a day before "May" as a date, not a figure', () => {
    const found = findDates('Most observers expect the vote on 5 May.', ref);
    expect(found.map((d) => [d.raw, d.date])).toEqual([['5 May', '2024-05-05']]);
    expect(findDates('Talks resume on 3 Jan. and end in March.', ref).map((d) => d.raw)).toEqual(['3 Jan.', 'March']);
    expect(figures('Most observers expect the vote on 5 May.')).toEqual([]);
  });

  it('reads "between August 6, 2024, and May 25, 2025" as one period', () => {
    const [d] = findDates('The captures took place between August 6, 2024, and May 25, 2025.', ref);
    expect(d).toMatchObject({ periodStart: '2024-08-06', periodEnd: '2025-05-25', date: '2025-05-25' });
  });

  it('reads a bare year after a preposition as that year', () => {
    expect(findDates('They were captured in 2022.', ref)[0]).toMatchObject({ raw: '2022', periodStart: '2022-01-01' });
  });

  it('dates "a day after" from the date it follows', () => {
    const found = findDates('The statement came on May 25, a day after the swap.', refDay(new Date('2025-05-26T00:00:00Z')));
    expect(found.map((d) => d.date)).toEqual(['2025-05-25', '2025-05-24']);
  });

  it('reads a month without a year as a period in the past', () => {
    expect(findDates('The incursion began in August.', ref)[0]).toMatchObject({ periodStart: '2024-08-01', periodEnd: '2024-08-31' });
  });

  it('uses the time zone to find the publication day', () => {
    expect(refDay(new Date('2025-02-06T23:30:00Z'), 'Europe/Kyiv').iso).toBe('2025-02-07');
  });

  it('does not read "in six months of fighting" as a future date', () => {
    expect(findDates('Troops advanced in six months of fighting.', ref)).toEqual([]);
  });
});

describe('dateAt', () => {
  it('prefers an explicit date over a relative one, and falls back to publication', () => {
    const s = 'On Wednesday officials said that on January 12 some 40 people left.';
    const found = findDates(s, ref);
    expect(dateAt(found, s.indexOf('40'), ref).date).toBe('2025-01-12');
    expect(dateAt([], 0, ref).date).toBe('2025-02-06');
  });
});
