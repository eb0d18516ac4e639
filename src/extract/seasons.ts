/**
 * Seasons and the year's end as dates: "next summer", "by summer 2006", "by the autumn", "by the end
 * of the year". A season spans its three months and is dated by its last day, as a month is.
 * Without a year, a sentence about the future takes the next one and any other the last one, as
 * months without a year do (calendar.ts).
 */
import { FUTURE_CUE, iso, lastDay, type Found, type RefDay } from './calendar.ts';
import { matchesOf } from './scan.ts';

const SEASON = /\b(?:([Ll]ast|[Tt]his|[Nn]ext|[Cc]oming)\s+)?(spring|summer|autumn|winter)(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b/g;
const END_OF_YEAR = /\b(?:the\s+)?end\s+of\s+(the|this|last|next)\s+year\b/gi;
const FIRST_MONTH: Record<string, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

function seasonSpan(y: number, first: number): Pick<Found, 'date' | 'periodStart' | 'periodEnd'> {
  const endYear = first === 12 ? y + 1 : y;
  const endMonth = first === 12 ? 2 : first + 2;
  const end = iso(endYear, endMonth, lastDay(endYear, endMonth));
  return { date: end, periodStart: iso(y, first, 1), periodEnd: end };
}

export function seasonDates(sentence: string, ref: RefDay): Found[] {
  const out: Found[] = [];
  if (!/spring|summer|autumn|winter|end of/i.test(sentence)) return out;
  const future = FUTURE_CUE.test(sentence);
  const today = Date.UTC(ref.year, ref.month - 1, ref.day);
  if (/spring|summer|autumn|winter/.test(sentence)) for (const m of matchesOf(SEASON, sentence)) {
    const first = FIRST_MONTH[m[2]!]!;
    const which = m[1]?.toLowerCase();
    let y = m[3] ? Number(m[3]) : ref.year;
    if (!m[3]) {
      const startsAfter = Date.UTC(ref.year, first - 1, 1) > today;
      if (which === 'next' || which === 'coming' || (!which && future)) y = startsAfter ? ref.year : ref.year + 1;
      else if (which === 'last' || (!which && !future)) y = startsAfter ? ref.year - 1 : ref.year;
    }
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], ...seasonSpan(y, first), explicit: !!m[3] });
  }
  if (/end of/i.test(sentence)) for (const m of matchesOf(END_OF_YEAR, sentence)) {
    const which = m[1]!.toLowerCase();
    const y = which === 'next' ? ref.year + 1 : which === 'last' ? ref.year - 1 : which === 'this' || future ? ref.year : ref.year - 1;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], date: iso(y, 12, 31), explicit: false });
  }
  return out;
}
