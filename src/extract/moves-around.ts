/**
 * Movements told by the words around one figure: "£4bn in tax cuts", "the loss of 800 jobs", "taking
 * his stake to 42.3%", and how far a movement word reaches to the figure it governs.
 */
import type { Placed } from './spans.ts';
import { AFTER_MOVE, BEFORE_MOVE, JOBS_AFTER } from './change-patterns.ts';

/** A fall or a gain said by the words right after or before a figure (AFTER_MOVE, BEFORE_MOVE). */
export function moveAround(s: string, a: Placed, after: string): 'up' | 'down' | undefined {
  const next = AFTER_MOVE.exec(after);
  // Groups: "more", "fewer", "worse off", "better off".
  if (next) return next[1] || next[4] ? 'up' : 'down';
  // "£4bn in tax cuts": money said to be cuts. "£4,000 has been cut from", "$80bn was wiped off": taken away.
  if (/^[A-Z]{3}$/.test(a.fact.unit ?? '') && /^\s+in\s+(?:[a-z]+\s+)?cuts\b/i.test(after)) return 'down';
  const taken = /^\s+(?:(?:has|have|had|was|were|is|are|will|would|could|may)\s+)?(?:be\s+|been\s+)?(?:(cut|slashed|wiped|knocked|shaved|lopped)\s+(?:off|from)|(added)\s+to)\b/i.exec(after);
  if (taken) return taken[1] ? 'down' : 'up';
  const prev = BEFORE_MOVE.exec(s.slice(Math.max(0, a.start - 30), a.start));
  // "losses of $4m" is an amount lost, "the loss of 800 jobs" a fall; "an extra eight frequencies" is a count.
  // "a costly loss of two points", "the deduction of 10 points": points taken away.
  if (prev?.[1]) return JOBS_AFTER.test(after) || /^\s+points\b/i.test(after) ? 'down' : undefined;
  if (prev?.[2]) return /^[A-Z]{3}$/.test(a.fact.unit ?? '') ? 'up' : undefined;
  if (prev?.[3]) return 'down'; // "get rid of 100,000 civil servants"
  if (prev?.[4]) return JOBS_AFTER.test(after) ? 'up' : undefined; // "created 337,000 jobs"
  // "lifted the index to a fresh high of 5,210": a new high or low says which way on its own.
  const record = /\bto\s+an?\s+(?:record|new|all-time|fresh|[\w-]+-(?:year|month|week))\s+(?:(high|peak)|(low))\s+of\s+$/i.exec(s.slice(Math.max(0, a.start - 40), a.start));
  if (record) return record[1] ? 'up' : 'down';
  // "a reduction of around 120", "an increase of 40": a move named before its size.
  const named = /\b(?:a|an)\s+(?:[a-z]+\s+)?(?:(increase|rise|gain)|(reduction|cut|fall|drop|decline))\s+of\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|up\s+to)\s+)?$/i.exec(s.slice(Math.max(0, a.start - 40), a.start));
  if (named) return named[1] ? 'up' : 'down';
  // "taking five years off a sentence", "shaving 70% off the cost": taken away.
  if (/^\s+off\s+(?:a|an|the|its|their|his|her)\b/i.test(after) && /\b(?:taking|took|take|takes|shaving|shaved|shave|knocking|knocked|knock|cutting|wiping|wiped|slashing)\s+(?:(?:about|around|some|nearly|almost|more\s+than|up\s+to)\s+)?$/i.test(s.slice(Math.max(0, a.start - 30), a.start))) return 'down';
  // "taking his stake to 42.3%", "bringing its total to $40m": a new, higher level.
  const before = s.slice(Math.max(0, a.start - 70), a.start);
  if (/\b(?:taking|took|takes|taken|bringing|brought|lifting|pushing|pushed|pushes|driving|drove|driven)\s/i.test(before) && TAKING_TO.test(before) && !/^\s+\p{L}/u.test(after.replace(/^\s+(?:in|on|by|from|at|this|last|after|before|and|with|for)\b.*/i, ''))) return 'up';
  // "pushed prices above $60", "took his tally past 120", "broke through the $3 trillion mark": a level
  // passed on the way up; "brought inflation below 2%" on the way down. The raw may hold the "above".
  const lead = /^(?:above|past|beyond|below|under)\s/i.exec(a.fact.raw)?.[0] ?? '';
  const passed = PASSED.exec(s.slice(Math.max(0, a.start - 60), a.start) + lead) ?? BROKE_THROUGH.exec(s.slice(Math.max(0, a.start - 30), a.start) + lead);
  if (passed) return passed[2] ? 'down' : 'up';
  return undefined;
}
const PASSED = /\b(?:taking|took|takes|take|bringing|brought|brings|lifting|lifted|lifts|pushing|pushed|pushes|push|driving|drove|driven|drives|sending|sent|sends|propelled|propelling)\s+(?:[\w'’-]+\s+){0,5}?(?:(past|above|beyond)|(below|under))\s+(?:the\s+)?$/i;
const BROKE_THROUGH = /\b(?:broke|break|breaks|breaking|broken|burst|bursts)\s+(?:(through|above|past)|(below|under))\s+(?:the\s+)?$/i;
const TAKING_TO = /\b(?:taking|took|takes|taken|bringing|brought|lifting|pushing|pushed|pushes|driving|drove|driven)\s+(?:[\w'’-]+\s+){1,6}?to\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|a\s+record|a\s+new)\s+)?$/i;

// A movement word governs a figure when nothing but a few words (an object, "by", "to") stands between.
// "raise fees for students from abroad by £1,500": a verb that changes its object
// reaches across a longer object to the "by" or "to" that gives the size or the new level.
export const CHANGES_OBJECT = /^(?:increase|increases|increased|increasing|raise|raises|raised|raising|cut|cuts|cutting|reduce|reduces|reduced|reducing|extend|extends|extended|extending|lift|lifts|lifted|lifting|boost|boosts|boosted|boosting|lower|lowers|lowered|lowering|trim|trims|trimmed|slash|slashed|double|doubled)\b/i;
export function nearMovement(s: string, at: number, start: number): boolean {
  // "have also risen, by 19%": a comma before "by" still joins the movement to its size.
  // "doubled the threshold at which buyers pay the levy to £150,000": a clause that says which
  // threshold, led by a preposition and "which", belongs to the object.
  // ("climbed for the fifth month running to 58": how often is not what moved.)
  const between = s.slice(at, start).replace(/,\s+by\s+$/, ' by ').replace(/^(\w+)\s+for\s+the\s+\w+\s+(?:month|time|quarter|year|week)\s+(?:in\s+a\s+row|running)\s+/i, '$1 ').replace(/\s(?:at|in|for|on|by)\s+which\s+(?=[a-z])/i, ' ');
  if (between.length <= 100 && CHANGES_OBJECT.test(between) && /\s(?:by|to)\s+(?:(?:about|around|some|nearly|almost|more than|less than|over|up to|just)\s+)?$/i.test(between) && !/[,;:()\d]|\b(?:which|who|that|and|but|after|before|when|since|while)\b/i.test(between)) return true;
  // Another figure in between ("lowering the cap to 60mg would spare 40 lives") takes the movement.
  // A year in between is no figure of its own ("boost its 2004 dividend by 27%").
  return between.length <= 45 && !/[,;:()\d]/.test(between.replace(/^\w+/, '').replace(/\b(?:19|20)\d\d\b/g, '')) && !/\b(?:which|who|that|and|but|after|before|when|since)\b/i.test(between);
}
