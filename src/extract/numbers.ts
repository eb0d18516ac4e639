import { matchesOf } from './scan.ts';
import { CURRENCY_BEFORE, CURRENCY_SIGNS, CURRENCY_WORDS, SCALES, SUFFIX_SCALES, physicalUnitAfter } from './units.ts';
import { mergeRanges } from './ranges.ts';
import type { NumberMention } from './types.ts';
import { articleDurations } from './durations.ts';
import { parseWords, SAID_DECIMAL, UNITS, WORD } from './number-words.ts';

/**
 * Finds and parses the numbers written in one sentence: digits with separators, number words,
 * money, percentages, "1,000-for-1,000" ratios, ranges and vague counts ("hundreds of").
 * Deciding which numbers are figures (not dates, not site chrome) is figures.ts's job.
 */

export type { NumberMention } from './types.ts';

// Vague quantities keep their words and get the span those words allow, never a fake exact count.
const VAGUE: Array<[RegExp, number, number]> = [
  [/^hundreds of thousands of$/i, 2e5, 999_999],
  [/^tens of thousands of$/i, 2e4, 99_999],
  [/^tens of millions of$/i, 2e7, 99_999_999],
  [/^hundreds of millions of$/i, 2e8, 999_999_999],
  [/^tens of billions of$/i, 2e10, 99e9],
  [/^hundreds of billions of$/i, 2e11, 999e9],
  [/^(?:several|a few) hundred thousand of$/i, 2e5, 999_999],
  [/^(?:several|a few) hundred million of$/i, 2e8, 999_999_999],
  [/^(?:hundreds|several hundred|a few hundred) of$/i, 200, 999],
  [/^(?:dozens|a few dozen|several dozen) of$/i, 24, 99],
  [/^(?:thousands|several thousand|a few thousand) of$/i, 2000, 9999],
  [/^millions of$/i, 2e6, 999_999_999],
  [/^billions of$/i, 2e9, 999e9],
  [/^millions$/i, 2e6, 999_999_999],
  [/^billions$/i, 2e9, 999e9],
  [/^scores of$/i, 40, 99],
  [/^a score of$/i, 20, 20],
  // "a multi-billion dollar campaign": billions, however many.
  [/^multi-million of$/i, 2e6, 999_999_999],
  [/^multi-billion of$/i, 2e9, 999e9],
];

// ASCII and Latin letter ranges instead of \p{L}: the unicode flag makes this scan several times slower.
// Not glued to letters ("S24", "A380"), except to a currency code ("RM45.90", "USD25m", "$US1,250,000").
// ".300" and ".05" start at their point.
const NUMERIC = String.raw`(?=\.?\d)(?<![0-9.,:]|[A-Za-z\u00C0-\u024F](?<!\b(?:RM|Rs|USD|EUR|GBP|JPY|AUD|CAD|NZD|HKD|SGD|CHF|CNY|RMB|INR|MYR|UAH|RUB)|\$US)|[A-Za-z\u00C0-\u024F](?<!\bsub)-)(\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(\.\d+)?(?![0-9]|,\d{3}|\.\d|:\d|(?:st|nd|rd|th)\b)`;
// "the second half of the year" says when, not how much.
// "three-quarters of", "half of", and "more than half" / "nearly a fifth" with no "of" after.
const FRACTION = String.raw`(?:\b(?:a\s+)?(?:quarter|half)(?=\s+(?:percentage\s+)?points?\b)|\b(?:one|two|three|four|five|seven)-(?:thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b(?!\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?:year|season|month|decade|century|game|match|day|week|term|quarter|\d{4})\b)|\b(?:(?:one|two|three|four)[\s-](?:thirds?|quarters?|fifths?)|a\s+(?:third|quarter|fifth|sixth|tenth)|(?<!\bone\s)half)(?=\s+of\b)|\b(?:one|two|three|four)\s(?:thirds|quarters|fifths)(?=\s+[-–—(]\s*\d)|(?<=^)half(?=\s+(?:the|its|their|his|her)\s)|half(?=\s+(?:the|its|their|his|her)\s+\w+['’]s?\s)|(?<=\b(?:covering|cover|covers|cut|cuts|cutting|are|is|were|was|be|only|just|roughly)\s)half(?=\s+(?:the|its|their|his|her)\s+(?:\d{4}\s+)?\w)|\ba\s+(?:third|quarter|fifth|tenth)(?=\s+(?:more|fewer|less|higher|lower)\b)|(?<=^|\band\s|,\s|\bbut\s|\bwhile\s)half(?=\s+(?:live|lives|lived|is|are|was|were|have|has|had|said|say|says|think|thinks|thought|believe|believes|believed|want|wants|wanted|agree|agrees|agreed|own|owns|owned|support|supports|supported|expect|expects|expected)\b)|(?=half\b|a\s)(?<=\b(?:than|over|under|nearly|almost|about|around|by)\s)(?:half(?!\s+an?\s+(?:hundred|thousand|million|billion|dozen)\b)|a\s+(?:third|quarter|fifth|sixth|tenth))\b)(?!\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?:year|season|month|decade|century|game|match|day|week|term|quarter|\d{4})\b|-of-an-hour)`;
const RATIO = String.raw`\b(\d[\d,]*|${WORD})-for-(\d[\d,]*|${WORD})\b`;
const WORDS = String.raw`\b(?:(?:a|an|half\s+a)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?${WORD}(?:(?:[\s-]+(?:and\s+)?)${WORD})*${SAID_DECIMAL}\b`;
// Bare "millions" and "billions" are vague amounts wherever they stand ("known to millions", "it would cost millions").
const VAGUE_RE = String.raw`\b(?:hundreds|tens)\s+of\s+(?:thousands|millions|billions)\b(?:\s+of\b)?|\b(?:several|a\s+few)\s+hundred\s+(?:thousand|million)\b(?:\s+of\b)?|\b(?:hundreds|dozens|thousands|millions|billions|scores|a\s+score|(?:several|a\s+few)\s+(?:hundred|dozen|thousand))\s+of\b|\b(?:millions|billions)\b(?!\s+of\b)|\b(?:several|a\s+few)\s+(?:hundred|dozen|thousand)\b(?=\s+[a-z])(?!\s+(?:and|thousand|million|billion)\b)|\bmulti-(?:million|billion)\b|^(?:hundreds|thousands|dozens)\b(?=\s+(?:around|across|in|from|of\s+(?:people|fans|protesters|workers))\b)|\b(?:hundreds|thousands|dozens)\b(?=\s+(?:join|joined|held|arrested|hurt|injured|killed|evacuated|rescued|detained|charged|protest|march|rally|flee|die|attend|queue|mourn|greet|face|lose|were|are|have|had|gathered|marched|attended|queued|turned|took|came|joined|lined|packed|flocked|protested|died|fled|signed|braved|e-mailed|sent|watched|descended|poured|rallied|demonstrated|took\s+part)\b)`;
const SCAN = new RegExp(`(${RATIO})|(${VAGUE_RE})|(${NUMERIC})|(${FRACTION})|(${WORDS})`, 'gi');

/** Parses a number written in digits or words ("1,000", "12.5", "nine hundred", "1.2 million", "$1.2bn"). */
// A sentence about a field event or a race: a bare "4.88m" in it is a height or a distance, not millions.
const FIELD_EVENT = /\b(?:jump|jumps|jumped|jumper|vault|vaulter|vaulted|leap|leapt|heptathlon|heptathlete|pole|triple|pentathlon|decathlon|shot put|discus|javelin|hammer|hurdles|athletics|indoor|sprint)\b/i;

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

/** Every number written in a sentence, left to right, ranges merged; `skip` spans are ignored. */
export function findNumbers(sentence: string, skip: ReadonlyArray<readonly [number, number]> = []): NumberMention[] {
  const found: NumberMention[] = [];
  // "the 6/4 favourite", "cut his odds to 8-1": betting odds, valued as the fraction they state.
  if (ODDS_CUE.test(sentence)) {
    for (const m of matchesOf(ODDS, sentence)) {
      // Only odds where the words say so: "odds to 8-1", "at 5-2", "the 6/4 favourite" (a tennis score may share the sentence).
      const before = sentence.slice(Math.max(0, m.index - 24), m.index);
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 14);
      if (!/\b(?:odds(?:\s+\w+)?\s+(?:of|to|at|from)|(?:at|from|to)|priced\s+at|quoted\s+at)\s+$/i.test(before) && !/^\s+(?:favourite|favorite|shot|outsider|chance|joint|on|against)\b/i.test(after)) continue;
      const value = Number(m[1]) / Number(m[2]);
      found.push({ start: m.index, end: m.index + m[0].length, raw: m[0], value: Number(value.toPrecision(3)), unit: 'ratio' });
    }
    if (found.length) skip = [...skip, ...found.map((f) => [f.start, f.end] as const)];
  }
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(sentence); m; m = SCAN.exec(sentence)) {
    const start = m.index;
    const hit = skip.find(([a, b]) => start < b && start + m![0].length > a);
    if (hit) {
      // "three one-day matches": a word number may run into a label ("one-day"); the words before it still count.
      // ("two-three years ago" is one span with the label: a hyphen joins them.)
      const before = sentence.slice(start, hit[0]);
      const wordsOnly = !m[1] && !m[4] && !m[5] && !m[8]; // the match the last branch below reads as words
      const words = wordsOnly && /\S\s+$/.test(before) ? before.trimEnd() : '';
      const cut = words ? wordMention(words, start, sentence) : undefined;
      if (cut) found.push(cut);
      SCAN.lastIndex = Math.max(SCAN.lastIndex, hit[1]);
      continue;
    }
    const mention = m[1]
      ? ratioMention(m, start)
      : m[4]
        ? vagueMention(m[0], start, sentence)
        : m[5]
          ? numericMention(sentence, m, start)
          : m[8]
            ? fractionMention(m[0], start, sentence)
            : wordMention(m[0], start, sentence);
    if (!mention) continue;
    addHalf(sentence, mention);
    found.push(mention);
    // Word matches may be trimmed ("fifty and sixty" → "fifty"), so resume right after what was used.
    SCAN.lastIndex = mention.end;
  }
  const taken = [...skip, ...found.map((f) => [f.start, f.end] as const)];
  const durations = articleDurations(sentence).filter((d) => !taken.some(([a, b]) => d.start < b && d.end > a));
  if (durations.length) {
    found.push(...durations);
    found.sort((a, b) => a.start - b.start);
  }
  return mergeRanges(sentence, found);
}

// "15-and-a-half miles", "every five and a half months": the half belongs to the number, which must
// not stop at "15". Left alone before a scale word ("two and a half million") and for ranges.
const AND_A_HALF = /^[\s-]and[\s-]a[\s-]half\b(?![\s-](?:hundred|thousand|million|billion|times\b))/i;
function addHalf(sentence: string, mention: NumberMention): void {
  if (mention.valueHigh !== undefined || !Number.isInteger(mention.value)) return;
  const half = AND_A_HALF.exec(sentence.slice(mention.end, mention.end + 16));
  if (!half) return;
  mention.value += mention.value < 0 ? -0.5 : 0.5;
  mention.end += half[0].length;
  mention.raw = sentence.slice(mention.start, mention.end);
}

const RATE_CONTEXT = /%|per ?cent|percentage|\brates?\b|\bpoll|\bsurvey|\bshare|\bindex|\b(?:FTSE|Dow|Nasdaq|Nikkei|Dax|CAC)\b|\byield/i;
/** Words that say a sentence is about betting, so "6/4" and "8-1" there are odds (labels.ts reads it too). */
export const ODDS_CUE = /\b(?:odds|favourite|favorite|bookmakers?|bookies|outsider|William Hill|Ladbrokes|Coral|betting)\b/i;
const ODDS = /(?<![\d.,/-])\b(\d{1,3})[-/](\d{1,2})\b(?![\d/-]|[.,]\d|\s*(?:%|per\s?cent))/g;

function ratioMention(m: RegExpExecArray, start: number): NumberMention | undefined {
  const value = parseNumber(m[2]!);
  if (value === undefined) return undefined;
  return { start, end: start + m[0].length, raw: m[0], value, unit: 'ratio' };
}

function vagueMention(raw: string, start: number, sentence: string): NumberMention | undefined {
  const norm = raw.replace(/\s+/g, ' ');
  // "Thousands braved the cold": a bare plural spans what "thousands of" does.
  const withOf = /\bof$/i.test(norm) ? norm : `${norm} of`;
  const hit = VAGUE.find(([re]) => re.test(withOf));
  if (!hit) return undefined;
  if (hit[1] === hit[2]) return { start, end: start + raw.length, raw: norm, value: hit[1] }; // "a score of" is 20
  // "millions of dollars", "multi-billion dollar deals": money, however much.
  const cur = hit[1] >= 1e6 ? VAGUE_CURRENCY.exec(sentence.slice(start + raw.length, start + raw.length + 12)) : null;
  const end = start + raw.length + (cur ? cur[0].length : 0);
  const unit = cur ? CURRENCY_WORDS[cur[1]!.toLowerCase()] : undefined;
  return { start, end, raw: cur ? sentence.slice(start, end).replace(/\s+/g, ' ') : norm, value: hit[1], valueHigh: hit[2], vague: norm.toLowerCase(), ...(unit ? { unit } : {}) };
}

const VAGUE_CURRENCY = /^ ?(dollars?|pounds?|euros?)\b/i;
const CURRENCY_WORD_AFTER = new RegExp(`^ (${Object.keys(CURRENCY_WORDS).filter((w) => w.length > 1 && w !== 'won').join('|')})\\b(?! cents)`, 'i');
// "one trillion won", "12bn won": after a scale word "won" is Korea's currency, not a verb.
function currencyWordAfter(after: string, written: string): RegExpExecArray | null {
  return CURRENCY_WORD_AFTER.exec(after) ?? (/(?:illion|\dbn|\dm)$/i.test(written) ? /^ (won)\b/.exec(after) : null);
}

function numericMention(s: string, m: RegExpExecArray, start: number): NumberMention | undefined {
  let value = Number((m[6] ?? '').replace(/,/g, '') + (m[7] ?? ''));
  let end = start + m[0].length;
  let unit: string | undefined;
  let begin = start;
  // "6.02×10²³", "3x10^6": a power of ten.
  const power = /^\s?[×x]\s?10(?:\^(\d+)|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))/.exec(s.slice(end, end + 12));
  if (power) {
    const exp = power[1] ?? [...power[2]!].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join('');
    value = Number(`${value}e${exp}`);
    end += power[0].length;
    return { start, end, raw: s.slice(start, end), value };
  }
  const before = s.slice(Math.max(0, start - 6), start);
  const pre = CURRENCY_BEFORE.exec(before);
  let negative = false;
  if (pre) {
    negative = /[-−]$/.test(pre[0]);
    unit = CURRENCY_SIGNS[pre[0].replace(/[\s\-−]/g, '').toLowerCase()];
    begin = start - pre[0].length;
  } else if (/(?:^|[\s(])[-−]$/.test(before) || /(?:^|[\s(])−$/.test(before)) {
    negative = true; // "−2.4%", "-12 degrees"
    begin = start - 1;
  } else if (/\bminus\s+$/i.test(s.slice(Math.max(0, start - 7), start))) {
    negative = true;
    begin = start - /minus\s+$/i.exec(s.slice(0, start))![0].length;
  }
  const rest = s.slice(end, end + 40);
  // "12m (39ft)", "12m high": metres, not millions.
  // Also a distance in sport ("the 10,500m course", "a world record of 4.91m"): a record, a jump
  // or a race is measured, not counted.
  const metres =
    // "$5m race bets": after a currency sign, m is millions whatever follows.
    (!unit ? /^m(?= ?\(\s?[\d.,]+\s?(?:ft|feet)\b| (?:high|tall|long|deep|wide|course|race|hurdles|freestyle|relay|sprint|dash)\b)/.exec(rest) : null) ??
    (!unit && /^m(?:\s*[,.;:)]|\s*$|\s[-–—]\s|\s+(?:with|in|at|on|of|to|and|for|from|but|as|when|while|despite|ahead|behind)\b|\s+[A-Z])/.test(rest) && /\b(?:record of|(?:championship|world|British|European|national|indoor|meeting|Commonwealth|Olympic) record|mark of|best of|jumps? of|leaps? of|throws? of|vaults? of|clearance of|jumping|clear|clears|cleared|clearing|landed|leapt|threw|vaulted|final|opening|closing)\s+$/i.test(s.slice(Math.max(0, start - 30), start)) ? /^m/.exec(rest) : null) ??
    // "the 1500m would be a formality", "attacked the last 200m": a track distance, not millions.
    (!unit && /^(?:60|100|110|200|400|800|1500|1,500|3000|3,000|5000|5,000|10,000|10000)$/.test(s.slice(start, end)) && /^m\b(?!\s+(?:people|users|homes|viewers|customers|subscribers|shares|euros?|dollars?|pounds?|barrels|tonnes|tons|litres|gallons|units|copies|cars|vehicles|passengers|visitors|jobs|votes|years|of)\b)/.test(rest) && !/[$£€¥]|\b(?:euros?|dollars?|pounds?|budget|profits?|sales|revenue|cost|costs|worth)\b/i.test(s) ? /^m/.exec(rest) : null) ??
    (!unit && (FIELD_EVENT.test(s) || /^m barrier\b/.test(rest)) && /^m(?:\s+(?:barrier|to|in|on|at|and|or|behind|ahead|adrift|short|barrier|mark|clearance|effort|leap|jump|throw|vault)\b|\s*[,.;:)]|\s*$)/.test(rest) ? /^m/.exec(rest) : null);
  const scale = metres
    ? null
    : unit
      ? /^ ?(?:(hundred|thousand|billion|million|trillion)(?: (thousand|million|billion))?|(bn|mn|mln|m|k|b|tn|trn))\b/i.exec(rest)
      : /^(?:[ -](hundred|thousand|billion|million|trillion)(?: (thousand|million|billion))?\b|(bn|mn|mln|m|k|tn|trn)\b)/i.exec(rest);
  if (metres) {
    unit = 'm';
    end += 1;
  } else if (scale) {
    const w = (scale[1] ?? scale[3])!.toLowerCase();
    const w2 = scale[2]?.toLowerCase();
    // "3 hundred thousand": both scale words multiply. 4.1 × 1e6 must be 4100000, hence toPrecision.
    value = Number((value * (SCALES[w] ?? SUFFIX_SCALES[w] ?? 1) * (w2 ? SCALES[w2]! : 1)).toPrecision(12));
    end += scale[0].length;
  } else if (!unit && /^[A-Za-z]/.test(rest) && !/^(?:p\b|GB|MB|TB|KB|MW|GW|kW|kWh|km|kg|mph|kph|ft|lbs?|cm|mm|[GgMmKk]bps|GHz|MHz|kHz|Hz|mg|ml|secs?|gb|mb|tb|ghz|mhz|in)(?![A-Za-z])/.test(rest)) {
    return undefined; // "3G", "1990s", "4x4", "1AA": a name or label with letters glued to it
  }
  const after = s.slice(end, end + 30);
  // "two points higher" moves a rate or a poll share by percentage points; "30 points down" at
  // half-time is a score.
  const pct = /^(?:\s?%| ?per ?cent\b| percentage points?\b)/i.exec(after) ?? (/^ points?\b(?= (?:higher|lower|up|down))/i.test(after) && RATE_CONTEXT.test(s) ? / points?\b/i.exec(after) : null);
  const cur = currencyWordAfter(after, s.slice(start, end));
  // "6ft 4in": inches after feet, where a bare "in" is otherwise a preposition.
  const physical = pct || cur || unit ? undefined : physicalUnitAfter(after) ?? (/^in\b/.test(after) && /\dft\s$/.test(s.slice(Math.max(0, start - 6), start)) ? { unit: 'in', length: 2 } : undefined);
  if (pct) {
    unit = /point/i.test(pct[0]) ? 'pp' : '%';
    end += pct[0].length;
  } else if (cur && !unit) {
    unit = CURRENCY_WORDS[cur[1]!.toLowerCase()];
    if (/^pence$/i.test(cur[1]!)) value = value / 100;
    end += cur[0].length;
  } else if (/^ (?:(euro|US|euros)\s)?cents\b/i.test(after)) {
    const cents = /^ (?:(euro|US|euros)\s)?cents\b/i.exec(after)!;
    unit = cents[1] && /euro/i.test(cents[1]) ? 'EUR' : (unit ?? 'USD'); // "22 euro cents"
    value = Number((value / 100).toPrecision(12));
    end += cents[0].length;
  } else if (!unit && /^p(?![A-Za-z])/.test(after)) {
    unit = 'GBP'; // "410p": pence
    value = Number((value / 100).toPrecision(12));
    end += 1;
  } else if (physical) {
    unit = physical.unit;
    end += physical.length;
  } else if (!unit) {
    // "nine out of 10": 90%; "64 respondents out of 146": 43.8%.
    // "9 riders out of a field of 36", "3 of a possible 5": the whole named after the part.
    // "12 out of 23": any whole after "out of"; after "in" only the usual ones ("one in 10"), since "3 in 2005" is a date.
    const share = /^ (?:in|out of) (10|ten|5|five|4|four|3|three|100)\b/i.exec(after) ?? /^ out of (\d{1,4})\b(?![.,]\d|\s*(?:%|per ?cent|years?|months?|days?|weeks?|hours?|minutes?))/.exec(after) ?? /^ [a-z]+ out of (?:(?:a|an|the|their|its) [a-z]+ of )?(\d{1,5})\b(?![.,]\d|\s*%)/.exec(s.slice(end, end + 48)) ?? POSSIBLE.exec(s.slice(end, end + 24));
    if (share) {
      value = Number(((value / (parseNumber(share[1]!) ?? 10)) * 100).toPrecision(3));
      unit = '%';
      end += share[0].length;
    }
  }
  if (negative) value = -value;
  return { start: begin, end, raw: s.slice(begin, end), value, ...(unit ? { unit } : {}) };
}

const POSSIBLE = /^ of (?:an? (?:possible|staggering|record|maximum|total)|(?:their|its|his|her|the) (?:first|last|opening)) (three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,4})\b/i;

const FRACTIONS: Record<string, number> = { half: 50, quarter: 25, third: 100 / 3, quarters: 25, thirds: 100 / 3, fifth: 20, fifths: 20, sixth: 100 / 6, sixths: 100 / 6, eighth: 12.5, eighths: 12.5, tenth: 10, tenths: 10 };

/** "three-quarters of", "a third of", "half of": a share of a whole, as a percentage. */
function fractionMention(raw: string, start: number, s: string): NumberMention | undefined {
  if (/\b(?:first|second|final|latter|former|1st|2nd|3rd|4th|third|fourth)[\s-]$/i.test(s.slice(Math.max(0, start - 8), start))) return undefined;
  const [count, part] = raw.toLowerCase().split(/[\s-]+/);
  const n = part === undefined ? 1 : count === 'a' ? 1 : (UNITS[count!] ?? 1);
  // "three quarters of contraction": quarters of a year, not three-quarters of something.
  if (part === 'quarters' && /^\s+of\s+(?:\w+\s+)?(?:contraction|growth|decline|expansion|recession|losses|gains|shrinking|falling|rising)\b/i.test(s.slice(start + raw.length, start + raw.length + 40))) {
    return { start, end: start + raw.length, raw, value: n, unit: 'quarters' };
  }
  // "a quarter point rise", "a quarter percentage point": a fraction of a percentage point.
  const point = /^\s+(?:percentage\s+)?points?\b/i.exec(s.slice(start + raw.length, start + raw.length + 24));
  if (point) {
    const end = start + raw.length + point[0].length;
    return { start, end, raw: s.slice(start, end), value: (n * FRACTIONS[part ?? count!]!) / 100, unit: 'pp' };
  }
  // "a quarter of a million students": a fraction of a scale word is a count, not a share.
  const scaled = /^\s+of\s+an?\s+(thousand|million|billion)\b/i.exec(s.slice(start + raw.length, start + raw.length + 24));
  if (scaled) {
    const end = start + raw.length + scaled[0].length;
    return { start, end, raw: s.slice(start, end), value: Math.round((n * FRACTIONS[part ?? count!]! * SCALES[scaled[1]!.toLowerCase()]!) / 100) };
  }
  const value = Math.round(n * FRACTIONS[part ?? count!]! * 10) / 10;
  return { start, end: start + raw.length, raw, value, unit: '%' };
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
  // A scale word alone ("million" left over after a masked label) is no number.
  if (/^(?:hundred|thousand|million|billion|trillion|dozen)$/i.test(text)) return undefined;
  let value = parsed.value;
  let unit: string | undefined;
  const after = s.slice(end, end + 20);
  const pct = /^ (?:per ?cent|percent)\b/i.exec(after);
  // "one in ten", "four out of 10": a share, as a percentage.
  // "about six out of 20", "one in 50", "nine times out of ten".
  const share =
    /^ (?:times )?(?:in|out of) (?:(?:their|the|its|his|her|our) )?(ten|five|four|three|six|seven|eight|nine|twenty|fifty|a hundred|a thousand|\d{1,3}(?:,\d{3})+|(?!(?:19|20)\d\d\b)\d{1,4})\b(?!\s*(?:%|per ?cent|years?|months?|days?))/i.exec(after) ??
    POSSIBLE.exec(s.slice(end, end + 24)) ??
    // "one household in three": a share with the thing counted between.
    // "one win in 14 games" counts the games, not a share.
    (value === 1 ? /^ [a-z]+ in (three|four|five|six|ten|twenty|\d{1,3})\b(?=\s*(?:[,.;:!?)]|$)|\s+(?:will|would|is|are|was|were|has|have|had|could|can|may|might|now|already|say|said)\b)/.exec(s.slice(end, end + 28)) : null);
  const physical = pct || share ? undefined : physicalUnitAfter(after);
  // "five pounds", "ten euros": money written in words.
  const cur = pct || share ? null : currencyWordAfter(after, s.slice(start, end));
  if (pct) {
    unit = '%';
    end += pct[0].length;
  } else if (cur) {
    unit = CURRENCY_WORDS[cur[1]!.toLowerCase()];
    if (/^pence$/i.test(cur[1]!)) value = value / 100;
    end += cur[0].length;
  } else if (share) {
    const whole = parseNumber(share[1]!.replace(/^a /i, '').replace(/,/g, '')) ?? 10;
    value = Number(((value / whole) * 100).toPrecision(3)); // "one in 16" is 6.25%
    unit = '%';
    end += share[0].length;
  } else if (physical) {
    unit = physical.unit; // "five megapixel", "four gigabyte"
    end += physical.length;
  }
  if (Number.isNaN(value)) value = 0;
  return { start, end, raw: s.slice(start, end), value, ...(unit ? { unit } : {}) };
}
