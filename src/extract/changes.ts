/**
 * Changes as part of a figure. "Revenue climbed 3% to $8.2bn from $8.0bn" is one fact — revenue of
 * $8.2bn, up 3% from $8.0bn — not three numbers. This pass runs over one sentence's figures once
 * they are read, and folds a change ("3%") and an earlier level ("$8.0bn") into the level they
 * describe, sets the direction of a movement stated alone ("lost 464,000 subscribers"), and marks a
 * bracketed restatement in another unit ("$1.13bn (£600m)") as a conversion.
 */
import type { FigureFact } from './types.ts';
import type { Placed } from './spans.ts';
import { directionOf, MOVEMENT_WORDS } from './movement.ts';
import { markConversions, restateFolded } from './conversions.ts';
import { cutCountTo, riseToTotal } from './cut-counts.ts';
import { carryToNextLevel } from './next-levels.ts';
import { CHANGES_OBJECT, moveAround, nearMovement } from './moves-around.ts';
import { BECAME, CHANGE_NOUN, CHANGE_THEN_AT, CHANGE_WITH, CLAUSE_UP_FROM, COMPARED, EARLIER_PERIODS, ESTIMATE_OF, FROM, NOUN_TO, ON_EARLIER, REVISED_TO, THAN, THAN_BEFORE, THAN_EARLIER, THAN_YEAR, THEN_MOVES_TO, TO, UPDOWN_FROM, UP_DOWN, UP_ON } from './change-patterns.ts';

const MOVE = new RegExp(String.raw`\b(${MOVEMENT_WORDS})\b`, 'gi');

interface Move {
  dir: 'up' | 'down';
  at: number;
}

const PHRASAL = String.raw`\b(?:make|makes|made|making|set|sets|setting|sum|sums|summed|take|takes|took|taking|pick|picked|shut|shuts|turn|turned|back|backed|line|lined|sign|signed|draw|drew|drawn|break|broke|broken)`;
const PHRASAL_VERB = new RegExp(`${PHRASAL}\\s+$`, 'i');
const PHRASAL_BEFORE = new RegExp(`${PHRASAL}\\s+(?:up|down)\\s+$`, 'i');

// Every movement word of a sentence, found in one scan (a figure then looks back through the list).
function movesIn(s: string): Move[] {
  const out: Move[] = [];
  MOVE.lastIndex = 0;
  for (let m = MOVE.exec(s); m; m = MOVE.exec(s)) {
    const dir = directionOf(m[1]!);
    // "double-platinum", "up-to-date": a movement word inside a compound moves nothing.
    // "makes up 11.4 million", "set up 40 clinics": a phrasal verb, not a movement.
    const phrasal = /^(?:up|down)$/i.test(m[1]!) && PHRASAL_VERB.test(s.slice(Math.max(0, m.index - 10), m.index));
    if (dir && !phrasal && s[m.index + m[0].length] !== '-') out.push({ dir, at: m.index });
  }
  return out;
}

// The last movement word before `to` and after `from`, within the figure's clause (after any ; or :).
function movementBefore(s: string, moves: readonly Move[], from: number, to: number): Move | undefined {
  const cut = Math.max(s.lastIndexOf(';', to - 1), s.lastIndexOf(':', to - 1));
  const start = Math.max(from, cut + 1);
  for (let k = moves.length - 1; k >= 0; k--) {
    const m = moves[k]!;
    if (m.at < to && m.at >= start) return m;
    if (m.at < start) return undefined;
  }
  return undefined;
}

// Units a change can have beside its level: a % change of money, points of a rate.
const CHANGE_UNITS = new Set(['%', 'pp', 'points']);

const BEFORE_THEN_TO = /^[^;:\d]{0,60}?,?\s+before\s+(rallying|recovering|rebounding|bouncing|climbing|rising|falling|slipping|dropping|easing|sliding)\s+(?:back\s+)?to\s+$/i;

function sign(dir: 'up' | 'down', v: number): number {
  return dir === 'down' ? -Math.abs(v) : Math.abs(v);
}

/**
 * Folds changes and earlier levels into the figures they describe, in place, and returns the figures
 * that remain (in order). `placed` are the sentence's figures with their spans, in reading order.
 */
export function linkChanges(s: string, placed: Placed[]): Placed[] {
  if (placed.length === 0) return placed;
  const gone = new Set<Placed>();
  markConversions(s, placed, gone);
  const moves = movesIn(s);
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i]!;
    if (gone.has(a) || a.fact.conversion) continue;
    // The next two figures still standing (conversions stand aside).
    let b: Placed | undefined;
    let c: Placed | undefined;
    for (let j = i + 1; j < placed.length && !c; j++) {
      const p = placed[j]!;
      if (gone.has(p) || p.fact.conversion || p.start <= a.start) continue;
      if (b) c = p;
      else b = p;
    }
    // "closed up 1.2% at 9,310": a bare "up"/"down" right before a change is its movement.
    // "makes up 11.4 million" is no movement.
    const bareWord = /\b(up|down)\s+$/i.exec(s.slice(Math.max(0, a.start - 6), a.start));
    const bare = bareWord && !PHRASAL_BEFORE.test(s.slice(Math.max(0, a.start - 16), a.start)) ? bareWord : null;
    const before = movementBefore(s, moves, Math.max(0, a.start - 60), a.start) ?? (bare ? { dir: bare[1]!.toLowerCase() as 'up' | 'down', at: a.start - bare[0].length } : undefined);
    const ab = b ? s.slice(a.end, b.start) : '';

    // "slowed from 3.1% to 2.9%", "rose from $20m to $25m", "from a little over 4% in 2002 to a peak of 11%"
    // "easing from the present 5% mark to 4%": the earlier level may be named as a mark or level.
    // "from eight million plants to …": the thing counted may stand between the two levels.
    const nounBetween = a.fact.counted && ab.startsWith(` ${a.fact.counted} `) ? a.fact.counted.length + 1 : 0;
    // "from 90mg of salt per 100g of food to 60mg", "from half of broadband users to 40%": what the level
    // measures may stand between, too.
    const abTo = ab.slice(nounBetween).replace(/^\s+(?:mark|level|rate)\b/i, '').replace(/^\s+of\s+[a-z]+(?:\s+[a-z]+)?(?:\s+per\s+[\w.]+(?:\s+of\s+[a-z]+)?)?(?=\s+to\s)/i, '');
    // "dropped from a peak of six million to 1.2 million": the earlier level may be named as a peak.
    if (b && TO.test(abTo) && /\bfrom\s+(?:(?:its|their|the|a)\s+)?(?:(?:current|present|previous|peak|high|low|record)\s+(?:of\s+)?)?(?:(?:just\s+)?(?:over|under|about|around|some|nearly|almost)\s+)?$/i.test(s.slice(Math.max(0, a.start - 32), a.start)) && comparable(b.fact, a.fact)) {
      const mv = movementBefore(s, moves, Math.max(0, a.start - 60), a.start);
      if (!b.fact.unit && a.fact.unit) b.fact.unit = a.fact.unit; // "from 24 weeks to 20"
      b.fact.previous = a.fact.value;
      if (a.fact.date && a.fact.date !== b.fact.date) b.fact.previousDate = a.fact.date;
      b.fact.direction = mv?.dir ?? (b.fact.value >= a.fact.value ? 'up' : 'down');
      gone.add(a);
      // "fell by more than £900 from £201,400 to £200,500": the size told before is the change.
      const size = placed[i - 1];
      if (size && !gone.has(size) && !size.fact.conversion && (size.fact.unit ?? null) === (b.fact.unit ?? null) && /^\s+from\s+$/i.test(s.slice(size.end, a.start)) && /\bby\s+(?:(?:more|less)\s+than\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|just\s+)?$/i.test(s.slice(Math.max(0, size.start - 20), size.start))) {
        setChange(b.fact, b.fact.direction, size.fact, true);
        gone.add(size);
      }
      continue;
    }
    // "rose 2% to $11.1bn", "grew by $12.5bn to $88.1bn", "fell 0.4 per cent to 13,176"
    // "jumped to $53.09 … before closing at $53": a figure after "to" is a level, never the size of a move.
    const aIsLevel = /\bto\s+(?:(?:about|around|nearly|almost|just)\s+)?$/i.test(s.slice(Math.max(0, a.start - 14), a.start));
    if (before && b && !aIsLevel && TO.test(ab) && isChangeOf(a.fact, b.fact)) {
      setChange(b.fact, before.dir, a.fact, true);
      gone.add(a);
      if (c && FROM.test(s.slice(b.end, c.start)) && comparable(b.fact, c.fact)) {
        b.fact.previous = c.fact.value;
        if (c.fact.date && c.fact.date !== b.fact.date) b.fact.previousDate = c.fact.date;
        gone.add(c);
      }
      i = placed.indexOf(b) - 1; // b may still carry "from …" handled above; continue after it
      continue;
    }
    // "posted a 6% rise to 12bn euros": the move named by a noun, then its level.
    const nounTo = b && !aIsLevel && isChangeOf(a.fact, b.fact) && !b.fact.direction ? NOUN_TO.exec(ab) : null;
    if (b && nounTo) {
      if (a.fact.counted?.toLowerCase() === nounTo[1]!.toLowerCase()) delete a.fact.counted;
      setChange(b.fact, /^(?:rise|increase|jump|gain|climb|hike|boost)$/i.test(nounTo[1]!) ? 'up' : 'down', a.fact, true);
      gone.add(a);
      continue;
    }
    // "fell from 7,100 to 6,600, or 7%": the share the level moved by, after it.
    if (b && a.fact.direction && a.fact.previous !== undefined && a.fact.change === undefined && b.fact.unit === '%' && a.fact.unit !== '%' && /^,\s+or\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$/i.test(ab)) {
      setChange(a.fact, a.fact.direction, b.fact);
      gone.add(b);
      continue;
    }
    // "touched $1.3410 in quiet trade, before rallying to $1.3402": the level it moved on from is earlier.
    const thenTo = b && (a.fact.unit ?? null) === (b.fact.unit ?? null) && !b.fact.previous ? BEFORE_THEN_TO.exec(ab) : null;
    if (b && thenTo) {
      b.fact.previous = a.fact.value;
      b.fact.direction = /^(?:rally|recover|rebound|bounc|climb|ris)/i.test(thenTo[1]!) ? 'up' : 'down';
      // "will slip to 1.8% before recovering to 2.6%": a level reached by a move of its own stays a fact.
      if (!before) {
        gone.add(a);
        continue;
      }
    }
    // "expanded 6% last year with an all-time high of 90 million units": the level follows "with".
    if (before && b && isChangeOf(a.fact, b.fact) && CHANGE_WITH.test(ab) && !b.fact.direction) {
      setChange(b.fact, before.dir, a.fact, true);
      gone.add(a);
      continue;
    }
    // "an earlier estimate of 0.2% growth was revised down to a 0.1% fall": the estimate is the earlier level.
    const revised = b && !b.fact.previous && comparable(a.fact, b.fact) ? REVISED_TO.exec(ab) : null;
    if (b && revised && ESTIMATE_OF.test(s.slice(Math.max(0, a.start - 40), a.start))) {
      b.fact.previous = a.fact.value;
      // "0.2% growth … revised to a 0.4% decline": a fall is lower than any growth, and of the same measure.
      const fallNoun = /^(?:decline|fall|drop|contraction|slide|slump)$/i.test(b.fact.counted ?? '');
      if (fallNoun && a.fact.counted) b.fact.counted = a.fact.counted;
      b.fact.direction = /down|cut|lower/i.test(revised[1]!) || fallNoun ? 'down' : /up|raise|higher/i.test(revised[1]!) ? 'up' : b.fact.direction ?? (b.fact.value >= a.fact.value ? 'up' : 'down');
      gone.add(a);
      continue;
    }
    // "a 91.5% share in March compared to 94% in May": the earlier level of the same measure.
    // "rose 8%, compared with a 0.5% slide in home consumption": a move of another measure stands alone.
    // ("from a revised 0.5% increase in May": a month after "in" says when, of the same measure.)
    const otherMeasure = !!b && /^\s+(?:slide|decline|fall|rise|increase|drop|growth|gain|jump|slump|dip|contraction)s?\s+in\s(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d|the\s+(?:same|previous|first|second|third|fourth|last|final))\b)/i.test(s.slice(b.end, b.end + 30));
    // ("almost 2.5 million robots, compared to about 137,000 currently": a count with no unit, when
    // the earlier one is said to be now.)
    const nowAfter = !!b && /^\s+(?:currently|now|today|at\s+present)\b/i.test(s.slice(b.end, b.end + 14));
    // ("up to six days …, compared with four days now" is a limit beside today's, two figures.)
    const comparedNow = nowAfter && a.fact.qualifier !== 'up to' && /^[^;:()\d]{0,60}?,?\s+compared\s+(?:with|to)\s+(?:(?:about|around|some|nearly|almost|just)\s+)?$/i.test(ab);
    if (b && !otherMeasure && !a.fact.direction && !b.fact.direction && ((a.fact.unit && COMPARED.test(ab)) || comparedNow) && comparable(a.fact, b.fact) && a.fact.value !== b.fact.value) {
      a.fact.previous = b.fact.value;
      if (b.fact.date && b.fact.date !== a.fact.date) a.fact.previousDate = b.fact.date;
      a.fact.direction = a.fact.value > b.fact.value ? 'up' : 'down';
      gone.add(b);
      continue;
    }
    // "rose by £3m in May, compared to April's £3.5m": the same measure in an earlier period.
    if (b && before && !a.fact.direction && (a.fact.unit ?? null) === (b.fact.unit ?? null) && EARLIER_PERIODS.test(ab) && nearMovement(s, before.at, a.start)) {
      a.fact.direction = before.dir;
      a.fact.previous = b.fact.value;
      if (!/\b(?:to|at)\s+$/i.test(s.slice(Math.max(0, a.start - 4), a.start))) a.fact.isChange = true;
      gone.add(b);
      continue;
    }
    // "was $100bn in 2003 and is forecast to climb to $130bn": the level the move starts from.
    const thenMoves = b && !before && !a.fact.direction && (a.fact.unit ?? null) === (b.fact.unit ?? null) ? THEN_MOVES_TO.exec(ab) : null;
    if (b && thenMoves) {
      b.fact.direction = /^(?:fall|fell|drop|decrease|decline|slip|sink|narrow)/i.test(thenMoves[1]!) ? 'down' : 'up';
      b.fact.previous = a.fact.value;
      if (!b.fact.counted && a.fact.counted) b.fact.counted = a.fact.counted;
      gone.add(a);
      continue;
    }
    // "$3.36bn, up 27%", "13,176, down 0.4%", "£5m, an increase of 12%"
    const ud = b ? UP_DOWN.exec(ab) : null;
    if (b && ud && isChangeOf(b.fact, a.fact)) {
      const dir = /up|higher|rise|increase|gain|jump/i.test(ud[1] ?? ud[2] ?? '') ? 'up' : 'down';
      setChange(a.fact, dir, b.fact);
      gone.add(b);
      if (c && /^\s+(?:from|on|compared\s+with)\s+$/i.test(s.slice(b.end, c.start)) && comparable(a.fact, c.fact)) {
        a.fact.previous = c.fact.value;
        if (c.fact.date && c.fact.date !== a.fact.date) a.fact.previousDate = c.fact.date;
        gone.add(c);
      }
      continue;
    }
    // "£90m, about 3% up on the month before", "£12m, 4% down on 2003": the change follows its
    // level, and its way follows the change.
    const wayAfter = b && !a.fact.direction && b.fact.unit === '%' && a.fact.unit !== '%' && /^(?:\s*\([^()]{1,40}\))?,\s+(?:(?:just\s+)?(?:under|over|less\s+than|more\s+than|about|around|nearly|almost|some)\s+)?$/i.test(ab) ? UP_ON.exec(s.slice(b.end, b.end + 40)) : null;
    if (b && wayAfter) {
      setChange(a.fact, wayAfter[1] ? 'up' : 'down', b.fact);
      gone.add(b);
      continue;
    }
    // "2%, up from 1.9%", "1.5m, compared with 1.2m"
    const uf = b ? UPDOWN_FROM.exec(ab) : null;
    // "trimmed to 3.0% from 3.6%", "1.9% from 2.2% in 2006": between two levels in the same unit,
    // "from" names the earlier one even when no movement word says which way.
    const sameUnit = !!a.fact.unit && a.fact.unit === b?.fact.unit && a.fact.valueHigh === undefined && b.fact.valueHigh === undefined;
    // "fell by £600 from £190,329 to £189,733": the amount after "by" is the movement's size, not a level.
    const bySize = /\bby\s+(?:(?:more|less)\s+than\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|just\s+)?$/i.test(s.slice(Math.max(0, a.start - 20), a.start));
    if (b && !bySize && !otherMeasure && (uf || FROM.test(ab)) && comparable(a.fact, b.fact) && (uf || before || sameUnit || /compared|against|versus|vs/i.test(ab))) {
      a.fact.previous = b.fact.value;
      if (b.fact.date && b.fact.date !== a.fact.date) a.fact.previousDate = b.fact.date;
      a.fact.direction = uf?.[1] ? (uf[1].toLowerCase() === 'up' ? 'up' : 'down') : before?.dir ?? (a.fact.value >= b.fact.value ? 'up' : 'down');
      gone.add(b);
      continue;
    }
    // "$500bn in the year to June and $450bn in the previous year": the earlier level, told after.
    const andEarlier = b && !a.fact.previous && !b.fact.direction && comparable(a.fact, b.fact) && /^[^;:]{0,80}?\s+and\s+$/.test(ab) && /^\s+in\s+the\s+(?:previous|prior|preceding)\s+(?:year|quarter|period|month|12\s+months)\b|^\s+a\s+year\s+(?:earlier|before)\b/i.test(s.slice(b.end, b.end + 40));
    if (b && andEarlier) {
      a.fact.previous = b.fact.value;
      a.fact.direction = a.fact.value >= b.fact.value ? 'up' : 'down';
      gone.add(b);
      continue;
    }
    // "In May I weighed 95kg, now I am 90kg", "over 5 million buyers - but that had fallen to 3 million",
    // "the minimum age of 21 … would be reduced to 18": the earlier level, then the one it became.
    const became = b && !b.fact.previous && !b.fact.isChange && comparable(a.fact, b.fact) && a.fact.value !== b.fact.value ? BECAME.exec(ab) : null;
    if (b && became) {
      if (!b.fact.unit && a.fact.unit) b.fact.unit = a.fact.unit; // "the age of 21 … reduced to 18"
      b.fact.previous = a.fact.value;
      b.fact.direction = /reduc|cut|lower|drop|fall|fell|slip|decreas/i.test(became[0]) ? 'down' : /rais|increas|ris|rose|climb|grow|grew/i.test(became[0]) ? 'up' : b.fact.value > a.fact.value ? 'up' : 'down';
      if (a.fact.date && a.fact.date !== b.fact.date) b.fact.previousDate = a.fact.date;
      // "… - but that had dropped to …" tells the earlier level as a fact of its own first; it stays.
      if (!/\bbut\s+(?:that|this|it|the\s+figure)\b/i.test(became[0])) gone.add(a);
      continue;
    }
    const onEarlier = b && !a.fact.previous && comparable(a.fact, b.fact) ? ON_EARLIER.exec(ab) : null;
    if (b && onEarlier) {
      a.fact.previous = b.fact.value;
      a.fact.direction = onEarlier[1] ? 'up' : 'down';
      gone.add(b);
      continue;
    }
    const te = b && !a.fact.previous && comparable(a.fact, b.fact) ? (THAN_EARLIER.exec(ab) ?? THAN_YEAR.exec(ab)) : null;
    // "53 of the 169 seats, up from 48": the level is the part, not the total after "of the".
    const total = /\bof\s+(?:the\s+)?$/i.test(s.slice(Math.max(0, a.start - 8), a.start));
    const cu = b && !te && !total && !a.fact.previous && comparable(a.fact, b.fact) && ab.length <= 90 && !/[;:]/.test(ab) ? CLAUSE_UP_FROM.exec(ab) : null;
    if (b && (te || cu)) {
      a.fact.previous = b.fact.value;
      if (b.fact.date && b.fact.date !== a.fact.date) a.fact.previousDate = b.fact.date;
      a.fact.direction = te ? (te[1] ? 'up' : 'down') : cu![1]!.toLowerCase() === 'up' ? 'up' : 'down';
      gone.add(b);
      continue;
    }
    // "£40bn - £3bn less than the £43bn forecast": a level, by how much it missed, and the forecast it missed.
    const missed = b && c && !a.fact.direction && comparable(a.fact, b.fact) && comparable(a.fact, c.fact) && /^\s*(?:[-–—]|,)\s*$/.test(ab) ? /^\s+(?:(less|lower|fewer|below)|more|higher|above)\s+(?:than\s+)?(?:the\s+)?$/i.exec(s.slice(b.end, c.start)) : null;
    if (b && c && missed && /^\s+(?:predicted|forecast|expected|planned|estimated|budgeted|projected)\b/i.test(s.slice(c.end, c.end + 20))) {
      setChange(a.fact, missed[1] ? 'down' : 'up', b.fact);
      a.fact.previous = c.fact.value;
      gone.add(b);
      gone.add(c);
      continue;
    }
    // "£50bn - 14% higher than planned", "£2.1bn last year, nearly 9% more than the year before": the change
    // of a level follows it, and the level is what it changes.
    const follows = b && !a.fact.direction && b.fact.unit === '%' && a.fact.unit !== '%' && /^[^;:()]{0,24}?\s[,–—-]?\s*$|^[^;:()]{0,24}?,\s*$/.test(ab) ? THAN.exec(s.slice(b.end, b.end + 40)) : null;
    // "167 million phones were sold in the quarter, 26% more than the year before", "6.2m viewers -
    // two million fewer than the last run": a change against an earlier time, a clause on.
    const later = b && !follows && !a.fact.direction && !b.fact.direction && isChangeOf(b.fact, a.fact) && b.fact.unit !== 'score' && /^[^;:()]{0,70}?(?:,|\s[–—-])\s*(?:(?:which|that)\s+(?:is|was|are|were)\s+)?(?:about|around|some|nearly|almost|roughly|just|only)?\s*$/.test(ab) ? THAN_BEFORE.exec(s.slice(b.end, b.end + 50)) : null;
    if (b && (follows || later)) {
      setChange(a.fact, (follows ?? later)![1] ? 'up' : 'down', b.fact);
      gone.add(b);
      continue;
    }
    // "ended up 31 pence, or 4.2%, at 771p": a move given twice, then the level it ends at.
    // "closed down 1.2 points, or 0.05%, at 2,011.4": an index moves in points and stands in none.
    const levelUnit = (a.fact.unit ?? null) === (c?.fact.unit ?? null) || (a.fact.unit === 'points' && !c?.fact.unit);
    const orAt = b && c && before && b.fact.unit === '%' && levelUnit && /^(?:\s+points)?,?\s+or\s+$/i.test(ab) && /^,?\s+(?:at|to)\s+$/i.test(s.slice(b.end, c.start));
    if (b && c && orAt) {
      setChange(c.fact, before!.dir, a.fact, true);
      gone.add(a);
      gone.add(b);
      continue;
    }
    // "ended 22 points higher at 3,912", "stood 32% lower than a year before, at £2.98bn": the size of
    // the move and its direction come first, the level after "at".
    const moveSize = a.fact.unit === '%' || a.fact.unit === 'points' || a.fact.unit === 'pp' || (a.fact.unit ?? null) === (b?.fact.unit ?? null);
    const thenAt = b && moveSize && b.fact.unit !== '%' && !b.fact.direction ? CHANGE_THEN_AT.exec(ab) : null;
    if (b && thenAt) {
      setChange(b.fact, thenAt[1] ? 'up' : 'down', a.fact, true);
      gone.add(a);
      continue;
    }
    // "36% higher than a year ago", "a 53% pay rise": a change stated by what follows the number.
    const after = s.slice(a.end, a.end + 40);
    const upOn = UP_ON.exec(after);
    const than = THAN.exec(after) ?? (upOn ? ([upOn[0], upOn[1]] as unknown as RegExpExecArray) : null);
    // For money only a single rise or cut is a change ("a 1p rise"); "£35bn cuts" are the thing counted.
    const nounAfter = CHANGE_NOUN.exec(after);
    const noun = nounAfter && (a.fact.unit === '%' || a.fact.unit === 'pp' || (/^[A-Z]{3}$/.test(a.fact.unit ?? '') && !/s$/i.test(nounAfter[0]))) ? nounAfter : null;
    if (!a.fact.direction && (than || noun)) {
      a.fact.direction = (than ? than[1] ?? than[3] : noun![1]) ? 'up' : 'down';
      a.fact.isChange = true;
      continue;
    }
    const moved = a.fact.direction ? undefined : moveAround(s, a, after);
    if (moved) {
      a.fact.direction = moved;
      a.fact.isChange = true;
      continue;
    }
    // "rose to 2%", "jumped 76%", "lost 464,000 subscribers": a movement stated with one number.
    // "distances up to 4km": "up to" read as a bound is no movement.
    // "slashed prices by up to 8%": the movement is the word before that "up".
    const bound = a.fact.qualifier === 'up to' && /^up\b/i.test(s.slice(before?.at ?? 0, (before?.at ?? 0) + 3));
    const far = before ? undefined : movementBefore(s, moves, Math.max(0, a.start - 100), a.start);
    const mover = bound ? movementBefore(s, moves, Math.max(0, before!.at - 60), before!.at) : before ?? (far && CHANGES_OBJECT.test(s.slice(far.at)) ? far : undefined);
    // A score is a result, never a movement ("gaining revenge for a 51-15 defeat").
    // "strike over cuts for one day": a length of time after "for" is how long, never the size of a move.
    const howLong = /^(?:seconds|minutes|hours|days|weeks|months|years)$/.test(a.fact.unit ?? '') && /\bfor\s+(?:\S+\s+)?$/i.test(s.slice(Math.max(0, a.start - 16), a.start));
    if (mover && !howLong && !a.fact.direction && a.fact.unit !== 'score' && nearMovement(s, mover.at, bound ? before!.at : a.start)) {
      a.fact.direction = mover.dir;
      // "rose to 2%" states the new level; "jumped 76%", "lost 464,000", "fell by 20,000" only the movement.
      if (!/\b(?:to|at|of)\s+(?:(?:about|around|some|nearly|almost|more than|less than|over|roughly|just)\s+)?$/i.test(s.slice(Math.max(0, a.start - 24), a.start))) a.fact.isChange = true;
    }
  }
  carryToNextLevel(s, placed, gone);
  // "dropped from 80p ($1.50) to 30p": a folded earlier level takes its bracketed restatement with it.
  for (let i = 1; i < placed.length; i++) {
    if (placed[i]!.fact.conversion && gone.has(placed[i - 1]!) && !placed[i - 1]!.fact.conversion) gone.add(placed[i]!);
  }
  if (/\b(?:cut|reduc|trim|increas|rais|expand)/i.test(s)) cutCountTo(s, placed, gone);
  if (/\bthe\s+(?:total|tally|overall|number)\b/i.test(s)) riseToTotal(s, placed, gone);
  const kept = placed.filter((p) => !gone.has(p));
  restateFolded(kept);
  return kept;
}

/** Whether `change` can be the size of a movement of `level`: a % of anything, or the same unit. */
function isChangeOf(change: FigureFact, level: FigureFact): boolean {
  if (change.valueHigh !== undefined || level.valueHigh !== undefined) return false;
  if (change.unit && CHANGE_UNITS.has(change.unit)) return true;
  return (change.unit ?? null) === (level.unit ?? null);
}

/** Two levels of one quantity: the same unit (or none on either side). */
function comparable(a: FigureFact, b: FigureFact): boolean {
  return (a.unit ?? null) === (b.unit ?? null) || (!b.unit && !!a.unit && a.unit !== '%') || (!a.unit && !!b.unit);
}

/** `moveFirst`: the move is written before its level ("rose 2% to $11.1bn"), not after it ("$11.1bn, up 2%"). */
function setChange(level: FigureFact, dir: 'up' | 'down', change: FigureFact, moveFirst = false): void {
  level.direction = dir;
  // "Shares in Acme were up 40p, or 5%, at 810p", "…, with sales down 2% at 1.1m": the subject was
  // found for the move, nearer to it than to the level.
  if ((moveFirst || !level.counted) && change.counted && !/^(?:points|units)$/i.test(change.counted)) level.counted = change.counted;
  level.change = sign(dir, change.value);
  const unit = change.unit ?? level.unit;
  if (unit) level.changeUnit = unit;
}
