/**
 * Claims: reported speech ("Russia says it has liberated the Kursk region") with who makes it,
 * whether they assert or deny, and a subject key two conflicting claims share ("kursk control").
 */
import type { ClaimFact } from './types.ts';
import { dateAt, type DateMention, type RefDay } from './dates.ts';
import { normalizeEntity } from './topics.ts';
import { DEMONYMS, ENTITY_ALIASES, GAZETTEER } from './lexicon.ts';

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
  'says said say claims claimed claim insists insisted maintains maintained denies denied deny rejects rejected accuses accused argues argued confirmed confirms announced announces asserts asserted'.split(' '),
);
const DENY_VERBS = new Set(['denies', 'denied', 'deny', 'rejects', 'rejected']);
const LEAD_IN = /^\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b,?\s*|in a statement,?\s*|on \w+,?\s*)?(?:that\s+)?/i;
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
    const lead = LEAD_IN.exec(sentence.slice(src.end))!;
    const from = src.end + lead[0].length;
    const next = sources[i + 1];
    let to = next && next.whoStart > from ? next.whoStart : sentence.length;
    const cut = /,\s*(?:but|while|whereas|although)\b|;|\s[—–]\s|[.!?]["”]?\s*$/.exec(sentence.slice(from, to));
    if (cut) to = from + cut.index;
    let text = sentence.slice(from, to).trim().replace(/[,;:\s]+$/, '');
    text = text.replace(/^["“]|["”]$/g, '').trim();
    if (text.split(/\s+/).length < 3 || NOT_A_CLAIM.test(text) || /["“”]\s*$/.test(sentence.slice(0, src.whoStart).trimEnd())) return;
    const when = dates.length ? dateAt(dates, from, ref) : undefined;
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

/** Main entity + topic noun: "kursk control". Deterministic so rival claims meet on the same key. */
export function subjectKeyFor(text: string, sentence: string, who: string, mainEntity: string | undefined): string | undefined {
  const topic = SUBJECTS.find(([, re]) => re.test(text))?.[0] ?? SUBJECTS.find(([, re]) => re.test(sentence))?.[0];
  const actor = actorKeys(who);
  const entity = placeIn(text, actor) ?? placeIn(sentence, actor) ?? mainEntity;
  if (!topic) return entity;
  return entity ? `${entity} ${topic}` : topic;
}

function actorKeys(who: string): Set<string> {
  const keys = new Set<string>();
  for (const w of who.toLowerCase().replace(/['’]s\b/g, '').split(/\s+/)) {
    keys.add(ENTITY_ALIASES[w] ?? DEMONYMS[w] ?? w);
  }
  return keys;
}

// Places named in the text, preferring ones marked as places ("Kursk region") and skipping the speaker's own.
function placeIn(text: string, actor: Set<string>): string | undefined {
  let fallback: string | undefined;
  for (const m of text.matchAll(PLACE)) {
    const key = normalizeEntity(m[0]);
    if (actor.has(key) || DEMONYMS[m[1]!.toLowerCase()]) continue;
    if (/\s(?:region|oblast|area|province)$/i.test(m[0])) return key;
    if (!fallback && GAZETTEER.has(key) && !['ukraine', 'russia', 'kyiv', 'moscow'].includes(key)) fallback = key;
  }
  return fallback;
}
