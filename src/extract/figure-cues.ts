/**
 * The word patterns figures.ts reads around a number: what a subject measures, pronouns and elided
 * subjects that continue the figure before, what money buys or is paid in, and the cheap test that
 * a sentence holds a number written in words. Patterns only; figures.ts decides with them.
 */

// Subjects that points or people measure; the hint finds them anywhere in a sentence, cheaply.
const MEASURED = 'index|average|Nikkei|FTSE|Dow|Nasdaq|S&P|Dax|CAC|Hang Seng|Kospi|Sensex|unemployment|joblessness|employment|population|workforce|membership|attendance|audience|turnout';
export const MEASURED_SUBJECT = new RegExp(`\\b(?:${MEASURED})$`, 'i');
export const MEASURED_SUBJECT_HINT = new RegExp(MEASURED, 'i');
export const UNIT_NOUNS = /^(?:megabits|gigabits|kilobits|megabytes|gigabytes|terabytes|tonnes|tons|barrels|litres|gallons|acres|hectares|kilos|kilograms)$/i;

// "…, but they were 20% up", "and over the year it came in at 5.1%" too.
export const PRONOUN_SUBJECT = /(?:[,;]|\s[-–—]|\s(?=and\s))\s*(?:(?:and|but|while)\s+)?(?:[a-z]+\s+){0,5}?(?:(?:this|that|it)\s+(?:is|was|will|would|could|should|may|might|has|had|came|stood|ended|closed)|they\s+(?:are|were|will|would|could|should|may|might|have|had))\b[^,;]*$/i;
export const AMONG = /\bAmong\s+(?:the\s+)?((?:[\w'’-]+\s+){0,2}?[\w'’-]+),\s+$/;
// "Output should hit 3% this year, but slip to 2%": a movement verb with no subject of its own too.
// ("averaged 11.2 million and peaked at 12.5 million": a second verb of the same subject needs no comma.)
export const ELIDED_SUBJECT = /(?:[,;]\s+(?:but|and|while)\s+(?:is|was|are|were|will|would|could|should|has|had|may|might|(?:fall|rise|drop|climb|grow|slip|ease|slow|reach|hit)(?:s|ed)?|fell|rose|grew|slowed)\b[^,;]*|^\s+and\s+(?:peaked|peaking|peaks|averaged|averaging|stood|standing|closed|closing|ended|ending|settled|reached|reaching|hit|hitting)\s+(?:at\s+)?)$/i;

export const PHYSICAL_UNIT = /^(?:Mbps|Gbps|kbps|MB|GB|TB|KB|GHz|MHz|MW|GW|kW|km|miles|m|kg|tonnes|barrels|litres|mph|km\/h)$/;
export const MEASURE_OF = /\b(best|record|time|mark|clearance|distance|height)\s+of\s+(?:about\s+|around\s+|just\s+|only\s+)?$/i;
export const PRICE_CUE = /\b(?:priced|costs?|charges?|charging|retails?|sells?|pay|pays|paid|paying)\b/;
export const FOR_WHAT = /^\s+(?:for|per)\s+(?:an?|each|every)\s+((?:[A-Za-z'’-]+\s+){0,2}?[a-z-]+)(?=\s*(?:[,.;:!?)]|$|\s+(?:or|and|in|on|at|while|but)\b))/;
export const IN_WHAT = /^\s+in\s+((?:[a-z-]+\s+){0,2}(?:taxes|tax|fees|damages|fines|dividends|revenues?|sales|profits?|subsidies|loans|debts?|aid|bonuses|funding|compensation|savings|spending|investments?|payments|reserves|assets|grants|donations|contracts|orders|deals))\b/;
export const NUMBER_WORDS = /\b(?:hour|day|week|month|year)-long\b|\bhalf-hour\b|\b(?:quarter|half)\s+(?:percentage\s+)?points?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions|billions|scores)\b|\b(?:for|takes?|took|taking|lasts?|lasted|lasting|by|spanning|missing|missed|miss|spent|spends?|waits?|waited|waiting) (?:(?:more than|over|nearly|almost|about|around|roughly|less than|just over|just under|at least|up to) )?an? (?:second|minute|hour|day|week|fortnight|month|year|decade)\b|\b(?:half|quarters?|thirds?|fifths?|sixth|tenth|score) of\b|\bhalf (?:the|its|their|his|her) |\b(?:than|over|under|nearly|almost|about|around|by) (?:half|a (?:third|quarter|fifth|sixth|tenth))\b|\ba (?:third|quarter|fifth|tenth) (?:more|fewer|less|higher|lower)\b/i;

/** The words between two figures say the second counts what the first did ("up from", "including", ", and"). */
export function inheritsCounted(between: string): boolean {
  // "fell to 2.1% from 2.6%": the level it moved from is of the same measure.
  if (/^\s+from\s*$/.test(between)) return true;
  // "changing hands at 372 riyals after topping 400": the high it reached first is of the same price.
  if (/\bafter\s+(?:topping|hitting|reaching|touching)\s*$/.test(between)) return true;
  // "about 6% of its output, or about $8bn": the same figure told again another way.
  if (/,\s+or(?:\s+(?:about|around|some|nearly|almost))?\s*$/.test(between)) return true;
  // "the remake cost $50m but only recouped $30m": a second verb of the same subject.
  if (/^\)?\s*(?:\([^()]{1,30}\)\s*)?,?\s*(?:but|and)\s+(?:only|just|then|later)\s+\p{Ll}+ed\s*$/u.test(between)) return true;
  if (/\b(?:up|down)\s+from\s*$|\b(?:compared\s+(?:with|to)|versus|including|of\s+which|out\s+of)\s*$/i.test(between)) return true;
  // "3% of judges - 20 out of 700": a restatement after a dash counts the same thing.
  return between.length < 40 && /(?:\band|\bor|,|\s[-–—])\s*$/.test(between) && !/\b(?:is|was|were|are|has|have|had|\w+ed)\b/i.test(between);
}

// Cues figures.ts reads around one figure.
export const WHICH_TO_BE = /(?:\b(?:the|its|their|his|her|a|an)\s+|['’]s\s+)((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*),\s+which\s+(?:(?:it|they|he|she|we|analysts|economists|officials)\s+)?(?:\w+\s+){0,2}?(?:forecasts?|forecast|expects?|expected|estimates?|estimated|predicts?|predicted|puts?|put)\s+(?:to\s+be|at)\s*$/;
export const SHARE_VERB = /^(?:pays?$|[a-z]+ed|sold|bought|paid|made|went|said|thought|felt|own|owned|going|using|saying|buying)\b/i;
export const MOVE_WHEN = /^\s+(?:(?:seen|recorded|reported|posted|registered)\s+)?(?:in\s+(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:a|the)\s+year\s+(?:earlier|before|ago)\b|last\s+(?:year|month|week|quarter)\b|over\s+the\s+[\w ]{1,30}?\bperiod\b)|^\s+(?:[,.;]|$)/;
export const GDP_SHARE_OF = /\b(?:deficits?|debts?|borrowing|spending|aid|budgets?|surplus(?:es)?|tax(?:es)?|investment|subsidies|reserves|expenditure|shortfall)\b/i;
export const BARE_MOVE = /^(?:rise|increase|hike|jump|gain|fall|drop|decline|cut|contraction|decrease|reduction|slide|slump|dip|surge)s?$/i;
export const HYPHEN_PERIOD = /^-\w+\s+((?:[a-z]+\s+){0,2}period)\b/;
export const DASHED_AFTER = /\b(?:the|a|an|its|their|his|her)\s+((?:[\p{L}'’-]+\s){0,3}[\p{L}'’-]+)\s[-–—]\s$/iu;
export const OWNER_BEFORE = /\b(?:the|its|their)\s+((?:[\p{L}\d&-]+\s){0,2}[\p{L}\d&-]+)['’]s\s+$/u;

/** Whether `at` stands inside brackets opened before it and not yet closed. */
export function insideBrackets(s: string, at: number): boolean {
  const open = s.lastIndexOf('(', at);
  return open >= 0 && s.lastIndexOf(')', at) < open;
}
