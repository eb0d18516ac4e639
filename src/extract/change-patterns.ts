/**
 * The wording of changes: what stands between a move and its level ("rose 2% to"), before an
 * earlier level ("from", "compared with"), and the nouns and comparatives that say a number is a
 * change ("a 3% rise", "36% higher than"). Used by the change pass (changes.ts).
 */

// What may stand between a change and its level: a month or year, "month on month", a conversion.
// "$250m (£130m), for the six months to 31 March, up from", "grew 0.2% - as expected - from".
// "down 3.7% by revenue to", "up 2% by volume to": what the move was measured by.
const ASIDE = String.raw`(?:\s+by\s+(?:value|volume|revenue|sales|turnover|weight))?(?:\s*\([^()]{1,24}\))?(?:\s+of\s+(?:GDP|gross\s+domestic\s+product|national\s+income))?(?:\s+[-–—]\s+[^-–—\d]{1,40}?\s+[-–—](?=\s+(?:from|up|down|to|compared|against)\b))?(?:\s+(?:per|a|an)\s+[a-z]+)?(?:,?\s+(?:in|during|for|over|since)\s+(?:the\s+)?(?:(?!\b(?:before|after|and|but|while|when|then)\b)[\w ]){1,32}?|\s+(?:month[- ]on[- ]month|year[- ]on[- ]year|on the year|on the month|on the day|on the week|against the (?:[A-Z][a-z]+\s+)?(?:dollar|euro|pound|yen)|(?:next|this|last) (?:year|month|week|quarter)|today|now|currently|at present|(?:from|on|compared\s+with)\s+(?:the\s+)?(?:previous|same|last|a)\s+(?:year|month|quarter|period)(?:\s+(?:ago|earlier|before))?))?`;
export const TO = new RegExp(String.raw`^${ASIDE},?\s+(?:to\s+(?:reach\s+|(?:trade|close|end|finish|stand|settle)\s+at\s+)?|at\s+)(?:potentially\s+|possibly\s+|perhaps\s+)?(?:an\s+average\s+of\s+|a\s+(?:record|new|fresh)\s+(?:high\s+of\s+|low\s+of\s+)?|just\s+|only\s+|(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+than|under|over|below|above)\s+)?$`, 'i');
// "from $10.9bn", "in June from 1.9%", "compared with 1.2m": what comes before an earlier level.
// "from an earlier estimate of 2.9%", "from its first forecast of 2%": the earlier level is named.
export const FROM = new RegExp(String.raw`^${ASIDE},?\s+(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:revised|adjusted|previous|earlier|original|initial|prior|expected|estimated|forecast|projected)\s+)?(?:(?:estimate|forecast|projection|prediction|figure|level|reading)\s+of\s+)?$`);
// "$38.20 on Monday - a fall of 3.2%": a day or place may stand before the dash.
export const UP_DOWN = /^(?:\s*\([^()]{1,40}\))?(?:\s+(?:on|in)\s+\p{Lu}\w+)?(?:,|\s[–—-])?\s+(?:(up|down|higher|lower)|an?\s+(rise|increase|fall|drop|decline|gain|jump|cut)\s+of)\s+(?:by\s+)?$/iu;
export const UPDOWN_FROM = new RegExp(String.raw`^${ASIDE}\s*[,–—-]?\s+(?:(up|down)\s+from|(?:an?\s+)?(increase|rise|fall|drop|decline)\s+from)\s+(?:an?\s+(?:profit|loss|total|level|peak|high|low)\s+of\s+|an?\s+|just\s+|only\s+)?$`, 'i');
// "91,000, just above May's three-month low of 88,000", "6.1%, well below 2003's 7.4%": an earlier
// level named by its period (a possessive), not an expectation ("more than the £1.4bn expected").
export const THAN_EARLIER = /^[^;:()]{0,24}?,?\s+(?:(?:just|slightly|well|far|much|still)\s+)?(?:(higher|more|above|up|greater)|(lower|less|below|down|fewer))(?:\s+than)?\s+(?:(?:the\s+)?[\w-]+['’]s?\s+(?:[\w-]+\s+){0,3}?(?:(?:low|high|level|figure|total|rate)\s+of\s+)?|(?:his|her|its|their|the)\s+(?:initial|original|earlier|previous|first)\s+(?:promise|pledge|target|estimate|forecast|figure)\s+of\s+)$/i;
// "6.8% in 2004, quicker than expected and well ahead of 2003's 6.1%": a level named by its year is an
// earlier level even a clause further on.
export const THAN_YEAR = /^[^;:()]{0,80}?,?\s+(?:(?:just|slightly|well|far|much|still)\s+)?(?:(higher|more|above|up|greater|ahead\s+of)|(lower|less|below|down|fewer|behind))(?:\s+than)?\s+(?:19|20)\d\d['’]s\s+$/i;
// "…, up from 31,000": a clause-final comparison, after the counted words and their verb.
export const CLAUSE_UP_FROM = /[,–—-]\s+(up|down)\s+from\s+(?:an?\s+|just\s+|only\s+|the\s+(?:[\w-]+\s+){0,2}[\w-]+['’]s\s+)?$/i;
// "36% higher than a year ago", "26% more than in 2003": a change named after the number.
// "takings 3% up on the same week last year", "5% down on a year ago": a change against an earlier time.
export const UP_ON = /^\s+(?:(up)|down)\s+on\s+(?:the\s+(?:same|previous|prior|year|month|quarter|week)\b|last\s+(?:year|month|week|season)\b|a\s+year\s+(?:ago|earlier|before)\b|(?:19|20)\d\d\b)/i;
export const THAN = /^\s+(?:(higher|more|up|above|greater|bigger|larger|faster|dearer|costlier|pricier)|(lower|less|down|below|smaller|fewer|slower|cheaper))\s+than\b|^\s+(?:(above)|(below))\s+(?:normal|average|the\s+levels?|last\s+year|a\s+year\s+(?:ago|earlier)|(?:the\s+)?(?:same|previous)\b|(?:earlier\s+|official\s+|its\s+|the\s+)?(?:estimates|forecasts|expectations|target)\b)/i;
export const CHANGE_THEN_AT = /^\s+(?:(higher|more|up)|(lower|less|down))(?:\s+than\s+[^;:()]{0,50}?,)?\s+at\s+(?:an?\s+)?(?:[\w-]+\s+)?$/i;
// "9% of the market, a gain on its present 3.5%": the level it improves on is the earlier one.
export const BECAME = /^[^;:()\d]{0,60}?(?:,\s+(?:but\s+)?now\s+(?:\w+\s+){0,2}|(?:,|\s[-–—])\s+but\s+(?:that|this|it|the\s+figure)\s+(?:had|has)\s+(?:dropped|fallen|risen|climbed|grown|slipped|increased|decreased)\s+to\s+|\s+(?:for\s+an?\s+\w+\s+)?(?:would|will|should|could|is\s+to|was\s+to)\s+be\s+(?:reduced|cut|lowered|raised|increased)\s+to\s+)(?:(?:fewer|less|more)\s+than\s+|about\s+|around\s+|just\s+)?$/i;
export const ON_EARLIER = /^[^;:()]{0,60}?,\s+(?:but\s+)?an?\s+(?:(improvement|increase|rise|gain)|(fall|decline|drop|cut))\s+(?:on|from)\s+(?:(?:its|the|their|his|her)\s+)?(?:current|present|previous|existing)?\s*(?:(?:an\s+estimated|about|around|some|nearly|almost)\s+)?$/i;
export const ESTIMATE_OF = /\b(?:previous|earlier|initial|original|first|provisional)\s+(?:estimate|forecast|figure|reading|projection)\s+of\s+$/i;
export const REVISED_TO = /^[^;:()]{0,60}?\b(?:was|were|has\s+been|had\s+been|is|have\s+been)\s+((?:revised|downgraded|upgraded|cut|raised|lowered|marked)(?:\s+(?:down|up|higher|lower))?)\s+to\s+(?:an?\s+)?$/i;
export const THAN_BEFORE = /^\s+(?:(more|higher|up|greater|bigger|larger)|(fewer|lower|less|down|smaller))\s+(?:than|on)\s+(?:(?:previously|originally|first)\s+(?:forecast|expected|predicted|estimated|thought)\b|the\s+(?:previous|same|prior)\b|a\s+year\s+(?:ago|earlier|before)|last\s+(?:year|month|week|season|time)|in\s+(?:19|20)\d\d\b|the\s+year\s+before)/i;
// "a 53% pay rise", "an 8% increase in wages", "a 0.1% contraction": the noun after says it is a change.
export const CHANGE_NOUN = /^\s+(?:[a-z]+\s+)?(?:(rise|increase|hike|jump|gain|growth|boost|rebound|surge|climb|uplift)|(fall|drop|decline|cut|contraction|decrease|reduction|slump|slide|loss|dip|shortfall))s?\b/i;
// "2,000 jobs would be cut", "900 staff lost their jobs", "£630 worse off", "1,200 job losses": a fall
// (or a gain) said after the figure.
export const AFTER_MOVE = /^\s+(?:(?:[a-z]+\s+){0,2}(?:jobs|posts|positions|staff|workers|employees|roles)\s+(?:(?:would|will|could|are|were|is|was|to|have|has|had)\s+(?:be\s+|been\s+)?)?(?:cut|lost|axed|shed|scrapped|slashed|go)\b|(more)\s+(?!than\b)[a-z]|(fewer|less)\s+(?!than\b)[a-z]|(?:[a-z]+\s+){1,2}(?:(?:have|has|had)\s+)?(?:lost|lose|will\s+lose|would\s+lose|could\s+lose)\s+their\s+(?:jobs|livelihoods)\b|(worse)\s+off\b|(better)\s+off\b|job\s+(?:losses|cuts)\b)/i;
// "the loss of 800 jobs", "an extra £4bn": a fall or a gain said right before the figure.
export const BEFORE_MOVE = /\b(?:(?:(?:the|a|an)\s+(?:[a-z]+\s+)?)?(loss|losses|deduction)\s+of|(extra|additional)|(rid\s+of)|(created|create|creates|creating|added|adding))\s+(?:(?:about|around|some|nearly|almost|up\s+to|more\s+than)\s+)?$/i;
export const JOBS_AFTER = /^\s+(?:jobs|posts|positions|staff|workers)\b/i;
export const NOUN_TO = /^\s+(rise|increase|jump|gain|climb|hike|boost|fall|drop|decline|slide|dip|cut|reduction)\s+(?:in\s+[\w' ]{1,30}?\s+)?to\s+(?:(?:about|around|nearly|almost|just|some)\s+)?$/i;
export const CHANGE_WITH = /^(?:\s+(?:in|during|for|over)\s+(?:the\s+)?[\w ]{1,24}?)?,?\s+(?:with|to\s+reach)\s+(?:an?\s+)?(?:(?:record|new|total|high)\s+(?:of\s+)?)?$/i;

// "$434m, compared to the previously reported $732m": an earlier statement of the same measure.
export const COMPARED = /^(?:\s*\([^()]{1,30}\))?(?:\s+(?:of\s+\w+\s+)?(?:in|on|at|for|during)\s+[\w ]{1,24}?)?,?\s+(?:compared\s+(?:with|to)|against)\s+(?:(?:a|an|the)\s+)?(?:(?:previously|originally|initially|first)\s+(?:reported|stated|announced|published|forecast|estimated)\s+)?$/i;
export const EARLIER_PERIODS = /^(?:\s+(?:in|during|for)\s+[\w ]{1,20}?)?,?\s+compared\s+(?:with|to)\s+(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|last\s+(?:year|month|week|quarter)|the\s+previous\s+(?:year|month|week|quarter)|a\s+year\s+earlier)['’]s?\s+$/;
export const THEN_MOVES_TO = /^(?:\s+(?:in|at|by|for)\s+[\w ]{1,24}?)?,?\s+and\s+(?:is|was|are|were|has|have|had|will|would|could|should)\s+(?:\w+\s+){0,3}?(rise|rose|risen|climb|grow|grew|fall|fell|drop|increase|decrease|decline|jump|soar|slip|sink|widen|narrow)\w*\s+to\s+(?:(?:about|around|nearly|almost|some|just|more\s+than|less\s+than|over)\s+)?$/i;
