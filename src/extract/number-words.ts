/**
 * Numbers written in words: "nine hundred", "twenty-five", "two dozen", "half a million", and a
 * decimal said aloud ("one point three"). Read by the number scanner (numbers.ts).
 */
import { SCALES } from './units.ts';

export const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'dozen'].join('|')})`;
// "one point three per cent", "two point five million": a decimal said aloud, only before what it
// measures ("at one point three men" is no 1.3).
export const SAID_DECIMAL = String.raw`(?:\s+point(?:\s+(?:zero|one|two|three|four|five|six|seven|eight|nine))+(?=\s+(?:per\s?cent|percent|percentage|million|billion|trillion|thousand)\b)(?:\s+(?:million|billion|trillion|thousand))?)?`;

export interface WordParse {
  value: number;
  /** How many tokens formed a valid number (the rest is left unread). */
  used: number;
  tokens: number;
}

export function parseWords(tokens: string[]): WordParse | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  let lastKind: 'none' | 'unit' | 'ten' | 'hundred' | 'scale' = 'none';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok === 'a' || tok === 'an' || tok === 'half') {
      if (i !== 0 && !(tokens[0] === 'half' && i === 1)) break;
      // "half a million": the "a" after "half" keeps the half.
      current = tok === 'half' || i === 1 ? 0.5 : 1;
      continue;
    }
    // "one point three": the unit words after "point" are the decimal digits.
    if (tok === 'point' && (lastKind === 'unit' || lastKind === 'ten')) {
      let digits = '';
      let j = i + 1;
      while (j < tokens.length && (UNITS[tokens[j]!] ?? 10) < 10) digits += String(UNITS[tokens[j++]!]);
      if (!digits) break;
      current = Number(`${current}.${digits}`);
      used = j;
      i = j - 1;
      continue;
    }
    if (tok === 'and') {
      if (lastKind !== 'hundred' && lastKind !== 'scale') break;
      continue;
    }
    if (tok in UNITS) {
      if (lastKind === 'unit' || (lastKind === 'ten' && UNITS[tok]! >= 10)) break;
      current = (lastKind === 'none' ? 0 : current) + UNITS[tok]!;
      lastKind = 'unit';
    } else if (tok in TENS) {
      if (lastKind === 'unit' || lastKind === 'ten') break;
      current = (lastKind === 'none' ? 0 : current) + TENS[tok]!;
      lastKind = 'ten';
    } else if (tok === 'hundred') {
      current = (current || 1) * 100;
      lastKind = 'hundred';
    } else if (tok === 'dozen') {
      current = (current || 1) * 12;
      lastKind = 'hundred';
    } else if (tok in SCALES) {
      total += (current || 1) * SCALES[tok]!;
      current = 0;
      lastKind = 'scale';
    } else {
      break;
    }
    used = i + 1;
  }
  if (used === 0) return undefined;
  return { value: total + current, used, tokens: tokens.length };
}
