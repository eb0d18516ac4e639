/**
 * Finds and parses the numbers written in one sentence: digits with separators, number words,
 * money, percentages, "1,000-for-1,000" ratios, ranges and vague counts ("hundreds of").
 * Deciding which numbers are figures (not dates, not site chrome) is figures.ts's job.
 */

export interface NumberMention {
  start: number;
  end: number;
  raw: string;
  value: number;
  valueHigh?: number;
  unit?: string;
  /** Set for vague counts: "hundreds of" → value 100, vague "hundreds of". */
  vague?: string;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
const SUFFIX_SCALES: Record<string, number> = {
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12,
};
const CURRENCY_SIGNS: Record<string, string> = {
  $: 'USD', us$: 'USD', usd: 'USD', c$: 'CAD', ca$: 'CAD', cad: 'CAD', a$: 'AUD', aud: 'AUD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP',
  '¥': 'JPY', '₴': 'UAH', uah: 'UAH', '₽': 'RUB', rub: 'RUB',
};
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP',
  hryvnia: 'UAH', hryvnias: 'UAH', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  yuan: 'CNY', yen: 'JPY', rupees: 'NPR', rupee: 'NPR', francs: 'CHF', zloty: 'PLN',
};
const VAGUE: Array<[RegExp, number]> = [
  [/^hundreds of thousands of$/i, 1e5],
  [/^tens of thousands of$/i, 1e4],
  [/^tens of millions of$/i, 1e7],
  [/^hundreds of millions of$/i, 1e8],
  [/^(?:hundreds|several hundred|a few hundred) of$/i, 100],
  [/^(?:hundreds) of$/i, 100],
  [/^(?:dozens|a few dozen|several dozen) of$/i, 12],
  [/^(?:thousands|several thousand|a few thousand) of$/i, 1e3],
  [/^millions of$/i, 1e6],
  [/^billions of$/i, 1e9],
  [/^scores of$/i, 20],
];

const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'dozen'].join('|')})`;
// ASCII and Latin letter ranges instead of \p{L}: the unicode flag makes this scan several times slower.
const NUMERIC = String.raw`(?<![A-Za-z\u00C0-\u024F0-9.,:]|[A-Za-z\u00C0-\u024F]-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![0-9]|,\d{3}|\.\d|:\d|(?:st|nd|rd|th)\b)`;
const RATIO = String.raw`\b(\d[\d,]*|${WORD})-for-(\d[\d,]*|${WORD})\b`;
const WORDS = String.raw`\b(?:(?:a|an|half\s+a)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?${WORD}(?:(?:[\s-]+(?:and\s+)?)${WORD})*\b`;
const VAGUE_RE = String.raw`\b(?:(?:hundreds|tens)\s+of\s+(?:thousands|millions)|hundreds|dozens|thousands|millions|billions|scores|(?:several|a\s+few)\s+(?:hundred|dozen|thousand))\s+of\b`;
const SCAN = new RegExp(`(${RATIO})|(${VAGUE_RE})|(${NUMERIC})|(${WORDS})`, 'gi');

/** Parses a number written in digits or words ("1,000", "12.5", "nine hundred", "1.2 million", "$1.2bn"). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/^(?:us\$|[$€£¥₴₽])\s?/, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?([a-z]+)?$/.exec(t);
  if (m) {
    const base = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    if (!m[3]) return base;
    const scale = SCALES[m[3]] ?? SUFFIX_SCALES[m[3]] ?? (m[3] === 'dozen' ? 12 : undefined);
    return scale === undefined ? undefined : Number((base * scale).toPrecision(12));
  }
  const parsed = parseWords(t.split(/[\s-]+/));
  return parsed && parsed.used === parsed.tokens ? parsed.value : undefined;
}

interface WordParse {
  value: number;
  /** How many tokens formed a valid number (the rest is left unread). */
  used: number;
  tokens: number;
}

function parseWords(tokens: string[]): WordParse | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  let lastKind: 'none' | 'unit' | 'ten' | 'hundred' | 'scale' = 'none';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok === 'a' || tok === 'an' || tok === 'half') {
      if (i !== 0 && !(tokens[0] === 'half' && i === 1)) break;
      current = tok === 'half' ? 0.5 : 1;
      continue;
    }
    if (tok === 'and') {
      if (lastKind !== 'hundred' && lastKind !== 'scale') break;
      continue;
    }
    if (tok in UNITS) {
      if (lastKind === 'unit' || (lastKind === 'ten' && UNITS[tok]! >= 10)) break;
      current = (lastKind === 'none' ? 0 : current) + UNITS[tok]!;
      lastKind = 'unit';
    } else if (tok in TENS) {
      if (lastKind === 'unit' || lastKind === 'ten') break;
      current = (lastKind === 'none' ? 0 : current) + TENS[tok]!;
      lastKind = 'ten';
    } else if (tok === 'hundred') {
      current = (current || 1) * 100;
      lastKind = 'hundred';
    } else if (tok === 'dozen') {
      current = (current || 1) * 12;
      lastKind = 'hundred';
    } else if (tok in SCALES) {
      total += (current || 1) * SCALES[tok]!;
      current = 0;
      lastKind = 'scale';
    } else {
      break;
    }
    used = i + 1;
  }
  if (used === 0) return undefined;
  return { value: total + current, used, tokens: tokens.length };
}

/** Every number written in a sentence, left to right, ranges merged; `skip` spans are ignored. */
export function findNumbers(sentence: string, skip: ReadonlyArray<readonly [number, number]> = []): NumberMention[] {
  const found: NumberMention[] = [];
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(sentence); m; m = SCAN.exec(sentence)) {
    const start = m.index;
    if (skip.some(([a, b]) => start < b && start + m![0].length > a)) continue;
    const mention = m[1]
      ? ratioMention(m, start)
      : m[4]
        ? vagueMention(m[0], start)
        : m[5]
          ? numericMention(sentence, m, start)
          : wordMention(m[0], start, sentence);
    if (!mention) continue;
    found.push(mention);
    // Word matches may be trimmed ("fifty and sixty" → "fifty"), so resume right after what was used.
    SCAN.lastIndex = mention.end;
  }
  return mergeRanges(sentence, found);
}

function ratioMention(m: RegExpExecArray, start: number): NumberMention | undefined {
  const value = parseNumber(m[2]!);
  if (value === undefined) return undefined;
  return { start, end: start + m[0].length, raw: m[0], value, unit: 'ratio' };
}

function vagueMention(raw: string, start: number): NumberMention | undefined {
  const norm = raw.replace(/\s+/g, ' ');
  const hit = VAGUE.find(([re]) => re.test(norm));
  if (!hit) return undefined;
  return { start, end: start + raw.length, raw: norm, value: hit[1], vague: norm.toLowerCase() };
}

function numericMention(s: string, m: RegExpExecArray, start: number): NumberMention {
  let value = Number(m[6]!.replace(/,/g, '') + (m[7] ?? ''));
  let end = start + m[0].length;
  let unit: string | undefined;
  let begin = start;
  const pre = /(?:US\$|CA?\$|A\$|USD ?|EUR ?|GBP ?|UAH ?|RUB ?|CAD ?|AUD ?|[$€£¥₴₽] ?)$/i.exec(s.slice(Math.max(0, start - 4), start));
  if (pre) {
    unit = CURRENCY_SIGNS[pre[0].trim().toLowerCase()];
    begin = start - pre[0].length;
  }
  const rest = s.slice(end, end + 40);
  const scale = unit
    ? /^ ?(billion|million|trillion|thousand|bn|mn|mln|m|k|b|tn|trn)\b/i.exec(rest)
    : /^(?: (billion|million|trillion|thousand)\b|(bn|mn|mln|m|k|tn|trn)\b)/i.exec(rest);
  if (scale) {
    const w = (scale[1] ?? scale[2])!.toLowerCase();
    value = Number((value * (SCALES[w] ?? SUFFIX_SCALES[w] ?? 1)).toPrecision(12)); // 4.1 × 1e6 must be 4100000
    end += scale[0].length;
  }
  const after = s.slice(end, end + 30);
  const pct = /^(?:\s?%| ?per ?cent\b| percentage points?\b| points?\b(?= (?:higher|lower|up|down)))/i.exec(after);
  const cur = /^ (dollars|euros?|pounds|hryvnias?|roubles|rubles|yuan|yen|rupees?|francs|zloty)\b/i.exec(after);
  if (pct) {
    unit = /point/i.test(pct[0]) ? 'pp' : '%';
    end += pct[0].length;
  } else if (cur && !unit) {
    unit = CURRENCY_WORDS[cur[1]!.toLowerCase()];
    end += cur[0].length;
  }
  return { start: begin, end, raw: s.slice(begin, end), value, ...(unit ? { unit } : {}) };
}

function wordMention(raw: string, start: number, s: string): NumberMention | undefined {
  const tokens = raw.toLowerCase().split(/[\s-]+/);
  const parsed = parseWords(tokens);
  if (!parsed) return undefined;
  // Trim the match to the tokens that actually formed the number ("fifty and sixty" → "fifty").
  let end = start;
  const re = /[^\s-]+/g;
  for (let i = 0; i < parsed.used; i++) {
    const t = re.exec(raw)!;
    end = start + t.index + t[0].length;
  }
  const text = s.slice(start, end);
  if (/^(?:a|an|half a)$/i.test(text)) return undefined;
  let value = parsed.value;
  let unit: string | undefined;
  const after = s.slice(end, end + 20);
  const pct = /^ (?:per ?cent|percent)\b/i.exec(after);
  if (pct) {
    unit = '%';
    end += pct[0].length;
  }
  if (Number.isNaN(value)) value = 0;
  return { start, end, raw: s.slice(start, end), value, ...(unit ? { unit } : {}) };
}

const CHANGE_FROM = /\b(?:rose|rise|rising|rises|fell|fall|falling|falls|increased?|increasing|decreased?|decreasing|climbed|dropped|grew|jumped|slipped|declined|cut|raised|lowered|up|down|went|moved|changed|shifted|surged|plunged|soared|eased|edged|widened|narrowed|slowed|accelerated|revised|upgraded|downgraded)\s+(?:\S+\s+)?from\s+$/i;
const RANGE_SEP = /^(?:\s?[-–—]\s?|\s+to\s+)$/;

function mergeRanges(s: string, found: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    if (b && !a.vague && !b.vague && a.unit !== 'ratio' && b.unit !== 'ratio') {
      const between = s.slice(a.end, b.start);
      const lead = /\bbetween\s+$/i.exec(s.slice(Math.max(0, a.start - 10), a.start));
      const isBetween = lead && /^\s+and\s+$/i.test(between);
      // "rose from 2.5% to 3%" is a change, "ranged from £25 to £80" a range.
      const isDash = RANGE_SEP.test(between) && !CHANGE_FROM.test(s.slice(Math.max(0, a.start - 40), a.start));
      if ((isBetween || isDash) && b.value > a.value && (!a.unit || !b.unit || a.unit === b.unit)) {
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

// "1.2 to 1.5 million": the low end borrows the high end's scale when it has none of its own.
function scaleLow(a: NumberMention, b: NumberMention): number {
  if (a.value < 1000 && b.value >= 1e6 && /^[\d.,]+$/.test(a.raw.trim())) {
    const scale = b.value >= 1e12 ? 1e12 : b.value >= 1e9 ? 1e9 : 1e6;
    if (a.value * scale <= b.value) return a.value * scale;
  }
  return a.value;
}
