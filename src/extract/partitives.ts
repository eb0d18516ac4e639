/**
 * "11 people were charged, five of whom were convicted", "104,000 jobs will go, with about 6,000 of
 * those in Wales": a part told by a pronoun counts what the whole it belongs to counted. The whole is
 * the nearest earlier figure of the sentence that counts something in the same unit, never a length
 * of time ("in the past 15 years") standing between them. Nothing follows the number itself, so what
 * the part counted before came from guesses around it (the sentence's subject), and yields.
 */
import type { Placed } from './spans.ts';
import { countedKey } from './counted.ts';

const OF_PRONOUN = /^\s+of\s+(?:whom|which|those|them|these)\b/i;
const TIME_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds']);

export function lendToPartitives(s: string, placed: readonly Placed[]): void {
  for (let i = 1; i < placed.length; i++) {
    const part = placed[i]!.fact;
    if (!OF_PRONOUN.test(s.slice(placed[i]!.end, placed[i]!.end + 14))) continue;
    for (let j = i - 1; j >= 0; j--) {
      const whole = placed[j]!.fact;
      if (!whole.counted || TIME_UNITS.has(whole.unit ?? '') || (whole.unit ?? null) !== (part.unit ?? null)) continue;
      part.counted = whole.counted;
      part.countedKey = whole.countedKey ?? countedKey(whole.counted);
      break;
    }
  }
}
