/**
 * Event words near a figure ("captured", "were returned home", "swap") mapped to one base
 * name per event so figures from different articles group together.
 */
import { matchesOf } from './scan.ts';

interface EventHit {
  start: number;
  end: number;
  event: string;
}

// ("netted him £480,000" is money earned, not prisoners taken.)
const EVENTS: Array<[string, string]> = [
  ['captured', String.raw`captur(?:e|ed|es|ing)|netted(?![^.;]{0,30}?[$£€¥])|(?:took|taken|take|taking)\b[^.,;]{0,40}?\bprisoners?|taken captive|seized`],
  ['released', String.raw`releas(?:e|ed|es|ing)|freed|set free`],
  ['returned', String.raw`return(?:ed|s|ing)?|returnees|(?:brought|bring|bringing|brings) (?:back|home)|repatriat(?:ed|ion)|came home|come home|homecoming`],
  ['killed', String.raw`kill(?:ed|s|ing)?|died|dead|deaths?|death toll|lost their lives|fatalities|perished`],
  ['wounded', String.raw`wounded|injur(?:ed|ies|y)|hurt`],
  ['evacuated', String.raw`evacuat(?:e|ed|es|ing|ion|ions)`],
  ['exchanged', String.raw`exchang(?:e|ed|es|ing)|swap(?:s|ped|ping)?|traded`],
  ['detained', String.raw`detain(?:ed|s)?|arrest(?:ed|s)?|detention`],
  ['displaced', String.raw`displaced|fled|uprooted`],
  ['missing', String.raw`missing|unaccounted for`],
  ['launched', String.raw`launch(?:ed|es)|fired`],
  ['intercepted', String.raw`intercept(?:ed|s)|shot down|downed`],
  ['deployed', String.raw`deploy(?:ed|s)`],
  ['held', String.raw`held|holding|hold`],
  ['vaccinated', String.raw`vaccinated|inoculated`],
  ['voted', String.raw`voted|cast (?:their )?ballots`],
];
const EVENT_RE = new RegExp(EVENTS.map(([, re]) => `(\\b(?:${re})\\b)`).join('|'), 'gi');

/** Every event word in the sentence with its span. */
export function findEvents(sentence: string): EventHit[] {
  const out: EventHit[] = [];
  EVENT_RE.lastIndex = 0;
  for (let m = EVENT_RE.exec(sentence); m; m = EVENT_RE.exec(sentence)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    out.push({ start: m.index, end: m.index + m[0].length, event: EVENTS[group]![0] });
  }
  return out;
}

/** The event word nearest a figure spanning [start, end), ignoring words inside its own noun phrase. */
export function eventNear(events: readonly EventHit[], sentence: string, start: number, end: number, npEnd: number): string | undefined {
  let best: EventHit | undefined;
  let bestDist = 90;
  for (const e of events) {
    if (e.start >= start && e.end <= npEnd) continue; // "150 captured soldiers": part of what is counted
    let dist: number;
    if (e.end <= start) dist = start - e.end;
    else if (e.start >= npEnd) dist = e.start - npEnd + 1; // ties go to the verb before
    else if (e.start < start && e.end > end) dist = 0;
    else continue;
    const between = e.end <= start ? sentence.slice(e.end, start) : sentence.slice(npEnd, e.start);
    if (/[;:—–]|\b(?:but|while|whereas)\b/.test(between)) continue;
    if (dist < bestDist) [best, bestDist] = [e, dist];
  }
  return best?.event;
}

// The verb a figure belongs to when it is not in the lexicon ("rose to 2%", "won 53 of the seats",
// "civilians still live"): found by shape, reported as written, lower case.
const IRREGULAR = new Set(
  'rose fell won lost held kept cut hit set put sent left took gave grew paid spent sold built met ran began drew fled struck shot fought brought bought caught stood became came went saw got rise fall grow'.split(' '),
);
// Word lists as sets: isVerbShape checks every word before a figure against all three.
const SPEECH = new Set('said says say told tells added adds claimed claims insisted insists warned warns noted notes stated states wrote writes'.split(' '));
const FUNCTION = new Set('to by at of from in on for with about around some nearly almost more than less fewer over under up down below above least most as many much the a an its their his her our another roughly approximately just only each all and or but that which who it they he she we this these those there not no still also already now then just ever even further some'.split(' '));
const AUX = new Set('is was were are be been being has have had will would could can may might must should shall did does do to not still also already now reportedly allegedly since then just'.split(' '));

function isVerbShape(w: string, next: string | undefined, prev: string | undefined): boolean {
  if (!/^[a-z]/.test(w) || SPEECH.has(w) || FUNCTION.has(w) || AUX.has(w)) return false; // "May 25," is no verb
  if (prev && /^(?:will|would|could|can|may|might|must|should|to)$/.test(prev)) return true; // "could fall", "to hire"
  const leads = next === undefined || /^\d|^[$€£]/.test(next) || FUNCTION.has(next);
  if (IRREGULAR.has(w)) return true;
  if (/^[a-z]{3,}ed$/.test(w)) return leads;
  if (/^[a-z]{3,}ing$/.test(w)) return leads;
  if (/^[a-z]{3,}s$/.test(w) && !/(?:ss|us|is)$/.test(w)) return leads && next !== undefined && /^(?:to|by|at|up|down|below|above|\d|[$€£])/.test(next);
  return false;
}

const REPORTING = new Set('confirmed confirms reported reports announced announces revealed reveals estimated estimates showed shows found finds believed believes suggested suggests stated acknowledged admitted said says told claimed claims'.split(' '));

const WORDS = /[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[$€£]|[,;:]/g;

/** The nearest verb before the figure (within six words of its clause), else right after what it counts. */
export function verbNear(sentence: string, start: number, npEnd: number): { verb: string; at: number } | undefined {
  const from = Math.max(0, start - 90);
  const before = matchesOf(WORDS, sentence.slice(from, start));
  for (let i = before.length - 1, seen = 0; i >= 0 && seen < 7; i--, seen++) {
    const w = before[i]![0];
    if (/^[,;:]$/.test(w)) break;
    const lower = w.toLowerCase();
    // "have confirmed that 971 soldiers were captured": the figure's event is in the reported clause.
    if (REPORTING.has(lower)) break;
    if (isVerbShape(lower, before[i + 1]?.[0].toLowerCase() ?? '1', before[i - 1]?.[0].toLowerCase())) return { verb: lower, at: from + before[i]!.index };
  }
  const after = matchesOf(WORDS, sentence.slice(npEnd, npEnd + 60));
  let k = 0;
  while (k < after.length && AUX.has(after[k]![0].toLowerCase())) k++;
  const w = after[k]?.[0].toLowerCase();
  if (!w || /^[,;:\d$€£]/.test(w) || FUNCTION.has(w) || SPEECH.has(w)) return undefined;
  if (k > 0 || IRREGULAR.has(w) || /^[a-z]{3,}ed$/.test(w) || /^(?:live|remain|stay|work|die)$/.test(w)) return { verb: w, at: npEnd + after[k]!.index };
  return undefined;
}

/** The lexicon's name when the verb starts a known event phrase ("brought home" → "returned"), else the verb as written. */
export function canonicalEvent(found: { verb: string; at: number }, events: readonly EventHit[]): string {
  return events.find((e) => e.start <= found.at && e.end > found.at)?.event ?? found.verb;
}
