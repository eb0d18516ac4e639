/**
 * Reading a source's name from the words around a reporting verb: the subject chunk before it
 * ("Moscow's mayor, Sergei Sobyanin, said"), the name after "according to", or the sentence's opener.
 */
import { DEMONYMS, GAZETTEER } from './lexicon.ts';
import { matchesOf } from './scan.ts';

// "Nielsen/NetRatings", "In-Stat/MDR": a slash before a capital joins one name.
const TOKEN_OR_PUNCT = /[\p{L}\p{N}][\p{L}\p{N}'’.&+-]*(?:\/\p{Lu}[\p{L}\p{N}'’.&+-]*)*|(?<=\s)&(?=\s)|[,;:.!?()"“”]/gu;
/** Lower-case words that can sit inside a source's name ("defence ministry", "air force"). */
export const ORG_WORDS = new Set(
  (
    'military ministry army government officials official spokesman spokeswoman spokesperson staff leadership forces force ' +
    'authorities authority police governor commander president minister office command service agency analysts experts sources ' +
    'source media navy guard defence defense interior foreign health affairs emergency emergencies statement council ' +
    'intelligence prosecutors prosecutor committee department kremlin mayor head chief officer officers spokesmen ' +
    'administration regulator bank court monitors observers investigators representative envoy general spokespeople ' +
    'negotiator commissioner ambassador adviser advisor aide secretary chairman chairwoman chair director analyst economist ' +
    'economists professor researcher researchers editor correspondent judge leader deputy coach manager captain ' +
    'company firm group groups agency institute bureau board watchdog traders markets investors residents witnesses ' +
    'alliance association organisation organization union charity network coalition federation party researchers scientists study ' +
    // What reports a figure as much as who does: "figures showed", "according to reports".
    'report reports survey surveys studies figures statistics data poll polls research census estimates ' +
    // Who speaks for a person: "his family said", "her lawyer said".
    'family relatives lawyer lawyers solicitor publicist'
  ).split(' '),
);
export const ROLE_WORDS = new Set(
  (
    'president minister governor commander mayor spokesman spokeswoman spokesperson negotiator commissioner ambassador ' +
    'adviser advisor aide secretary chairman chairwoman chair director chief head envoy analyst economist professor ' +
    'general colonel gen. col. mr mr. mrs mrs. ms ms. dr dr. chancellor senator sen. gov. leader deputy coach manager captain ' +
    'interior foreign defence defense prime finance justice health economy regional deputy ceo founder officer'
  ).split(' '),
);
export const OPENERS = new Set(
  'but and however meanwhile yet so also in on at last this that despite although though while when after before earlier later separately still now then month week year weekend'.split(' '),
);
export const PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i']);
export const NOT_IN_NAME = new Set(
  'is was were are be been being has have had will would can could may might should must did does do not no which who whom whose that this these those there here when where while if than then because since after before into onto from with without by to'.split(' '),
);
const TRAILING_ADVERBIAL =
  /\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|on\s+\w+\s+\d{1,2}|in\s+a\s+statement|also|earlier|later|previously|now|again|separately|publicly|repeatedly|initially|recently|last\s+(?:week|month|year)|(?:earlier\s+|later\s+)?this\s+(?:week|month|year))\s*$/i;

// Name tests run on every word before a reporting verb; ASCII letters skip the unicode-flag regex.
const UPPER = /^\p{Lu}/u;
export function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(w);
}
const dropDot = (w: string): string => (w.endsWith('.') ? w.slice(0, -1) : w);

// The subject that opens a sentence, for a later verb of the same subject ("Kestrel … and said"):
// capitalised and organisation words from the start, without a leading article.
export function subjectOpening(sentence: string): { who: string; start: number } | undefined {
  const tokens = matchesOf(TOKEN, sentence.slice(0, 120));
  const taken: RegExpMatchArray[] = [];
  for (const t of tokens) {
    const w = t[0];
    if (!taken.length && /^(?:the|a|an)$/i.test(w)) continue;
    if (startsUpper(w) || ORG_WORDS.has(w.toLowerCase())) taken.push(t);
    else break;
    if (taken.length > 5) return undefined;
  }
  const first = taken[0]?.[0].toLowerCase() ?? '';
  // "Speaking on Monday, …", "To win, …", "In May …": an opener, not a subject.
  if (!first || OPENERS.has(first) || PRONOUNS.has(first) || NOT_IN_NAME.has(first) || /ing$/.test(first)) return undefined;
  return { who: taken.map((t) => dropDot(t[0])).join(' '), start: taken[0]!.index! };
}

export function leadingName(sentence: string): { who: string; start: number } | undefined {
  const m = /^(?:\p{Lu}[\p{L}'’.-]+\s?){1,4}/u.exec(sentence);
  if (!m || OPENERS.has(m[0].trim().split(' ')[0]!.toLowerCase())) return undefined;
  return { who: m[0].trim(), start: 0 };
}

// Last words TRAILING_ADVERBIAL can end on. The $-anchored pattern is tried at every space of up to
// 160 characters, so it only runs when the last word could complete it.
const ADVERBIAL_ENDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday yesterday today statement also earlier later previously now again separately publicly repeatedly initially recently week month year'.split(' '),
);
function mayEndInAdverbial(text: string): boolean {
  let i = text.length;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  const last = text.slice(i).toLowerCase();
  return ADVERBIAL_ENDS.has(last) || /^\d{1,2}$/.test(last);
}

const REGION = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;
const AFTER_PLACE = /\b(?:from|in|of|near|outside)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?$/u;
/** How an appositive description opens: an article, a lower-case word, or a named body's possessive and a lower-case role. */
const DESCRIPTION_START = /^(?:the\s|a\s|an\s|\p{Ll}|(?:\p{Lu}[\p{L}.&-]*\s){0,3}\p{Lu}[\p{L}.&-]*['’]s\s+\p{Ll})/u;

const CHUNK_BOUNDARY = /(?:[,;:"“”(—–]|\s-\s|\b(?:that|but|while|because|as|if|when|after|before|whereas|and\s+(?=(?:the|a|an)\b))\b)\s*/gi;

// The subject right before a reporting verb: the clause chunk ending at the verb, or an appositive
// ("Moscow's mayor, Sergei Sobyanin, said") / a participle aside ("An official, speaking on condition …, said").
export function backwardName(before: string): { who: string; start: number } | undefined {
  // Only the last stretch before the verb can hold its subject; bounding it keeps the $-anchored regexes cheap.
  const cut = Math.max(0, before.length - 160);
  let text = before.slice(cut).replace(/\s+$/, '');
  while (mayEndInAdverbial(text)) {
    const m = TRAILING_ADVERBIAL.exec(text);
    if (!m) break;
    text = text.slice(0, m.index);
  }
  if (text.endsWith(',')) {
    const parts = splitChunks(text.slice(0, -1));
    let last = parts.pop();
    // "Ann Fry, from Tula, Oklahoma, said": the region after a place says where, not who.
    if (last && parts.length && REGION.test(last.text.trim()) && AFTER_PLACE.test(parts[parts.length - 1]!.text.trim())) {
      last = parts.pop();
      if (last && /^(?:from|in|of|near|outside)\s/.test(last.text.trim())) last = parts.pop();
    }
    if (last && /^(?:\p{Ll}+ing|who|which|whose|citing|speaking)\b/u.test(last.text)) last = parts.pop();
    // "Gavi, the vaccine alliance, said": the proper name beats its description.
    const prev = parts[parts.length - 1];
    // "Cary Leahy, senior economist at Kestrel Bank, said": so does a name before a role in lower case,
    // or before a role held at a named body ("Jane Doe, Acme's chief executive, said").
    if (last && prev && DESCRIPTION_START.test(last.text.trim()) && /^(?:\p{Lu}[\p{L}'’.&-]*\s?){1,4}$/u.test(prev.text.trim())) last = prev;
    return last ? nameFrom(last.text, cut + last.start) : undefined;
  }
  const parts = splitChunks(text);
  let last = parts.pop();
  // "Sarah Lee, with the hunt in Badminton, Gloucestershire said": a place after where someone is
  // says where, not who.
  if (last && parts.length > 1 && REGION.test(last.text.trim()) && /^(?:with|at|in|from|near|outside|on)\s/.test(parts[parts.length - 1]!.text.trim())) {
    parts.pop();
    last = parts.pop();
  }
  if (!last) return undefined;
  // "BBC correspondent Tom Hall at Postbridge in the West Country said": the reporter, not the place.
  const reporter = REPORTER_AT.exec(last.text);
  if (reporter) return { who: reporter[1]!.trim(), start: cut + last.start + reporter.index + reporter[0].indexOf(reporter[1]!) };
  return nameFrom(last.text, cut + last.start);
}
const REPORTER_AT = /\b(?:correspondent|reporter|editor)\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,3}?)(?=(?:at|in|on|with|near|outside)\s+(?:the\s+)?\p{Lu})/u;

function splitChunks(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  CHUNK_BOUNDARY.lastIndex = 0;
  for (let m = CHUNK_BOUNDARY.exec(text); m; m = CHUNK_BOUNDARY.exec(text)) {
    if (m[0].length === 0) {
      CHUNK_BOUNDARY.lastIndex++;
      continue;
    }
    out.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start });
  return out.filter((c) => c.text.trim().length > 0);
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.&+-]*(?:\/\p{Lu}[\p{L}\p{N}'’.&+-]*)*/gu;
const DATE_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|of|\d{1,4})$/;

// Validates a candidate chunk as a name: a short noun phrase without verbs.
function nameFrom(chunk: string, offset: number): { who: string; start: number } | undefined {
  const tokens = matchesOf(TOKEN, chunk);
  while (tokens.length && OPENERS.has(tokens[0]![0].toLowerCase()) && tokens.length > 1) tokens.shift();
  while (tokens.length && /^(?:a|an|its|their|his|her|our)$/i.test(tokens[0]![0])) tokens.shift();
  if (!tokens.length) return undefined;
  const first = tokens[0]!;
  if (tokens.length === 1 && PRONOUNS.has(first[0].toLowerCase())) return { who: first[0].toLowerCase(), start: offset + first.index };
  const words = tokens.map((t) => dropDot(t[0]));
  if (words.length > 7 || words.some((w, i) => isVerbish(w, i))) return strictName(tokens, offset);
  const lastWord = words[words.length - 1]!.toLowerCase();
  if (!words.some((w) => startsUpper(w) || ORG_WORDS.has(w.toLowerCase())) && !(/[^s]s$/.test(lastWord) && words.length <= 3)) return undefined;
  const start = personStart(words);
  return { who: words.slice(start).join(' '), start: offset + tokens[start]!.index };
}

function isVerbish(w: string, i: number): boolean {
  const l = w.toLowerCase();
  if (NOT_IN_NAME.has(l) || PRONOUNS.has(l)) return true;
  if (startsUpper(w)) return false;
  return (/ed$/.test(l) && !ORG_WORDS.has(l) && i > 0) || /ly$/.test(l);
}

// Falls back to the capitalised/organisation words right before the verb ("… the Ukrainian military").
function strictName(tokens: RegExpMatchArray[], offset: number): { who: string; start: number } | undefined {
  const taken: RegExpMatchArray[] = [];
  // "Figures released (earlier this year) showed": a participle after the name is not part of it.
  let last = tokens.length - 1;
  while (last > 0 && /^\p{Ll}+ed$/u.test(tokens[last]![0]) && (startsUpper(tokens[last - 1]![0]) || ORG_WORDS.has(tokens[last - 1]![0].toLowerCase()))) last--;
  // "A spokeswoman for the Bay Shopping Centre in Cardiff said": the place after "in" says where, not who.
  if (last >= 2 && startsUpper(tokens[last]![0]) && tokens[last - 1]![0] === 'in' && (startsUpper(tokens[last - 2]![0]) || ORG_WORDS.has(tokens[last - 2]![0].toLowerCase()))) last -= 2;
  for (let i = last; i >= 0 && taken.length < 6; i--) {
    const t = tokens[i]![0];
    if (startsUpper(t) || /['’]s$/.test(t) || ORG_WORDS.has(t.toLowerCase()) || (/^(?:of|for)$/.test(t) && taken.length)) taken.unshift(tokens[i]!);
    else break;
  }
  while (taken.length && /^(?:of|for)$/.test(taken[0]![0])) taken.shift();
  if (!taken.length || OPENERS.has(taken[0]![0].toLowerCase())) return undefined;
  // "The advice issued on Monday, said", "counts to the end of October showed": a date says when, never who.
  if (taken.every((t) => DATE_WORD.test(t[0]))) return undefined;
  const words = taken.map((t) => t[0]);
  const start = personStart(words);
  return { who: words.slice(start).join(' '), start: offset + taken[start]!.index! };
}

// "Russian commander Valery Gerasimov" → start of "Valery Gerasimov": a trailing personal name after a role.
function personStart(words: string[]): number {
  let i = words.length;
  while (i > 0 && isNameWord(words[i - 1]!)) i--;
  if (words.length - i >= 2 && i > 0 && ROLE_WORDS.has(words[i - 1]!.toLowerCase())) return i;
  return 0;
}

function isNameWord(w: string): boolean {
  const l = w.toLowerCase();
  return !ORG_WORDS.has(l) && !ROLE_WORDS.has(l) && !DEMONYMS[l] && !GAZETTEER.has(l) && !/['’]s$/.test(w) && /^\p{Lu}[\p{Ll}'’-]+$/u.test(w);
}

function isLooseTail(words: string[]): boolean {
  const last = words[words.length - 1]!;
  if (startsUpper(last) || ORG_WORDS.has(last.toLowerCase())) return false;
  return words.slice(0, -1).some((w) => startsUpper(w) || ORG_WORDS.has(w.toLowerCase()));
}

const ROLE_THEN_NAME = /^(?:its|their|his|her|the)\s+(?:\p{Lu}[\p{L}-]*\s+)?\p{Ll}[\p{Ll}-]+(?:\s+\p{Ll}[\p{Ll}-]+)?,\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})(?=\s+(?:of|at|from)\s|,)/u;
const ADVERBS = new Set('now then also still again today yesterday tonight meanwhile however too'.split(' '));

// A source named after "according to" / "said": "its foreign ministry", "Moscow's negotiator Vladimir Medinsky".
export function forwardName(after: string): string | undefined {
  const by =
    /^(?:a|an|the)?\s*[\w\s-]{0,40}?\b(?:published|released|compiled|collected|gathered|collated|issued|conducted|commissioned|presented|prepared|produced|carried\s+out|drawn\s+up)(?:\s+to\s+(?:the\s+)?[\w\s-]{1,40}?)?\s+by\s+/i.exec(after) ??
    /^(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?(?:study|report|survey|research|analysis|estimate|estimates|poll|data|figures|statistics|count|tally|review|statement|assessment)\s+(?:by|from)\s+/i.exec(after);
  const text = by ? after.slice(by[0].length) : after;
  // "according to its Paris lawyer, Emil Roux of Roux & Vidal": the person named after the role.
  const named = ROLE_THEN_NAME.exec(text);
  if (named) return named[1]!;
  const tokens = matchesOf(TOKEN_OR_PUNCT, text);
  const words: string[] = [];
  for (const t of tokens) {
    const w = t[0];
    const l = w.toLowerCase();
    if (!words.length && PRONOUNS.has(l)) return l;
    if (!words.length && /^(?:its|their|his|her|our|a|an|the)$/i.test(w)) continue;
    const next = tokens[tokens.indexOf(t) + 1]?.[0] ?? '';
    if (/^(?:at|of|for)$/.test(l) && words.length && startsUpper(next)) {
      words.push(w); // "researchers at Imperial College London"
      continue;
    }
    if (/^[,;:.!?()"“”]$/.test(w) || NOT_IN_NAME.has(l) || (/(?:ing|ed)$/.test(l) && !startsUpper(w)) || (/^(?:on|in|at|said|says|added|told)$/.test(l) && words.length)) break;
    // "according to Dunmore bank now The agency …": an adverb, or a capitalised article after the name,
    // starts another phrase (often where markup or a paragraph break was lost).
    if (words.length && (ADVERBS.has(l) || /^(?:The|A|An)$/.test(w))) break;
    // "UK research think-tank Hollow Oak Centre for Digital Life": the name after its description, whose
    // words must not use up the name's length.
    if (startsUpper(w) && words.length && DESCRIBES.test(words[words.length - 1]!)) words.length = 0;
    words.push(dropDot(w));
    if (words.length >= 7) break;
  }
  while (words.length && /^(?:of|for|and|the|at)$/i.test(words[words.length - 1]!)) words.pop();
  if (!words.length || !words.some((w) => startsUpper(w) || ORG_WORDS.has(w.toLowerCase()))) return undefined;
  // "dunmore.example bank bold": a trailing lower-case word after the name's head names nothing.
  while (words.length > 1 && isLooseTail(words)) words.pop();
  return words.slice(Math.max(personStart(words), describedStart(words))).join(' ');
}

// "UK research firm Smith & Wesson Insights": the name after a lower-case description of it.
const DESCRIBES = /^(?:firm|company|group|consultancy|agency|bank|watchdog|charity|body|website|magazine|newspaper|broadcaster|institute|analyst|analysts|organisation|organization|campaigners?|researchers?|think-tank|thinktank)$/;
function describedStart(words: string[]): number {
  const k = words.findLastIndex((w) => !startsUpper(w) && w !== '&');
  return k >= 0 && k < words.length - 1 && DESCRIBES.test(words[k]!) && startsUpper(words[k + 1]!) ? k + 1 : 0;
}
