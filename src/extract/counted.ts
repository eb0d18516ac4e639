/**
 * What a number counts: the noun phrase after it ("909 Russian servicemen") and a grouping key
 * ("russian soldier") that folds synonyms across articles. No tagger: small stop lists decide
 * where the phrase ends.
 */
import { DEMONYMS, HEAD_SYNONYMS } from './lexicon.ts';
import { singular } from './topics.ts';

export interface Counted {
  text: string;
  end: number;
}

export const STOP = new Set(
  (
    'in on at during from to for with by since after before over under into across between through against within without above below beyond ' +
    'and or but nor who whom whose which that where while when as than because if so yet ' +
    'were was are is be been being have has had will would could can may might should must shall did do does ' +
    'not no still also already now then there here it its their his her they them we he she you this these those per each every ' +
    'more most less fewer some many few all both either neither such only just even about around nearly almost ' +
    'the a an of off up down out back home away onto upon via amid among toward towards ' +
    'last next earlier later ago lower higher previously respectively apiece thereafter plus again themselves itself himself herself ourselves overall'
  ).split(' '),
);
// Verbs that follow a counted noun and are not caught by the -ed/-ing/-ly shape rules.
export const VERBS = new Set(
  (
    'said live lives remain remains say says face faces need needs work works want wants stay stays die dies come comes go goes ' +
    'think believe feel agree disagree expect oppose prefer join joins joined flee rally ' +
    'get gets take takes make makes see sees know knows continue continues fled left went came took gave made told saw got ' +
    'held lost won ran fell rose hit struck fought sent brought began became kept met paid set put sat stood spent ' +
    'seen shown given taken grown known done ' +
    'return returns remain include includes including represent represents account accounts marks mark'
  ).split(' '),
);
const ING_NOUNS = new Set('holding rating ceiling ranking recording painting wedding clothing spending funding borrowing lending training advertising shipping clothing marketing building buildings housing meeting meetings killing killings shelling bombing bombings offering offerings crossing crossings landing landings dwelling dwellings hearing hearings sitting sittings'.split(' '));
const CHART_BAND = /^\s+top\s+(\d{1,3})(?=\s+[a-z])/;
const MODEL_CODE = /^\s+([A-Z]?\d{3}(?:-\d{2,3})?[A-Z]?)(?=\s+[a-z])/;
const IRREGULAR_PLURALS = new Set('people men women children servicemen police personnel troops staff cattle militia clergy'.split(' '));
const DURATIONS: Record<string, string> = {
  second: 'seconds', seconds: 'seconds', minute: 'minutes', minutes: 'minutes', hour: 'hours', hours: 'hours',
  day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months',
  year: 'years', years: 'years', decade: 'decades', decades: 'decades', quarter: 'quarters', quarters: 'quarters',
};
/** Site chrome: "12 comments", "5 min read", "3,400 shares" are never figures. */
export const CHROME_HEADS = /^(?:comments?|shares?|likes?|views?|photos?|images?|videos?|min|mins|minutes? read|read|followers|subscribers|replies|retweets|reposts|reactions|reads|pictures?|slides?)$/i;

// Phrases that say when, not what: "in September", "for the first time", "in the first half".
const TEMPORAL = /^(?:year-on-year|month-on-month|time|times|half|quarter|period|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|evening|night|weekend|year|month|week|day)$/i;
// An opening quote mark may stand before the phrase: 'cut £35bn in "wasteful spending"'.
const WORD = /^\s*["“‘]?([\p{L}][\p{L}'’-]*)(?:["”](?=\s))?/u;
// Adjectives in -ly that stand inside a noun phrase ("three weekly flights").
const LY_ADJECTIVES = new Set('weekly daily monthly yearly quarterly hourly nightly elderly early'.split(' '));
// Nouns in -ly ("two family films", "three supply deals"): not adverbs.
const LY_NOUNS = new Set('family supply assembly rally ally monopoly reply anomaly tally bully jelly lily'.split(' '));

const MODIFIERS_IN_S = new Set('telecoms sports electronics communications savings arms'.split(' '));

function looksPlural(w: string): boolean {
  const l = w.toLowerCase();
  // "the country's GDP": a possessive leads on to its head noun.
  if (/['’]s$/.test(l)) return false;
  // "DS consoles": an acronym is a name, not a plural; "a $160bn telecoms giant": a modifier.
  if (/^[A-Z]{2,4}$/.test(w) || MODIFIERS_IN_S.has(l)) return false;
  return IRREGULAR_PLURALS.has(l) || (/s$/.test(l) && !/(?:ss|us|is|ous)$/.test(l));
}

// "Twenty-two Maori and four 'pakiha'": a coordinated number starts a phrase of its own.
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|\d[\d,.]*)$/i;

/** The noun phrase a number at `pos` counts, read forward from `pos`. */
export function countedAfter(sentence: string, pos: number, afterOf = false): Counted | undefined {
  let at = pos;
  const words: string[] = [];
  let end = pos;
  for (let guard = 0; guard < 7; guard++) {
    const m = WORD.exec(sentence.slice(at));
    // "70 Boeing 737-800 planes", "30 Airbus A320 jets": a model number inside a maker's name is part of it.
    const model = words.length && /^\p{Lu}/u.test(words[words.length - 1]!) ? MODEL_CODE.exec(sentence.slice(at)) : null;
    if (model) {
      words.push(model[1]!);
      at += model[0].length;
      continue;
    }
    // "nine UK top 40 singles", "two more top 10 hits": a chart band inside the phrase, not a second number.
    const chart = words.length < 3 ? CHART_BAND.exec(sentence.slice(at)) : null;
    if (chart) {
      words.push('top', chart[1]!);
      at += chart[0].length;
      continue;
    }
    if (!m) break;
    const w = m[1]!;
    // "In a 35 minute speech Mr Smith set out": a title starts the next clause's subject.
    if (words.length && /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|President|Prime|Chancellor)$/.test(w)) break;
    const lower = w.toLowerCase().replace(/['’]s$/, '');
    const next = WORD.exec(sentence.slice(at + m[0].length))?.[1];
    // "after topping 300 early in the day": a time adverb, not a noun.
    if (!words.length && /^(?:early|late)$/i.test(w) && /^(?:in|on|this|last|next|that)$/i.test(next ?? '')) break;
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
    // "$60bn two years ago": a second number starts a phrase of its own, never this one's noun.
    if (!afterOf && !words.length && NUMBER_WORD.test(lower)) break;
    // "save 65 lives": right after a number, "lives" is the noun.
    // ("half of the 12-million population lives on farms": after a singular noun, "lives" is its verb.)
    if (words.length && lower === 'lives' && !looksPlural(words[words.length - 1]!)) break;
    if (!words.length && lower === 'lives') {
      words.push(w);
      end = at + m[0].length;
      break;
    }
    // "11 more villages", "230 fewer injuries": the comparative belongs to the phrase.
    if (!words.length && /^(?:more|further|additional|extra|other|fewer|less)$/.test(lower) && next && !STOP.has(next.toLowerCase()) && !VERBS.has(next.toLowerCase())) {
      words.push(w);
      at += m[0].length;
      continue;
    }
    // "hospital stays": after a singular noun an -s word is a plural noun, not a verb.
    // "the $27bn Russia says …": a name before a verb of saying is who says so, not what is counted.
    if (/^(?:says|said|claims|claimed|believes|estimates|estimated)$/.test(lower) && next?.toLowerCase() !== 'to' && words.length && words.every((x) => /^\p{Lu}/u.test(x))) {
      words.length = 0;
      break;
    }
    if (VERBS.has(lower) && lower.endsWith('s') && lower !== 'says' && words.length && !looksPlural(words[words.length - 1]!)) {
      words.push(w);
      end = at + m[0].length;
      break;
    }
    // "Olympic and Paralympic funding", "tax rises or spending cuts": a coordinated phrase.
    if ((lower === 'and' || lower === 'or') && words.length && !looksPlural(words[words.length - 1]!) && next && !STOP.has(next.toLowerCase()) && !VERBS.has(next.toLowerCase()) && !NUMBER_WORD.test(next)) {
      words.push(w);
      at += m[0].length;
      continue;
    }
    // "Xbox Live members": a capitalised word inside a name is not a verb.
    const inName = /^\p{Lu}/u.test(w) && words.length > 0 && /^\p{Lu}/u.test(words[words.length - 1]!);
    // "home networks", "home loans": before a plural noun, "home" qualifies it.
    // "a $27bn back tax bill": at the start of the phrase, "back" before a noun is an adjective.
    const modifier = (lower === 'home' && !!next && looksPlural(next)) || (lower === 'back' && !words.length && !!next && /^[a-z]/.test(next) && !STOP.has(next) && !VERBS.has(next));
    // "nine months' paid leave", "2,000 paid subscribers": "paid" qualifies the noun.
    const paidNoun = lower === 'paid' && !!next && /^(?:leave|holidays?|work|jobs|staff|employees|posts|subscribers|members|users|positions)$/i.test(next);
    // "three earlier shots", "two later attempts": before a plural noun, "earlier" describes it.
    const timeAdjective = !words.length && /^(?:earlier|later)$/.test(lower) && !!next && looksPlural(next) && !STOP.has(next.toLowerCase()) && !VERBS.has(next.toLowerCase());
    // "five of the Carry On films": a capitalised small word inside a title is part of it.
    // ("four All Blacks": so is one that opens a name, before another capitalised word.)
    const titleWord = (inName || (!words.length && /^\p{Lu}/u.test(w) && !!next && /^\p{Lu}/u.test(next))) && !!next && !STOP.has(next.toLowerCase()) && !VERBS.has(next.toLowerCase());
    // "three set points", "two break points": a tennis point named by the game it can win.
    // ("an offshore account": "account" is a verb only before "for".)
    const pointKind = /^(?:set|break|match|game)$/.test(lower) && !!next && /^points?$/i.test(next);
    if ((STOP.has(lower) && !modifier && !timeAdjective && !titleWord) || (VERBS.has(lower) && !inName && !paidNoun && !pointKind && !(/^accounts?$/.test(lower) && next?.toLowerCase() !== 'for')) || (/ly$/.test(lower) && !LY_ADJECTIVES.has(lower) && !LY_NOUNS.has(lower) && !/^\p{Lu}/u.test(w))) break;
    // "-ing" words are verbs after a number but nouns after "of" ("six months of fighting").
    const nounNext = next && !STOP.has(next.toLowerCase()) && !VERBS.has(next.toLowerCase()) && !/(?:ly|ing|ed)$/.test(next);
    // ("Boeing", "Reading": a capitalised word in -ing is a name.)
    // ("phishing related messages", "drug linked deaths": an -ing noun joined to the -ed word after it.)
    const compoundAdjective = !!next && /^(?:related|based|linked|driven|powered|funded|backed|led)$/.test(next);
    if (/ing$/.test(lower) && !ING_NOUNS.has(lower) && !/^\p{Lu}/u.test(w) && !(afterOf && words.length === 0) && !nounNext && !compoundAdjective) break;
    // "11% regarded themselves as …": an -ed word right after the number, before a function word, is its verb.
    // ("31% of United": a capitalised word in -ed is a name.)
    const edVerb = /ed$/.test(lower) && !/^\p{Lu}[^-]*$/u.test(w);
    // ("50,000 hijacked home computers": "home" before a plural is no function word.)
    if (!words.length && edVerb && next && STOP.has(next.toLowerCase()) && next.toLowerCase() !== 'home') break;
    if (edVerb && (!next || (STOP.has(next.toLowerCase()) && next.toLowerCase() !== 'home') || VERBS.has(next.toLowerCase()) || /ly$/.test(next))) break;
    words.push(w);
    at += m[0].length;
    end = at;
    // "of the nation's 60 million people": the noun after a possessive is the head, past its number.
    // ("the UK's 1.6m Muslims": the scale may be glued to the number.)
    const possessed = /['’]s?$/.test(w) && /^\s*[\d.,]+(?:\s*(?:m|bn|k)\b|\s+(?:million|billion|thousand|m|bn))?(?=\s+\p{L})/u.exec(sentence.slice(at));
    if (possessed) {
      words.length = 0;
      at += possessed[0].length;
      continue;
    }
    if (DURATIONS[lower]) break;
    // "25,000 girls and women": two plural nouns joined name one group.
    const pair = looksPlural(w) && (next === 'and' || next === 'or') ? /^\s+(?:and|or)\s+([\p{L}'’-]+)(?=\s+(?:were|are|was|have|had|who|in|on|at|from|[,.;]))/u.exec(sentence.slice(at)) : null;
    if (pair && looksPlural(pair[1]!) && !/ed$/.test(pair[1]!)) {
      words.push(next!, pair[1]!);
      at += pair[0].length;
      end = at;
      break;
    }
    // "10,000 Hearts fans", "1.90 News Corp shares": a name in -s before the plural noun it qualifies.
    const nameBeforeNoun = /^\p{Lu}/u.test(w) && !!next && (/^\p{Lu}/u.test(next) || (/^[a-z]/.test(next) && looksPlural(next) && !STOP.has(next) && !VERBS.has(next)));
    // "three drugs tests.", "five news sources": a plural qualifying the plural head that ends the phrase.
    if (looksPlural(w) && next && /^[a-z]{3,}s$/.test(next) && !STOP.has(next) && !/(?:ss|us|is)$/.test(next) && /^\s+\S+?(?:\s*$|\s*[,.;:!?)]|\s+(?:in|on|at|for|from|since|with|by|to|and|or|but|that|which|who|were|was|are|is|have|has|had)\b)/.test(sentence.slice(at))) {
      words.push(next);
      at += WORD.exec(sentence.slice(at))![0].length;
      end = at;
      break;
    }
    if (looksPlural(w) && !nameBeforeNoun && !(next && next.toLowerCase() === 'of')) break;
    // A sentence break inside the phrase ("... 300 soldiers. The ...") never happens: sentences are split.
    if (/^[,;:.!?)]/.test(sentence.slice(at))) break;
  }
  // "of injury time", "of normal time": after "of", a time with its adjective is what is counted.
  const injuryTime = afterOf && words.length > 1 && /^time$/i.test(words[words.length - 1]!) && !/^(?:first|second|third|last|next|same|only)$/i.test(words[words.length - 2]!);
  // ("18% more likely": a comparative alone names nothing.)
  if (!words.length || (TEMPORAL.test(words[words.length - 1]!) && !injuryTime) || (words.length === 1 && /^(?:more|less|fewer|further|other)$/i.test(words[0]!))) return undefined;
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


/**
 * A counted phrase read off a clause, cleaned of what a noun phrase cannot hold: a list dash
 * ("- Duty cuts"), a verb in -ing leading it ("bringing its total" → "total"), and nothing left
 * but a pronoun or a dangling function word ("we've", "hoping this", "third quarter of and").
 */
export function tidyCounted(counted: string | undefined): string | undefined {
  if (!counted) return counted;
  // "Another 1,700", "Some 350 films": another figure and its qualifier are no part of what is counted.
  const words = counted.replace(/^[-–—]\s*/, '').replace(/^(?:(?:another|some|around|about|nearly|almost|over|more\s+than)\s+)?(?!(?:19|20)\d\d\b)\d[\d,.]*(?!\s+(?:to|and|or)\s|-)(?:\s+|$)/i, '').split(/\s+/).filter(Boolean);
  // Only a verb takes an object after it: "fighting inside Kursk" and "polling stations" stay.
  if (words.length > 1 && /^\p{Ll}+ing$/u.test(words[0]!) && !ING_NOUNS.has(words[0]!) && /^(?:its|their|his|her|the|a|an|this|that)$/i.test(words[1]!)) words.splice(0, 2);
  if (!words.length || words.some((w) => /^(?:we|they|i|you|he|she|it)['’]/i.test(w))) return undefined;
  // "Almost all of them": a pronoun's share names no group; the sentences before do.
  if (/\bof\s+(?:them|those|these|us|you)$/i.test(words.join(' '))) return undefined;
  if (/^(?:this|that|it|they|them|he|she|we|which|cheaper|dearer|worse|better|higher|lower|bigger|smaller)$/i.test(words.join(' ')) || /^(?:of|and|or|the|a|an)$/i.test(words[words.length - 1]!)) return undefined;
  // A lone adverb, preposition or verb of saying names nothing ("needs 30m euros until the end of June",
  // "judged to be $75,000"): better no noun than one that would group unrelated figures.
  if (words.length === 1 && /^(?:until|for|more|less|before|after|according|every|now|instead|even|yet|since|always|never|already|still|also|just|only|then|than|judged|rumoured|reported|showed|disappointing)$/i.test(words[0]!)) return undefined;
  return words.join(' ');
}
