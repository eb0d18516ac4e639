/**
 * What a number counts: the noun phrase after it ("909 Russian servicemen") and a grouping key
 * ("russian soldier") that folds synonyms across articles. No tagger: small stop lists decide
 * where the phrase ends.
 */
import { DEMONYMS, HEAD_SYNONYMS } from './lexicon.ts';
import { singular } from './topics.ts';
import { matchesOf } from './scan.ts';

export interface Counted {
  text: string;
  end: number;
}

const STOP = new Set(
  (
    'in on at during from to for with by since after before over under into across between through against within without ' +
    'and or but nor who whom whose which that where while when as than because if so yet ' +
    'were was are is be been being have has had will would could can may might should must shall did do does ' +
    'not no still also already now then there here it its their his her they them we he she you this these those per each every ' +
    'more most less fewer some many few all both either neither such only just even about around nearly almost ' +
    'the a an of off up down out back home away onto upon via amid among toward towards ' +
    'last next earlier later ago lower higher previously respectively apiece'
  ).split(' '),
);
// Verbs that follow a counted noun and are not caught by the -ed/-ing/-ly shape rules.
const VERBS = new Set(
  (
    'live lives remain remains say says face faces need needs work works want wants stay stays die dies come comes go goes ' +
    'get gets take takes make makes see sees know knows continue continues fled left went came took gave made told saw got ' +
    'held lost won ran fell rose hit struck fought sent brought began became kept met paid set put sat stood spent ' +
    'return returns remain include includes including represent represents account accounts marks mark'
  ).split(' '),
);
const ING_NOUNS = new Set('building buildings housing meeting meetings killing killings shelling bombing bombings offering offerings crossing crossings landing landings dwelling dwellings'.split(' '));
const IRREGULAR_PLURALS = new Set('people men women children servicemen police personnel troops staff cattle militia clergy'.split(' '));
const DURATIONS: Record<string, string> = {
  second: 'seconds', seconds: 'seconds', minute: 'minutes', minutes: 'minutes', hour: 'hours', hours: 'hours',
  day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months',
  year: 'years', years: 'years', decade: 'decades', decades: 'decades', quarter: 'quarters', quarters: 'quarters',
};
/** Site chrome: "12 comments", "5 min read", "3,400 shares" are never figures. */
export const CHROME_HEADS = /^(?:comments?|shares?|likes?|views?|photos?|images?|videos?|min|mins|minutes? read|read|followers|subscribers|replies|retweets|reposts|reactions|reads|pictures?|slides?)$/i;

// Phrases that say when, not what: "in September", "for the first time", "in the first half".
const TEMPORAL = /^(?:time|times|half|quarter|period|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|evening|night|weekend|year|month|week|day)$/i;
const WORD = /^\s*([\p{L}][\p{L}'’-]*)/u;

function looksPlural(w: string): boolean {
  const l = w.toLowerCase();
  // "the country's GDP": a possessive leads on to its head noun.
  if (/['’]s$/.test(l)) return false;
  return IRREGULAR_PLURALS.has(l) || (/s$/.test(l) && !/(?:ss|us|is|ous)$/.test(l));
}

/** The noun phrase a number at `pos` counts, read forward from `pos`. */
export function countedAfter(sentence: string, pos: number, afterOf = false): Counted | undefined {
  let at = pos;
  const words: string[] = [];
  let end = pos;
  for (let guard = 0; guard < 7; guard++) {
    const m = WORD.exec(sentence.slice(at));
    if (!m) break;
    const w = m[1]!;
    const lower = w.toLowerCase().replace(/['’]s$/, '');
    const next = WORD.exec(sentence.slice(at + m[0].length))?.[1];
    if (lower === 'of' && words.length > 0) {
      // "prisoners of war", "defenders of Mariupol": a relational head keeps its complement.
      if (next && (next.toLowerCase() === 'war' || /^[A-Z]/.test(next))) {
        words.push(w, next);
        at += m[0].length;
        at += WORD.exec(sentence.slice(at))![0].length;
        end = at;
        continue;
      }
      break;
    }
    // "11 more villages", "two further rounds": the comparative belongs to the phrase.
    if (!words.length && /^(?:more|further|additional|extra|other)$/.test(lower) && next && !STOP.has(next.toLowerCase()) && !VERBS.has(next.toLowerCase())) {
      words.push(w);
      at += m[0].length;
      continue;
    }
    // "hospital stays": after a singular noun an -s word is a plural noun, not a verb.
    if (VERBS.has(lower) && lower.endsWith('s') && words.length && !looksPlural(words[words.length - 1]!)) {
      words.push(w);
      end = at + m[0].length;
      break;
    }
    // "Olympic and Paralympic funding", "tax rises or spending cuts": a coordinated phrase.
    if ((lower === 'and' || lower === 'or') && words.length && !looksPlural(words[words.length - 1]!) && next && !STOP.has(next.toLowerCase()) && !VERBS.has(next.toLowerCase())) {
      words.push(w);
      at += m[0].length;
      continue;
    }
    if (STOP.has(lower) || VERBS.has(lower) || /ly$/.test(lower)) break;
    // "-ing" words are verbs after a number but nouns after "of" ("six months of fighting").
    const nounNext = next && !STOP.has(next.toLowerCase()) && !VERBS.has(next.toLowerCase()) && !/(?:ly|ing|ed)$/.test(next);
    if (/ing$/.test(lower) && !ING_NOUNS.has(lower) && !(afterOf && words.length === 0) && !nounNext) break;
    if (/ed$/.test(lower) && (!next || STOP.has(next.toLowerCase()) || VERBS.has(next.toLowerCase()) || /ly$/.test(next))) break;
    words.push(w);
    at += m[0].length;
    end = at;
    if (DURATIONS[lower]) break;
    if (looksPlural(w) && !(next && next.toLowerCase() === 'of')) break;
    // A sentence break inside the phrase ("... 300 soldiers. The ...") never happens: sentences are split.
    if (/^[,;:.!?)]/.test(sentence.slice(at))) break;
  }
  if (!words.length || TEMPORAL.test(words[words.length - 1]!)) return undefined;
  return { text: words.join(' ').replace(/['’]s$/, ''), end };
}

/** "months" for "six months", when the counted word is a duration. */
export function durationUnit(counted: string): string | undefined {
  const words = counted.toLowerCase().replace(/['’]$/, '').split(' ');
  return words.length === 1 ? DURATIONS[words[0]!] : undefined;
}

/** Grouping key: lower case, singular head with its nationality, synonyms folded. */
export function countedKey(counted: string): string {
  let key = keyCache.get(counted);
  if (key === undefined) {
    if (keyCache.size >= 20_000) keyCache.clear();
    key = uncachedKey(counted);
    keyCache.set(counted, key);
  }
  return key;
}
// The same few counted phrases ("civilians", "Russian soldiers") recur in every article.
const keyCache = new Map<string, string>();
const PHRASE_HEADS = Object.keys(HEAD_SYNONYMS).filter((k) => k.includes(' '));

function uncachedKey(counted: string): string {
  const lower = counted.toLowerCase().replace(/[’]/g, "'").replace(/-/g, ' ');
  const words = lower.split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  let head: string;
  const ofAt = words.indexOf('of');
  const whole = words.join(' ');
  const phrase = PHRASE_HEADS.find((k) => whole === k || whole.endsWith(' ' + k));
  if (phrase) head = HEAD_SYNONYMS[phrase]!;
  else if (ofAt > 0 && words[ofAt + 1] === 'war') head = HEAD_SYNONYMS[`${words[ofAt - 1]} of war`] ?? `${singular(words[ofAt - 1]!)} of war`;
  else {
    const last = ofAt > 0 ? words[ofAt - 1]! : words[words.length - 1]!;
    head = HEAD_SYNONYMS[last] ?? HEAD_SYNONYMS[singular(last)] ?? singular(last);
  }
  const demonym = words.find((w, i) => (ofAt < 0 || i < ofAt) && DEMONYMS[w] && !w.endsWith('s'));
  const headWords = head.split(' ');
  if (demonym && !headWords.includes(demonym)) return `${demonym} ${head}`;
  return head;
}

// Words that end a subject: auxiliaries and the verbs figures follow ("rose to", "was", "stood at").
const SUBJECT_END = new Set(
  (
    'is was were are be been has have had will would could can may might should must did does do ' +
    'rose rise rises fell fall falls climbed dropped grew grow reached hit stood stands totalled totaled came jumped slipped eased ' +
    'edged declined slowed accelerated averaged ranged cost costs topped exceeded remained remains stayed expanded shrank contracted ' +
    'gained lost soared plunged surged tumbled increased decreased unveiled pledged raised cut held kept set put puts received ' +
    'amounted amounts now still also already then just nearly almost expect expects expected forecast forecasts see sees ' +
    'receive receives received spend spends invest invests find finds reach reaches take takes remain ' +
    // Present and bare forms, as after "saw profits slump" or in a headline.
    'saw slump slumps jump jumps climb climbs drop drops soar soars surge surges plunge plunges tumble tumbles slip slips dip dips'
  ).split(' '),
);
const LEADING = /^(?:(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+)+/i;
const AT_QUALIFIER = String.raw`(?:(?:about|around|some|nearly|almost|more than|over|up to|just|only)\s+)?`;
const VALUE_AT = new RegExp(String.raw`\bvalu(?:e|es|ed|ing)\s+((?:[\p{L}'’-]+\s+){1,4}?)at\s*${AT_QUALIFIER}$`, 'u');
const VALUED_AT = new RegExp(String.raw`((?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+),\s+(?:which\s+(?:is|was|are|were)\s+)?valued\s+at\s*${AT_QUALIFIER}$`, 'u');
const REPORTED = /\b(?:said|says|say|told|reported|announced|claimed|warned|estimated(?!\s+at)|noted|added|showed|shows|found|suggested)\b(?:\s+that)?/gi;
const OF_HEAD = /((?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s+of\s*$/u;

/**
 * What a number describes when nothing after it says so: the object of the verb before it ("cut its
 * key rate to 2.75%", "a cost of £45m") or else the clause subject ("Turnout was 67.4%", "Brent crude
 * fell 1.6% to $71.62", "Inflation rose to 2% …, up from 1.9%").
 */
export function countedBefore(sentence: string, start: number): Counted | undefined {
  const before = sentence.slice(0, start);
  const tail = before.slice(-80); // the $-anchored patterns only need the words right before the figure
  const of = /\sof\s*$/.test(tail) ? OF_HEAD.exec(tail.slice(-48)) : null;
  if (of) {
    const words = of[1]!.split(/\s+/);
    // The word right before "of" is the head even when it can be a verb ("a cost of").
    const from = words.slice(0, -1).map((w) => w.toLowerCase()).findLastIndex((w) => STOP.has(w) || SUBJECT_END.has(w) || VERBS.has(w) || /ing$/.test(w));
    const head = words.slice(from + 1).join(' ');
    if (head && !/^(?:number|tally|count)$/i.test(head)) return { text: head, end: start };
  }
  // "tax cuts worth £4bn", "the market was worth just $20m": what is worth it stands before "worth".
  const worth = tail.includes('worth') && /(?:^|\s)((?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+)\s+((?:is|was|are|were|be|been)\s+)?(?:estimated\s+)?worth\s+(?:(?:just|only|about|around|some|nearly|almost|more than|over|up to)\s+)?$/u.exec(tail);
  if (worth) {
    // "The market for streamed films was worth": the phrase from its last article, whose head comes first.
    const words = worth[1]!.split(/\s+/);
    const det = words.findLastIndex((w) => /^(?:the|a|an|its|their|his|her)$/i.test(w));
    // Without a verb ("tax cuts worth £4bn") the noun right before "worth" is what is worth it.
    const from = det >= 0 && worth[2] ? words.slice(det + 1) : words.slice(-4).filter((w) => !STOP.has(w.toLowerCase()) || w === 'of');
    const head = phrase(from.join(' '));
    if (head && !SUBJECT_END.has(head.toLowerCase())) return { text: head, end: start };
  }
  // "would value Harwick Athletic at £600m", "four contracts, valued at $300m": what the money prices.
  const value = tail.includes('valu') ? VALUE_AT.exec(tail) ?? VALUED_AT.exec(tail) : null;
  if (value) {
    const head = phrase(value[1]!.split(/\s+/).filter((w) => !NUMBER_WORD.test(w)).join(' '));
    if (head) return { text: head, end: start };
  }
  const war = /\b(?:at|in)\s+(war|captivity|office|power|prison|detention|talks)\s+for\s*$/i.exec(tail);
  if (war) return { text: war[1]!, end: start };
  const windowStart = Math.max(0, before.length - 200);
  let clauseStart = windowStart;
  for (const m of matchesOf(REPORTED, before.slice(windowStart))) clauseStart = windowStart + m.index + m[0].length;
  const chunks = before.slice(clauseStart).split(/[;:]|,(?!\d)|\s[—–]\s/);
  for (let i = chunks.length - 1; i >= 0; i--) {
    const chunk = chunks[i]!.trim();
    if (!chunk) continue;
    const words = chunk.split(/\s+/);
    // The verb chain nearest the figure governs it ("the bank released figures showing Malaysia's
    // economy expanded 7.1%" → the economy expanded): its first word, after the clause's last boundary.
    let verb = words.findLastIndex((w, k) => isVerbAt(words, k));
    while (verb > 0 && (AUX.has(words[verb - 1]!.toLowerCase()) || /^(?:not|also|still|now|just|expected|set|likely|due|able)$/i.test(words[verb - 1]!))) verb--;
    // A subject is a few words: look back no further than nine for the boundary before it.
    let boundary = -1;
    for (let k = verb - 1; k >= Math.max(0, verb - 9); k--) {
      if (BOUNDARY_WORDS.has(words[k]!.toLowerCase()) || isVerbAt(words, k)) {
        boundary = k;
        break;
      }
    }
    if (boundary < 0 && verb > 9) boundary = verb - 10;
    if (boundary >= 0 && verb - boundary > 1) {
      words.splice(0, boundary + 1);
      verb -= boundary + 1;
    }
    // "…, up from 53%", "…, at 42 percent", "…, trading at $68.37": the clause continues the previous one.
    if (verb === 0 && /^(?:up|down|from|compared|versus|against)$/i.test(words[0]!)) continue;
    if (verb < 0 && (/^(?:at|to|with|from|by|on|in)$/i.test(words[0]!) || /^\p{Ll}+ing$/u.test(words[0]!))) continue;
    if (verb < 0) return undefined;
    // "Core inflation, which strips out energy, held at 2.3%": the subject sits before the aside.
    if (verb === 0 && i > 0) {
      while (i > 1 && /^(?:which|who|that|where)\b/i.test(chunks[i - 1]!.trim())) i--;
      const subject = phrase(chunks[i - 1]!.trim());
      return subject ? { text: subject, end: start } : undefined;
    }
    let k = verb + 1;
    if (AUX.has(words[verb]!.toLowerCase())) {
      while (k < words.length && (AUX.has(words[k]!.toLowerCase()) || /^(?:not|also|still|now|then|just)$/i.test(words[k]!))) k++;
      k++; // the main verb after an auxiliary
    }
    const main = (words[k - 1] ?? '').toLowerCase();
    const object: string[] = [];
    if (TRANSITIVE.test(main)) {
      for (const w of words.slice(k)) {
        if (/\d/.test(w) || NUMBER_WORD.test(w) || /^(?:since|in|on|for|during|after|before|from|with|by|at|to)$/i.test(w)) break;
        object.push(w);
      }
    }
    while (object.length && /^(?:to|at|by|of|from|around|about|with|on|in|for|back)$/i.test(object[object.length - 1]!)) object.pop();
    while (object.length && /^(?:back|up|down|out|off)$/i.test(object[0]!)) object.shift();
    const picked = phrase(object.join(' ')) ?? (verb > 0 ? phrase(words.slice(0, verb).join(' ')) : undefined);
    return picked ? { text: picked, end: start } : undefined;
  }
  return undefined;
}

const BOUNDARY_WORDS = new Set('that showing saying suggesting when while as if after because whereas but'.split(' '));
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)$/i;
const AUX = new Set('is was were are be been being has have had will would could can may might should must shall did does do to'.split(' '));
// Verbs whose object, not subject, is what the figure measures ("cut its key rate to 2.75%").
const TRANSITIVE = /^(?:cut|cuts|raised?|raises|kept|keeps?|held|holds?|set|sets|put|puts|unveil(?:ed|s)?|pledged?|pledges|reported|reports|lost|loses|gained|gains|added|adds|spent|spends?|recorded|records|expects?|expected|lowered|lowers|lower|increased|increases|increase|reduced|reduces|reduce|boosted|boosts|boost|lifted|lifts|lift|doubled|double|trimmed|slashed|forecast|projected|estimated)$/i;

function isVerbAt(words: string[], k: number): boolean {
  const w = words[k]!;
  const l = w.toLowerCase();
  if (SUBJECT_END.has(l) || (k > 0 && (/^\p{Ll}+ed$/u.test(w) || TRANSITIVE.test(w)))) return true;
  // Headline verbs: "Turnout reaches 67.4%", "Inflation edges up to 2%".
  return k > 0 && /^\p{Ll}{3,}s$/u.test(w) && !/(?:ss|us|is)$/.test(l) && (k === words.length - 1 || /^(?:to|by|up|down|below|above|over|under|past|near|\d.*)$/i.test(words[k + 1]!));
}

function phrase(text: string): string | undefined {
  let t = text.replace(/^["“‘'(]+/, '').replace(LEADING, '').replace(/^(?:and|but|while|whereas|(?:the\s+)?number of|(?:the\s+)?total of)\s+/i, '').trim();
  // "Quarterly profits at US media giant TimeWarner", "a takeover bid for the LSE": the head comes first.
  t = t.replace(/\s+(?:at|in|for|from|on|with|by)\s+.*$/i, '');
  const n = t ? t.split(' ').length : 0;
  // A list bullet ("- Do 200 hours …") leaves a subject of punctuation only: that names nothing.
  if (!n || n > 8 || /^(?:it|they|he|she|we|this|that|there|which|who|what|them|us|i|you)$/i.test(t) || /\d/.test(t) || !/\p{L}/u.test(t)) return undefined;
  return isFragment(t) ? undefined : t;
}

// Words a noun phrase cannot hold, and words it cannot start with: what is left around them is a
// clause fragment ("which it previously", "It has already", "running at"), which names nothing.
const NOT_IN_PHRASE = new Set('it they he she we i you which who whom has have had is was were are could would will can may might should not if however thereafter perhaps already previously worth'.split(' '));
const NOT_FIRST = new Set('in on at from to by with into out up down over under through and but or so than then there here'.split(' '));
function isFragment(t: string): boolean {
  const words = t.toLowerCase().split(' ');
  if (NOT_FIRST.has(words[0]!) || words.some((w) => NOT_IN_PHRASE.has(w))) return true;
  const last = words[words.length - 1]!;
  return words.length === 1 && /ly$/.test(last);
}
