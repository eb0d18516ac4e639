/**
 * Dates and periods mentioned in a sentence, resolved against the article's publication day.
 * The common phrases are read by calendar.ts; chrono-node, comparatively slow, only sees sentences
 * with numeric dates ("5/3/2025", "2025-03-05") that the fast readers leave alone.
 */
import * as chrono from 'chrono-node';
import type { DateFact } from './types.ts';
import { addDays, addMonths, iso, lastDay, monthDates, relativeDates, yearFor, yearPeriod, type RefDay, type Resolved } from './calendar.ts';
import { matchesOf } from './scan.ts';
import { parseNumber } from './numbers.ts';
import { seasonDates } from './seasons.ts';

export type { RefDay } from './calendar.ts';

export interface DateMention {
  start: number;
  end: number;
  raw: string;
  /** ISO day; for a period, its end. */
  date: string;
  periodStart?: string;
  periodEnd?: string;
  /** Written with a calendar day or year ("May 25", "2022") rather than relative ("Thursday"). */
  explicit: boolean;
  /**
   * Set when the date does not say when a nearby figure happened: an open span ("since 2022")
   * or a year naming something ("the 2025 budget").
   */
  noAnchor?: boolean;
  /** Where "since" stands when this date opens a span ("since the start of the operation in August"). */
  since?: number;
  /** Figures from here on are what the since-clause itself reports ("since X said in February that 46,000…"). */
  reports?: number;
}

export interface ResolvedDate {
  date: string;
  periodStart?: string;
  periodEnd?: string;
}

const MONTHS = 'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember)?)?\\.?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
// Case-sensitive on purpose: month and day names are capitalised, and "may" the verb is not a month.
const MAY_CUE = String.raw`\bMay(?= \d)|(?<=\b(?:[Ii]n|on|of|since|until|by|early|late|mid|last|next|this|from|to|between|and|[Ee]nd|\d{1,2}(?:st|nd|rd|th)?) )May\b`;
const OTHER_CUES =
  `\\b(?:${MONTHS.replace('|May|', '|')})\\b|` +
  `\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b|\\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|weekend|(?:[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming) (?:week|month|year)|spring|summer|autumn|winter|end of (?:the|this|last|next) year)\\b|` +
  `\\d{1,2}/\\d{1,2}/\\d{2,4}|\\b\\d{4}-\\d\\d-\\d\\d\\b`;
/** Cheap test for "this sentence may contain a date chrono can read". */
export const DATE_CUE = new RegExp(`${OTHER_CUES}|${MAY_CUE}`);
// The "May" branches start with a lookbehind tried at every position, so they only run on sentences with "May".
const OTHER_CUE = new RegExp(OTHER_CUES);
const MAY_CUE_RE = new RegExp(MAY_CUE);
function hasDateCue(sentence: string): boolean {
  return OTHER_CUE.test(sentence) || (sentence.includes('May') && MAY_CUE_RE.test(sentence));
}
// chrono's casual English without its time-of-day and "in/ago/later" duration parsers: those
// results are dropped anyway, and skipping them makes parsing about four times faster.
const DROP_PARSERS = /Time(?:Expression|UnitWithin|UnitAgo|UnitLater|UnitCasualRelative)|CasualTime|EndOfCurrentMonth/;
const casualConfig = chrono.en.configuration.createCasualConfiguration();
casualConfig.parsers = casualConfig.parsers.filter((p) => !DROP_PARSERS.test(p.constructor.name));
const dateParser = new chrono.Chrono(casualConfig);
const YEAR = /(?<![\d,.$€£-])\b(1[5-9]\d\d|20\d\d)(s?)\b(?![.,]\d|%|-\d)/g;
// "confirmed in 1701": an older year only after a word that takes a year, never "the 1600 jobs".
const OLD_YEAR_BEFORE = /\b(?:in|since|of|until|from|between|year|by)\s*$/i;
const YEAR_BEFORE = /(?:\b(?:in|since|during|of|by|until|till|before|after|from|through|the|early|late|mid|spring|summer|autumn|fall|winter|year|between)|\b(?:until|till|before|after|since|by|from)\s+(?:at\s+least|as\s+early\s+as|as\s+late\s+as)|mid-|^)\s*$/i;
const YEAR_AFTER = /^(?:\s*(?:[,.;:)]|'s|’s|$)|\s+[A-Z]|\s+(?:and|to|when|as|after|before|election|elections|invasion|war|budget|census|season|vote|level|levels|figures?|data|report|campaign)\b)/;
const QUARTER = /\b(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]quarter(?:\s+of\s+((?:19|20)\d\d))?|\bQ([1-4])(?:\s+((?:19|20)\d\d))?\b/gi;
const QUARTER_N: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };
const RELATIVE_SHIFT = /\b(?:a|one|two|three|four|five|six|seven|\d+) (days?|weeks?) (?:after|later|before|earlier)\b/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The publication day as seen in `timeZone` (default UTC). */
export function refDay(published: Date, timeZone = 'UTC'): RefDay {
  if (timeZone === 'UTC') {
    const isoDay = published.toISOString().slice(0, 10);
    return { year: published.getUTCFullYear(), month: published.getUTCMonth() + 1, day: published.getUTCDate(), iso: isoDay };
  }
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, fmt);
  }
  const iso = fmt.format(published);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d, iso };
}

// A quarter without a year is the latest one that has started by publication.
function quarterPeriod(q: RegExpMatchArray, ref: RefDay): Pick<DateMention, 'date' | 'periodStart' | 'periodEnd'> {
  const n = q[3] ? Number(q[3]) : QUARTER_N[q[1]!.toLowerCase()]!;
  const given = q[2] ?? q[4];
  let year = given ? Number(given) : ref.year;
  if (!given && (n - 1) * 3 + 1 > ref.month) year--;
  const end = iso(year, n * 3, lastDay(year, n * 3));
  return { date: end, periodStart: iso(year, n * 3 - 2, 1), periodEnd: end };
}


/** All dates in one sentence, left to right. */
export function findDates(sentence: string, ref: RefDay): DateMention[] {
  // Weekdays, months and "last year" are most of news dating; chrono only reads numeric dates.
  const out: DateMention[] = !hasDateCue(sentence) ? [] : NUMERIC_DATE.test(sentence) ? chronoDates(sentence, ref) : fastDates(sentence, ref);
  // Years and "Q3" need a digit; "third quarter" needs the word: most sentences have neither.
  const digit = DIGIT.test(sentence);
  if (digit) for (const m of matchesOf(YEAR, sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((d) => start < d.end && end > d.start)) continue;
    if (!YEAR_BEFORE.test(sentence.slice(Math.max(0, start - 24), start)) && !YEAR_AFTER.test(sentence.slice(end, end + 14))) continue;
    const y = Number(m[1]);
    if (y < 1800 && !OLD_YEAR_BEFORE.test(sentence.slice(Math.max(0, start - 12), start))) continue;
    // ("In 2004 sales rose", "which in 1999 produced 180,000 cars", "by 2019 poverty could fall":
    // after "in" or "by", a year is when, even before a lower-case word; "spending cuts in 2025 budget", a
    // headline's year and one noun, names the budget.)
    const lowerAfter = /^\s+(?!and\b|to\b|when\b|as\b|after\b|before\b)\p{Ll}/u.test(sentence.slice(end, end + 3));
    const when = /\b(?:in|during|since|until|through|throughout|by|before|after)\s+$/i.test(sentence.slice(Math.max(0, start - 14), start)) && !/^\s+\p{Ll}+\s*(?:[,.;:]|$)/u.test(sentence.slice(end));
    const attributive = lowerAfter && !when;
    out.push({ start, end, raw: m[0], explicit: true, ...(m[2] ? yearPeriod(y, y + 9) : yearPeriod(y)), ...(attributive ? { noAnchor: true } : {}) });
  }
  if (digit || QUARTER_HINT.test(sentence)) for (const q of matchesOf(QUARTER, sentence)) {
    // "the second quarter of 2004": the quarter, not its year alone, dates what it holds.
    if (q[2] || q[4]) for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start >= q.index && out[i]!.end <= q.index + q[0].length && /^(?:19|20)\d\d$/.test(out[i]!.raw)) out.splice(i, 1);
    if (out.some((d) => q.index < d.end && q.index + q[0].length > d.start)) continue;
    out.push({ start: q.index, end: q.index + q[0].length, raw: q[0], explicit: true, ...quarterPeriod(q, ref) });
  }
  if (!out.length) return out;
  out.sort((a, b) => a.start - b.start);
  const merged = mergePeriods(sentence, anchorShifts(sentence, out));
  // "since the start of the operation in August": the date is where a span starts, not when a figure
  // happened, so it dates nothing (the gold convention); figures.ts may still use it as a period start.
  for (const d of merged) {
    const from = Math.max(0, d.start - 80);
    const m = SINCE_CLAUSE.exec(sentence.slice(from, d.start));
    if (!m) continue;
    d.noAnchor = true;
    d.since = from + m.index;
    // …except what the clause itself reports: "since Zelensky said in February that 46,000 had died".
    const that = /^[^,;.]{0,40}?\bthat\b/i.exec(sentence.slice(d.end));
    if (that && !/\b(?:and|or|but)\s+that$/i.test(that[0]) && SAYS.test(sentence.slice(d.since, d.end + that[0].length))) d.reports = d.end + that[0].length;
  }
  return merged;
}

const DIGIT = /\d/;
const QUARTER_HINT = /quarter/i;

// "since" and the date in one clause: no clause punctuation between them.
const SINCE_CLAUSE = /\bsince\b[^,;:.]{0,70}$/i;
const SAYS = /\b(?:said|announced|reported|stated|declared|told|claimed|estimated|wrote)\b/i;
const NUMERIC_DATE = /\d{1,2}\/\d{1,2}\/\d{2,4}|\b\d{4}-\d\d-\d\d\b/;

function fastDates(sentence: string, ref: RefDay): DateMention[] {
  const months = monthDates(sentence, ref);
  const relative = [...relativeDates(sentence, ref), ...seasonDates(sentence, ref)].filter((r) => !months.some((m) => r.start < m.end && r.end > m.start));
  return [...months, ...relative].sort((a, b) => a.start - b.start);
}

function chronoDates(sentence: string, ref: RefDay): DateMention[] {
  const instant = new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12));
  const out: DateMention[] = [];
  for (const r of dateParser.parse(sentence, { instant, timezone: 'UTC' }, { forwardDate: false })) {
    const text = r.text.replace(/[\s,]+$/, '');
    const start = r.index + (r.text.length - r.text.trimStart().length);
    const mention = resolveChrono(r, text, ref);
    if (mention) out.push({ start, end: start + text.length, raw: text.trim(), ...mention });
  }
  return out;
}


function resolveChrono(r: chrono.ParsedResult, text: string, ref: RefDay): Resolved | undefined {
  const s = r.start;
  const lower = text.toLowerCase();
  if (RELATIVE_SHIFT.test(lower)) return undefined; // anchored to another date; see anchorShifts
  // "over the past week", "a year earlier", "nine months ago": spans and offsets, not dates a figure belongs to.
  if (/\b(?:past|ago|earlier|later|previous)\b/.test(lower) && !/\b(?:earlier|later) this\b/.test(lower)) return undefined;
  // "in three years" / "in six months of fighting" read as durations far more often than as future dates.
  if (/^(?:in|within)\s+\S+\s+(?:days?|weeks?|months?|years?)$/.test(lower)) return undefined;
  const known = (c: chrono.Component) => s.isCertain(c);
  const y = s.get('year')!;
  const m = s.get('month')!;
  const d = s.get('day')!;
  if (known('weekday') && !known('day')) {
    if (/\b(?:next|coming)\b/.test(lower)) return { date: iso(y, m, d), explicit: false };
    const refDate = new Date(`${ref.iso}T00:00:00Z`);
    const back = (refDate.getUTCDay() - s.get('weekday')! + 7) % 7;
    return { date: addDays(ref.iso, -back), explicit: false };
  }
  const relative = !known('month') && !known('year') ? true : /\b(?:last|this|next|past|ago|yesterday|today|tonight|previous)\b/.test(lower);
  if (known('year') && !known('month')) return { ...yearPeriod(y), explicit: !relative };
  if (!known('month') && !known('day')) return undefined; // a bare time of day
  const year = known('year') ? y : yearFor(m, known('day') ? d : 1, ref);
  if (!known('day')) {
    const end = iso(year, m, lastDay(year, m));
    return { date: end, periodStart: iso(year, m, 1), periodEnd: end, explicit: !relative };
  }
  const date = iso(year, m, d);
  if (r.end) {
    const e = r.end;
    const endIso = iso(e.isCertain('year') ? e.get('year')! : year, e.get('month')!, e.get('day')!);
    return { date: endIso, periodStart: date, periodEnd: endIso, explicit: true };
  }
  return { date, explicit: !relative };
}

// "a day after 303 prisoners were returned" only means something next to a dated anchor.
function anchorShifts(sentence: string, found: DateMention[]): DateMention[] {
  const m = RELATIVE_SHIFT.exec(sentence);
  if (!m) return found;
  const anchor = [...found].reverse().find((d) => d.end <= m.index && d.explicit && !d.periodStart);
  if (!anchor) return found;
  const n = /^\d+$/.test(m[0].split(' ')[0]!) ? Number(m[0].split(' ')[0]) : (WORD_N[m[0].split(' ')[0]!.toLowerCase()] ?? 1);
  // "on May 25, a day after X" dates X the day before the anchor; "two days later" dates it after.
  const days = n * (m[1]!.startsWith('week') ? 7 : 1) * (/later|before/i.test(m[0]) ? 1 : -1);
  const shifted: DateMention = { start: m.index, end: m.index + m[0].length, raw: m[0], date: addDays(anchor.date, days), explicit: true };
  return [...found, shifted].sort((a, b) => a.start - b.start);
}
const WORD_N: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

// "between August 2024 and late May this year": the part of a month does not move a period's bounds.
const PART = '(?:(?:early|late|mid)[\\s-]+)?';
const RANGE_OPEN = new RegExp(`\\b(?:between|from)\\s+${PART}$`, 'i');
const RANGE_JOIN = new RegExp(`^,?\\s+(?:and|to|until|through)\\s+${PART}$|^\\s?[-–]\\s?$`, 'i');
// "between 3 March 2024 and 9 June 2025" becomes one period, even when its ends are months.
function mergePeriods(sentence: string, found: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    const before = sentence.slice(Math.max(0, a.start - 16), a.start);
    if (b && RANGE_OPEN.test(before) && RANGE_JOIN.test(sentence.slice(a.end, b.start))) {
      const start = a.periodStart ?? a.date;
      out.push({ start: a.start, end: b.end, raw: sentence.slice(a.start, b.end), date: b.date, periodStart: start, periodEnd: b.date, explicit: a.explicit || b.explicit });
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

/**
 * The date a fact at `pos` in its sentence refers to: the nearest explicit date in the sentence,
 * else the nearest relative one, else the publication day.
 */
export function dateAt(mentions: readonly DateMention[], pos: number, ref: RefDay, end = pos, others: readonly number[] = [], sentence = ''): ResolvedDate {
  const explicit = mentions.length ? nearest(mentions, true, pos, end, others, sentence) : undefined;
  const loose = mentions.length && (!explicit || explicit.end <= pos) ? nearest(mentions, false, pos, end, others, sentence) : undefined;
  // "won one award in 1998 and is shortlisted for two more this year": a date of the figure's own phrase, right
  // after it, beats a stated year of an earlier clause.
  const ownPhrase = !!explicit && !!loose && loose.start >= end && /^\s*(?:\w+\s+){0,2}?$/.test(sentence.slice(end, loose.start)) && /\band\b|[,;]/.test(sentence.slice(explicit.end, pos));
  const d = ownPhrase ? loose : explicit ?? loose;
  if (!d) return { date: ref.iso };
  // "for the three months to June", "in the final three months of 2003": the window the date ends.
  const lead = d.start >= end ? PERIOD_LEAD.exec(sentence.slice(end, d.start)) : null;
  const months = lead ? monthsIn(lead[0]) : undefined;
  if (months && /\bfirst\b/i.test(lead![0]) && d.periodStart) {
    const last = addDays(addMonths(d.periodStart, months), -1); // "the first three months of 2004"
    return { date: last, periodStart: d.periodStart, periodEnd: last };
  }
  if (months) {
    // A window ending on a month's last day starts on a month's first ("three months to 30 June": 1 April).
    const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
    const start = day === lastDay(y, m) ? addMonths(`${d.date.slice(0, 8)}01`, 1 - months) : addDays(addMonths(d.date, -months), 1);
    return { date: d.date, periodStart: start, periodEnd: d.date };
  }
  return { date: d.date, ...(d.periodStart ? { periodStart: d.periodStart, periodEnd: d.periodEnd ?? d.date } : {}) };
}

const PERIOD_LEAD = /\b(?:the|its|their)\s+(?:(?:last|past|first|final|latest)\s+)?(?:\d{1,2}|two|three|four|five|six|nine|twelve)\s+(?:months|weeks|quarters|years|days)\s+(?:to|of|ending|ended|until|through)\s+$/i;
/** Months in "the three months to", "the 12 months to", "the last two quarters of"; undefined for weeks and days. */
function monthsIn(lead: string): number | undefined {
  const m = /(\d{1,2}|two|three|four|five|six|nine|twelve)\s+(months|quarters|years)\b/i.exec(lead);
  const n = m ? parseNumber(m[1]!) : undefined;
  return n === undefined ? undefined : n * ({ months: 1, quarters: 3, years: 12 } as Record<string, number>)[m![2]!.toLowerCase()]!;
}
/**
 * Whether a figure of its own stands between a figure ending at `end` and a date at `dateStart`.
 * "$1.13bn for the three months to December": the number of the period the date ends is not one;
 * "to 5.8% - its first rise in nine years - in October 2004": nor is one in a dashed aside.
 */
function figureBetween(sentence: string, end: number, dateStart: number, others: readonly number[]): boolean {
  const lead = PERIOD_LEAD.exec(sentence.slice(end, dateStart));
  const before = lead ? end + lead.index : dateStart;
  const aside = /\s[-–—]\s[^-–—]{1,60}\s[-–—]\s/.exec(sentence.slice(end, before));
  const inAside = (o: number): boolean => !!aside && o >= end + aside.index && o < end + aside.index + aside[0].length;
  return others.some((o) => o >= end && o < before && !inAside(o));
}
const RELATIVE_OPEN = /,\s*(?:who|which|whom|whose|where)\b[^,;]*$/i;
const SUBORDINATE = /,\s*(?:who|which|whom|whose|where|when|after|before|since|while|although|though)\b|\b(?:who|which)\s+(?:had|has|have|was|were|is|are)\b/i;

function nearest(mentions: readonly DateMention[], explicit: boolean, pos: number, end: number, others: readonly number[], sentence: string): DateMention | undefined {
  let best: DateMention | undefined;
  let bestDist = Infinity;
  for (const d of mentions) {
    if (d.explicit !== explicit || (d.noAnchor && !(d.reports !== undefined && pos >= d.reports))) continue;
    // A date after a figure belongs to it only if no other figure sits in between ("64.7%, up from 53% on May 4").
    if (d.start >= end && others.some((o) => o >= end && o < d.start) && figureBetween(sentence, end, d.start, others)) continue;
    // A relative or subordinate clause keeps its dates to itself: "70 defenders, who had been captured
    // … in 2022, came home", "303 prisoners were returned, a day after talks that began in May".
    if (d.start >= end && SUBORDINATE.test(sentence.slice(end, d.start))) continue;
    // … also one closed before the figure: "lowered the record, which she set in October 2003, by a minute".
    if (d.end <= pos && RELATIVE_OPEN.test(sentence.slice(Math.max(0, d.start - 80), d.start)) && /,/.test(sentence.slice(d.end, pos))) continue;
    let dist = d.start >= end ? d.start - end : pos >= d.end ? pos - d.end : 0;
    // A date across a comma is further away than one in the figure's own phrase ("…, up from 909 in February").
    if (dist && /[,;]/.test(d.start >= end ? sentence.slice(end, d.start) : sentence.slice(d.end, pos))) dist += 40;
    // "from $20m in 2003 to $25m in 2004": a date before "to" or "and" is the earlier figure's.
    else if (dist && d.end <= pos && /\b(?:to|and|from|versus|against)\b/i.test(sentence.slice(d.end, pos))) dist += 40;
    if (dist < bestDist) [best, bestDist] = [d, dist];
  }
  return best;
}

/** Date facts for a list of sentences, plus each sentence's mentions for the other extractors. */
export function extractDates(sentences: readonly string[], ref: RefDay): { facts: DateFact[]; bySentence: DateMention[][] } {
  const facts: DateFact[] = [];
  const bySentence = sentences.map((sentence, sentenceIndex) => {
    const found = findDates(sentence, ref);
    for (const d of found) {
      facts.push({
        kind: 'date', sentenceIndex, sentence, raw: d.raw, date: d.date,
        ...(d.periodStart ? { periodStart: d.periodStart, periodEnd: d.periodEnd ?? d.date } : {}),
      });
    }
    return found;
  });
  return { facts, bySentence };
}
