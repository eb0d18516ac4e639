import type { FactRow } from '../store/index.ts';

export interface DisputeSide {
  attribution: string;
  text: string;
  stance: string;
  articleId: number;
  sentenceIndex: number;
  sentence: string;
  date: string;
}

/** Two or more parties making different claims about the same subject. */
export interface Dispute {
  subjectKey: string;
  sides: DisputeSide[];
}

const norm = (s: string): string => s.toLowerCase().replace(/^(the|russia's|ukraine's)\s+/, '').trim();

/**
 * Claims sharing a subject but made by different parties are a dispute: the extractor gives
 * claims about the same thing the same subjectKey, so disagreement is a grouping, not a guess.
 */
export function findDisputes(claims: readonly FactRow[]): Dispute[] {
  const bySubject = new Map<string, FactRow[]>();
  for (const c of claims) {
    if (c.kind !== 'claim' || !c.subjectKey || !c.attribution) continue;
    const list = bySubject.get(c.subjectKey) ?? [];
    list.push(c);
    bySubject.set(c.subjectKey, list);
  }
  const disputes: Dispute[] = [];
  for (const [subjectKey, list] of bySubject) {
    const parties = new Set(list.map((c) => norm(c.attribution!)));
    if (parties.size < 2) continue;
    disputes.push({
      subjectKey,
      sides: list.map((c) => ({
        attribution: c.attribution!,
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
