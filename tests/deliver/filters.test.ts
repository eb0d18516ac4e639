import { describe, it, expect } from 'vitest';
import { parseTerms, matchesFilter, describeTerms } from '../../src/deliver/filters.ts';

describe('topic filter terms', () => {
  it('splits on commas, or keeps quoted phrases together when there are none', () => {
    expect(parseTerms('Kursk, prisoner   exchange ,kursk')).toEqual(['kursk', 'prisoner exchange']);
    expect(parseTerms('"prisoner exchange" Kursk')).toEqual(['prisoner exchange', 'kursk']);
    expect(parseTerms('  ')).toEqual([]);
    expect(describeTerms(['prisoner exchange', 'kursk'])).toBe('"prisoner exchange", kursk');
  });

  it('treats regular-expression characters as plain text', () => {
    const f = { include: parseTerms('c++, (a|b)*'), exclude: [] };
    expect(matchesFilter(f, 'Why C++ still matters', '')).toBe(true);
    expect(matchesFilter(f, 'aaaa bbbb', 'ab')).toBe(false);
    expect(matchesFilter(f, 'x', 'pattern (a|b)* here')).toBe(true);
  });

  it('matches whole words in any script, case-insensitively, and lets an exclude term win', () => {
    const f = { include: ['курск', 'swap'], exclude: ['sport'] };
    expect(matchesFilter(f, 'Бои в КУРСКЕ', '')).toBe(false);
    expect(matchesFilter(f, 'Новости: Курск', '')).toBe(true);
    expect(matchesFilter(f, 'Prisoner swap', '')).toBe(true);
    expect(matchesFilter(f, 'Prisoner swaps', '')).toBe(false);
    expect(matchesFilter(f, 'Prisoner swap', 'in the sport pages')).toBe(false);
  });

  it('refuses too many or overlong terms', () => {
    expect(() => parseTerms(Array.from({ length: 21 }, (_, i) => `t${i}`).join(','))).toThrow(/At most 20/);
    expect(() => parseTerms('x'.repeat(61))).toThrow(/longer than 60/);
  });
});
