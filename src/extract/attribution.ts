/**
 * Who says so: finds "X said", "said X", "according to X", "Russian claims that" in a sentence
 * and reads the source's name. Pronouns are left for SourceTracker to resolve.
 */
import { DEMONYMS } from './lexicon.ts';
import { matchesOf } from './scan.ts';
import { evidenceSubject } from './evidence-subjects.ts';
import { backwardName, forwardName, leadingName, subjectOpening } from './source-names.ts';

export { ORG_WORDS } from './source-names.ts';

export interface Source {
  who: string;
  /** Span of the reporting verb (or "according to"); facts pick the source nearest to them. */
  start: number;
  end: number;
  verb: string;
  /** Where the source's name starts in the sentence. */
  whoStart: number;
  /** The reporting clause closes its sentence or clause (", the ministry said on Friday."), so it covers what came before. */
  closing: boolean;
}

export const REPORT_VERBS =
  'said|says|say|told|tells|claimed|claims|claim|confirmed|confirms|announced|announces|reported|reports|stated|states|added|adds|estimated|estimates|estimate|insisted|insists|maintained|maintains|denied|denies|deny|rejected|rejects|accused|accuses|argued|argues|wrote|writes|posted|noted|notes|warned|warns|explained|explains|acknowledged|admitted|alleged|alleges|asserted|asserts|expect|expects|expected|predicted|predicts|forecast|forecasts|see|sees|believes|believe|considers|consider|declares|declared|' +
  // What a survey or a set of figures "found" or "showed" is reported the same way.
  'found|finds|showed|shows|show|revealed|reveals|' +
  // A hope, a promise or a forecast is the subject's own claim ("the government hopes to reach 200 million").
  'hopes|hoped|fears|feared|promised|promises|forecasting|predicting|expecting|argue|accuse|indicated|indicates|calculated|calculates|highlighted|highlights|suggest|suggests|suggested|asks|asked|worked out|' +
  // A call for money is the caller's figure ("Smith calls for £4bn flood fund").
  'calls for|called for|calling for|called on|calls on|urged|urges';
const VERB_RE = new RegExp(`\\b(${REPORT_VERBS})\\b`, 'g');
// Adverbs and auxiliaries that may stand between a name and its verb ("Kyiv has also said"). Walked back
// from each verb rather than written as a repeated group in VERB_RE, which would be tried at every position.
const VERB_LEADS = new Set('has have had also later previously earlier further now still then separately repeatedly'.split(' '));
// "Deloitte is forecasting": a form of "be" leads only a verb in -ing (not a passive "is expected to").
const BE = new Set('is are was were'.split(' '));
// "Mr Hale is expected to say that …": a speech to come is the subject's as much as one given.
const TO_COME = /\b(?:is|are|was|were)\s+(?:also\s+)?(?:expected|due|set|likely|going|poised|preparing)\s+to\s+$/;
function leadStart(sentence: string, verbStart: number, progressive = false): number {
  const from = Math.max(0, verbStart - 40);
  const toCome = sentence.startsWith('say', verbStart) ? TO_COME.exec(sentence.slice(from, verbStart)) : null;
  let p = toCome ? from + toCome.index : verbStart;
  while (p >= 2 && sentence.charCodeAt(p - 1) === 32) {
    let a = p - 1;
    while (a > 0 && /\w/.test(sentence[a - 1]!)) a--;
    const word = sentence.slice(a, p - 1);
    if (!VERB_LEADS.has(word) && !(progressive && BE.has(word))) break;
    p = a;
  }
  return p;
}
// "US employers added 22,000 jobs", "Veltron reported a net profit": these verbs take an object, not speech.
const OBJECT_AFTER = /^\s+(?:a|an|its|their|his|her|some|about|around|more|nearly|almost|over|up to|at least|\$|€|£|\d)/i;
const PARTICIPLE = /,\s+(claiming|saying|insisting|arguing|warning|noting)\b/gi;
// "shares jumped 10.7%, with analysts saying sales of $600m were possible": who the "with" clause names.
const WITH_SAYING = /\bwith\s+((?:[a-z]+\s+)?(?:analysts|economists|experts|traders|dealers|officials|observers|critics|sources|investors|brokers))\s+(saying|predicting|forecasting|estimating|warning|expecting|suggesting)\b/g;
const POSSESSIVE_ESTIMATE = /\b((?:\p{Lu}[\p{L}.-]*\s+)*[\p{L}-]+)['’]s?\s+(?:forecasts?|estimates?|projections?|expectations?|tally|count)\s+of\b/gu;
// "Minister Jo Brand's announcement in May that 9,000 posts would go": whose claim it is.
const POSSESSIVE_CLAIM = /\b((?:\p{Lu}[\p{L}.-]*\s+)*\p{Lu}[\p{L}-]*)['’]s?\s+(?:announcement|claim|pledge|promise|warning|prediction|statement|forecast|estimate)(?:\s+(?:in|on|last)\s+\p{Lu}?[\p{L}]+)?\s+that\b/gu;
const PUT_AT = /\b(puts?|putting)\b(?=[^.;]*?\bat\s+(?:between\s+|about\s+|around\s+|some\s+)?[$€£]?\d)/gi;
// No "told": it takes its listener as object ("Mary Lee, a spokeswoman, told the BBC"), never an inverted sayer.
const INVERTED = /[,”"’]\s+(said|says|added|adds|wrote|noted|warned|estimates|estimated|argues|argued|explains|explained|insists|insisted)\s+/gi;
const CLAUSE_AFTER = /^\s+(?:suggested|suggests|showed|shows|found|finds|indicated|indicates|revealed|reveals|were|was|had|have|has|is|are|would|will|could)\b/;
// (The group before: a poll's respondents, or those it polled.)
const POLLED_FOR = /\b(?:respondents|people|voters|adults|Britons|those\s+(?:polled|surveyed|questioned|asked))\s+(?:in|for|by|to)\s+(?:the\s+|an?\s+)?((?:\p{Lu}[\p{L}'’-]*\s+){1,4}(?:poll|survey)|(?:\p{Lu}[\p{L}'’-]*\s+)*\p{Lu}[\p{L}'’-]*(?=\s+(?:said|say|says|thought|think|thinks|believe|believed|believes|wanted|want|wants|backed|were|was|had|have|would|should|felt|feel)\b))/gu;
const ACCORDING = /\baccording to\s+/gi;
const DOCUMENT_OF = /^(?:(?:a|an|the|new|latest|official)\s+)*(?:forecasts?|figures|data|estimates?|table|report|survey|research|study|statistics|analysis)\s+(?:(?:drawn\s+up|published|compiled|released|issued|produced)\s+)?(?:from|by|of)\s+/i;
const PUT_HINT = /put/i;
const POSSESSED_DOCUMENT = /^(?:the\s+)?((?:\p{Lu}[\p{L}.&-]*\s+){0,3}[\p{L}-]+)(?:['’]s|(?<=s)['’])\s+(?:own\s+|latest\s+|new\s+)?(?:forecasts?|estimates?|figures|calculations|data|research|survey|report|analysis|count|tally|projections?)\b/u;
const DEMONYM_CLAIMS = /\b([A-Z][a-z]+) (?:claims|assertions|statements|reports|allegations) that\b/g;

/** Reporting sources written in one sentence, left to right. */
export function findSources(sentence: string): Source[] {
  const out: Source[] = [];
  const add = adder(out, sentence);
  // Cheap substring checks first: most sentences have none of these constructions.
  if (sentence.includes('ccording to')) for (const m of matchesOf(ACCORDING, sentence)) {
    // "according to estimates from the trade ministry", "according to a list compiled by a newspaper":
    // the body that made the document is the source.
    const rest = sentence.slice(m.index + m[0].length);
    // "according to its estimate": the source named before, as "it said" would be.
    const own = /^(its|their|his|her)\s+(?:own\s+|latest\s+|new\s+)?(?:estimates?|figures|forecasts?|data|calculations|research|survey|report|analysis|count|tally)\b/i.exec(rest);
    if (own) {
      add(({ its: 'it', their: 'they', his: 'he', her: 'she' } as Record<string, string>)[own[1]!.toLowerCase()]!, m.index, m.index + m[0].length, 'according to', m.index + m[0].length, true);
      continue;
    }
    // "according to analysts' forecasts", "according to Brightwell's own figures": whose document it is.
    const theirs = POSSESSED_DOCUMENT.exec(rest);
    if (theirs) {
      add(theirs[1]!, m.index, m.index + m[0].length, 'according to', m.index + m[0].length, true);
      continue;
    }
    const document = DOCUMENT_OF.exec(rest);
    const who = forwardName(document ? rest.slice(document[0].length) : rest);
    if (who) add(who, m.index, m.index + m[0].length, 'according to', m.index + m[0].length + (document?.[0].length ?? 0), true);
  }
  if (/[,”"’] (?:said|says|added|adds|wrote|noted|warned|estimates|estimated|argues|argued|explains|explained|insists|insisted) /.test(sentence)) for (const m of matchesOf(INVERTED, sentence)) {
    const after = sentence.slice(m.index + m[0].length);
    // "says the Waterford man": a person described by a place stands for the person last named.
    const who = /^the\s+\p{Lu}[\p{L}-]*\s+(?:man|woman|boy|girl|teenager|youngster|veteran|player|athlete|rider|runner|driver|star)\b/u.test(after) ? 'he' : forwardName(after);
    // "Greg Holt, a director at Zeta, said its figures showed …": what follows is the clause said, not the sayer.
    const at = who ? after.indexOf(who) : -1;
    if (who && at >= 0 && CLAUSE_AFTER.test(after.slice(at + who.length))) continue;
    if (who) add(who, m.index + 1, m.index + m[0].length, m[1]!.toLowerCase(), m.index + m[0].length, true);
  }
  if (sentence.includes(' that')) for (const m of matchesOf(DEMONYM_CLAIMS, sentence)) {
    const country = DEMONYMS[m[1]!.toLowerCase()];
    if (country) add(titleCase(country), m.index, m.index + m[0].length, 'claims', m.index);
  }
  if (sentence.includes(' that') && /['’]s?\s+(?:announcement|claim|pledge|promise|warning|prediction|statement|forecast|estimate)\b/.test(sentence)) for (const m of matchesOf(POSSESSIVE_CLAIM, sentence)) {
    add(m[1]!, m.index, m.index + m[0].length, 'claims', m.index);
  }
  if (hasEstimateOf(sentence)) for (const m of matchesOf(POSSESSIVE_ESTIMATE, sentence)) {
    const who = m[1]!.replace(/^(?:the|a|an)\s+/i, '');
    const at = m.index + m[0].length - m[1]!.length;
    if (!/^(?:its|their|his|her|our)$/i.test(who)) add(who, m.index, m.index + m[0].length, 'estimates', at);
  }
  for (const m of matchesOf(VERB_RE, sentence)) {
    const verbStart = m.index;
    const verb = m[1]!;
    if (out.some((s) => verbStart >= s.start && verbStart < s.end)) continue;
    const rest = sentence.slice(verbStart + verb.length);
    if (/^(?:added|adds|posted|rejected|rejects)$/.test(verb) && OBJECT_AFTER.test(rest)) continue;
    // "A previous estimate of 0.1%": the noun, not a forecaster's verb.
    if (/^estimates?$/.test(verb) && /\b(?:a|an|the|its|their|previous|earlier|initial|latest|new|official|revised)\s+$/i.test(sentence.slice(Math.max(0, verbStart - 12), verbStart))) continue;
    // "threw out its claim for $280bn", "a claim for damages": a noun after a determiner, not a verb of saying.
    if (/^(?:claims?|forecasts?|warnings?|reports?|predicts?)$/.test(verb) && /\b(?:a|an|the|its|their|his|her|our|this|that)\s+$/i.test(sentence.slice(Math.max(0, verbStart - 8), verbStart))) continue;
    if (/^estimated?$/.test(verb) && /^\s+at\b/.test(rest)) continue; // deaths estimated at 2,300: a passive, no source
    // "Asylum claims were down 40%", "Earlier reports have said": a plural noun before its own verb.
    if (/^(?:claims|reports|estimates|forecasts|notes|states|shows)$/.test(verb) && /^\s+(?:were|are|have|had|rose|fell|dropped|jumped|increased|decreased|slipped|climbed)\b/.test(rest)) continue;
    // "wealth rose an estimated £30m": an adjective, not a forecaster's verb.
    if (verb === 'estimated' && /\b(?:an|a|the|its|their)\s+$/i.test(sentence.slice(Math.max(0, verbStart - 7), verbStart))) continue;
    // "Grand Slam hopes", "hoped for a recovery": only "hopes to", "promised that" state a claim.
    if (/^(?:hope|promise)/.test(verb) && !/^\s+(?:to|that)\b/.test(rest)) continue;
    // "The ADB fears that 1 million …" states a claim; "fears of a slowdown" is a noun.
    if (/^fear/.test(verb) && !/^\s+that\b/.test(rest)) continue;
    const before = sentence.slice(0, leadStart(sentence, verbStart, verb.endsWith('ing')));
    // "Kestrel holds most of the market and said …": a second verb of the sentence's own subject.
    const evidence = evidenceSubject(before);
    const name = evidence ?? relativeSource(before) ?? backwardName(before) ?? (AND_END.test(before) ? subjectOpening(sentence) : undefined) ?? describedSource(before);
    if (name && !evidence && EVIDENCE_VERB.test(verb) && !namesEvidence(name.who, name.start)) continue;
    // "A poll suggests", "figures suggest": evidence suggests; "speculation suggests" names no one.
    if (name && !evidence && /^suggest/.test(verb) && !EVIDENCE_HEAD.test(name.who)) continue;
    const closing = /^tells?$|^told$/.test(verb) && shortObjectCloses(rest) ? true : undefined;
    if (name) add(name.who, verbStart, verbStart + verb.length, verb, name.start, closing);
  }
  const extra =
    sentence.includes('put') || sentence.includes('ing')
      ? [...(PUT_HINT.test(sentence) ? matchesOf(PUT_AT, sentence) : []), ...(sentence.includes(',') ? matchesOf(PARTICIPLE, sentence) : [])]
      : [];
  for (const m of extra) {
    const verbStart = m.index + m[0].length - m[1]!.length;
    // "Radu refused to concede, claiming …": the participle's subject opens the sentence.
    // ("The tobacco companies denied it, saying …": the subject already read for the main verb, in full.)
    const opener = m[0].startsWith(',') ? out.find((o) => o.whoStart === 0) : undefined;
    const name = opener ? { who: opener.who, start: 0 } : m[0].startsWith(',') ? leadingName(sentence) : backwardName(sentence.slice(0, leadStart(sentence, verbStart)));
    if (name && !/^(?:the|a|an|this|these|those|its|their)$/i.test(name.who)) add(name.who, verbStart, verbStart + m[1]!.length, m[1]!.toLowerCase(), name.start);
  }
  // "58% of those asked in the Evening Post poll", "people polled for the Herald": the poll is the source.
  if (sentence.includes(' poll') || sentence.includes(' survey')) for (const m of matchesOf(POLLED_FOR, sentence)) {
    if (out.some((o) => o.start <= m.index && m.index < o.end)) continue;
    const who = m[1]!.trim();
    add(who, m.index, m.index + m[0].length, 'poll', m.index + m[0].length - m[1]!.length);
  }
  if (sentence.includes('with ')) for (const m of matchesOf(WITH_SAYING, sentence)) {
    const verbStart = m.index + m[0].length - m[2]!.length;
    add(m[1]!, verbStart, verbStart + m[2]!.length, m[2]!, m.index + 5);
  }
  return out.sort((a, b) => a.start - b.start);
}

// "forecasts of", "tally of": found from each " of", since an unanchored alternation is tried at every position.
const ESTIMATE_WORD = /(?:forecast|estimate|projection|expectation|tally|count)s?$/;
function hasEstimateOf(sentence: string): boolean {
  for (let i = sentence.indexOf(' of'); i >= 0; i = sentence.indexOf(' of', i + 1)) {
    if (ESTIMATE_WORD.test(sentence.slice(Math.max(0, i - 12), i))) return true;
  }
  return false;
}

// A plain function rather than an arrow declared inside findSources: tsx (esbuild keepNames) wraps
// every named closure in a __name() call, which costs real time once per sentence.
const OWNER_OF_FIGURES = /^(\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*)['’]s?\s+(?:figures|data|statistics|estimates|research)$/u;
function adder(out: Source[], sentence: string) {
  return function (who: string, start: number, end: number, verb: string, whoStart: number, closing?: boolean): void {
    if (/\d/.test(who)) return; // "Nearly 40% of respondents said": the figure is not its own source
    if (/^it['’]s$/i.test(who)) return; // "It's predicted that": no one is named
    // "…, ahead of IMF forecasts": a phrase led by a preposition is no one's subject.
    if (/^(?:ahead|in|on|at|of|below|above|than|against|despite|after|before|with|by|for|from|under|over)\s/.test(who)) return;
    // "… said its figures suggested": a reporting verb inside the name means it spans two clauses.
    if (/(?:^|\s)(?:said|says|told)\s/.test(who)) return;
    // "Apacs' figures show": the body that published the figures is the source.
    const owner = who.includes('s') ? OWNER_OF_FIGURES.exec(who) : null;
    if (owner) who = owner[1]!;
    out.push({ who, start, end, verb, whoStart, closing: closing ?? closes(sentence.slice(Math.max(end, whoStart + who.length))) });
  };
}

// Nothing but time and place adverbials follow the verb before the clause ends.
function closes(rest: string): boolean {
  // "…, Mr Singh said - falling short of …": a dash ends the reporting clause as a comma does.
  const clause = rest.split(/[,;:]|\s[-—–]\s/)[0]!.trim().replace(/[.!?"”]+$/, '');
  if (!clause) return true;
  return clause.split(/\s+/).length <= 5 && /^(?:on|in|at|late|early|last|this|yesterday|today|earlier|later|during|after|before|when|to|via|through)\b/i.test(clause);
}

const AND_END = /\sand\s*$/;
// "the deficit, which he said would be", "the state, which claims": a relative clause's source is its
// pronoun, or the noun the relative pronoun stands for.
const RELATIVE_PRONOUN = /(?:,\s*|\s)(?:which|who|that)\s+(he|she|it|they)\s*$/i;
const RELATIVE_END = /,\s*(?:which|who)\s*$/i;
function relativeSource(before: string): { who: string; start: number } | undefined {
  if (!before.includes('which') && !before.includes('who') && !before.includes('that')) return undefined;
  const pronoun = RELATIVE_PRONOUN.exec(before);
  if (pronoun) return { who: pronoun[1]!.toLowerCase(), start: before.length - pronoun[1]!.length - 1 };
  const rel = RELATIVE_END.exec(before);
  return rel ? backwardName(before.slice(0, rel.index)) : undefined;
}
// "the 22-year-old told", "A City Herald poll of 1,313 people suggests": sources whose words hold a number.
const AGED_SOURCE = /\bthe\s+\d{1,3}-year-old\s*$/i;
const COUNTED_POLL = /((?:\p{Lu}[\p{L}'’-]*\s+){1,4}(?:poll|survey|study))\s+of\s+[\d,]+\s+\p{L}+\s*$/u;
function describedSource(before: string): { who: string; start: number } | undefined {
  const aged = AGED_SOURCE.exec(before);
  if (aged) return { who: 'he', start: aged.index };
  const poll = COUNTED_POLL.exec(before);
  return poll ? { who: poll[1]!.trim().replace(/^(?:A|An|The)\s+/, ''), start: poll.index } : undefined;
}
const EVIDENCE_VERB = /^(?:found|finds|showed|shows|show|revealed|reveals)$/;
const EVIDENCE_HEAD = /\b(?:figures|statistics|data|survey|surveys|poll|polls|census|report|reports|study|studies|research|minutes(?:\s+of\s+the\s+meeting)?)$/i;
// "trials showed", "a study found", "Revisions showed": evidence, not a source a reader can check. A named
// body ("a survey by Quorvex found") or published figures ("figures showed") are.
function namesEvidence(who: string, start: number): boolean {
  const words = who.split(' ');
  // "It found that …": a pronoun stands for the study named before it (the tracker resolves it).
  return EVIDENCE_HEAD.test(who) || /^(?:it|they)$/i.test(who) || words.some((w, i) => /^\p{Lu}/u.test(w) && (i > 0 || start > 0));
}
// ", union leaders told a news agency." closes its sentence like ", they said": the object is a short
// noun phrase (who was told), followed by nothing but time and place.
function shortObjectCloses(rest: string): boolean {
  const clause = rest.split(/[,;:]|\s[—–]\s/)[0]!.trim().replace(/[.!?"”]+$/, '');
  const words = clause.split(/\s+/);
  return words.length <= 5 && !words.some((w) => /^(?:that|how|what|why|was|were|is|are|had|has|would|will|it|they|he|she)$/i.test(w));
}

function titleCase(s: string): string {
  return s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

