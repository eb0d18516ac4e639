/**
 * Shares that name no group of their own ("Similarly, 48% were pessimistic", "Only 11% regarded
 * themselves as savvy", "42% of them say") stand for the group the article's last share was of
 * ("44% of respondents"): a survey is reported a sentence at a time.
 */
import type { FigureFact } from './types.ts';
import { lend, remember, type Remembered } from './remembered.ts';

// Only connectives, hedges and qualifiers before the share: it opens its clause as the subject.
const OPENS_CLAUSE = /(?:^|[,;:]\s*|\s[-–—]\s|\b(?:while|whereas|against|and|but|with|found\s+that|showed\s+that|suggested\s+that|revealed\s+that)\s+)(?:(?:and|but|similarly|however|meanwhile|while|whereas|only|just|some|nearly|about|almost|around|a\s+further|another)[\s,]+)*$/i;
// … and a verb of holding a view, or "of them", after it.
const HOLDS_A_VIEW = /^\s+(?:of\s+(?:them|those)\s+)?(?:were|are|was|is|said|say|says|think|thinks|thought|believe|believes|believed|saw|see|sees|felt|feel|feels|want|wants|wanted|regarded|backed|back|supported|support|opposed|oppose|agreed|agree|disagreed|expect|expects|expected|who|had|have|would|could|preferred|prefer|prefers|named|chose|voted|offered|sold|bought|used|paid|spent|made|went|got|owned|own|owns|\p{Ll}+ed\s+(?:to|that|their|the|a|an)|going|using|saying)\b/iu;

const SURVEYED = /\b(?:(?:survey|poll|study|questionnaire)\s+of|(?:polled|surveyed|questioned|interviewed|asked)|sample\s+of)\s+(?:more\s+than\s+|about\s+|some\s+|nearly\s+|over\s+)?$/i;

/** How many sentences back a survey's group may still be the subject. */
const REACH = 3;
const SURVEY_REACH = 12;

export function isBareShare(f: FigureFact): boolean {
  if (f.unit !== '%' || f.counted) return false;
  const at = f.sentence.indexOf(f.raw);
  if (at < 0) return false;
  return OPENS_CLAUSE.test(f.sentence.slice(0, at)) && HOLDS_A_VIEW.test(f.sentence.slice(at + f.raw.length, at + f.raw.length + 40));
}

/** Where the figure stands in its sentence: "20" is not the start of "20,000". */
function rawAt(f: FigureFact): number {
  let at = f.sentence.indexOf(f.raw);
  while (at >= 0 && /[\d.,]/.test(f.sentence[at + f.raw.length] ?? '') && /\d/.test(f.sentence[at + f.raw.length + 1] ?? '')) at = f.sentence.indexOf(f.raw, at + 1);
  return at;
}

/** Tracks the last share with a group, and lends that group to the bare shares after it. */
export class SurveyGroups {
  private last: Remembered | undefined;
  private surveyed: Remembered | undefined;

  apply(f: FigureFact): void {
    // "a postal survey of 1,240 farmers", "polled 2,000 voters": the people a survey asked.
    const at = !f.unit && f.counted ? rawAt(f) : -1;
    if (at >= 0 && f.counted && SURVEYED.test(f.sentence.slice(Math.max(0, at - 30), at))) {
      this.surveyed = remember(f, f.counted.split(/,|\s+and\s+/)[0]!.trim());
      return;
    }
    if (f.unit !== '%') return;
    if (f.counted) {
      this.last = remember(f, f.counted);
      return;
    }
    if (!isBareShare(f)) return;
    if (this.last && f.sentenceIndex - this.last.sentenceIndex <= REACH) lend(f, this.last);
    // A survey's own sample frames the whole article's shares.
    else if (this.surveyed && f.sentenceIndex - this.surveyed.sentenceIndex <= SURVEY_REACH) lend(f, this.surveyed);
  }
}
