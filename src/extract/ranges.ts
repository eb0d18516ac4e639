/**
 * Two numbers that read as one figure: a range ("between 20 and 30", "$20 to $25 billion", "two or
 * three"), or a match or vote result ("won 3-1", "voted 272-219"). A movement with its level ("fell
 * 0.4 per cent to 13,176") is no range: changes.ts links those.
 */
import type { NumberMention } from './types.ts';
import { MOVEMENT_BEFORE } from './movement.ts';
import { SCALES, SUFFIX_SCALES } from './units.ts';

const CHANGE_FROM = /\b(?:rose|rise|rising|rises|fell|fall|falling|falls|increased?|increasing|decreased?|decreasing|climbed|dropped|grew|jumped|slipped|declined|cut|raised|lowered|up|down|went|moved|changed|shifted|surged|plunged|soared|eased|edged|widened|narrowed|slowed|accelerated|revised|upgraded|downgraded)\s+(?:\S+\s+)?from\s+$/i;
const RANGE_SEP = /^(?:\s?[-–—]\s?|\s+to\s+|\s+or\s+)$/;

const SPORT = /\b(?:made it|make it|makes it|making it|won|win|wins|winning|beat|beats|beaten|beating|overcame|overcome|losing|lost|lose|loses|drew|draw|drawn|defeat|defeated|victory|thrash(?:ed|ing)|edged|led|lead|leading|trail(?:ed|ing)?|score(?:d|line)?|match|game|set|sets|tie-break|half-time|full-time|final|semi-final|win over|triumph|went down|seeds?|title|retire[ds]?|down to|humiliation|hammering|thrashing|rout|drubbing|loss|goals?|ahead|equali[sz]\w*|routed|victors?|triumph(?:ed|ing|s)?|outlast(?:ed|ing|s)?|demolish(?:ed|es|ing)?|crush(?:ed|es|ing)|hammer(?:ed|s)?|swept)\b/i;

// "won 3-1", "102-98", "6-4 6-2": a match result is one figure, not a range or two counts.
function isScore(s: string, a: NumberMention, b: NumberMention): boolean {
  if (a.unit || b.unit || a.vague || b.vague || !/^\d+$/.test(a.raw) || !/^\d+$/.test(b.raw)) return false;
  // "voted by 229 to 206": a vote written with "to" is scored like "229-206".
  const votedTo = /^\s+to\s+$/.test(s.slice(a.end, b.start)) && /\bvoted\s+(?:by\s+)?$/i.test(s.slice(Math.max(0, a.start - 12), a.start));
  // "7-6 (8/6)": a tie-break in brackets after a set score is a score too.
  const tieBreak = s.slice(a.end, b.start) === '/' && /\d[-–]\d{1,2}\s?\($/.test(s.slice(Math.max(0, a.start - 7), a.start)) && s[b.end] === ')';
  if (tieBreak) return true;
  if (!votedTo && (!/^[-–]$/.test(s.slice(a.end, b.start)) || a.value >= 1000 || b.value >= 1000)) return false;
  // "Dundee Utd 4-1 Aberdeen": a result line names a team on each side.
  const between = /\p{Lu}[\p{L}.]*\s$/u.test(s.slice(Math.max(0, a.start - 30), a.start)) && /^\s\p{Lu}/u.test(s.slice(b.end, b.end + 2));
  // "MPs voted 272-219", "the 2-1 decision": a vote is scored like a match.
  const vote = /\bvoted\s+(?:by\s+)?$/i.test(s.slice(Math.max(0, a.start - 12), a.start)) || /^\s+(?:decision|majority|vote|verdict|ruling|split)\b/i.test(s.slice(b.end, b.end + 12));
  // "6-1 6-0": set scores side by side are a match however the sentence is worded.
  // "6-7 (6/8) 6-2": a tie-break may stand between them.
  const sets = /^(?:\s\(\d{1,2}[/-]\d{1,2}\))?\s\d{1,2}[-–]\d{1,2}\b/.test(s.slice(b.end, b.end + 14)) || /\b\d{1,2}[-–]\d{1,2}(?:\s\(\d{1,2}[/-]\d{1,2}\))?\s$/.test(s.slice(Math.max(0, a.start - 14), a.start));
  // "puts Spain 2-0 up", "a 3-1 lead": what follows says it is a result.
  const result = /^\s+(?:up|down|lead|win|victory|defeat|loss|draw|aggregate)\b/i.test(s.slice(b.end, b.end + 12));
  return between || vote || sets || result || SPORT.test(s);
}

export function mergeRanges(s: string, found: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    // "between $20,000 (£11,000) and $40,000 (£22,000)": a range restated in brackets at both ends is
    // two ranges, the second in the other currency.
    const restated = b ? restatedRange(s, a, b, found[i + 2], found[i + 3]) : undefined;
    if (restated) {
      out.push(...restated);
      i += 3;
      continue;
    }
    if (b && isScore(s, a, b)) {
      out.push({ start: a.start, end: b.end, raw: s.slice(a.start, b.end), value: a.value, unit: 'score' });
      i++;
      continue;
    }
    if (b && !a.vague && !b.vague && a.unit !== 'ratio' && b.unit !== 'ratio') {
      const between = s.slice(a.end, b.start);
      const lead = /\bbetween\s+$/i.exec(s.slice(Math.max(0, a.start - 10), a.start));
      const isBetween = lead && /^\s+and\s+$/i.test(between);
      // "from 49% to 74%" is a movement unless something ranges ("prices ranged from £25 to £80").
      const fromTo = /\bfrom\s+$/i.test(s.slice(Math.max(0, a.start - 6), a.start)) && !/\b(?:rang\w*|var(?:y|ies|ied|ying)|anywhere|spanning)\b[^.;]{0,30}$/i.test(s.slice(Math.max(0, a.start - 40), a.start));
      // "rose from 2.5% to 3%" is a change, "ranged from £25 to £80" a range.
      // "fell 0.4 per cent to 13,176" is a change and a level: a movement word before, or a unit
      // on the low end only, rules the range out.
      const lead40 = s.slice(Math.max(0, a.start - 40), a.start);
      const isDash = RANGE_SEP.test(between) && !(fromTo && !/\bor\b/.test(between)) && !CHANGE_FROM.test(lead40) && !(/to/.test(between) && MOVEMENT_BEFORE.test(lead40));
      // "$30-35": a currency written once, before the low end, is the high end's too.
      const sharedCurrency = !!a.unit && !b.unit && /^[A-Z]{3}$/.test(a.unit) && /^[-–]$/.test(between);
      if ((isBetween || isDash) && b.value > a.value && (!a.unit || a.unit === b.unit || sharedCurrency)) {
        const start = isBetween ? a.start - lead[0].length : a.start;
        const unit = a.unit ?? b.unit;
        out.push({ start, end: b.end, raw: s.slice(start, b.end), value: scaleLow(a, b), valueHigh: b.value, ...(unit ? { unit } : {}) });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

// "1.2 to 1.5 million", "$20 to $25 billion", "six to seven thousand": the low end borrows the high
// end's scale word when it has none of its own.
function restatedRange(s: string, a: NumberMention, c1: NumberMention, b: NumberMention | undefined, c2: NumberMention | undefined): NumberMention[] | undefined {
  if (!b || !c2 || !a.unit || a.unit !== b.unit || !c1.unit || c1.unit !== c2.unit || a.unit === c1.unit) return undefined;
  if (!/^\s*\($/.test(s.slice(a.end, c1.start)) || !/^\s*\($/.test(s.slice(b.end, c2.start)) || !/^\s*\)/.test(s.slice(c2.end))) return undefined;
  const join = /^\)\s+(and|to)\s+$/.exec(s.slice(c1.end, b.start));
  const lead = /\b(between|from)\s+$/i.exec(s.slice(Math.max(0, a.start - 10), a.start));
  if (!join || !lead || (join[1] === 'and') !== /^between$/i.test(lead[1]!) || b.value <= a.value || c2.value <= c1.value) return undefined;
  const start = join[1] === 'and' ? a.start - lead[0].length : a.start;
  return [
    { start, end: b.end, raw: s.slice(start, b.end), value: a.value, valueHigh: b.value, unit: a.unit },
    { start: c1.start, end: c1.end, raw: c1.raw, value: c1.value, valueHigh: c2.value, unit: c1.unit },
  ];
}

function scaleLow(a: NumberMention, b: NumberMention): number {
  // "20-30bn rupiah": the scale stands before the currency's name.
  const word = /(?:\s|\d)(hundred|thousand|million|billion|trillion|bn|m|k|tn)(?:\s+\p{L}+)?$/iu.exec(b.raw.trim());
  const bare = !/(?:hundred|thousand|million|billion|trillion|bn|[0-9.]m|k|tn)$/i.test(a.raw.trim());
  // "$50-100,000": a low end of two or three digits before thousands written out is in thousands too.
  if (!word && bare && /,000$/.test(b.raw.trim()) && /^\D*\d{1,3}$/.test(a.raw.trim()) && a.value * 1000 < b.value) return a.value * 1000;
  if (!word || !bare) return a.value;
  const w = word[1]!.toLowerCase();
  const scale = SCALES[w] ?? SUFFIX_SCALES[w] ?? 1;
  const low = Number((a.value * scale).toPrecision(12));
  return low < b.value ? low : a.value;
}
