/**
 * One unit of time stated with an article: "take a decade", "without e-mail for a week", "shortened
 * by an hour". Only after a word that makes it a length of time, so "a year ago" or "once a week"
 * stay out.
 */
/** A length of time found in a sentence, shaped like a number mention so the scanner can merge it. */
export interface Duration {
  start: number;
  end: number;
  raw: string;
  value: number;
  unit: string;
}

const A_DURATION =
  /\b(?:for|take|takes|took|taking|last|lasts|lasted|lasting|by|spanning|missing|missed|miss|spent|spend|spends|wait|waits|waited|waiting)\s(?:(?:more than|over|nearly|almost|about|around|roughly|less than|just over|just under|at least|up to)\s)?((?:a|an)\s+(second|minute|hour|day|week|fortnight|month|year|decade))\b(?!\s*(?:ago|earlier|later|or\b|['’]s|\d|time\b|round\b|term\b|half\b|week\b|weekend\b|season\b|successive\b|straight\b|consecutive\b|place\b|year\b|day\b|month\b|game\b|match\b|goal\b|leg\b|spell\b))/gi;

const HINT = /\b(?:for|takes?|took|taking|lasts?|lasted|lasting|by|spanning|missing|missed|miss|spent|spends?|waits?|waited|waiting) (?:(?:more than|over|nearly|almost|about|around|roughly|less than|just over|just under|at least|up to) )?an? [a-z]/i;

const LENGTHS: Record<string, [number, string]> = {
  second: [1, 'seconds'], minute: [1, 'minutes'], hour: [1, 'hours'], day: [1, 'days'], week: [1, 'weeks'],
  fortnight: [2, 'weeks'], month: [1, 'months'], year: [1, 'years'], decade: [10, 'years'],
};

// "a year-long inquiry", "an hour-long show": one unit of time, written as a compound.
const LONG = /\b(hour|day|week|month|year)-long\b|\bhalf-(hour)\b/gi;

export function articleDurations(sentence: string): Duration[] {
  const out: Duration[] = [];
  if (sentence.includes('-long') || sentence.includes('half-hour')) {
    for (const m of sentence.matchAll(LONG)) {
      // "a half-hour interview": half of one unit.
      const [value, unit] = LENGTHS[(m[1] ?? m[2])!.toLowerCase()]!;
      out.push({ start: m.index!, end: m.index! + m[0].length, raw: m[0], value: m[2] ? value / 2 : value, unit });
    }
  }
  if (!HINT.test(sentence)) return out;
  A_DURATION.lastIndex = 0;
  for (let m = A_DURATION.exec(sentence); m; m = A_DURATION.exec(sentence)) {
    const [value, unit] = LENGTHS[m[2]!.toLowerCase()]!;
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ start, end: start + m[1]!.length, raw: m[1]!, value, unit });
  }
  return out;
}
