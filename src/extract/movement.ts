/**
 * Words that state a movement of a quantity ("rose", "fell", "up", "slowed"), and its direction.
 * Shared by the number scanner (a change followed by "to" and a level is not a range) and the
 * change pass (changes.ts).
 */
const UP_WORDS =
  'rose|rise|rises|rising|risen|jumped|jump|jumps|climbed|climb|climbs|grew|grow|grows|growing|grown|gained|gain|gains|increased|increase|increases|' +
  'soared|soar|soars|surged|surge|surges|rallied|rebounded|leapt|leaped|leap|boosted|raised|raising|raise|raises|lift|lifts|lifting|lifted|added|adding|add|adds|doubled|' +
  'tripled|expanded|advanced|improved|widened|higher|up|rocketed|spiked|topped|reach|reaches|reached|reaching|strengthened|strengthening|lengthened|extended|' +
  'increasing|boost|boosts|boosting|expand|expands|expanding|recover|recovers|recovered|recovering|stretched|stretching|doubling|double|doubles|' +
  'climbing|jumping|leaping|rocketing|surging|soaring|rallying|gaining|spiralling|spiraling|spiralled|improving|advancing|widening|swelled|swell|swells|swelling|ballooned|extend|extends|extending|' +
  'triple|triples|tripling|quadrupled|widen|widens|lengthen|lengthens|improve|improves|advance|advances|strengthen|strengthens';
const DOWN_WORDS =
  'fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|declining|slipped|slip|slips|slumped|slump|slumps|' +
  'slid|slide|slides|sliding|slipping|lost|lose|loses|losing|decreased|decrease|decreases|shrank|shrink|shrinks|shrunk|eased|ease|eases|plunged|plunge|plunges|' +
  'plummeted|tumbled|tumble|tumbles|sank|sink|sinks|cut|cuts|cutting|reduced|reduce|reduces|lowered|lower|slowed|slow|slows|slowing|narrowed|' +
  'down|halved|contracted|dipped|dip|dips|shed|sheds|downgraded|trimmed|slashed|weakened|weakening|shortened|axe|axes|axed|axing|dipping|dived|dive|dives|diving|' +
  'reducing|lowering|slashing|shedding|trimming|shrinking|halving|narrowing|easing|sinking|tumbling|plunging|contracting|sunk|slid|' +
  'trim|trims|slash|slashes|shorten|shortens|narrow|narrows|halve|halves|weaken|weakens|lowers';

/** Every movement word, as one alternation for building patterns. */
export const MOVEMENT_WORDS = `${UP_WORDS}|${DOWN_WORDS}`;
const UP = new Set(UP_WORDS.split('|'));
const DOWN = new Set(DOWN_WORDS.split('|'));

/** The direction a movement word states, or undefined when the word is not one. */
export function directionOf(word: string): 'up' | 'down' | undefined {
  const w = word.toLowerCase();
  return UP.has(w) ? 'up' : DOWN.has(w) ? 'down' : undefined;
}

/** "rose 2%", "fell by 0.4 per cent", "climbed nearly": a movement word right before a figure. */
export const MOVEMENT_BEFORE = new RegExp(
  String.raw`\b(?:${MOVEMENT_WORDS})(?:\s+(?:by|sharply|slightly|further|again|another|just|only))*\s+(?:(?:about|around|some|nearly|almost|more than|less than|over|roughly)\s+)?$`,
  'i',
);
