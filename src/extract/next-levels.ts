/**
 * The second figure of one movement, told after the first: "to climb to 80% by 2007 and 95% by
 * 2009" (a second level), "cuts of 7.1% at Transport and 3.2% at Energy" (a second size). It moves
 * the way the first does. Run by the change pass (changes.ts) once each figure's own words are read.
 */
import type { Placed } from './spans.ts';

// "to climb to 80% by 2007 and 95% by 2009": the second level of one movement moves the same way.
// "fell to 90.1% in June and by the end of August stood at 88.5%": the next level may follow a time.
const NEXT_LEVEL = /^(?:\s+(?:a|per)\s+(?:week|month|year|day))?(?:\s+(?:by|in|on|for)\s+[\w ]{1,20}?)?,?\s+and\s+(?:(?:to|then)\s+|(?:(?:by|in|at)\s+[\w ]{1,30}?\s+)?(?:stood|was|ended|closed|finished)\s+at\s+)?$/i;
const SECOND_SIZE = /^\s+(?:at|in|for|on|against)\s+(?:[^,;:()\d]{1,50}?|(?:[^,;:()\d]{1,40}?\s)?(?:19|20)\d\d)(?:,|\s[-–—])?\s+(?:and|as\s+well\s+as)\s+(?:by\s+)?$/i;
export function carryToNextLevel(s: string, placed: Placed[], gone: Set<Placed>): void {
  const standing = placed.filter((p) => !gone.has(p) && !p.fact.conversion);
  for (let i = 0; i + 1 < standing.length; i++) {
    const a = standing[i]!.fact;
    const b = standing[i + 1]!;
    if (!a.direction || b.fact.direction || (a.unit ?? null) !== (b.fact.unit ?? null)) continue;
    // "cuts of 7.1% at Transport and 3.2% at Energy": the second size of one kind of movement.
    // "grew 3.8% in 2002 and 4.1% a year later", "lost 40% against the euro - as well as 20%":
    // a year or a dash may stand between. ("and 40% of firms said" is a share with a verb of its own.)
    if (SECOND_SIZE.test(s.slice(standing[i]!.end, b.start)) && !/^\s+of\b/i.test(s.slice(b.end, b.end + 4))) {
      b.fact.direction = a.direction;
      if (a.isChange) b.fact.isChange = true;
      continue;
    }
    if (a.isChange) continue;
    if (NEXT_LEVEL.test(s.slice(standing[i]!.end, b.start)) && /\bto\s+(?:(?:an?\s+)?(?:maximum|minimum|total|record|average)\s+of\s+|\S+\s+)?$/i.test(s.slice(Math.max(0, standing[i]!.start - 30), standing[i]!.start))) {
      b.fact.direction = a.direction;
      if (!b.fact.counted && a.counted) b.fact.counted = a.counted;
    }
  }
}
