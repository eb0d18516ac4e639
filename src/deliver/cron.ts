import { validateDetailed, parse } from 'node-cron';

/**
 * Digest schedules: standard 5-field cron in an IANA time zone. The next fire instant is computed
 * here (not left to a timer library) so it is exact across DST changes and testable with a fake clock.
 */
export interface CronSchedule {
  expression: string;
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  /** Cron's odd rule: when both day fields are restricted, a day matching either one fires. */
  dayOr: boolean;
}

export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function parseCron(expression: string): CronSchedule {
  const expr = expression.trim().replace(/\s+/g, ' ');
  const fields = expr.split(' ');
  if (fields.length !== 5) {
    throw new ScheduleError(`"${expression}" has ${fields.length} field${fields.length === 1 ? '' : 's'}; a schedule needs 5: minute hour day-of-month month day-of-week (e.g. "0 9 * * *" for 09:00 daily)`);
  }
  const check = validateDetailed(expr);
  if (!check.valid) {
    const why = check.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new ScheduleError(`"${expression}" is not a valid cron expression (${why})`);
  }
  const f = parse(expr);
  const nums = (xs: (number | string)[]): number[] => xs.map(Number).filter((n) => Number.isInteger(n));
  const dom = nums(f.dayOfMonth);
  const dow = nums(f.dayOfWeek).map((d) => d % 7);
  return {
    expression: expr,
    minutes: [...f.minute].sort((a, b) => a - b),
    hours: [...f.hour].sort((a, b) => a - b),
    daysOfMonth: new Set(dom),
    months: new Set(f.month),
    daysOfWeek: new Set(dow),
    dayOr: fields[2] !== '*' && fields[4] !== '*',
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock reading in a zone at an instant, as if it were UTC (ms). */
function wallMs(tz: string, instant: number): number {
  const p: Record<string, number> = {};
  for (const part of wallFormatter(tz).formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/**
 * The instant a wall-clock time happens in a zone. An hour repeated at fall-back gives its first
 * occurrence; an hour skipped at spring-forward gives the instant the clock jumps past it.
 */
export function zonedInstant(tz: string, wall: number): number {
  const hour = 3_600_000;
  const candidates = [wall - (wallMs(tz, wall - 14 * hour) - (wall - 14 * hour)), wall - (wallMs(tz, wall + 14 * hour) - (wall + 14 * hour))];
  const exact = candidates.filter((c) => wallMs(tz, c) === wall);
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
}

const DAY = 86_400_000;

/** The first instant strictly after `after` at which the schedule fires in the zone; null if none within 8 years. */
export function nextFire(s: CronSchedule, tz: string, after: Date): Date | null {
  const start = wallMs(tz, after.getTime());
  const firstDay = Math.floor(start / DAY) * DAY;
  for (let day = firstDay; day < firstDay + 8 * 366 * DAY; day += DAY) {
    const d = new Date(day);
    if (!s.months.has(d.getUTCMonth() + 1)) continue;
    const domOk = s.daysOfMonth.has(d.getUTCDate());
    const dowOk = s.daysOfWeek.has(d.getUTCDay());
    if (s.dayOr ? !(domOk || dowOk) : !(domOk && dowOk)) continue;
    for (const h of s.hours) {
      for (const m of s.minutes) {
        const at = zonedInstant(tz, day + h * 3_600_000 + m * 60_000);
        if (at > after.getTime()) return new Date(at);
      }
    }
  }
  return null;
}

/**
 * Checks a digest schedule people typed: valid cron, a real IANA zone, and no more often than
 * hourly (a digest every minute would be a flood, not a digest).
 */
export function validateDigestSchedule(expression: string, tz: string, now: Date): CronSchedule {
  if (!isTimeZone(tz)) throw new ScheduleError(`"${tz}" is not a time zone; use an IANA name such as UTC, Europe/Kyiv or America/New_York`);
  const s = parseCron(expression);
  const first = nextFire(s, tz, now);
  if (!first) throw new ScheduleError(`"${expression}" never fires`);
  let prev = first;
  for (let i = 0; i < 48; i++) {
    const next = nextFire(s, tz, prev);
    if (!next) break;
    if (next.getTime() - prev.getTime() < 3_600_000) throw new ScheduleError(`"${expression}" fires more than once an hour; digests can be at most hourly (e.g. "0 * * * *")`);
    prev = next;
  }
  return s;
}
