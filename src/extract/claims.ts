/**
 * Claims: reported speech ("Russia says it has liberated the Kursk region") with who makes it,
 * whether they assert or deny, and a subject key two conflicting claims share ("kursk control").
 */
import type { ClaimFact } from './types.ts';
import { dateAt, type DateMention, type RefDay } from './dates.ts';
import { normalizeEntity } from './topics.ts';
import { BACKGROUND_PLACES, DEMONYMS, ENTITY_ALIASES, GAZETTEER } from './lexicon.ts';
import { matchesOf } from './scan.ts';

export interface ClaimSource {
  who: string;
  verb: string;
  start: number;
  end: number;
  /** Where the source's name starts, so a claim stops before the next source. */
  whoStart: number;
  closing?: boolean;
}

const CLAIM_VERBS = new Set(
  ('says said say claims claimed claim insists insisted maintains maintained denies denied deny rejects rejected accuses accused ' +
    'argues argued confirmed confirms announced announces asserts asserted told tells warned warns estimate estimates estimated ' +
    'expects expected reported reports claiming saying insisting arguing warning declares declared added adds noted').split(' '),
);
const DENY_VERBS = new Set(['denies', 'denied', 'deny', 'rejects', 'rejected']);
const LEAD_IN = /^\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b,?\s*|in a statement,?\s*|on \w+,?\s*)?(?:without evidence\s+)?(?:that\s+)?/i;
/** "Vladimir Medinsky, the head of the Russian delegation": a name and its title, not something claimed. */
const APPOSITIVE_ONLY = /^[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)*,\s+(?:the|a|an)\s[^,]+$/;
const NOT_A_CLAIM = /^(?:in|on|at|to|during|after|before|of|with|by|from|for|as|and|but)\b/i;

const SUBJECTS: Array<[string, RegExp]> = [
  ['prisoners', /\b(?:prisoners?|pows?|captives?|captivity|swap|prisoner exchanges?)\b|\bcaptured\s+(?:more than\s+|some\s+|over\s+)?\d/i],
  ['casualties', /\b(?:killed|dead|deaths?|casualt\w*|losses|wounded|death toll)\b/i],
  ['control', /\b(?:liberat\w*|control\w*|captur\w*|seiz\w*|retook|retake\w*|recaptur\w*|occup\w*|withdr\w*|retreat\w*|ongoing|active|operations?|fighting|campaign|territory|encircl\w*|advanc\w*|holds?|held)\b/i],
  ['attack', /\b(?:attack\w*|strikes?|struck|shell\w*|drones?|missiles?|bomb\w*)\b/i],
  ['ceasefire', /\b(?:ceasefire|truce|cease-fire)\b/i],
  ['talks', /\b(?:talks|negotiat\w*|peace)\b/i],
  ['sanctions', /\bsanction\w*\b/i],
];
/**
 * All subjects in one pattern, each its own group: one scan finds a subject that certainly matches, so
 * only the subjects listed before it still need their own test (the first listed subject wins).
 */
const ANY_SUBJECT = new RegExp(SUBJECTS.map(([, re]) => `(${re.source})`).join('|'), 'i');
if (SUBJECTS.some(([, re]) => re.flags !== 'i') || new RegExp(`${ANY_SUBJECT.source}|`).exec('')!.length !== SUBJECTS.length + 1) {
  throw new Error('claims: every SUBJECTS pattern must be case-insensitive only and have no capturing group');
}
const PLACE = /\b(?:the\s+)?([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)(?:\s+(?:region|[Oo]blast|area|province|border region))?/g;

/** Claims made in one sentence; `mainEntity` is the article's main place for subject keys. */
export function sentenceClaims(
  index: number,
  sentence: string,
  sources: readonly ClaimSource[],
  dates: readonly DateMention[],
  ref: RefDay,
  mainEntity: string | undefined,
): ClaimFact[] {
  const out: ClaimFact[] = [];
  sources.forEach((src, i) => {
    if (!CLAIM_VERBS.has(src.verb)) return;
    const span = src.closing || src.whoStart > src.start ? claimBefore(sentence, sources, i) : claimAfter(sentence, sources, i);
    if (!span) return;
    // "all of it has been retaken, while …": the cut can leave a dangling conjunction.
    const text = span.text
      .replace(/^["“]|["”]$/g, '')
      .trim()
      .replace(/[,\s]+(?:while|and|but|as|whereas|although|though)$/i, '');
    if (text.split(/\s+/).length < 3 || NOT_A_CLAIM.test(text) || APPOSITIVE_ONLY.test(text)) return;
    const when = dates.length ? dateAt(dates, span.from, ref) : undefined;
    const subjectKey = subjectKeyFor(text, sentence, src.who, mainEntity);
    out.push({
      kind: 'claim',
      sentenceIndex: index,
      sentence,
      text,
      attribution: src.who,
      stance: DENY_VERBS.has(src.verb) ? 'deny' : 'assert',
      ...(subjectKey ? { subjectKey } : {}),
      ...(when ? { date: when.date } : {}),
    });
  });
  return out;
}

// "Kyiv says the campaign is ongoing": the clause after the verb, up to the next source or a "but".
function claimAfter(sentence: string, sources: readonly ClaimSource[], i: number): { text: string; from: number } | undefined {
  const src = sources[i]!;
  const rest = sentence.slice(src.end);
  const told = /^\s+(?:\S+\s+){1,5}?that\s+/.exec(rest); // "told President Putin that …"
  const lead = src.verb === 'told' && told ? told : LEAD_IN.exec(rest)!;
  const from = src.end + lead[0].length;
  const next = sources[i + 1];
  let to = next && next.whoStart > from ? next.whoStart : sentence.length;
  const cut = /,\s*(?:but|whereas|although)\b|;|\s[—–]\s|[.!?]["”]?\s*$/.exec(sentence.slice(from, to));
  if (cut) to = from + cut.index;
  return { text: sentence.slice(from, to).trim().replace(/[,;:\s]+$/, ''), from };
}

// "Prices fell 1.2%, the association said.": the clause before a closing source, unless it is a quote.
function claimBefore(sentence: string, sources: readonly ClaimSource[], i: number): { text: string; from: number } | undefined {
  const src = sources[i]!;
  const end = Math.min(src.whoStart, src.start);
  const head = sentence.slice(0, end).trimEnd();
  if (!head.endsWith(',') || /["“”’]\s*,?$/.test(head)) return undefined;
  const prev = sources[i - 1];
  const from = prev && prev.end < end ? prev.end : 0;
  const text = sentence.slice(from, end).trim().replace(/^(?:that\s+)/i, '').replace(/[,;:\s]+$/, '');
  return { text, from };
}

/** Main entity + topic noun: "kursk control". Deterministic so rival claims meet on the same key. */
export function subjectKeyFor(text: string, sentence: string, who: string, mainEntity: string | undefined): string | undefined {
  const topic = subjectOf(text) ?? subjectOf(sentence);
  const actor = actorKeys(who);
  const entity = placeIn(text, actor) ?? placeIn(sentence, actor) ?? mainEntity;
  if (!topic) return entity;
  return entity ? `${entity} ${topic}` : topic;
}

function subjectOf(s: string): string | undefined {
  const m = ANY_SUBJECT.exec(s);
  if (!m) return undefined;
  let found = 0;
  while (m[found + 1] === undefined) found++;
  for (let k = 0; k < found; k++) if (SUBJECTS[k]![1].test(s)) return SUBJECTS[k]![0];
  return SUBJECTS[found]![0];
}

// A source makes several claims per article and recurs across articles; its keys are only read.
const actorCache = new Map<string, ReadonlySet<string>>();
function actorKeys(who: string): ReadonlySet<string> {
  let keys = actorCache.get(who);
  if (!keys) {
    if (actorCache.size >= 20_000) actorCache.clear();
    keys = uncachedActorKeys(who);
    actorCache.set(who, keys);
  }
  return keys;
}

function uncachedActorKeys(who: string): Set<string> {
  const keys = new Set<string>();
  for (const w of who.toLowerCase().replace(/['’]s\b/g, '').split(/\s+/)) {
    keys.add(ENTITY_ALIASES[w] ?? DEMONYMS[w] ?? w);
  }
  return keys;
}

// Places named in the text, preferring ones marked as places ("Kursk region") and skipping the speaker's own.
function placeIn(text: string, actor: ReadonlySet<string>): string | undefined {
  let fallback: string | undefined;
  for (const m of matchesOf(PLACE, text)) {
    const key = normalizeEntity(m[0]);
    if (actor.has(key) || DEMONYMS[m[1]!.toLowerCase()]) continue;
    if (/\s(?:region|oblast|area|province)$/i.test(m[0])) return key;
    if (!fallback && GAZETTEER.has(key) && !BACKGROUND_PLACES.has(key)) fallback = key;
  }
  return fallback;
}
