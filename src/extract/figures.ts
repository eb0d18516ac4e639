/**
 * Figures: numbers that count something, with qualifier, what is counted, event, date,
 * source, hedging and negation. Dates, years, times, labels and site chrome are not figures.
 */
import type { FigureFact } from './types.ts';
import { findNumbers, type NumberMention } from './numbers.ts';
import { dateAt, type DateMention, type RefDay } from './dates.ts';
import { CHROME_HEADS, countedAfter, countedKey, durationUnit, tidyCounted } from './counted.ts';
import { countedBefore, ofHead } from './subject.ts';
import { carryCounted } from './counted-carry.ts';
import { dealCounted, heldIn, movedObject, raisedFrom, takenOff } from './counted-deals.ts';
import { marketCounted } from './counted-markets.ts';
import { standingCounted } from './counted-standings.ts';
import { clauseCounted } from './counted-clauses.ts';
import { countedFromContext } from './counted-context.ts';
import { canonicalEvent, eventNear, findEvents, verbNear } from './events.ts';
import { durationSpans, openSpan, type Placed } from './spans.ts';
import { matchesOf } from './scan.ts';
import { linkChanges } from './changes.ts';
import { lendToPartitives } from './partitives.ts';
import { lendToParallels } from './parallels.ts';
import { labelSpans, periodSpans } from './labels.ts';
import { isAgeLimit, isChromeLine, isPronounOne, isReference, isStatedAge } from './number-roles.ts';
import { HEDGE, NEGATION_HINT, isNegated } from './negation.ts';
import { AMONG, BARE_MOVE, DASHED_AFTER, ELIDED_SUBJECT, FOR_WHAT, GDP_SHARE_OF, HYPHEN_PERIOD, IN_WHAT, MEASURED_SUBJECT, MEASURED_SUBJECT_HINT, MEASURE_OF, MOVE_WHEN, NUMBER_WORDS, OWNER_BEFORE, PHYSICAL_UNIT, PRICE_CUE, PRONOUN_SUBJECT, SHARE_VERB, UNIT_NOUNS, WHICH_TO_BE, inheritsCounted, insideBrackets } from './figure-cues.ts';

/** What the orchestrator already knows about one sentence. */
export interface SentenceContext {
  index: number;
  text: string;
  dates: readonly DateMention[];
  /** Reporting sources with pronouns already resolved. */
  sources: ReadonlyArray<{ who: string; start: number; end: number; whoStart?: number; verb?: string; closing?: boolean | undefined }>;
  /** Quoted stretches inside this sentence and who said them. */
  quotes: ReadonlyArray<{ start: number; end: number; speaker?: string | undefined }>;
}

const QUALIFIERS =
  /(?:^|\s)(more than|less than|fewer than|no more than|no fewer than|not more than|at least|at most|up to|as many as|as few as|as much as|as low as|as high as|as little as|in excess of|upwards of|close to|just over|just under|well over|nearly|almost|around|about|some|over|under|below|above|roughly|approximately|approx\.|an estimated|estimated)\s+$/i;
// Spans that look numeric but are not counts.
const NOT_FIGURES = [
  /\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}[:.]?\d{2}\s?(?:GMT|BST|EST|EDT|PST|CET|UTC|ET)\b/gi, // times
  /(?:\+\d[\d\s().-]{7,}\d|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b)/g, // phone numbers
  /\b(?:Article|Clause|Section|Paragraph|Chapter|Resolution|No\.|Number|Flight|Route|Room|Page|Part|Phase|Level|Category|Stage|Item|Rule|Amendment|Protocol|Decree|Law|Order|Title|Vol\.|Volume|Highway|Building|Block|Gate|Platform|Terminal|Channel|Ward|Precinct|Grade|Class|Model|Version|Top|Formula|Mach|Code|Episode|Season|Series|Apollo|Windows)\s+\d[\d.,]*\b/g,
  /©\s*\d+/g,
  /\b\d+(?:\.[a-z][\w-]*)+\b/g, // a file name: "7610.theme.zip"
  /\b(?:Share[sd]?|Comments?|Likes?|Views?)\s*[:·]?\s*\d[\d,.]*[KkMm]?\b/g, // site chrome counters
];

// A cheap test per pattern in NOT_FIGURES, so the full pattern only runs when it can match.
const NOT_FIGURE_HINTS = [/\d\s?[ap]\.?m\b|\d\s?(?:GMT|BST|EST|EDT|PST|CET|UTC|ET)\b/i, /\d[-.\s)]\d{3}/, /[A-Z][a-z.]+ \d/, /©/, /\d\.[a-z]/, /\b(?:Share|Comment|Like|View)/];

function maskedSpans(ctx: SentenceContext): Array<[number, number]> {
  const spans: Array<[number, number]> = ctx.dates.map((d) => [d.start, d.end]);
  spans.push(...labelSpans(ctx.text));
  NOT_FIGURES.forEach((re, i) => {
    if (NOT_FIGURE_HINTS[i]!.test(ctx.text)) for (const m of matchesOf(re, ctx.text)) spans.push([m.index, m.index + m[0].length]);
  });
  return spans;
}


/** The figures of one sentence, in reading order, with changes folded into the levels they describe. */
export function sentenceFigures(ctx: SentenceContext, ref: RefDay): FigureFact[] {
  const s = ctx.text;
  if (!/\d/.test(s) && !NUMBER_WORDS.test(s)) return []; // digits first: the cheap test settles most sentences
  const events = findEvents(s);
  const cues: SentenceCues = { hedged: HEDGE.test(s), negation: NEGATION_HINT.test(s) };
  const out: FigureFact[] = [];
  const numbers = findNumbers(s, maskedSpans(ctx));
  const starts = numbers.map((x) => x.start);
  let previous: { fact: FigureFact; end: number } | undefined;
  const placed: Placed[] = [];
  for (const n of numbers) {
    const f = figureFrom(ctx, n, events, cues, ref, starts, previous);
    if (f) {
      out.push(f);
      placed.push({ fact: f, start: n.start, end: s.indexOf(f.raw, q0(s, n.start)) + f.raw.length });
      // A bracketed restatement ("$20m (£10.5m)") is not what the next figure follows on from.
      // ("372 riyals ($99; £53)": so is every figure inside the brackets.)
      if (!/\(\s*\S{0,4}$/.test(s.slice(Math.max(0, n.start - 6), n.start)) && !insideBrackets(s, n.start)) previous = { fact: f, end: n.end };
      else if (previous) previous = { fact: previous.fact, end: n.end };
    }
  }
  durationSpans(s, placed);
  lendToPartitives(s, placed);
  lendToParallels(s, placed);
  const periods = placed.length > 0 && /\b(?:months?|weeks?|quarters?|years?|days?|decades?|hours|minutes)\b/i.test(s) ? periodSpans(s) : [];
  const kept = periods.length ? placed.filter((p) => !periods.some(([a, b]) => p.start >= a && p.start < b)) : placed;
  return carryCounted(s, linkChanges(s, kept)).map((p) => p.fact);
}

function figureFrom(
  ctx: SentenceContext,
  n: NumberMention,
  events: ReturnType<typeof findEvents>,
  cues: SentenceCues,
  ref: RefDay,
  others: number[],
  previous: { fact: FigureFact; end: number } | undefined,
): FigureFact | undefined {
  const s = ctx.text;
  const q = QUALIFIERS.exec(s.slice(Math.max(0, n.start - 24), n.start));
  const qStart = q ? n.start - q[0].length : n.start; // where the qualifier starts, so subject searches skip "more than"
  const afterNum = s.slice(n.end);
  // "-day ceasefire", "-year war": hyphenated durations.
  // "six months' paid leave", "one day's notice", "three months notice": a duration of the thing named after it.
  // "a five-year deal", "six months' leave", and "a five year deal" written without the hyphen.
  const hyphen =
    /^-(day|week|month|year|hour|minute|second)s?\b/i.exec(afterNum) ??
    /^\s(day|week|month|year|hour)(?:s['’]|['’]s|s(?=\s+(?:notice|pay|leave|salary|wages)\b))(?=\s+\p{L})/iu.exec(afterNum) ??
    (n.value > 1 ? /^\s(hour|day|week|month|year|minute)(?=\s+(?!(?:ago|old|olds|on|earlier|later|before|after|and|or|of|in|to|for|from|at|by|the|a|is|was|as|when|since|until)\b)\p{Ll})/u.exec(afterNum) : null);
  // "the 44-man Lions tour squad", "a one-match ban", "six-cylinder engines": the compound is the
  // figure as written, and the noun after it is what is counted.
  const compound = hyphen || n.unit ? null : /^-\p{L}+(?=[\s,.;:!?)]|$)/u.exec(afterNum);
  // "two-handed", "one-sided": an adjective in -ed describes; it counts nothing.
  const compoundWord = compound && !/^-(?:times?|fold|odd|plus|something|off|old|olds|thirds?|quarters?|halves|\p{L}+ed)$/iu.test(compound[0]) ? compound : null;
  // "a 30-day ceasefire" counts the ceasefire; "1,200-prisoner swap" reads on after the hyphen.
  // "a $9bn (£4.8bn) fraud": the noun after a bracketed restatement is this figure's too.
  // "the 10 or so images": the noun after "or so" is counted.
  const bracket = /^\s*\([^()]{1,30}\)|^\s+or\s+so(?=\s+\p{L})/u.exec(afterNum);
  const np =
    (hyphen ? countedAfter(s, n.end + hyphen[0].length + (s[n.end + hyphen[0].length] === '-' ? 1 : 0)) : compoundWord ? (countedAfter(s, n.end + compoundWord[0].length) ?? { text: compoundWord[0].slice(1), end: n.end + compoundWord[0].length }) : countedAfter(s, /^-plus\b/i.test(afterNum) ? n.end + 5 : /^-\p{L}/u.test(afterNum) ? n.end + 1 : n.end)) ??
    // ("The list price of £199 (290 euros) compares": a verb after the restatement names nothing.)
    (bracket && !/^\s+\p{Ll}+s\s+(?:\p{Ll}+ly|well|badly|with|to)\b/u.test(afterNum.slice(bracket[0].length)) ? countedAfter(s, n.end + bracket[0].length) : undefined);
  // "Share 1,204 · 3,400 comments" is page furniture; "lost 464,000 subscribers" is news.
  if (np && CHROME_HEADS.test(np.text) && isChromeLine(s)) return undefined;
  if (/^\s*(?:min(?:ute)?s?\s+read|comments?|shares?)\b/i.test(afterNum) && isChromeLine(s)) return undefined;
  const lead = s.slice(Math.max(0, n.start - 14), n.start);
  // "the two sides", "both three", "every single one of": references, not counts.
  // "the six days from his arrest", "the two-day summit": a duration after "the" is still the fact.
  // "the three-test series", "their two-goal lead": a compound with a hyphen is a count, not a reference.
  const durationNext = /^(?:-\p{L}|\s+(?:days|weeks|months|years|hours)\b)/iu.test(afterNum);
  if (/^[a-z]+$/i.test(n.raw) && n.value <= 10 && !durationNext && isReference(s, n.start, lead)) return undefined;
  // "the final 25", "All 28 people", "the world's 500 largest companies": a known group, not a count.
  const mayBeGroup = lead.toLowerCase().includes('the ') || lead.includes('’s ') || lead.includes("'s ");
  const knownGroup = mayBeGroup && /\b(?:the\s+(?:last|final|first|top|other|remaining|original)|world['’]s)\s+$/i.test(lead) && /^(?:\s+(?:were|was|are|is|have|had|will|would|could|at|in|from)\b|\s*[,.;]|$)/.test(afterNum);
  const superlative = mayBeGroup && /\b(?:the|world['’]s)\s+$/i.test(lead) && /^\s+(?:\w+est|best|worst)\b/i.test(afterNum);
  // "two of the best companies", "Two of France's main partners": which ones, as "one of the biggest" says.
  const ofTheBest = /^[a-z]+$/i.test(n.raw) && n.value <= 10 && /^\s+of\s+(?:the|its|their|his|her|our|\p{Lu}\p{L}+['’]s?)\s+(?:[\p{L}-]+\s+)?(?:most\s|\p{L}+est\b|best\b|worst\b|main\b|leading\b|top\b)/iu.test(afterNum);
  if (/^(?:\d+|[a-z]+)$/i.test(n.raw) && (knownGroup || superlative || ofTheBest)) return undefined;
  if (compound && /^[a-z]+$/i.test(n.raw) && /ed$/i.test(compound[0])) return undefined; // "a two-handed backhand"
  if (/^one$/i.test(n.raw) && isPronounOne(lead, afterNum)) return undefined;

  let unit = n.unit;
  // "2.4bn euros-worth of debts": what is worth the money follows "of".
  // "More than 80% offered free samples", "two-thirds sold their music": a share's verb is not what it counts.
  const shareVerb = !!np && (n.unit === '%' || /^(?:half|(?:one|two|three|a)[\s-](?:third|quarter|fifth)s?)$/i.test(n.raw) || /out\s+of\s+\d+$/i.test(n.raw)) && SHARE_VERB.test(np.text);
  // "the mural would be 3.5m high": a dimension's adjective is no noun.
  const dimension = !!np && !!n.unit && PHYSICAL_UNIT.test(n.unit) && /^(?:high|long|wide|deep|tall|thick|across|away|apart)$/i.test(np.text);
  let counted = np && !shareVerb && !dimension && !/^worth$/i.test(np.text) ? np.text : undefined;
  // "three female and four male judges": an adjective shares the noun of the count after it.
  const shared = np && /^(?:white|black|asian|male|female|young|older|new|old|british|foreign|local|senior|junior)$/i.test(np.text) ? /^\s+and\s+[a-z0-9,]+\s+/i.exec(s.slice(np.end)) : null;
  if (shared) counted = countedAfter(s, np!.end + shared[0].length)?.text ?? counted;
  // "the 90-day consultation period": a length that names a period counts the period.
  if (hyphen && !np) counted = HYPHEN_PERIOD.exec(afterNum)?.[1];
  // "two successive quarters of negative growth": quarters measure the growth.
  const quartersOf = np && /^(?:(?:successive|consecutive|straight|previous)\s+)?quarters$/i.test(np.text) ? /^\s+of\s+/.exec(s.slice(np.end)) : null;
  if (quartersOf) counted = countedAfter(s, np!.end + quartersOf[0].length, true)?.text ?? counted;
  // "a season best of 6.71m on her second jump", "in a time of 3:58.2": the measure before "of"
  // names the figure, whatever follows it.
  // "in a time of four minutes 12.35 seconds": the seconds of a time in two parts are of it too.
  const near = s.slice(Math.max(0, n.start - 50), n.start);
  const measureLead = near.replace(/\b[\w.]+\s+(?:minutes?|mins?|hours?)\s*,?\s+$/i, '');
  const secondPart = measureLead !== near;
  const measure = ((n.unit && n.unit !== '%') || secondPart) && /\bof\s+$/.test(measureLead) ? MEASURE_OF.exec(measureLead.slice(-30)) : null;
  if (measure && !secondPart) counted = measure[1]!.toLowerCase();
  // "tens of millions of euros in grants": the currency is the unit; what follows "in" is the money's use.
  if (np && counted && /^(?:pounds|dollars|euros|yen|francs|rupees|roubles|yuan)$/i.test(counted)) {
    const use = /^\s+(?:in|for|on)\s+(?:(?:the|its|their)\s+)?/i.exec(s.slice(np.end));
    counted = use ? countedAfter(s, np.end + use[0].length, true)?.text : undefined;
  }
  // "a 47-year-old": an age, in years.
  const age = /^(?:-|\s+)(?:year|month)s?[- ]olds?\b/i.exec(afterNum); // also "5 years old", "an eleven year-old"
  if (age) counted = 'age';
  // "Jeffrey Royer, 41, fed …", "aged 57": an age given beside a name.
  if (!unit && !age && isAgeLimit(s, n)) {
    unit = 'years';
    counted = 'age limit';
  } else if (!unit && !age && isStatedAge(s, n)) {
    unit = 'years';
    counted = 'age';
  }
  // "strike for one day on Friday": one unit of time, which the noun reader leaves as a time word.
  const oneUnit = !hyphen && !age && !counted && n.value === 1 && !unit ? /^\s(day|week|month|year|hour|minute)\b(?!['’])/i.exec(afterNum) : null;
  const dur = hyphen ? `${hyphen[1]!.toLowerCase()}s` : age ? (/month/i.test(age[0]) ? 'months' : 'years') : oneUnit ? `${oneUnit[1]!.toLowerCase()}s` : counted ? durationUnit(counted) : undefined;
  // "the 220 or so incidents": "or so" is the figure's qualifier, written after it.
  const orSo = /^\s+or\s+so\b/.exec(afterNum);
  // "the 200-plus banks": "-plus" is the figure's qualifier, written after it.
  const plus = /^-plus\b/i.test(afterNum);
  let end = compoundWord && !age ? n.end + compoundWord[0].length : orSo ? n.end + orSo[0].length : plus ? n.end + 5 : n.end;
  if (dur && !unit) {
    unit = dur;
    end = age ? n.end + age[0].length : hyphen ? n.end + hyphen[0].replace(/['’]$/, '').length : oneUnit ? n.end + oneUnit[0].length : np!.end;
    if (!hyphen && !age && !oneUnit) counted = secondPart && measure ? measure[1]!.toLowerCase() : undefined;
  }
  // "tax cuts worth £4bn", "£300m to settle charges", "workers, thousands of whom", "six months' leave".
  // "priced at £3.20 for a day ticket or £29 for a season pass": a price is counted by what it buys.
  if (!counted && unit && /^[A-Z]{3}$/.test(unit) && PRICE_CUE.test(s)) counted = FOR_WHAT.exec(afterNum)?.[1];
  // "The longest prison term - 40 months - went to Smith": a figure set between dashes after a noun names it.
  if (!counted && /^\s[-–—]\s/.test(s.slice(end, end + 3))) counted = DASHED_AFTER.exec(s.slice(Math.max(0, qStart - 50), qStart))?.[1];
  if (!counted) counted = countedFromContext(s, qStart, end, !!unit && /^[A-Z]{3}$/.test(unit), previous?.fact.counted);
  // "speeds of 2.9Mbps", "a capacity of 12,600 MW": a physical measure is of the noun before "of".
  if (!counted && unit && PHYSICAL_UNIT.test(unit)) counted = ofHead(`${s.slice(Math.max(0, qStart - 60), qStart).trimEnd()} `);
  // "60% of over-70s", "12% of 16 to 21 year olds": an age group is what the share counts.
  if (!counted && unit === '%') counted = /^\s+of\s+((?:over|under)[- ]?\d{2}s|\d{1,2}\s+to\s+\d{1,2}[- ]year[- ]olds)\b/i.exec(afterNum)?.[1];
  // "12% of voters", "53 of the 169 seats", "£2.5m in prize money", "three years in captivity".
  if (!counted) {
    const money = unit && unit !== '%' && unit !== 'ratio' && !dur;
    // "More than half (54%) of the respondents": the bracketed restatement (or its closing bracket) sits before "of".
    // So does one between dashes ("two thirds - 65% - of the people").
    // "sold for $7.1bn in an auction last year": "in a …" says where, not what the money is.
    const re = money
      ? /^(?:-worth)?\s+(?:in(?!\s+an?\s)|of|for|on(?!\s+(?:news|hopes|fears|reports|concerns|speculation|worries|the\s+back)\b))\s+(?:(?:the|a|an|its|their|his|her)\s+)?/i
      : dur
        ? /^\s+(?:of|in)\s+(?:(?:the|its|their|his|her)\s+)?/i
        : /^half$/i.test(n.raw.replace(/^.*\s/, ''))
          ? /^\s+(?:of\s+(?:(?:the|its|their|his|her|those|these|this|that|all(?:\s+the)?)\s+)?(?:[\d.,]+(?:\s+|-)(?:million\s+|billion\s+)?)?|(?:the|its|their|his|her)\s+)/i // "less than half the total", "half of 2,000 people"
          : /^(?:\s+\([^()]{1,24}\)|\s+[-–—]\s+[^-–—]{1,12}\s+[-–—]|\s+[-–—](?=\s+of\s))?\)?\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|those|these|this|that|all(?:\s+the)?)\s+)?(?:top\s+|remaining\s+)?(?:[\d.,]+(?:\s+|-)(?:million\s+|billion\s+|m\s+|bn\s+)?)?/i;
    const from = bracket && !dur ? n.end + bracket[0].length : end;
    // "offers of £2m, £3m and £6m for the striker": a list member counts what the list counts, not "for X".
    const listed = !!previous?.fact.counted && !dur && inheritsCounted(s.slice(previous.end, qStart));
    // "£99 in the UK": a place after "in" says where the money is, not what it is.
    const where = money && /^(?:-worth)?\s+in\s+(?:the\s+)?[A-Z]/.test(s.slice(from));
    const of = (listed && /^\s+(?:for|on|in)\b/i.test(s.slice(from))) || where ? null : re.exec(s.slice(from));
    const after = of ? countedAfter(s, from + of[0].length, true)?.text : undefined;
    // "$2.1bn for the three months to June": a period the money covers, not what it is.
    // "$166bn in the second quarter": when, not what.
    if (after && !(money && /\b(?:months?|years?|weeks?|days?|quarters?|hours?)$|^(?:first|second|third|fourth|final|last|next)$/i.test(after))) counted = after;
  }
  // A base, not a subject: "a deficit of 3% of GDP" measures the deficit. With no such measure before
  // it ("agriculture makes up 45% of GDP"), the share is of the economy's output itself.
  if (counted && (/^the total$/i.test(counted) || (/^(?:GDP|gross domestic product)$/i.test(counted) && GDP_SHARE_OF.test(s.slice(0, qStart))))) counted = undefined;
  // "hundreds of megabits of data": a unit before "of" measures what follows it.
  const measured = counted && np && UNIT_NOUNS.test(counted) ? /^\s+of\s+/.exec(s.slice(np.end)) : null;
  if (measured) counted = countedAfter(s, np!.end + measured[0].length, true)?.text ?? counted;
  // "five times as many people", "100 times more power": what is multiplied.
  const times = !counted ? /^\s+times\s+(?:as\s+many|as\s+much|more)\s+/i.exec(afterNum) : null;
  if (times) counted = countedAfter(s, n.end + times[0].length)?.text;
  // "a 3% increase in volume sales", "a 35% hike in the budget": the change is of what follows "in".
  // Money is the change itself ("£35bn cuts in public services" counts the cuts).
  // "a 1p rise on income tax": a single rise of money is of what follows too.
  const changeOfMoney = !!unit && /^[A-Z]{3}$/.test(unit) && !!counted && /^(?:rise|increase|hike|cut)$/i.test(counted);
  if (counted && np && (!unit || unit === '%' || unit === 'pp' || changeOfMoney) && /^(?:[a-z]+\s+)?(?:rise|increase|hike|jump|gain|growth|boost|fall|drop|decline|cut|contraction|decrease|reduction|slide|slump|uplift|dip|surge)s?(?:\s+rates?)?$/i.test(counted)) {
    // ("a 0.2% rise in month on month factory output": the comparison's period is no part of what rose.)
    const inWhat = /^\s+(?:in|on)\s+(?:(?:the|its|their|his|her)\s+)?(?:(?:month|year|quarter)[- ]on[- ](?:month|year|quarter)\s+)?(?:number\s+of\s+)?/i.exec(s.slice(np.end));
    const what = inWhat ? countedAfter(s, np.end + inWhat[0].length, true)?.text : undefined;
    // "a 0.3% shrinkage over the last six months": a period is when, not what.
    if (what && !durationUnit(what.split(' ').pop()!)) counted = what;
    // "Output rose 4% in 2001, after a 20% decline in 2000", "0.2% growth was revised to a 0.5% decline":
    // a move of nothing named is a move of what the figure before measured.
    // ("… to $90bn - below the 4.2% increase seen a year earlier", "a 1.5% increase over the holiday period".)
    else if (!what && previous?.fact.counted && MOVE_WHEN.test(s.slice(np.end))) counted = previous.fact.counted;
    // "profits posted a 6% rise to 12bn euros": the move is of what the clause's subject names.
    else if (!what && /^\s+to\s/.test(s.slice(np.end))) counted = undefined;
    // "the FTSE 100's 0.3% decline", "the economy's 2% growth": the move is the owner's.
    else if (!what) counted = OWNER_BEFORE.exec(s.slice(Math.max(0, qStart - 40), qStart))?.[1] ?? counted;
  }
  // "…, up from 53 percent", "including 91", "312 votes in favour and 198 against": same thing as the figure before.
  if (!counted && !dur && previous?.fact.counted && inheritsCounted(s.slice(previous.end, qStart))) counted = previous.fact.counted;
  // "killed 64 foxes - only three were killed": a bare number standing as a subject counts the same thing.
  if (!counted && !dur && !np && previous?.fact.counted && /^\s+(?:were|was|are|is|had|have|has|who)\b/.test(afterNum)) counted = previous.fact.counted;
  // "… was worth $15m in 2004, but is expected to be worth $900m": a clause without a subject of its own.
  if (!counted && !dur && previous?.fact.counted && ELIDED_SUBJECT.test(s.slice(previous.end, qStart))) counted = previous.fact.counted;
  // "… at 62%, and it was hoped this would rise to 85%", "£31bn - but that is still £2bn more": the pronoun stands for the measure before.
  if (!counted && !dur && previous?.fact.counted && PRONOUN_SUBJECT.test(s.slice(previous.end, qStart))) counted = previous.fact.counted;
  // "Among the over-65s, 70% said …": the group named first is what the share counts.
  if (!counted && unit === '%') counted = AMONG.exec(s.slice(Math.max(0, qStart - 50), qStart))?.[1];
  // "A majority of voters (68%)", "Most 16 to 24-year-olds (91%)": a share in brackets after the group it measures.
  if (!counted && unit === '%') counted = /(?<![A-Z][\w-]*\s)\b([a-z][\w-]*s)\s*\(\s*$/.exec(s.slice(Math.max(0, qStart - 40), qStart))?.[1];
  // "64 respondents out of 146", "one household in three": the noun inside a share is what it counts.
  if (!counted && unit === '%') counted = /^\S+\s+([a-z]+)\s+(?:out\s+of|in)\s/.exec(n.raw)?.[1];
  if (/\bmagnitude\s+$/i.test(s.slice(0, n.start))) counted = 'magnitude';
  // "the index ended at 11,740 points": points measure the index, which the subject names.
  // "unemployment rose to 4.46 million people": people measure the unemployment the subject names.
  // "Sales totalled 2.1 million units": units say nothing; whatever the subject names is counted.
  // ("has sold 800,000 units": after a verb of selling the subject is the seller, and units stay.)
  const units = !!counted && /^units$/i.test(counted) && /\b(?:totall?ed|rose|fell|grew|reached|jumped|dropped|climbed|increased|decreased|were|was|stood|hit)\b/i.test(s.slice(Math.max(0, qStart - 40), qStart));
  const remeasure = !!counted && ((/^(?:points|people)$/i.test(counted) && MEASURED_SUBJECT_HINT.test(s)) || units);
  // "lifting its customer base to 3.1 million", "keep their deficits below 3%": what a verb moves is counted.
  // "the Tories lead Labour by 41% to 33%", "with Kenya second on 51": who holds it (counted-standings.ts).
  if (!counted) counted = standingCounted(s, qStart, end, unit, previous?.fact.counted);
  if (!counted) counted = takenOff(s, qStart, end) ?? movedObject(s, qStart, end);
  // ("the £9.5bn forecast by analysts": the noun reader took the verb of expecting for the noun.)
  if (!counted || /^(?:forecast|expected|estimated)$/i.test(counted)) counted = clauseCounted(s, qStart, end, previous?.fact.counted) ?? counted;
  // "output growth, which the bank expects to be near 5%": the relative pronoun's antecedent.
  if (!counted) counted = WHICH_TO_BE.exec(s.slice(Math.max(0, qStart - 90), qStart))?.[1];
  // "The sale raised a total of $2m", "analysts expecting a total of 12 billion": with nothing after
  // it named, the total is what the figure is, whoever the subject. ("the current total of 650" asks
  // the subject first, below.)
  if (!counted && /\ba\s+total\s+of\s+$/i.test(s.slice(Math.max(0, qStart - 14), qStart))) counted = 'total';
  const subject = !counted || remeasure ? countedBefore(s, qStart)?.text : undefined;
  if (subject && (!counted || units || MEASURED_SUBJECT.test(subject))) counted = subject;
  // Money in a deal is counted by what it buys, pays for or settles (counted-deals.ts).
  if (/^[A-Z]{3}$/.test(unit ?? '')) counted = dealCounted(s, counted, qStart, end) ?? raisedFrom(s, qStart, end) ?? heldIn(s, end) ?? counted;
  // A rate, a share price or earnings are counted by what markets price (counted-markets.ts).
  counted = marketCounted(s, qStart, end, /^[A-Z]{3}$/.test(unit ?? ''), counted) ?? counted;
  // "pay 1% in income tax", "$53m in dividends": with nothing else to say, money or a rate is counted by what it is paid in.
  if (!counted && unit && (unit === '%' || /^[A-Z]{3}$/.test(unit))) counted = IN_WHAT.exec(afterNum)?.[1];
  if (!counted && /\btotal\s+of\s+$/i.test(s.slice(Math.max(0, qStart - 12), qStart))) counted = 'total';
  // "sales fell 3.1% in May, after a fall of 0.4% in April": a move named before its size is of what the figure before measured.
  // ("a 0.4% decline" after its figure is read by linkChanges, which takes its direction from the noun.)
  if (counted && !dur && !np && previous?.fact.counted && !BARE_MOVE.test(previous.fact.counted) && !/^(?:\w+-month\s+)?(?:high|low|peak|record)$/i.test(previous.fact.counted) && BARE_MOVE.test(counted)) counted = previous.fact.counted;
  const npEnd = np?.end ?? n.end;
  // "a 500-for-500 exchange": the noun names the event as well as what is counted.
  const own = unit === 'ratio' ? events.find((e) => e.start >= n.end && e.end <= npEnd) : undefined;
  const verb = own ? undefined : verbNear(s, qStart, npEnd);
  const event = own?.event ?? (verb ? canonicalEvent(verb, events) : eventNear(events, s, n.start, n.end, npEnd));
  // "only one man", "at least one mobile": a qualifier makes "one" a count even with no event verb.
  // "just one of the bills", "only one thing" stay idioms; "only one of which" counts.
  const countedOne = /\b(?:only|just|at\s+least|exactly|more\s+than)\s+$/i.test(lead) && !/^\s+(?:of\s+(?!which|whom)|thing\b)/i.test(afterNum);
  if (n.raw.toLowerCase() === 'one' && !event && !compoundWord && !countedOne) return undefined;

  // A vague quantity ("hundreds of") keeps its words in `raw` and its span in value..valueHigh.
  let qualifier: string | undefined;
  let start = n.start;
  if (/\bsub-$/i.test(s.slice(Math.max(0, n.start - 4), n.start))) {
    qualifier = 'less than'; // "the sub-500 market"
    start = n.start - 4;
  } else if (q && !qualifier && !(/^up to$/i.test(q[1]!) && /\b(?:edged|edges|crept|creeps|went|goes|moved|moves|pushed|shot|ticked|ticks|inched|inches|climbed|climbs|rose|rises|jumped|jumps|revised|gone|come|came|turned|turn|turns|showed|show|shows|signed|lined)\s+up to\s*$/i.test(s.slice(Math.max(0, n.start - 30), n.start)))) {
    // "edged up to 2%" states a movement, not a bound.
    qualifier = q[1]!.toLowerCase();
    start = n.start - q[0].length + (q[0].length - q[0].trimStart().length);
  }
  if (qualifier === 'some' && n.vague) qualifier = undefined;
  if (orSo && !qualifier) qualifier = 'about';
  if (plus && !qualifier) qualifier = 'more than';

  // "$20m (£10.5m) in 2004": the date after a bracketed restatement still belongs to the figure.
  const restated = /^\s*\([^()]{1,30}\)/.exec(s.slice(npEnd));
  const dateEnd = restated && /\d/.test(restated[0]) ? npEnd + restated[0].length : npEnd;
  const when = openSpan(s, ctx.dates, n.start, npEnd, dateAt(ctx.dates, n.start, ref, dateEnd, others.filter((o) => o !== n.start && (o < npEnd || o >= dateEnd)), s));
  // An age beside a name ("Prince William, 22") and a match result ("after their 3-2 win, the
  // manager said") are the writer's own facts, not the speaker's claims; inside a quote they are his.
  counted = tidyCounted(counted);
  // A score counts nothing but a vote's "2-1 decision" or "eight to one majority".
  // … or a "33-8 lead", a "19-5 half-time advantage", a "15-6 deficit": the standing it gives.
  if (unit === 'score' && counted && !/^(?:decision|majority|verdict|ruling|vote|(?:[\w-]+\s)?(?:lead|advantage|deficit|margin))$/i.test(counted)) counted = undefined;
  // ("has died at the age of 88, his family said", "died aged 70": there the age is what is said, but
  // not in the writer's aside on the sayer, "said Mr Lee, who was elected at the age of 24".)
  const toldAge = counted === 'age' && /\b(?:at\s+the\s+age\s+of|aged)\s+$/i.test(s.slice(Math.max(0, n.start - 16), n.start)) && !/,\s+who\s[^,;]*$/i.test(s.slice(0, n.start));
  const ownFact = (counted === 'age' && !toldAge) || unit === 'score';
  const who = ownFact && !ctx.quotes.some((q) => n.start >= q.start && n.start < q.end) ? undefined : attributionAt(ctx, n.start, n.end);
  const fact: FigureFact = {
    kind: 'figure',
    sentenceIndex: ctx.index,
    sentence: s,
    raw: s.slice(start, end),
    // "two decades of growth": 20 years, in the unit other durations are compared in.
    ...(unit === 'decades' ? { value: n.value * 10, ...(n.valueHigh !== undefined ? { valueHigh: n.valueHigh * 10 } : {}), unit: 'years' } : { value: n.value, ...(n.valueHigh !== undefined ? { valueHigh: n.valueHigh } : {}), ...(unit ? { unit } : {}) }),
    ...(qualifier ? { qualifier } : {}),
    ...(counted ? { counted, countedKey: countedKey(counted) } : {}),
    ...(event && !dur ? { event } : {}),
    date: when.date,
    ...(when.periodStart ? { periodStart: when.periodStart, periodEnd: when.periodEnd } : {}),
    ...(who ? { attribution: who } : {}),
    ...(n.vague ? { vague: true } : {}),
  };
  if (cues.hedged || qualifier === 'an estimated' || qualifier === 'estimated') fact.hedged = true;
  if (cues.negation && isNegated(s, n.start, npEnd)) fact.negated = true;
  return fact;
}

// Where the figure's qualifier starts, so the subject search does not swallow "more than".
function q0(s: string, start: number): number {
  const q = QUALIFIERS.exec(s.slice(Math.max(0, start - 24), start));
  return q ? start - q[0].length : start;
}

function attributionAt(ctx: SentenceContext, pos: number, end: number): string | undefined {
  // Inside a quote its speaker says so; a quote with no speaker found falls back on the sentence's source.
  const quote = ctx.quotes.find((q) => pos >= q.start && pos < q.end);
  if (quote?.speaker) return quote.speaker;
  // The nearest source before the figure governs it; one after it only when its clause closes the
  // sentence (", the ministry said on Friday"), not when it has its own complement ("the UN says it needs").
  let best: string | undefined;
  let bestDist = Infinity;
  for (const src of ctx.sources) {
    if (src.end <= pos && pos - src.end < bestDist) [best, bestDist] = [src.who, pos - src.end];
  }
  if (best) return best;
  for (const src of ctx.sources) {
    // "the $27bn Zedland says it owes": a figure its claim's subject follows at once is what it claims.
    if (src.whoStart !== undefined && src.whoStart >= end && /^\s*(?:that\s+)?$/.test(ctx.text.slice(end, src.whoStart))) return src.who;
    // "Some 63% of those polled for the Herald thought": a poll's shares come before its name.
    if (src.verb === 'poll' && src.start > pos && !/[;:]/.test(ctx.text.slice(pos, src.start))) return src.who;
    // "…, a survey of 900 managers finds": a figure inside the source's own words is not its claim.
    if (src.start > pos && src.closing && !(src.whoStart !== undefined && pos >= src.whoStart) && src.start - pos < bestDist) [best, bestDist] = [src.who, src.start - pos];
  }
  return best;
}


/** Per-sentence facts every figure in it shares, computed once. */
interface SentenceCues {
  hedged: boolean;
  negation: boolean;
}
