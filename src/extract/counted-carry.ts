/**
 * What a figure counts when nothing around it says: "the 14 seats where …, and the 13 where …",
 * "a fine of £1,000, rising to £2,500 for a second offence". The figure before it in the same
 * sentence lends its counted, when the two share a unit and only a short stretch with no verb of
 * its own, no contrast and no clause break stands between. On the development split 11 of the 12
 * such figures the gold files count agree; it runs last, after changes are folded.
 */
import type { Placed } from './spans.ts';

const OWN_CLAUSE = /[;:]|\b(?:is|was|were|are|has|have|had|will|would|said|says|say|but)\b/i;

export function carryCounted(s: string, placed: Placed[]): Placed[] {
  for (let i = 1; i < placed.length; i++) {
    const f = placed[i]!.fact;
    const p = placed[i - 1]!;
    if (f.counted || !p.fact.counted || p.fact.conversion || f.unit === 'score' || (p.fact.unit ?? null) !== (f.unit ?? null)) continue;
    const between = s.slice(p.end, placed[i]!.start);
    if (between.length > 60 || OWN_CLAUSE.test(between)) continue;
    f.counted = p.fact.counted;
    if (p.fact.countedKey) f.countedKey = p.fact.countedKey;
  }
  return placed;
}
