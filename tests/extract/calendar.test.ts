import { describe, expect, it } from 'vitest';
import { monthDates, relativeDates, yearFor } from '../../src/extract/calendar.ts';
import { refDay } from '../../src/extract/dates.ts';

const ref = refDay(new Date('2025-02-06T10:00:00Z')); // a Thursday

describe('monthDates', () => {
  it('reads month-day dates with and without a year, both orders', () => {
    expect(monthDates('It ended on May 25, 2025.', ref)[0]).toMatchObject({ date: '2025-05-25', explicit: true });
    expect(monthDates('It ended on 25 May 2025.', ref)[0]).toMatchObject({ date: '2025-05-25' });
    expect(monthDates('Talks began on Jan. 12.', ref)[0]).toMatchObject({ date: '2025-01-12' });
  });

  it('reads a month on its own as that month, and a day range as a period', () => {
    expect(monthDates('Prices rose in June.', ref)[0]).toMatchObject({ periodStart: '2024-06-01', periodEnd: '2024-06-30' });
    expect(monthDates('Voting ran Feb 3-5.', ref)[0]).toMatchObject({ periodStart: '2025-02-03', periodEnd: '2025-02-05' });
  });

  it('does not read the verb "May" as a month', () => {
    expect(monthDates('Prices May rise further.', ref)).toEqual([]);
    expect(monthDates('The vote was held in May.', ref)).toHaveLength(1);
  });
});

describe('relativeDates', () => {
  it('reads yesterday, last month and next week against publication', () => {
    expect(relativeDates('Officials said yesterday that', ref)[0]!.date).toBe('2025-02-05');
    expect(relativeDates('Exports fell last month.', ref)[0]).toMatchObject({ periodStart: '2025-01-01', periodEnd: '2025-01-31' });
    expect(relativeDates('Talks resume next Monday.', ref)[0]!.date).toBe('2025-02-10');
  });
});

describe('yearFor', () => {
  it('puts a day far after publication in the previous year, a nearby one in the current', () => {
    expect(yearFor(5, 25, ref)).toBe(2024);
    expect(yearFor(3, 1, ref)).toBe(2025);
    expect(yearFor(12, 28, ref)).toBe(2024);
  });
});
