/**
 * Counts moved to another, part of the change pass (changes.ts). A count cut or raised to another
 * ("cutting Wales's six rural councils to four", "will cut its 3,000 staff to 2,500"): the first is
 * the level's earlier value and names what it counts, not a figure of its own. And the size of a
 * rise before the total it reached ("5,000 more copies …, taking the total to 28,000").
 */
import type { Placed } from './spans.ts';
import { directionOf } from './movement.ts';
import { parseNumber } from './numbers.ts';

const CUT_COUNT_TO = /\b(cut|cuts|cutting|reduce|reduces|reduced|reducing|trim|trims|trimmed|trimming|increase|increases|increased|increasing|raise|raises|raised|raising|expand|expands|expanded|expanding)\s+(?:(?:the|its|their|his|her)\s+|\p{Lu}[\p{L}'’-]*['’]s?\s+)?(\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s+to\s+(?:just\s+|only\s+)?$/iu;

/** The earlier count of "cut its 3,000 staff to 2,500", whether or not that count stood as a figure. */
export function cutCountTo(s: string, placed: Placed[], gone: Set<Placed>): void {
  for (const b of placed) {
    if (gone.has(b) || b.fact.unit || b.fact.previous !== undefined || b.fact.valueHigh !== undefined) continue;
    const from = Math.max(0, b.start - 90);
    const m = CUT_COUNT_TO.exec(s.slice(from, b.start));
    if (!m) continue;
    const before = parseNumber(m[2]!);
    const dir = directionOf(m[1]!);
    if (before === undefined || !dir || before === b.fact.value) continue;
    b.fact.previous = before;
    b.fact.direction = dir;
    b.fact.counted = m[3]!;
    // The earlier count was read as a figure of its own: it is this one's previous level now.
    const at = from + m.index;
    for (const p of placed) if (p !== b && p.start >= at && p.end <= b.start) gone.add(p);
  }
}

// "a $700bn rise in the limit - taking the total to $9 trillion", "making 4,000 more copies
// …, taking the total number of copies to about 28,000": the size of a rise, then the total it reached.
const TO_TOTAL = /\b(?:taking|bringing|pushing|lifting|raising)\s+(?:the|its|their)\s+(?:total|tally|overall\s+total|number)\b[^.;:]{0,50}?\bto\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|just\s+over)\s+)?$/i;
const RISE_AFTER = /^\s+(?:more|extra|additional)\b|^\s+(?:rise|increase)\b/i;
const RISE_BEFORE = /\b(?:an?\s+)?(?:rise|increase)\s+of\s+(?:(?:about|around|some|nearly|almost|more\s+than)\s+)?$|\b(?:extra|additional)\s+$/i;

/** Folds the size of a rise into the total it took something to, later in the sentence. */
export function riseToTotal(s: string, placed: Placed[], gone: Set<Placed>): void {
  const standing = placed.filter((p) => !gone.has(p) && !p.fact.conversion);
  for (let i = 0; i + 1 < standing.length; i++) {
    const a = standing[i]!;
    const b = standing[i + 1]!;
    if (a.fact.direction === 'down' || b.fact.previous !== undefined || (a.fact.unit ?? null) !== (b.fact.unit ?? null)) continue;
    if (!TO_TOTAL.test(s.slice(Math.max(0, b.start - 110), b.start)) || b.start - a.end > 160) continue;
    if (!RISE_AFTER.test(s.slice(a.end, a.end + 16)) && !RISE_BEFORE.test(s.slice(Math.max(0, a.start - 30), a.start))) continue;
    b.fact.direction = 'up';
    b.fact.change = a.fact.value;
    if (a.fact.unit) b.fact.changeUnit = a.fact.unit;
    if (!b.fact.counted && a.fact.counted) b.fact.counted = a.fact.counted;
    gone.add(a);
  }
}
