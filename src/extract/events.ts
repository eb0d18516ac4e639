/**
 * Event words near a figure ("captured", "were returned home", "swap") mapped to one base
 * name per event so figures from different articles group together.
 */

interface EventHit {
  start: number;
  end: number;
  event: string;
}

const EVENTS: Array<[string, string]> = [
  ['captured', String.raw`captur(?:e|ed|es|ing)|(?:took|taken|take|taking)\b[^.,;]{0,40}?\bprisoners?|taken captive|seized`],
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
