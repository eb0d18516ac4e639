/**
 * Spans a figure covers without a stated window: an open span ("since the start of the operation in
 * August") runs from its start to the figure's date, and a governed duration ("909 prisoners over six
 * months of fighting") runs back from the figure's date by that duration.
 */
import type { FigureFact } from './types.ts';
import type { DateMention, ResolvedDate } from './dates.ts';
import { addDays, addMonths } from './calendar.ts';

/** A figure placed in its sentence: from its number to the end of what it counts. */
export interface Placed {
  fact: FigureFact;
  start: number;
  end: number;
}

const CLAUSE_BREAK = /[,;:.]/;

/**
 * The period from a "since …" date in the figure's clause to the figure's own date. A since-clause
 * after the figure governs it ("700 soldiers prisoner since … August"); one before it only when it opens
 * the sentence or clause ("Since August, troops have taken 700").
 */
export function openSpan(s: string, mentions: readonly DateMention[], start: number, end: number, when: ResolvedDate): ResolvedDate {
  if (when.periodStart) return when;
  for (const d of mentions) {
    if (d.since === undefined || (d.reports !== undefined && start >= d.reports)) continue;
    const after = d.since >= end && !CLAUSE_BREAK.test(s.slice(end, d.since)) && d.since - end <= 80;
    const before = d.end <= start && /(?:^|[,;]\s*)$/.test(s.slice(0, d.since)) && /^,\s/.test(s.slice(d.end)) && !/[;.]|,.*,/.test(s.slice(d.end, start));
    if (!after && !before) continue;
    const from = d.periodStart ?? d.date;
    if (from < when.date) return { date: when.date, periodStart: from, periodEnd: when.date };
  }
  return when;
}

// "over six months of fighting", "in the past week", "during two years of war": the preposition that
// makes a duration the span a figure covers. Bare "over"/"in" need "of …" after the duration, because
// "cost €300 million over three years" is a plan, not a span behind us.
const GOVERNOR = /\b(over|during|in|within|throughout|for)\s+(?:the\s+(past|last|previous)\s+)?$/i;
const QUALIFIED = /\b(?:after|for|of|than|in|from|to|by)\s+over\s+$/i; // "after over six months": "over" means "more than"
const NOT_PAST = /\b(?:will|would|could|should|might|plans?|expects?|aims?|next|coming)\b/i;
const UNIT_DAYS: Record<string, number> = { days: 1, weeks: 7 };
const UNIT_MONTHS: Record<string, number> = { months: 1, years: 12 };

/**
 * Gives a governed duration, and the figures in its clause, the span that ends at their date.
 * Mutates the facts; a figure that already has a period (a stated window, "last year") keeps it.
 */
export function durationSpans(s: string, placed: readonly Placed[]): void {
  for (const dur of placed) {
    const f = dur.fact;
    if (!f.unit || !(f.unit in UNIT_DAYS || f.unit in UNIT_MONTHS) || f.periodStart || !f.date || f.valueHigh !== undefined) continue;
    const lead = s.slice(0, dur.start);
    const g = GOVERNOR.exec(lead);
    if (!g) continue;
    const word = g[1]!.toLowerCase();
    const past = Boolean(g[2]);
    if (!past && (word === 'for' || word === 'within' || !/^\s+of\s/i.test(s.slice(dur.end)))) continue;
    if (word === 'over' && !past && QUALIFIED.test(lead)) continue;
    if (NOT_PAST.test(lead.slice(lastClause(lead)))) continue;
    const end = f.date;
    const startDay = f.unit in UNIT_DAYS ? addDays(end, -f.value * UNIT_DAYS[f.unit]!) : addMonths(end, -Math.round(f.value * UNIT_MONTHS[f.unit]!));
    const span = { periodStart: startDay, periodEnd: end };
    Object.assign(f, span);
    // "over six months" here is the preposition, not the qualifier "more than six months".
    if (f.qualifier === 'over') {
      delete f.qualifier;
      f.raw = f.raw.replace(/^over\s+/i, '');
    }
    const opens = g.index === 0 || /[,;]\s*$/.test(lead.slice(0, g.index));
    for (const other of placed) {
      const o = other.fact;
      if (other === dur || o.periodStart || o.date !== end || (o.unit && o.unit in { ...UNIT_DAYS, ...UNIT_MONTHS })) continue;
      const attached = other.end <= g.index ? !CLAUSE_BREAK.test(s.slice(other.end, g.index)) : opens && other.start >= dur.end && !/[;.]/.test(s.slice(dur.end, other.start));
      if (attached) Object.assign(o, span);
    }
  }
}

function lastClause(text: string): number {
  const i = Math.max(text.lastIndexOf(','), text.lastIndexOf(';'));
  return i < 0 ? 0 : i + 1;
}
