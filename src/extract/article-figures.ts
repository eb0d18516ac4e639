/**
 * Figures across an article: each sentence's figures (figures.ts), then what one sentence lends the
 * next ("the 971 captures" counts what 971 counted; a survey's group; "the figure"), and headline
 * figures that round a body figure.
 */
import type { FigureFact } from './types.ts';
import type { RefDay } from './dates.ts';
import { sentenceFigures, type SentenceContext } from './figures.ts';
import { SurveyGroups } from './survey-shares.ts';
import { Referents } from './referents.ts';
import { resolveCurrencies } from './currency-country.ts';

/** Figures in the given sentences; `sameValueCounted` lets "the 971 captures" borrow what 971 counted earlier. */
export function extractFigures(contexts: readonly SentenceContext[], ref: RefDay): FigureFact[] {
  const out: FigureFact[] = [];
  const countedByValue = new Map<number, { counted: string; countedKey: string }>();
  const surveys = new SurveyGroups();
  const referents = new Referents();
  const given: FigureFact[] = [];
  for (const ctx of contexts) {
    for (const f of sentenceFigures(ctx, ref)) {
      if (repeatsGiven(f, given)) continue;
      given.push(f);
      surveys.apply(f);
      referents.apply(f);
      const earlier = f.unit ? undefined : countedByValue.get(f.value);
      // "the 971 captures": an event noun counts the same thing the number counted before.
      const eventNoun = f.counted ? EVENT_NOUNS.exec(f.counted.trim()) : null;
      if (earlier && (!f.counted || eventNoun)) {
        Object.assign(f, earlier);
        if (eventNoun) f.event = EVENT_NOUNS_TO_EVENT[eventNoun[1]!.toLowerCase()] ?? f.event;
      } else if (f.counted && f.countedKey && !f.unit && !countedByValue.has(f.value)) {
        countedByValue.set(f.value, { counted: f.counted, countedKey: f.countedKey });
      }
      out.push(f);
    }
  }
  if (out.some((f) => /\b(?:pesos?|rupees?)\b/i.test(f.raw))) resolveCurrencies(out, contexts.map((c) => c.text).join(' '));
  markRoundings(out);
  return out;
}

/**
 * "Of the 12 million that are traded in", "the $2.5m fine": a definite reference to an amount the
 * article gave in an earlier sentence restates it; it is no new figure. Counts of people and events
 * stay ("the 971 captures" is the fact again, and series join it).
 */
function repeatsGiven(f: FigureFact, given: readonly FigureFact[]): boolean {
  if (f.direction || f.valueHigh !== undefined || f.conversion || f.counted === 'age') return false;
  const at = f.sentence.indexOf(f.raw);
  if (at < 0 || !/(?:^|\s)the\s+$/i.test(f.sentence.slice(Math.max(0, at - 5), at))) return false;
  if (!/\d/.test(f.raw) || (!f.unit && f.value < 1000)) return false;
  return given.some((g) => g.sentenceIndex < f.sentenceIndex && g.value === f.value && (g.unit ?? null) === (f.unit ?? null));
}

const EVENT_NOUNS = /^(captures|arrests|deaths|killings|releases|returns|exchanges|swaps|evacuations|detentions)$/i;
const EVENT_NOUNS_TO_EVENT: Record<string, string> = {
  captures: 'captured', arrests: 'detained', deaths: 'killed', killings: 'killed', releases: 'released', returns: 'returned',
  exchanges: 'exchanged', swaps: 'exchanged', evacuations: 'evacuated', detentions: 'detained',
};

/**
 * A headline figure that rounds one of its article's body figures ("1,000 soldiers" over a body's
 * 971) is marked as that rounding, so answers never lead with it. Same unit, within 10%, and the
 * headline's value rounder than the body's.
 */
function markRoundings(figures: FigureFact[]): void {
  const body = figures.filter((f) => f.sentenceIndex > 0 && !f.vague && !f.conversion);
  for (const t of figures) {
    if (t.sentenceIndex !== 0 || t.vague || t.valueHigh !== undefined) continue;
    let best: FigureFact | undefined;
    for (const b of body) {
      if (b.value === t.value || (b.unit ?? null) !== (t.unit ?? null) || b.value === 0) continue;
      if (Math.abs(t.value - b.value) / Math.abs(b.value) > 0.1 || trailingZeros(t.value) <= trailingZeros(b.value)) continue;
      if (t.countedKey && b.countedKey && headNoun(t.countedKey) !== headNoun(b.countedKey)) continue;
      if (!best || Math.abs(b.value - t.value) < Math.abs(best.value - t.value)) best = b;
    }
    if (best) t.roundingOf = best.value;
  }
}

const trailingZeros = (v: number): number => {
  let n = 0;
  for (let x = Math.round(Math.abs(v)); x > 0 && x % 10 === 0; x /= 10) n++;
  return n;
};
// Captured people go by many names; a headline's "captives" rounds a body's "soldiers".
const headNoun = (key: string): string => {
  const head = /prisoner of war$/.test(key) ? 'prisoner' : (key.split(' of ')[0]!.split(' ').at(-1) ?? key);
  return /^(?:soldier|troop|serviceman|prisoner|captive|pow|fighter)$/.test(head) ? 'soldier' : head;
};
