/**
 * What a figure counted, kept for a later figure that names nothing itself (referents.ts,
 * survey-shares.ts): the phrase, its grouping key and the sentence it came from.
 */
import type { FigureFact } from './types.ts';

export interface Remembered {
  counted: string;
  countedKey: string | undefined;
  sentenceIndex: number;
}

export function remember(f: FigureFact, counted: string): Remembered {
  return { counted, countedKey: f.countedKey, sentenceIndex: f.sentenceIndex };
}

/** Gives `to` what `from` counted, key included, so it groups with that figure. */
export function lend(to: FigureFact, from: Remembered): void {
  to.counted = from.counted;
  if (from.countedKey) to.countedKey = from.countedKey;
  else delete to.countedKey;
}
