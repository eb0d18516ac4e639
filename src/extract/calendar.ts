/**
 * Calendar arithmetic on ISO days and fast readers for the date phrases news uses most
 * ("on Thursday", "last year", "May 25, 2025", "in June"), so chrono-node is only needed for
 * the rarer numeric formats.
 */
import { matchesOf } from './scan.ts';

/** The publication day in the article's time zone; relative dates resolve against it. */
export interface RefDay {
  year: number;
  month: number;
  day: number;
  iso: string;
}

/** A resolved date phrase; `explicit` when written with a calendar day, month or year. */
export interface Resolved {
  date: string;
  periodStart?: string;
  periodEnd?: string;
  explicit: boolean;
}

export interface Found extends Resolved {
  start: number;
  end: number;
  raw: string;
}

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function iso(y: number, m: number, d: number): string {
  // Formatting by hand is much cheaper than a Date round trip; overflowing days still go through Date.
  if (d >= 1 && d <= 28 && m >= 1 && m <= 12 && y >= 1000 && y <= 9999) return `${y}-${pad(m)}-${pad(d)}`;
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}
export function addDays(isoDay: string, n: number): string {
  const t = new Date(`${isoDay}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
/** `n` calendar months before or after a day, clamped to the month's end (May 31 − 3 months → Feb 28). */
export function addMonths(isoDay: string, n: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  const ty = t.getUTCFullYear();
  const tm = t.getUTCMonth() + 1;
  return iso(ty, tm, Math.min(d, lastDay(ty, tm)));
}
export function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function yearPeriod(y: number, endYear = y): Pick<Resolved, 'date' | 'periodStart' | 'periodEnd'> {
  return { date: iso(endYear, 12, 31), periodStart: iso(y, 1, 1), periodEnd: iso(endYear, 12, 31) };
}
export function monthPeriod(y: number, m: number): Pick<Resolved, 'date' | 'periodStart' | 'periodEnd'> {
  const end = iso(y, m, lastDay(y, m));
  return { date: end, periodStart: iso(y, m, 1), periodEnd: end };
}

/**
 * The year of a day written without one: the occurrence nearest publication, except that one more
 * than 60 days ahead is taken as last year's (news mostly reports what has happened).
 */
export function yearFor(month: number, day: number, ref: RefDay): number {
  let best = ref.year;
  let bestGap = Infinity;
  const refT = Date.UTC(ref.year, ref.month - 1, ref.day);
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    const gap = Math.abs(Date.UTC(y, month - 1, day) - refT);
    if (gap < bestGap) [best, bestGap] = [y, gap];
  }
  return Date.UTC(best, month - 1, day) - refT > 60 * 86_400_000 ? best - 1 : best;
}

/** Words that put a sentence in the future: a month or season without a year is then the one ahead. */
export const FUTURE_CUE = /\b(?:next|will|would|is\s+to|are\s+to|plans?|planned|expects?|expected|due|scheduled|could|should|may|might|hopes?|aims?|intends?|later|target)\b/i;

/** The year before when the month and day would still be ahead of publication and only the past will do. */
function pastYear(y: number, month: number, day: number, ref: RefDay, pastOnly: boolean): number {
  return pastOnly && Date.UTC(y, month - 1, day) > Date.UTC(ref.year, ref.month - 1, ref.day) ? y - 1 : y;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RELATIVE =
  /\b(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming)\s+)?(?:(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day|(weekend))\b|\b([Yy]esterday|[Tt]oday|[Tt]onight)\b|\b([Ll]ast|[Tt]his|[Nn]ext)\s+(week|month|year)\b/g;

const NAME_BEFORE = /(?<!^|[.!?]\s)\b(?!(?:On|Last|This|Next|Since|By|Until|Till|From|Before|After|Every|Each|Early|Late|And|But|Or|Then)\s)\p{Lu}[\p{L}'’-]+\s+$/u;
/** Weekdays (the latest on or before publication), yesterday/today, last/this/next week, month, year. */
export function relativeDates(sentence: string, ref: RefDay): Found[] {
  const out: Found[] = [];
  for (const m of matchesOf(RELATIVE, sentence)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    let r: Resolved;
    // "Sheffield Wednesday": a weekday after a name is part of the name.
    if (m[1] && !/^(?:on|last|this|next|coming)\b/.test(lower) && NAME_BEFORE.test(sentence.slice(Math.max(0, m.index - 24), m.index))) continue;
    if (m[1] || m[2]) {
      const target = m[2] ? 6 : WEEKDAYS.indexOf(`${m[1]!.toLowerCase()}day`);
      const today = new Date(`${ref.iso}T00:00:00Z`).getUTCDay();
      if (/^(?:next|coming)\b/.test(lower)) r = { date: addDays(ref.iso, ((target - today + 6) % 7) + 1), explicit: false };
      else if (/^last\b/.test(lower)) r = { date: addDays(ref.iso, -(((today - target + 6) % 7) + 1)), explicit: false };
      else r = { date: addDays(ref.iso, -((today - target + 7) % 7)), explicit: false };
    } else if (m[3]) {
      r = { date: addDays(ref.iso, lower === 'yesterday' ? -1 : 0), explicit: false };
    } else {
      const shift = lower.startsWith('last') ? -1 : lower.startsWith('next') ? 1 : 0;
      const unit = m[5]!;
      if (unit === 'year') r = { ...yearPeriod(ref.year + shift), explicit: false };
      // A week is Monday to Sunday, dated by its Sunday, as a month is by its last day ("last week"
      // in an article of Tuesday 1 March: 21 to 27 February).
      else if (unit === 'week') {
        const monday = addDays(ref.iso, -((new Date(`${ref.iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 7 * shift);
        r = { date: addDays(monday, 6), periodStart: monday, periodEnd: addDays(monday, 6), explicit: false };
      }
      else {
        const d = new Date(Date.UTC(ref.year, ref.month - 1 + shift, 1));
        r = { ...monthPeriod(d.getUTCFullYear(), d.getUTCMonth() + 1), explicit: false };
      }
    }
    out.push({ start: m.index, end: m.index + raw.length, raw, ...r });
  }
  return out;
}

const MONTH_NUMBER: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const M = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const MONTH_DATE = new RegExp(
  `\\b(?:(${M})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?(?:,?\\s+(\\d{4}))?` +
    `|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${M})\\.?(?:,?\\s+(\\d{4}))?` +
    `|(${M})\\.?(?:,?\\s+(\\d{4}))?)(?![\\w\\d])`,
  'g',
);
// "May" alone is a month only after words that introduce one ("in May", "since May").
const MAY_CONTEXT = /\b(?:[Ii]n|on|of|since|until|by|early|late|mid|last|next|this|from|to|between|and|[Ee]nd|[Ss]ince)\s+$/;

/** "May 25", "May 25, 2025", "25 May 2025", "Feb 3-5", "May 2024", "in June". */
export function monthDates(sentence: string, ref: RefDay): Found[] {
  const out: Found[] = [];
  let future: boolean | undefined; // whether the sentence looks ahead, read once and only when needed
  for (const m of matchesOf(MONTH_DATE, sentence)) {
    const name = (m[1] ?? m[6] ?? m[8])!;
    const month = MONTH_NUMBER[name.slice(0, 3).toLowerCase()]!;
    const day = Number(m[2] ?? m[5] ?? 0);
    const year = m[4] ?? m[7] ?? m[9];
    if (day > 31) continue;
    if (!day && !year && name === 'May' && !MAY_CONTEXT.test(sentence.slice(Math.max(0, m.index - 10), m.index))) continue;
    // A full month name ends before a full stop ("on 5 May."); only an abbreviation takes the dot ("Jan.").
    let raw = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(name) && m[0].endsWith('.') ? m[0].slice(0, -1) : m[0];
    // "late May this year", "in March last year": the year is relative but the month is written.
    const rel = year ? null : /^\s+(this|last|next) year\b/i.exec(sentence.slice(m.index + raw.length));
    if (rel) raw += rel[0];
    const relYear = rel ? ref.year + ({ this: 0, last: -1, next: 1 } as Record<string, number>)[rel[1]!.toLowerCase()]! : undefined;
    // "last April", or "in April" in a sentence with no word of the future: the April that has passed.
    const lastOne = !year && !relYear && /\b[Ll]ast\s+$/.test(sentence.slice(Math.max(0, m.index - 6), m.index));
    const pastOnly = lastOne || (!year && !relYear && !(future ??= FUTURE_CUE.test(sentence)));
    let r: Resolved;
    if (!day) {
      const y = year ? Number(year) : (relYear ?? pastYear(yearFor(month, 1, ref), month, 1, ref, pastOnly));
      r = { ...monthPeriod(y, month), explicit: true };
    } else {
      const y = year ? Number(year) : (relYear ?? pastYear(yearFor(month, day, ref), month, day, ref, pastOnly));
      const date = iso(y, month, day);
      r = m[3] ? { date: iso(y, month, Number(m[3])), periodStart: date, periodEnd: iso(y, month, Number(m[3])), explicit: true } : { date, explicit: true };
    }
    out.push({ start: m.index, end: m.index + raw.length, raw, ...r });
  }
  return out;
}
