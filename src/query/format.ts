import type { FigurePoint } from './point.ts';

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const SHORT_QUALIFIER: Record<string, string> = {
  'more than': '+',
  over: '+',
  'at least': '+',
  'hundreds of': '+',
  'thousands of': '+',
  'dozens of': '+',
  nearly: '<',
  almost: '<',
  'fewer than': '<',
  'less than': '<',
  'up to': '≤',
  around: '~',
  about: '~',
  some: '~',
  approximately: '~',
  roughly: '~',
};

/** The number with its unit: "12.5%", "USD 1,200,000,000", "1,000-for-1,000", "3 years". */
export function formatNumber(p: Pick<FigurePoint, 'value' | 'valueHigh' | 'unit'>): string {
  const v = nf.format(p.value);
  const range = p.valueHigh != null ? `${v}–${nf.format(p.valueHigh)}` : v;
  switch (p.unit) {
    case null:
    case undefined:
      return range;
    case '%':
      return `${range}%`;
    case 'ratio':
      return `${v}-for-${v}`;
    case 'days':
    case 'months':
    case 'years':
    case 'weeks':
    case 'hours':
      return `${range} ${p.unit}`;
    default:
      return `${p.unit} ${range}`;
  }
}

/** Compact value for a timeline: "700+", "~2,000", "971". */
export function formatShort(p: Pick<FigurePoint, 'value' | 'valueHigh' | 'unit' | 'qualifier'>): string {
  const n = formatNumber(p);
  const q = p.qualifier ? SHORT_QUALIFIER[p.qualifier.toLowerCase()] : undefined;
  if (!q) return n;
  return q === '+' ? `${n}+` : `${q}${n}`;
}

const SIGNS: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', JPY: '¥' };

/** A number as a reader writes it: "$10.9bn", "£600m", "2.5%", "464,000". */
export function formatCompact(value: number, unit: string | null): string {
  const abs = Math.abs(value);
  const [scaled, suffix] = abs >= 1e9 ? [value / 1e9, 'bn'] : abs >= 1e6 ? [value / 1e6, 'm'] : [value, ''];
  const n = `${nf.format(scaled)}${suffix}`;
  if (unit && SIGNS[unit]) return `${SIGNS[unit]}${n}`;
  if (unit === '%') return `${n}%`;
  if (!unit) return n;
  return suffix ? `${unit} ${n}` : formatNumber({ value, valueHigh: null, unit });
}

/** "up 2% from $10.9bn", "down 0.4%", "up from 53%": the movement a figure states, or undefined. */
export function formatChange(p: Pick<FigurePoint, 'unit' | 'direction' | 'change' | 'changeUnit' | 'previous'>): string | undefined {
  if (!p.direction) return undefined;
  const size = p.change !== null ? formatCompact(Math.abs(p.change), p.changeUnit ?? p.unit) : undefined;
  const from = p.previous !== null ? `from ${formatCompact(p.previous, p.unit)}` : undefined;
  if (!size && !from) return undefined;
  return [p.direction, size, from].filter(Boolean).join(' ');
}

/** As written when we have it ("more than 900"), else qualifier + number. */
export function formatFigure(p: Pick<FigurePoint, 'value' | 'valueHigh' | 'unit' | 'qualifier' | 'raw'>): string {
  if (p.raw) return p.raw;
  return [p.qualifier, formatNumber(p)].filter(Boolean).join(' ');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "6 Feb 2025" from an ISO date or timestamp; "2024" for a whole-year period end is left to callers. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "6 Aug 2024 – 25 May 2025", or "2024" when the period is a whole calendar year. */
export function formatPeriod(start: string | null, end: string | null): string {
  if (start && end && start.endsWith('-01-01') && end.endsWith('-12-31') && start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  return formatDate(end ?? start ?? '');
}

/** When a point refers to: its period if it has one, else its date. */
export function formatWhen(p: Pick<FigurePoint, 'date' | 'period'>): string {
  return p.period ? formatPeriod(p.period.start, p.period.end) : formatDate(p.date);
}

/**
 * When a point stands in a series: a whole-year or whole-month period by its name ("2024", "Aug 2024"),
 * anything else by the date it runs to — "971 (25 May 2025)" reads better than the whole campaign span.
 */
export function formatAsOf(p: Pick<FigurePoint, 'date' | 'period'>): string {
  const start = p.period?.start;
  const end = p.period?.end;
  if (start && end) {
    // A figure for a whole month or year stands as of its end: "700+ (Dec 2024)".
    const lastDay = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 0)).getUTCDate();
    const wholeMonths = start.endsWith('-01') && Number(end.slice(8, 10)) === lastDay;
    if (wholeMonths) return `${months[Number(end.slice(5, 7)) - 1]} ${end.slice(0, 4)}`;
    return formatDate(end);
  }
  return formatDate(p.date);
}
