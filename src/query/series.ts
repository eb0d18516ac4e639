/**
 * Series a reader can trust. Figures are grouped by what they are about (a group is one section of
 * an answer), and inside a group only comparable figures form a series (a timeline): the same
 * subject, the same unit, and the same kind — a level ("sales of $11.1bn") never joins a change
 * ("up 2%"). A series has one value per date, the most precise and best attributed; a headline that
 * rounds a body figure and a bracketed conversion never take part; an earlier level stated with its
 * own date ("from 1.9% in May") is an earlier point.
 */
import type { FigurePoint } from './point.ts';
import { formatAsOf, formatShort } from './format.ts';

/** Words that say a number moved; they describe the series, they do not split it. */
const MOVEMENT_EVENTS = /^(?:counts|counted|puts|put|says|said|reports|reported|estimates|estimated|shows|showed|rose|rise|fell|fall|jumped|climbed|dropped|grew|gained|lost|increased|decreased|declined|slipped|slumped|surged|soared|plunged|tumbled|eased|edged|cut|raised|reached|hit|stood|totalled|was|were|is|are|slowed|reported|posted|made|saw)$/i;
const EXCHANGE_EVENTS = new Set(['exchanged', 'released', 'returned']);
// Heads that, when captured, all name the same people: captured soldiers.
// Heads that say the people were captured even when no verb does ("more than 700 captives").
const INHERENTLY_CAPTURED = /\b(?:captives?|prisoners? of war|pows?)$/;
const CAPTIVE_HEADS = /\b(?:soldier|troop|serviceman|servicemen|prisoner|prisoner of war|pow|captive|fighter)$/;

/** The event a group is named by: movements do not split groups, exchanges and releases are one story. */
export function eventClass(event: string | null): string {
  if (!event || MOVEMENT_EVENTS.test(event)) return '';
  return EXCHANGE_EVENTS.has(event) ? 'exchange' : event;
}

/** What a figure is about, folded so that "971 captures" and "Russian prisoners captured" agree. */
export function subjectOf(p: Pick<FigurePoint, 'countedKey' | 'counted' | 'event' | 'unit'>): string {
  const key = p.countedKey ?? p.counted?.toLowerCase() ?? '';
  if ((p.event === 'captured' || (!p.event && INHERENTLY_CAPTURED.test(key))) && CAPTIVE_HEADS.test(key)) return key.replace(CAPTIVE_HEADS, 'soldier');
  return key || p.unit || 'other';
}

const EXCHANGE_NOUNS = /^(?:swap|exchange|prisoner exchange|prisoner swap|release|return)$/;

/**
 * The section a figure belongs to: the head noun of its subject with its event class, so "hundreds
 * of soldiers captured" sits with "971 Russian soldiers captured"; every exchange, release and
 * return of one story is one section. Series inside a section stay apart (seriesKeyOf).
 */
export const groupKeyOf = (p: FigurePoint): string => {
  // Captives are captured whether or not the sentence says so ("more than 700 captives").
  const ev = eventClass(p.event) || (INHERENTLY_CAPTURED.test(p.countedKey ?? '') ? 'captured' : '');
  const subject = subjectOf(p);
  if (ev === 'exchange' || EXCHANGE_NOUNS.test(subject)) return 'exchange';
  return `${subject.split(' of ')[0]!.split(' ').at(-1)}|${ev}`;
};

/** Figures of one series are comparable: subject, unit, level or change, and the same event. */
export const seriesKeyOf = (p: FigurePoint): string => {
  const ev = eventClass(p.event) || (INHERENTLY_CAPTURED.test(p.countedKey ?? '') ? 'captured' : '');
  return `${subjectOf(p)}|${p.unit ?? ''}|${p.isChange ? 'change' : 'level'}|${ev === 'exchange' ? p.event : ev}`;
};

/** Whether a figure may stand in a series or lead a group: not a headline rounding, not a conversion. */
export const canLead = (p: FigurePoint): boolean => p.roundingOf === null && !p.conversion;

/** Higher is better: an exact value over a bound or a vague span, an attributed one over the writer's own. */
export function precision(p: FigurePoint): number {
  return (p.vague ? 0 : 4) + (p.qualifier ? 0 : 2) + (p.attribution ? 1 : 0) + (p.hedged ? 0 : 0.5);
}

/** The figure a group leads with: its newest precise, attributed figure; else its newest precise one. */
export function leadPoint(points: readonly FigurePoint[]): FigurePoint | undefined {
  const eligible = points.filter(canLead);
  // A level says where things stand; a change only how far they moved, so a level leads when there is one.
  const newestFirst = [...eligible].sort((a, b) => Number(a.isChange) - Number(b.isChange) || b.date.localeCompare(a.date) || precision(b) - precision(a));
  return newestFirst.find((p) => !p.vague && !p.qualifier && p.attribution && !p.isChange) ?? newestFirst.find((p) => !p.vague) ?? newestFirst[0];
}

export interface SeriesPoint {
  date: string;
  label: string;
  value: number;
  /** The figure this point stands for (an earlier level borrowed from a later figure names that figure). */
  point: FigurePoint;
}

/** The main series of a group: the comparable figures of the lead's series, one per date, oldest first. */
export function mainSeries(points: readonly FigurePoint[]): SeriesPoint[] {
  return pickSeries(points).map(({ date, point, previous }) => {
    const shown = previous ? { ...point, value: point.previous!, valueHigh: null, qualifier: null, date, period: null } : point;
    return { date, label: `${formatShort(shown)} (${formatAsOf(shown)})`, value: shown.value, point };
  });
}

/** How many dated points the main series has; cheap (no labels), for ranking groups. */
export const seriesLength = (points: readonly FigurePoint[]): number => pickSeries(points).length;

interface Picked {
  date: string;
  point: FigurePoint;
  /** The point stands for the earlier level its figure states, not the figure itself. */
  previous: boolean;
  rank: number;
}

// One candidate per date, the most precise; labels are made only for the winners.
function pickSeries(points: readonly FigurePoint[]): Picked[] {
  const lead = leadPoint(points);
  // Changes over different spans ("up 6%" this week, "up 30%" this year) make no timeline.
  if (!lead || lead.isChange) return [];
  const key = seriesKeyOf(lead);
  const byDate = new Map<string, Picked>();
  for (const p of points) {
    if (!canLead(p) || p.vague || seriesKeyOf(p) !== key) continue;
    const rank = precision(p);
    const have = byDate.get(p.date);
    if (!have || rank > have.rank) byDate.set(p.date, { date: p.date, point: p, previous: false, rank });
    if (p.previous !== null && p.previousDate && p.previousDate < p.date) {
      const prev = byDate.get(p.previousDate);
      if (!prev || rank - 1 > prev.rank) byDate.set(p.previousDate, { date: p.previousDate, point: p, previous: true, rank: rank - 1 });
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** At most this many points of a series are written out in text; the chart shows them all. */
export const MAX_TEXT_POINTS = 8;

/**
 * The points a text timeline shows: all of them when few, else the first, the last and the turning
 * points (where the direction changes), filled up by the biggest moves, in date order.
 */
export function textPoints(series: readonly SeriesPoint[], max = MAX_TEXT_POINTS): SeriesPoint[] {
  if (series.length <= max) return [...series];
  const keep = new Set<number>([0, series.length - 1]);
  const sign = (i: number) => Math.sign(series[i]!.value - series[i - 1]!.value);
  const turns: Array<{ i: number; size: number }> = [];
  for (let i = 1; i < series.length - 1; i++) {
    const size = Math.abs(series[i + 1]!.value - series[i]!.value) + Math.abs(series[i]!.value - series[i - 1]!.value);
    turns.push({ i, size: sign(i) !== sign(i + 1) && sign(i + 1) !== 0 ? size * 1e6 : size });
  }
  for (const t of turns.sort((a, b) => b.size - a.size)) {
    if (keep.size >= max) break;
    keep.add(t.i);
  }
  return [...keep].sort((a, b) => a - b).map((i) => series[i]!);
}

/** "700+ (Dec 2024) → 909 (6 Feb 2025) → 971 (25 May 2025)", with "(+N more)" when points were left out. */
export function timelineText(series: readonly SeriesPoint[]): string | undefined {
  const distinct = series.filter((sp, i) => i === 0 || sp.label.split(' (')[0] !== series[i - 1]!.label.split(' (')[0]);
  if (distinct.length < 2) return undefined;
  const shown = textPoints(distinct);
  const left = distinct.length - shown.length;
  return shown.map((sp) => sp.label).join(' → ') + (left > 0 ? ` (+${left} more)` : '');
}
