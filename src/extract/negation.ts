/**
 * Whether a figure is denied ("denied that 300 were held", "not 40") or hedged ("reportedly",
 * "is believed to"): the words around it in its sentence.
 */
import { matchesOf } from './scan.ts';

// "reportedly 40", "an estimated 300", "is believed to have": the sentence does not assert the figure.
export const HEDGE = /\b(?:reportedly|allegedly|purportedly|may have|might have|could have|may be|an estimated|estimated|unconfirmed|unverified|(?:is|are|was|were) (?:believed|thought|said) to|(?:is|are|was|were) believed|likely|possibly|it is understood)\b/i;
const DENY = /\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|refuted|disputed)\b(?:\s+(?:claims|reports|suggestions|allegations))?(?:\s+that)?\b/gi;
const NOT_BEFORE = /\b(?:not|never|no longer|didn't|did not|hasn't|haven't|wasn't|weren't)\b(?!\s+(?:only|more than|fewer than|less than))[^,;.]{0,30}$/i;

export const NEGATION_HINT = /\b(?:not|never|no longer|n't|den(?:ied|ies|y|ying)|reject(?:ed|s)|dismissed|refuted|disputed)\b/i;

export function isNegated(s: string, start: number, npEnd: number): boolean {
  const before = s.slice(Math.max(0, start - 80), start);
  DENY.lastIndex = 0;
  for (const m of matchesOf(DENY, before)) {
    if (!/[;.]/.test(before.slice(m.index + m[0].length))) return true;
  }
  if (NOT_BEFORE.test(s.slice(Math.max(0, start - 40), start))) return true;
  return /^\s+(?:were|was|had|have|has|are|is)?\s*(?:not|never)\b/i.test(s.slice(npEnd, npEnd + 20));
}
