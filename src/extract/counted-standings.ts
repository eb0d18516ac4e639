/**
 * Standings: who holds a share or a score when a sentence lists them by name or rank. "the Tories lead
 * Labour by 41% to 33%" gives each party its share, "with the Green Party on 9%" the third,
 * "the poorest 10%" is the poorest, and in "58 points, with Kenya second on 51" the 51 counts what
 * the 58 did.
 */
const NAME = String.raw`(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})`;
const LEAD_BY = new RegExp(String.raw`(?:^|[\s,;:])(?:the\s+)?${NAME}\s+(?:lead|leads|led|trail|trails|trailed)\s+(?:the\s+)?${NAME}\s+by\s+(?:about\s+|around\s+)?$`, 'u');
const LEAD_BY_TO = new RegExp(String.raw`(?:^|[\s,;:])(?:the\s+)?${NAME}\s+(?:lead|leads|led|trail|trails|trailed)\s+(?:the\s+)?${NAME}\s+by\s+\S+\s+to\s+$`, 'u');
const ON_SHARE = new RegExp(String.raw`\bwith\s+(?:the\s+)?${NAME}\s+(?:(?:second|third|fourth|fifth|next|last|joint\s+\w+)\s+)?on\s+(?:about\s+|around\s+|just\s+)?$`, 'u');
const RANKED_BAND = /\bthe\s+(poorest|richest|wealthiest|(?:least|most)\s+well\s+off|best-off|worst-off|lowest-paid|highest-paid)\s+$/i;
const WON_THE = /\b(?:won|win|wins|winning|smashed|smashing|broke|breaking|broken|set|setting|topped|topping|lifted|lifting)\s+(?:the|a|an|his|her|its|their)\s+(?:[\p{L}'’-]+\s+){0,4}?(\p{Ll}[\p{L}-]*)\s+$/u;
const LED_WITH = /\b(?:led|leads|lead|leading|topped|tops|headed|heads)\s+(?:the|a)\s+(\p{Ll}[\p{L}-]*)\s+with\s+(?:about\s+|around\s+|some\s+)?$/u;
const PLACED_ON = /\b(?:first|second|third|fourth|fifth|sixth|next|last|bottom|top|level)\s+on\s+$/;

/** What a share or score counts by who holds it, or undefined. `qStart` is where the figure starts. */
export function standingCounted(s: string, qStart: number, end: number, unit: string | undefined, previousCounted: string | undefined): string | undefined {
  const before = s.slice(Math.max(0, qStart - 90), qStart);
  if (!before.includes(' on ') && !before.includes(' by ') && !before.includes(' to ') && !before.includes('est ') && !before.includes(' off ') && !before.includes('-paid ') && !before.includes(' the ')) return undefined;
  if (unit === '%') {
    // "the poorest 10% pay more than the richest 10%": a band of a population named by its rank.
    const band = RANKED_BAND.exec(before);
    if (band) return band[1]!.replace(/\s+/g, ' ');
    const lead = LEAD_BY.exec(before);
    if (lead) return lead[1]!.replace(/^The\s+/, '');
    const second = LEAD_BY_TO.exec(before);
    if (second) return second[2];
    const on = ON_SHARE.exec(before);
    if (on) return on[1];
  }
  // "has won the city marathon six times", "led the nominations with 11": what was won or led.
  if (!unit) {
    const won = /^\s+times\b/.test(s.slice(end, end + 7)) ? WON_THE.exec(before) : LED_WITH.exec(before);
    if (won) return won[1];
  }
  // "58 points, with Kenya second on 51": a place in the same table, in the same unit.
  if (!unit && previousCounted && PLACED_ON.test(before)) return previousCounted;
  return undefined;
}
