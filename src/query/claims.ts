import type { FactRow, Store } from '../store/index.ts';
import { articleOnTopic, searchable, searchArticles, topicQuery } from './search.ts';

export interface DisputeSide {
  attribution: string;
  party: string;
  text: string;
  stance: string;
  articleId: number;
  sentenceIndex: number;
  sentence: string;
  date: string;
}

/** Parties making incompatible claims about the same subject: each side's latest word. */
export interface Dispute {
  subjectKey: string;
  sides: DisputeSide[];
}

/**
 * Who a claim speaks for. Officials, ministries and capitals speak for their country, so
 * "Moscow", "the Kremlin" and "Russia's defence ministry" are one party, not three.
 */
const PARTIES: [RegExp, string][] = [
  [/\b(russia|russian|moscow|kremlin|putin|gerasimov|peskov|lavrov|medinsky)\b/i, 'russia'],
  [/\b(ukraine|ukrainian|kyiv|kiev|zelensky|zelenskyy|syrskyi|umerov|lubinets)\b/i, 'ukraine'],
  [/\b(israel|israeli|jerusalem|idf|netanyahu)\b/i, 'israel'],
  [/\b(hamas|gaza)\b/i, 'hamas'],
  [/\b(china|chinese|beijing)\b/i, 'china'],
  [/\b(taiwan|taiwanese|taipei)\b/i, 'taiwan'],
  [/\b(united states|u\.s\.|washington|white house|pentagon)\b/i, 'united states'],
  [/\b(sudan|sudanese|khartoum|rsf|rapid support forces)\b/i, 'sudan'],
];

/** Parties recognised by name (countries and sides), as opposed to a speaker's own title. */
export const KNOWN_PARTIES: ReadonlySet<string> = new Set(PARTIES.map(([, p]) => p));

export function partyOf(attribution: string): string {
  for (const [re, party] of PARTIES) if (re.test(attribution)) return party;
  return attribution.toLowerCase().replace(/^(the|a|an)\s+/, '').trim();
}

/**
 * Parties for a set of attributions: a bare "General Staff" joins "Ukraine's General Staff" when the
 * fuller name appears among the same claims, instead of counting as a party of its own.
 */
function partiesOf(attributions: readonly string[]): (attribution: string) => string {
  const known = attributions.map((a) => ({ a: a.toLowerCase(), party: partyOf(a) }));
  return (attribution) => {
    const direct = partyOf(attribution);
    if (PARTIES.some(([, p]) => p === direct)) return direct;
    const fuller = known.find((k) => k.a !== attribution.toLowerCase() && k.a.includes(direct) && PARTIES.some(([, p]) => p === k.party));
    return fuller?.party ?? direct;
  };
}

/**
 * What a claim is about, coarsely, so that "Russia says it liberated the region" and "Ukraine says
 * fighting goes on there" land on the same subject while a claim about talks does not.
 */
const PREDICATES: [RegExp, string][] = [
  [/\b(liberat\w*|retak\w*|recaptur\w*|driven out|drove out|pushed\b.*\bout|control\w*|fighting|operations?|still (?:hold|operate|fight)\w*|units? (?:are|still|continue)|foothold|occup\w*|withdr[ae]w\w*|captured the town|seiz\w*)\b/i, 'control'],
  [/\b(killed|dead|deaths?|casualt\w*|wounded|losses)\b/i, 'casualties'],
  [/\b(attack\w*|strike|struck|shell\w*|bomb\w*|responsib\w*)\b/i, 'attack'],
  [/\b(ceasefire|truce|talks|negotiat\w*)\b/i, 'talks'],
];

export function predicateOf(text: string): string | undefined {
  for (const [re, key] of PREDICATES) if (re.test(text)) return key;
  return undefined;
}

/**
 * Claims about the same subject by different parties, where they disagree: one denies what another
 * asserts, or two opposing parties assert things about the same contested subject (control of a place).
 * Each party is represented by its most recent claim.
 */
export function findDisputes(claims: readonly FactRow[]): Dispute[] {
  const bySubject = new Map<string, FactRow[]>();
  for (const c of claims) {
    // Headlines restate the body's claims in fewer words; the body sentence is the one to cite.
    if (c.kind !== 'claim' || !c.attribution || c.sentenceIndex === 0) continue;
    const predicate = predicateOf(c.body ?? c.sentence);
    if (!predicate || !c.subjectKey) continue;
    const key = `${c.subjectKey} ${predicate}`;
    const list = bySubject.get(key) ?? [];
    list.push(c);
    bySubject.set(key, list);
  }
  const disputes: Dispute[] = [];
  for (const [subjectKey, list] of bySubject) {
    const party = partiesOf(list.map((c) => c.attribution!));
    const latest = new Map<string, FactRow>();
    for (const c of [...list].sort((a, b) => a.article.publishedAt.localeCompare(b.article.publishedAt) || a.sentenceIndex - b.sentenceIndex)) {
      latest.set(party(c.attribution!), c);
    }
    if (latest.size < 2) continue;
    const stances = new Set([...latest.values()].map((c) => c.stance ?? 'assert'));
    const contested = subjectKey.endsWith(' control') || subjectKey.endsWith(' casualties') || subjectKey.endsWith(' attack');
    if (!stances.has('deny') && !contested) continue;
    disputes.push({
      subjectKey,
      sides: [...latest.entries()].map(([p, c]) => ({
        attribution: c.attribution!,
        party: p,
        text: c.body ?? c.sentence,
        stance: c.stance ?? 'assert',
        articleId: c.articleId,
        sentenceIndex: c.sentenceIndex,
        sentence: c.sentence,
        date: (c.refDate ?? c.article.publishedAt).slice(0, 10),
      })),
    });
  }
  return disputes;
}

/**
 * Claims on a topic within a tenant, newest first, with the disputes among them: the claims made in
 * the articles about the topic (claims are found through their articles, not a full-text index of their own).
 */
export async function findClaims(store: Store, opts: { tenant: string; topic: string; limit?: number }): Promise<{ claims: FactRow[]; disputes: Dispute[] }> {
  const q = topicQuery(opts.topic);
  if (!searchable(q)) return { claims: [], disputes: [] };
  const articles = (await searchArticles(store.search.forTenant(opts.tenant), q, 200)).filter((a) => articleOnTopic({ title: a.title, topics: a.topics ? a.topics.split('|') : [] }, q));
  const rows = (
    await store.facts.forArticles(
      articles.map((a) => a.id),
      ['claim'],
    )
  )
    // A headline restates a body claim in fewer words; the body sentence is the one to show and cite.
    .filter((c) => c.sentenceIndex > 0)
    .sort((a, b) => b.article.publishedAt.localeCompare(a.article.publishedAt) || a.articleId - b.articleId || a.sentenceIndex - b.sentenceIndex)
    .slice(0, opts.limit ?? 200);
  return { claims: rows, disputes: findDisputes(rows) };
}
