/**
 * A bare number that opens a clause parallel to one before it counts what that clause's figure
 * counted: "5.2 million adults lack reading skills, while 14.9 million lack number skills", "401
 * people before the vote and 601 afterwards", "39 nations were buying euros, with 29 selling dollars".
 * The earlier figure is the nearest one in the same unit that counts something other than an age.
 */
import type { Placed } from './spans.ts';
import { countedKey } from './counted.ts';

const OPENS_PARALLEL = /(?:,\s*(?:while|whereas|with|and|but)|\s(?:while|whereas|and))\s+(?:(?:another|a\s+further|only|just|some|nearly|almost|about|around)\s+)?$/i;
// What follows the number: a verb, a past participle with its particle ("and 3,100 moved out of"),
// or a time ("and a further 20,000 on Sunday"), never a noun of its own.
const THEN_VERB = /^\s+(?:have|has|had|were|was|are|is|said|say|says|think|thought|believe|believed|plan|planned|want|wanted|backed|opposed|voted|did|do|would|could|will|cutting|saying|being|afterwards|before|later|earlier|so\s+far|\p{Ll}+ed\s+(?:out|to|from|in|on|by|at|off)|(?:on|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this|next)\s+(?:year|month|week))\b/iu;

export function lendToParallels(s: string, placed: readonly Placed[]): void {
  for (let i = 1; i < placed.length; i++) {
    const p = placed[i]!;
    if (!/^\d|^[A-Za-z]+$/.test(p.fact.raw.replace(/^(?:another|a further|only|just|some|nearly|almost|about|around)\s+/i, ''))) continue;
    if (!THEN_VERB.test(s.slice(p.end, p.end + 16))) continue;
    const whole = nearestCounting(placed, i);
    if (!whole || !OPENS_PARALLEL.test(s.slice(whole.end, p.start))) continue;
    p.fact.counted = whole.fact.counted!;
    p.fact.countedKey = whole.fact.countedKey ?? countedKey(whole.fact.counted!);
  }
}

function nearestCounting(placed: readonly Placed[], i: number): Placed | undefined {
  const unit = placed[i]!.fact.unit ?? null;
  for (let j = i - 1; j >= 0; j--) {
    const f = placed[j]!.fact;
    if ((f.unit ?? null) !== unit || f.counted === 'age') continue;
    return f.counted ? placed[j] : undefined;
  }
  return undefined;
}
