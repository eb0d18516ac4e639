/**
 * "the figure", "That was", "It represents" and "N of them" name no measure of their own: "Now the
 * figure is 14%", "That was 26% more than a year before", "Twelve of them represent Labour". They point
 * back at the measure of the sentence before, so the figure takes what the last figure there counted.
 */
import type { FigureFact } from './types.ts';
import { lend, remember, type Remembered } from './remembered.ts';

const THE_FIGURE = /^(?:the\s+|this\s+|that\s+)?(?:additional\s+|extra\s+|latest\s+|new\s+)?(?:figure|number|total)$/i;
// "It represents an increase of 20%": the move's noun was taken for what is counted.
const MOVE_NOUN = /^(?:increase|rise|fall|drop|decline|jump)$/i;
// "That was 26% more", "It represents an increase of 20%", "This is up 4%": a pronoun subject and a copula.
// "However, this has since been cut to 41bn euros": a pronoun subject and a move to a level.
// "In Chile the figure is about 4%": a place, then the figure of the sentence before.
const THE_FIGURE_IS = /^(?:(?:In|For)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?,?\s+)?the\s+(?:figure|number|total|proportion|share)\s+(?:is|was|stands\s+at|stood\s+at)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|close\s+to\s+|just\s+)?$/u;
const POINTING = /^(?:(?:Now|But|And|So|However|Since\s+then|In\s+\d{4}|Last\s+year|This\s+year),?\s+)?(?:That|This|It)\s+(?:(?:was|is|represents|represented|marks|marked|means|meant)\s+(?:an?\s+(?:increase|rise|fall|drop|decline|jump)\s+of\s+|up\s+|down\s+|an?\s+)?|(?:\w+\s+){0,3}(?:this|that|the)\s+figure\s+(?:to|at)\s+|(?:has|had|have)\s+(?:now\s+|since\s+)?(?:been\s+)?(?:reduced|cut|raised|increased|lowered|fallen|risen|dropped|grown|climbed|slipped|jumped)\s+(?:by|to)\s+)(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|just\s+|only\s+)?$/i;

export class Referents {
  private last: Remembered | undefined;
  private current: Remembered | undefined;

  apply(f: FigureFact): void {
    if (this.current && this.current.sentenceIndex !== f.sentenceIndex) this.last = this.current;
    const at = Math.max(0, f.sentence.indexOf(f.raw));
    // "Twelve of them represent Labour": a part of the group the sentence before counted.
    const ofThem = !f.counted && /^\s+of\s+(?:them|those|these)\b/i.test(f.sentence.slice(at + f.raw.length, at + f.raw.length + 12));
    // ("a quarter of this number": a share of the number itself, not what the sentence before counted.)
    const shareOf = /^\s+of\s+(?:this|that|the)\s+(?:number|total|figure)\b/i.test(f.sentence.slice(at + f.raw.length, at + f.raw.length + 20));
    const points = ofThem || (f.counted && !MOVE_NOUN.test(f.counted) ? THE_FIGURE.test(f.counted) && !shareOf : POINTING.test(f.sentence.slice(0, at)) || THE_FIGURE_IS.test(f.sentence.slice(0, at)));
    if (points && this.last && f.sentenceIndex - this.last.sentenceIndex === 1) lend(f, this.last);
    if (f.counted && !THE_FIGURE.test(f.counted)) this.current = remember(f, f.counted);
  }
}
