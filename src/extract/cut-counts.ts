/**
 * A count cut or raised to another: "cutting Wales's six rural councils to four",
 * "will cut its 3,000 staff to 2,500". The first count is the level's earlier value and names what
 * it counts; it is not a figure of its own. Part of the change pass (changes.ts).
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
