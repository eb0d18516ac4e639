/**
 * What a figure counts when a verb or a deal says so: "lifting its customer base to 3.1 million"
 * counts the base, "agreed to buy Bolt Inc for about $9bn" counts Bolt Inc (not the buyer), "paid
 * $80m to settle the charges" (or "to cover the cost", "to fund a bid") the charges, and "the sale of
 * 5bn euros of bonds" the bonds.
 */
import { countedAfter } from './counted.ts';

const VERB_OBJECT_TO = /\b(?:restated|revised|overstated|understated|inflated|raise|raised|raising|raises|increase|increased|increases|increasing|swell|swelled|swelling|swells|extend|extended|extending|extends|cut|cuts|cutting|reduce|reduced|reduces|reducing|lower|lowered|lowering|lowers|lift|lifted|lifting|lifts|boost|boosted|boosting|boosts|push|pushed|pushes|pushing|keep|keeps|keeping|kept|take|takes|taking|took|bring|brings|bringing|brought|double|doubled|doubles|doubling|drive|drives|driving|drove|(?<=\b(?:to|will|would|may|might|could)\s)up)\s+(?:(?:the|its|their|his|her|our|a|an|this|that)\s+)?(?!(?:it|them|this|that|him|her|us|prices?|in|on|at|for|from|with|over|during|since|last|next|back|again|further|sharply|slightly)\s)((?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)(?:\s+of\s+(?:the\s+|its\s+|their\s+)?[a-z][\w'’-]*)?\s+(?:up\s+|down\s+)?(?:to|by|below|above|under|beyond)(?:\s+(?:another|a\s+further|an\s+extra|the))?\s*$/;
const DEAL_VERB = String.raw`(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|sell|sells|sold|selling)`;
const DEAL_NOUN = /^(?:sale|purchase|payment|issue|injection|transfer)s?$/i;
// (The text ends where a qualifier starts, and the qualifier takes the space before it.)
const BOUGHT_FOR = new RegExp(String.raw`\b${DEAL_VERB}\s+(?:(?!(?:to|from|in|at|with|by|on|for|could|would|will|may|might|can|should|must)\s)[\w&'’%-]+\s+){0,7}?((?:[A-Z][\w&'’-]*\s+)*(?!(?:to|from|in|at|with|by|on|it|them|for)\s)[\w&'’-]+)(?:\s+to\s+(?:(?:a|an|the)\s+)?[\w-]+)?\s+for\s*$`);
// "buy Alfa's stake in Sun Brew, the second-largest brewer, for up to 250m euros": a stake in something.
const STAKE_FOR = new RegExp(String.raw`\b${DEAL_VERB}\s+(?:[A-Z][\w&'’-]*['’]s?\s+|(?:the|its|a|an|their|his|her)\s+)?(?:\d[\d.]*%\s+)?(stake|holding|shares|share|unit|division|arm|business|operations)\s+in\s+[^.;:]{1,80}?\s+for\s*$`);
// "pump 154m naira ($1.1m) into subsidies", "spent £3bn - or £140 a home - on asylum": what money goes into.
const SPENT_ON = /\b(?:spend|spends|spent|spending|pump|pumps|pumped|pumping|invest|invests|invested|investing|inject|injects|injected|injecting|pour|pours|poured|pouring|plough|ploughed|funnel|funnels|funnelled|funnelling|funneled|funneling)(?:\s+(?:about|around|some|nearly|almost|more\s+than|over|up\s+to|an\s+extra|a\s+further))?\s*$/i;
const ON_WHAT = /^(?:\s*\([^()]{1,40}\)|\s+[-–—]\s+[^-–—]{1,40}\s+[-–—])?(?:\s+(?:a|per|each)\s+(?:year|month|week|day))?\s+(?:on|into|in(?=\s+(?:\p{Lu}|new\b)))\s+(?:(?:buying|acquiring|building|developing|improving|upgrading|repairing)\s+)?(?:(?:the|its|their|his|her|new|an?)\s+)?(?:(?:19|20)\d\d\s+)?(?:\d[\d.]*%\s+)?/iu;
// "the $40,000 needed for a front page advert": what the money is needed for.
const NEEDED_FOR = /^(?:\s*\([^()]{1,30}\))?\s+(?:needed|required|earmarked)\s+for\s+(?:(?:the|a|an|its|their)\s+)?/;
const SETTLES = /^(?:\s*\([^()]{1,30}\))?(?:\s+(?:in|on)\s+[A-Z]\w+)?(?:\s+to\s+the\s+[A-Z][\w&]+)?\s+(?:to|simply\s+for|just\s+for|for|needed\s+to|required\s+to)\s+(?:settle|pay\s+back|repay|cover|fund|finance|buy|get\s+out\s+of|pull\s+out\s+of|pay\s+for|obtaining|getting|renewing|buying)\s+(?:(?:the|a|an|its|their)\s+)?(?:one\s+of\s+(?:the\s+)?)?/;

// "saw its like-for-like sales sink by", "caused the group's profits to slide to": what another verb makes move.
const MOVE = String.raw`(?:rise|rises|rose|fall|falls|fell|slide|slides|slid|sink|sinks|sank|slump|slumps|slumped|drop|drops|dropped|climb|climbs|climbed|jump|jumps|jumped|grow|grows|grew|plunge|plunges|plunged|soar|soars|soared|surge|surges|surged|dip|dips|dipped|slip|slips|slipped|ease|eased|shrink|shrank|increase|decrease|tumble|tumbled)`;
const CAUSED_TO_MOVE = new RegExp(String.raw`\b(?:saw|see|sees|seeing|caused|causing|causes|cause|sent|sending|helped|helping|forced|forcing|pushed|pushing|drove|driving)\s+(?:(?:the|its|their|his|her)\s+)?(?:[\p{L}&-]+['’]s\s+)?((?:[\p{Ll}][\p{L}'’-]*\s+){0,3}?[\p{Ll}][\p{L}'’-]*)\s+(?:to\s+)?${MOVE}\s+(?:by|to)(?:\s+an?(?:\s+[\p{L}-]+)?)?\s*$`, 'u');
// "has left its base rate on hold at 3.5%", "kept its key rate unchanged at 2%", "leaving its sales 4% higher".
const HELD_AT = /\b(?:left|leave|leaves|leaving|kept|keep|keeps|keeping|held|hold|holds|holding)\s+(?:(?:the|its|their|his|her)\s+)?((?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*)(?:\s+(?:on\s+hold|unchanged|steady|flat))?(?:\s+again)?(?:\s+(at))?\s*$/;

// "shaving 20% off the price of calls", "cut £12bn from welfare spending", "taking two years off a sentence".
const TAKEN_OFF = /\b(?:shav|tak|took|knock|wip|cut|slash|trim|lop)\w*\s+(?:(?:about|around|some|nearly|almost|more\s+than|up\s+to|another|a\s+further|an\s+extra)\s+)?$/i;
const OFF_WHAT = /^(?:\s*\([^()]{1,30}\))?\s+(?:off|from)\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?/i;

/** What a figure is taken off ("shaving 20% off the price of"), or undefined. `end` is where the figure ends. */
export function takenOff(s: string, qStart: number, end: number): string | undefined {
  return TAKEN_OFF.test(s.slice(Math.max(0, qStart - 30), qStart)) ? nounAfter(s, end, OFF_WHAT) : undefined;
}

/** The noun phrase after the words `lead` matches right after the figure (which ends at `end`). */
function nounAfter(s: string, end: number, lead: RegExp): string | undefined {
  const m = lead.exec(s.slice(end, end + 60));
  return m ? countedAfter(s, end + m[0].length, true)?.text : undefined;
}

// "hopes to raise $2bn from the listing", "getting A$300m from selling its business Acme": where money raised comes from.
const RAISED = /\b(?:rais|gett|got|mak|made|generat|earn|fetch|collect)\w*\s+(?:(?:about|around|some|nearly|almost|more\s+than|up\s+to|an\s+extra|a\s+further)\s+)?$/i;
const FROM_WHAT = /^(?:\s*\([^()]{1,30}\))?\s+from\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?:selling|sale\s+of|flotation\s+of|listing\s+of)\s+)?(?:(?:property|its|the)\s+)?(?:business\s+)?/i;

// "the 2bn euros it reportedly kept in a Swiss bank account", "£6.2m will come from the rural support fund":
// where money is kept, or where it comes from.
const HELD_IN = /^(?:\s*\([^()]{1,40}\))?\s+(?:(?:it|they|he|she)\s+(?:\p{Ll}+ly\s+)?(?:held|kept|had|deposited|stashed|hid|put)\s+in|(?:will|would|is\s+to|are\s+to|is\s+set\s+to)\s+come\s+from|(?:came|comes)\s+from)\s+(?:(?:a|an|the|its|their)\s+)?/u;

/** Where money is held or comes from, or undefined. */
export function heldIn(s: string, end: number): string | undefined {
  return nounAfter(s, end, HELD_IN);
}

/** Where money raised comes from ("raise $2bn from the listing"), or undefined. */
export function raisedFrom(s: string, qStart: number, end: number): string | undefined {
  const what = RAISED.test(s.slice(Math.max(0, qStart - 24), qStart)) ? nounAfter(s, end, FROM_WHAT) : undefined;
  return what && !/^(?:investors|shareholders|sales?|customers)$/i.test(what) ? what : undefined;
}

/** The thing a verb moves to the figure ("lifted its customer base to", "keep their deficits below"). */
export function movedObject(s: string, qStart: number, end = qStart): string | undefined {
  const tail = s.slice(Math.max(0, qStart - 80), qStart);
  const caused = CAUSED_TO_MOVE.exec(tail)?.[1];
  if (caused) return caused;
  const held = HELD_AT.exec(tail);
  if (held && (held[2] || /^\s+(?:higher|lower|up|down)\b/.test(s.slice(end, end + 8)))) return held[1];
  // ("- Raised the income-tax threshold to": a list item opens with its verb capitalised.)
  return VERB_OBJECT_TO.exec(tail.replace(/(^|[-–—•]\s+)([A-Z])(?=[a-z]+(?:ed|s)\s)/g, (_m, lead: string, c: string) => lead + c.toLowerCase()))?.[1];
}

/**
 * What money in a deal counts, or undefined to keep `counted`. `qStart` is where the figure and its
 * qualifier start, `end` where the figure ends.
 */
export function dealCounted(s: string, counted: string | undefined, qStart: number, end: number): string | undefined {
  // "the sale of 5bn euros ($6.5bn) of state bonds", "the payment of 10m euros in retirement bonuses".
  if (counted && DEAL_NOUN.test(counted) && /\bof\s+$/i.test(s.slice(Math.max(0, qStart - 4), qStart))) {
    const tail = /^(?:\s*\([^()]{1,40}\))?\s+(?:of|in)\s+(?:(?:the|its|their)\s+)?/i.exec(s.slice(end));
    const bought = tail ? countedAfter(s, end + tail[0].length, true)?.text : undefined;
    if (bought) return bought;
  }
  const spent = SPENT_ON.test(s.slice(Math.max(0, qStart - 40), qStart)) ? ON_WHAT.exec(s.slice(end, end + 60)) : null;
  const spentOn = spent ? countedAfter(s, end + spent[0].length, true)?.text : undefined;
  if (spentOn) return spentOn;
  const item = BOUGHT_FOR.exec(s.slice(Math.max(0, qStart - 80), qStart))?.[1] ?? STAKE_FOR.exec(s.slice(Math.max(0, qStart - 140), qStart))?.[1];
  const settles = item ? null : (SETTLES.exec(s.slice(end, end + 60)) ?? NEEDED_FOR.exec(s.slice(end, end + 60)));
  const what = item ?? (settles ? countedAfter(s, end + settles[0].length, true)?.text : undefined);
  // ("buy a season pass for 80 euros" already reads the whole name.)
  return what && !counted?.endsWith(what) ? what : undefined;
}
