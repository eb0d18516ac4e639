/**
 * Numbers in match reports that name a minute, an event or a position, not an amount: line-ups
 * ("Kerr (Cameron 87)"), scorers' lines ("Archibald 19, Grady 29."), events named by their distance
 * ("the 1,000m title"), "two-time champion", "round one", "from one to 15", and the minute a goal
 * came ("put United ahead in 19 minutes").
 */
import { matchesOf } from './scan.ts';

const SUB_MINUTE = /\(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?\s\d{1,3}(?:\s?(?:pen|og))?\)/gu;
// "Replacements: Everitt for Mapletoft (53), Paice for van der Walt (60)": the minute of a change.
const REPLACEMENT_MINUTE = /\b\p{Lu}[\p{L}'’-]+\s+for\s+(?:[\p{L}'’-]+\s+){0,3}?\p{Lu}[\p{L}'’-]+\s*\(\d{1,3}\)/gu;
const SCORER_LINE = /^(?:\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’-]+)?\s\d{1,3}(?:\s?(?:pen|og))?(?:,\s+\d{1,3}(?:\s?(?:pen|og))?)*(?:,\s+|\.?\s*$))+$/u;
// "The 12m (39ft) wave": a length restated in feet is a measure, not a race.
const EVENT_DISTANCE = /\b(?:the|women['’]s|men['’]s|indoor|outdoor|world|European|Olympic|Commonwealth)\s+(?:\d{1,2},\d{3}|\d{2,5})m\b(?!\s+(?:of|course)\b|\s*\()/gi;
// "won 1500m and 800m gold", "the 4x400m relay": a distance that names the race, before what was won in it.
const EVENT_BEFORE_PRIZE = /\b(?:\d{1,2}x)?(?:\d{1,2},\d{3}|\d{2,5})m\b(?=(?:\s+(?:and|or|&)\s+(?:\d{1,2},\d{3}|\d{2,5})m)?\s+(?:gold|silver|bronze|titles?|crowns?|finals?|races?|relay|heats?|semi-finals?|champion(?:ship)?s?|world record|record|event|runner|specialist|winner)\b)/gi;
const N_TIME = /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-time\b(?=\s+[a-z])|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-times\b(?=\s+(?:[a-z]+\s+)?(?:finalists?|champions?|winners?|medallists?|runners?-up|title-holders?)\b)/gi;
// Stages and positions: "the last eight of the cup", "their front five", "the back three".
const STAGES = /\blast\s+(?:four|eight|16|sixteen|32)\b(?!\s+(?:[a-z-]+s|year|month|week|day|game|season|minute|race|meeting|outing|start|point|set)\b)|\b(?:front|back)\s+(?:three|five|row)\b/gi;
const ROUND_WORD = /\b(?:round|game|leg|stage|group|heat)\s+(?:one|two|three|four|five|six|seven)\b|\bfrom\s+one\s+to\s+(?:11|13|15)\b/gi;
const GOAL_MINUTE = /\b(?:ahead|scored|struck|netted|headed|levelled|equalised|opener|doubled)\b[^.;]{0,40}?\bin\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+minutes?\b/gi;

const ROUND_HINTS = ['round ', 'game ', 'leg ', 'stage ', 'group ', 'heat ', 'from one '];

function addAll(spans: Array<[number, number]>, re: RegExp, s: string): void {
  for (const m of matchesOf(re, s)) spans.push([m.index, m.index + m[0].length]);
}

// Each pattern runs only where a cheap test says its shape can be there: most sentences hold none.
export function sportSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (s.length < 240 && /^[A-Z][^\s]*\s\d/.test(s.trimStart()) && SCORER_LINE.test(s.trim())) return [[0, s.length]];
  if (s.includes('(') && /[A-Za-z] \d/.test(s)) addAll(spans, SUB_MINUTE, s);
  if (s.includes(' for ') && /[A-Za-z] ?\(\d{1,3}\)/.test(s)) addAll(spans, REPLACEMENT_MINUTE, s);
  if (/\dm\b/.test(s)) {
    addAll(spans, EVENT_DISTANCE, s);
    addAll(spans, EVENT_BEFORE_PRIZE, s);
  }
  if (s.includes('-time')) addAll(spans, N_TIME, s);
  if (s.includes('last ') || s.includes('front ') || s.includes('back ')) addAll(spans, STAGES, s);
  if (ROUND_HINTS.some((h) => s.includes(h))) addAll(spans, ROUND_WORD, s);
  // Only the minute itself, so the rest of the clause keeps its figures.
  if (s.includes('minute')) {
    for (const m of matchesOf(GOAL_MINUTE, s)) {
      const minute = /\d{1,2}(?:st|nd|rd|th)?\s+minutes?$/i.exec(m[0])!;
      spans.push([m.index + minute.index, m.index + m[0].length]);
    }
  }
  return spans;
}
