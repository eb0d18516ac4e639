/**
 * Who says so: finds "X said", "said X", "according to X", "X's statement" in a sentence and
 * resolves pronoun sources ("it added", "he said") to the last named source or person.
 */
import { DEMONYMS, GAZETTEER } from './lexicon.ts';

export interface Source {
  who: string;
  /** Span of the reporting verb (or "according to"); facts pick the source nearest to them. */
  start: number;
  end: number;
  verb: string;
  /** Where the source's name starts in the sentence. */
  whoStart: number;
}

export const REPORT_VERBS =
  'said|says|say|told|tells|claimed|claims|claim|confirmed|confirms|announced|announces|reported|reports|stated|states|added|adds|estimated|estimates|insisted|insists|maintained|maintains|denied|denies|deny|rejected|rejects|accused|accuses|argued|argues|wrote|writes|posted|noted|notes|warned|warns|explained|acknowledged|admitted|alleged|alleges|asserted|asserts';
const VERB_RE = new RegExp(`\\b(?:has |have |had |also |later |previously |earlier |further )*(${REPORT_VERBS})\\b`, 'gi');
const INVERTED = new RegExp(`[,”"’]\\s+(said|says|added|adds|wrote|told|according to)\\s+`, 'gi');
const ACCORDING = /\baccording to\s+/gi;
const ORG_WORDS = new Set(
  (
    'military ministry army government officials official spokesman spokeswoman spokesperson staff leadership forces ' +
    'authorities police governor commander president minister office command service agency analysts experts sources ' +
    'source media navy guard defence defense interior foreign health affairs emergency emergencies statement council ' +
    'intelligence prosecutors prosecutor committee department kremlin mayor head chief officer officers spokesmen ' +
    'administration regulator bank court monitors observers investigators representative envoy general spokespeople of for the and'
  ).split(' '),
);
const OPENERS = new Set(
  'But And However Meanwhile Yet So Also In On At Last This That Despite Although Though While When After Before Earlier Later Separately Still Now Then Thursday Monday Tuesday Wednesday Friday Saturday Sunday'.split(' '),
);
const PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i']);
const PERSON_TITLES =
  /\b(?:President|Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|Gen\.|General|Col\.|Colonel|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Chancellor|Senator|Sen\.|Governor|Gov\.|Mayor|Pope|King|Queen|Secretary|Commander|spokesman|spokeswoman|spokesperson)\s+((?:[A-Z][\p{L}'’-]+\s?){1,3})/gu;

/** Reporting sources written in one sentence. Pronouns are returned as written; see SourceTracker. */
export function findSources(sentence: string): Source[] {
  const out: Source[] = [];
  for (const m of sentence.matchAll(ACCORDING)) {
    const who = forwardName(sentence.slice(m.index + m[0].length));
    if (who) out.push({ who, start: m.index, end: m.index + m[0].length, verb: 'according to', whoStart: m.index + m[0].length });
  }
  for (const m of sentence.matchAll(INVERTED)) {
    if (m[1]!.toLowerCase() === 'according to') continue;
    const who = forwardName(sentence.slice(m.index + m[0].length));
    if (who) out.push({ who, start: m.index + 1, end: m.index + m[0].length, verb: m[1]!.toLowerCase(), whoStart: m.index + m[0].length });
  }
  const noun = /\b([A-Z][a-z]+) (?:claims|assertions|statements|reports|allegations) that\b/g;
  for (const m of sentence.matchAll(noun)) {
    const country = DEMONYMS[m[1]!.toLowerCase()];
    if (country) out.push({ who: titleCase(country), start: m.index, end: m.index + m[0].length, verb: 'claims', whoStart: m.index });
  }
  for (const m of sentence.matchAll(VERB_RE)) {
    const verbStart = m.index + m[0].length - m[1]!.length;
    if (out.some((s) => verbStart >= s.start && verbStart < s.end)) continue;
    const name = backwardName(sentence.slice(0, m.index));
    if (name) out.push({ who: name.who, start: verbStart, end: verbStart + m[1]!.length, verb: m[1]!.toLowerCase(), whoStart: name.start });
  }
  return out.sort((a, b) => a.start - b.start);
}

function titleCase(s: string): string {
  return s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[,;:()"“”]/gu;

// Walk back from a reporting verb over the subject noun phrase.
function backwardName(before: string): { who: string; start: number } | undefined {
  const tokens = [...before.matchAll(TOKEN)];
  const taken: RegExpExecArray[] = [];
  for (let i = tokens.length - 1; i >= 0 && taken.length < 7; i--) {
    const tok = tokens[i]!;
    const t = tok[0];
    const lower = t.toLowerCase();
    if (taken.length === 0 && PRONOUNS.has(lower)) return { who: lower, start: tok.index };
    if (/^[A-Z]/.test(t) || /['’]s$/.test(t) || ORG_WORDS.has(lower) || (lower === 'the' && taken.length > 0)) {
      taken.unshift(tok as RegExpExecArray);
      if (lower === 'the') break;
      continue;
    }
    break;
  }
  const words = (): string[] => taken.map((t) => t[0]);
  while (taken.length && /^(?:of|for|and|the)$/i.test(taken[taken.length - 1]![0])) taken.pop();
  while (taken.length && (OPENERS.has(taken[0]![0]) || /^(?:of|for|and)$/i.test(taken[0]![0]))) taken.shift();
  if (!taken.length) return undefined;
  const w = words();
  if (!w.some((t) => /^[A-Z]/.test(t)) && !w.some((t) => ORG_WORDS.has(t.toLowerCase()) && !/^(?:of|for|and|the)$/.test(t))) return undefined;
  return { who: w.join(' '), start: taken[0]!.index };
}

// Read a source name forward: "the Ukrainian military", "Ukraine's General Staff", "Mr Smith".
function forwardName(after: string): string | undefined {
  const tokens = after.match(TOKEN) ?? [];
  const taken: string[] = [];
  for (const t of tokens) {
    const lower = t.toLowerCase();
    if (taken.length === 0 && PRONOUNS.has(lower)) return lower;
    if (/^[A-Z]/.test(t) || ORG_WORDS.has(lower) || /['’]s$/.test(t)) {
      taken.push(t);
      if (taken.length >= 7) break;
      continue;
    }
    break;
  }
  while (taken.length && /^(?:of|for|and|the)$/i.test(taken[taken.length - 1]!)) taken.pop();
  let who = taken.join(' ').replace(/['’]s (?:statement|report|data|figures|estimates?)$/i, '');
  who = who.replace(/\s+(?:statement|report|data|figures)$/i, '');
  if (!who || !/[A-Z]/.test(who) && !taken.some((t) => ORG_WORDS.has(t.toLowerCase()) && !/^(?:of|for|and|the)$/.test(t))) return undefined;
  return who.replace(/[.,]$/, '');
}

/** Keeps the last named source and person so "it said" / "he added" can be resolved. */
export class SourceTracker {
  private lastSource: string | undefined;
  private lastPerson: string | undefined;
  private readonly persons: string[] = [];

  /** Notes people named in a sentence ("President Volodymyr Zelensky") and surname mentions. */
  observe(sentence: string): void {
    for (const m of sentence.matchAll(PERSON_TITLES)) {
      const name = m[1]!.trim().replace(/['’]s$/, '');
      this.persons.push(name);
      this.lastPerson = name;
    }
    const first = /^([A-Z][\p{L}'’-]+)\b/u.exec(sentence)?.[1];
    if (first) {
      const known = this.persons.find((p) => p.split(' ').pop() === first);
      if (known) this.lastPerson = known;
    }
  }

  /** Resolves a pronoun; records a named source as the latest. A leading "the" is dropped. */
  resolve(name: string): string | undefined {
    const who = name.replace(/^the\s+/i, '');
    const lower = who.toLowerCase();
    if (lower === 'he' || lower === 'she') return this.lastPerson ?? this.lastSource;
    if (PRONOUNS.has(lower)) return this.lastSource ?? this.lastPerson;
    this.lastSource = who;
    if (this.isPerson(who)) this.lastPerson = this.fullName(who);
    return who;
  }

  private isPerson(who: string): boolean {
    const words = who.split(' ');
    if (this.persons.some((p) => p.endsWith(words[words.length - 1]!))) return true;
    return words.length >= 2 && words.length <= 3 && words.every((w) => /^[A-Z][a-z]/.test(w) && !ORG_WORDS.has(w.toLowerCase()) && !GAZETTEER.has(w.toLowerCase()) && !DEMONYMS[w.toLowerCase()]);
  }

  private fullName(who: string): string {
    return this.persons.find((p) => p.endsWith(who.split(' ').pop()!)) ?? who;
  }
}
