/**
 * Numbers that are part of a name or a label, not quantities: index names ("FTSE 250"), product
 * models ("Boeing 737", "PlayStation 5"), leagues ("Ligue 1"), numbered things ("category 3", "the
 * number 10 shirt"), and years in any position ("its 2003 performance"). Each test is a plain
 * pattern with no nested repetition, so the scan stays linear in the sentence length.
 */
import { matchesOf } from './scan.ts';
import { sportSpans } from './sport-labels.ts';
import { ODDS_CUE } from './numbers.ts';

const SMALL = String.raw`(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)`;

// Relative time and match clocks: "six weeks ago", "two hours before", "with 10 minutes left".
const RELATIVE = new RegExp(
  String.raw`\b(?:(?:about|some|almost|nearly)\s+)?${SMALL}\s+(?:days|weeks|months|years|games|matches|rounds|races|laps)\s+(?:into|in\s+to|away)\b|\b${SMALL}\s+(?:minutes|seconds)\s+into\b|\b${SMALL}\s+(?:minutes?|mins|seconds)\s+(?:left|remaining)\s+(?:to\s+play|in\s+the\s+(?:game|match))\b|\bthe\s+(?:remaining|last|final)\s+${SMALL}\s+minutes\s+of\s+(?:the\s+)?(?:game|match|tie)\b|\b\d{1,3}(?:,\d{3})+\s+years\s+(?:after|later|before|ago)\b|(?<!\b(?:for|take|takes|took|taking|taken|requires?|required|wait|waited|another|up\s+to|lasted|lasts|lasting)\s+(?:just\s+|only\s+)?)(?<!\b${SMALL}\s+(?:to|or)\s+)\b(?:(?:more|less)\s+than\s+|about\s+|some\s+|almost\s+|nearly\s+)?(?:${SMALL}\s+(?:or|to)\s+)?${SMALL}\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|seasons?)\s+(?:ago|earlier|later|before|after|beforehand|previously|prior\s+to)\b|\b(?:after|with|on|at)\s+(?:just\s+|only\s+)?${SMALL}\s+(?:minutes?|mins|seconds)(?:\s+(?:left|remaining|to\s+go|to\s+play))?\b(?!\s+of\b)|(?<!\bfor\s)\b${SMALL}\s+years\s+on\b(?!\s+from)|\bwith\s+${SMALL}\s+(?:laps?|holes?|overs?|games?|matches|races?|rounds?)\s+(?:left|remaining|to\s+go|to\s+play)\b|\bwith\s+(?:just\s+|only\s+)?\d[\d,]*\s?(?:m|metres|km|miles?)\s+(?:left|remaining|to\s+go)\b|\b${SMALL}\s+(?:days|weeks|months)\s+(?:to|until|before)\s+the\s+(?:next\s+|general\s+)?(?:election|poll|vote|referendum|deadline)\b|\bin\s+(?:(?:about|around|some|another|the\s+next)\s+)?(?:${SMALL}\s+(?:or|to)\s+)?${SMALL}\s+(?:days|weeks|months|years|decades)(?:['’]\s*|\s+)time\b|\b${SMALL}\s+(?:days|weeks|months|years|decades)\s+since\b`,
  'gi',
);
// Chart moves are positions, not counts: "dropped one place", "moved up two spots".
// "slipped to six after two weeks in the chart", "moved up three to number two", "at number eight
// and 10", "number three in the UK and 15 in the US": places in a chart, said as moves or in pairs.
const CHART_PLACES = new RegExp(
  String.raw`\b(?:entered|entering|enters|slipped|slipping|slips|dropped|dropping|drops|fell|falls|falling|climbed|climbing|climbs|rose|rising|rises|moved|moving|moves|jumped|jumping|jumps|went|going|goes|shot)\s+(?:straight\s+)?(?:(?:up|down)\s+)?(?:to|in\s+at|into)\s+(?:number\s+)?${SMALL}\b(?![,.]\d)(?!\s*(?:%|per\b|million|m\b|bn\b|billion|points|weeks|days|years|copies|sales))|\b(?:up|down)\s+${SMALL}\s+(?:places?\s+)?(?=to\s+number\b)|(?<=\bnumber\s+${SMALL}(?:\s+in\s+the\s+[A-Z]{2,3})?\s+(?:and|or)\s)${SMALL}\b`,
  'gi',
);
// "its steepest fall in three months", "their highest level in more than two years": how rare, not how long.
const RARE_SINCE = new RegExp(String.raw`\b(?:\w+est|best|worst)\s+(?:[a-z]+\s+){0,2}in\s+(?:(?:more\s+than|over|almost|nearly|about)\s+)?${SMALL}\s+(?:weeks|months|years|decades)\b`, 'gi');
const CHART_MOVES = new RegExp(String.raw`\b(?:up|down|rose|rising|climbed|climbing|fell|falling|dropped|dropping|slipped|slipping|moved|moving|jumped|jumping)\s+(?:up\s+|down\s+)?${SMALL}\s+(?:places?|spots?|positions?)(?:\s+to\s+(?:number\s+)?${SMALL})?\b`, 'gi');
// "in the last two elections", "the next two games against Spain": the number picks out which events
// are meant, not how many there were. A side that won or lost them counts them ("lost their last two games").
const REFERENCE_SETS = new RegExp(
  String.raw`(?<!\b(?:won|win|wins|winning|lost|lose|loses|losing|drew|draw|draws|drawn|drawing|beat|beaten|beats)\s+)\b(?:the|their|his|her|its|our|my|your|those|these)\s+(?:last|first|next|past|previous|final|opening)\s+(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+|[A-Z][a-z]+\s+[A-Z][a-z]+\s+)?(?:wins|victories|defeats|elections|polls|terms|games|matches|sets|races|rounds|seasons|tournaments|meetings|fixtures|outings|budgets|Budgets|parliaments|occasions|visits|editions|contests|fights|legs|tests|weekends)\b`,
  'g',
);
// A place in a list or chart: "Jo Pike at seven", "Kim and Lee at four, up from 12 in 2003".
// Only where the sentence speaks of a list, and only a bare number (no unit, no scale) after a name.
const LIST_PLACE = new RegExp(
  String.raw`(?<=\b(?:[A-Z][A-Za-z'’-]+|chart|charts|list|countdown)\s)at\s+(?:number\s+)?${SMALL}(?:,?\s+(?:up|down)\s+from\s+${SMALL})?(?=\s*(?:[,.;]|$)|\s+(?:and|in|with|behind|ahead)\b)`,
  'g',
);
const LIST_CUE = /\b(?:list|lists|chart|charts|ranking|rankings|countdown|top\s+(?:\d+|ten|twenty|fifty|hundred)|at\s+number)\b/i;
// Codes and fragments that are not quantities: "9/11", "06/05", "8/9 January", "2007-13", "&#233;",
// days of a month ("on 12-14 May"), and the ages a course is for ("the 14-19 diplomas").
// An equation on a poster ("2+2=5") is no amount either, nor a phone number ("0800 555 111").
const CODES = /\b\d-\d-\d(?:-\d)?\b|\b\d{1,2}(?:\s?[-–]\s?|\s+(?:or|and|to)\s+)\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}-\d{1,2}\s+(?:qualifications?|education|curriculum|diplomas?|learning)\b|\b\d+\s?[+=]\s?\d+(?:\s?=\s?\d+)?\b|\b\d{1,2}\/\d{1,2}\b|\b[A-Z]{1,4}\/\d+\b|\b(?:19|20)\d\d[-–](?:\d\d?|(?:19|20)\d\d)\b|&#\d+;|\b0\d{2,4}(?:\s\d{1,4}){1,3}\b|(?<![\d,.])\b0\d+\b/g;
// A clock time written in four digits: "at about 1900 on Sundays", "by 1700 GMT".
const CLOCK = /\b(?:at|by|until|from|before|after)\s+(?:about\s+|around\s+)?(?:[01]\d|2[0-3])[0-5]\d\b(?!\s+(?:people|jobs|workers|staff|troops|homes|cars|votes|seats|pence|points|euros|dollars|pounds|yen|cents)\b)|\b(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:GMT|BST|UTC|slot|on\s+(?:BBC|Radio|ITV|Channel|Sky)))/gi;
// Athletics: "the 10,000m", "800m and 1500m champion", "60m hurdles", "in 30.26" are events and times;
// a course's length ("the 10,500m course") and a height ("a record of 4.91m") are measures.
const ATHLETICS = /\d\s?(?:seconds|secs)\b|\b(?:time of|lane|personal best|season['’]?s? best|race|record|champion|athlet\w*|indoor|outdoor|hurdles|relay|olympic|medal\w*|runner|marathon|sprint|cross-country|steeplechase|heptathl\w*|decathl\w*|pentathl\w*)\b/i;
const RACE_NUMBERS = /\b(?:one|two|three|\d)[- ]mile\b|(?<=\bover\s)\d{2,5}m\b|(?<![$£€¥]\s?|[\d.])\b(?:\d{2}(?:,\d{3}|\d{2})?|\d{3,4})m\b(?!\s+(?:in|of|for|from|to|course|euros?|dollars?|pounds?|yen|yuan|rupees|roubles|francs|shares|people|users)\b)|\b(?:in|of|clocked|clocking|clocks|time of)\s+\d{1,2}[.:]\d{2}(?:\.\d+)?\b(?!\s?(?:seconds?|secs?)\b)/g;
// "800m hope McIlroy", "Scotland's 400m man", "the women's 5K final": a race named, not a distance run;
// "their 7610 phone", "the 7610's functions": a model; "text GOODPUB to 85130": a short code.
const NAMED_RACES_AND_MODELS = /(?<![$£€¥]\s?|[\d.,])\b(?:\d{1,2},\d{3}|\d{1,5})(?:m|K)\b(?=\s+(?:hope|man|woman|star|champion|runner|specialist|final|heats?|title|road race|race|walk|Walk|record|world record|gold|silver|bronze|victory|win|triumph)\b)|(?<![$£€¥]\s?|[\d.,])\b\d{1,2}km\b(?=\s+(?:hope|champion|title|gold|silver|bronze)\b)|(?<=\b(?:the|their|its|his|her|a|new)\s)(?!19|20)[1-9]\d{3}(?=['’]s\b|\s+(?:phones?|handsets?|mobiles?)\b)|(?<=\b(?:text|texting|texts|call|dial|ring)\b[^.]{0,30}?\bto\s)\d{4,6}\b/g;
const PHONE_CONTEXT = /\b(?:Nokia|Motorola|Siemens|Ericsson|Samsung|Vodafone|O2|Orange|T-Mobile|handsets?|mobile phones?|operators?)\b/;
const PHONE_MODEL = /(?<![\d.,$£€])\b(?!19\d\d|20[0-2]\d)[1-9]\d{3}\b(?![\d.,%]|\s?(?:m|bn|million|billion|years?|people|users|customers|subscribers|phones|handsets)\b)|(?<=\b(?:The|the|and|operator,|lets|said)\s)3\b(?=\s+(?:network|already|has|is|was|launched|said|offer|spokes(?:person|man|woman))\b|[.,])/g;
const WORD_LABELS = /\b(?:no-one|one-(?:off|liners?|sided|time|way|stop|man|party|horse|size|day|on-one|one|click|dimensional)|(?:number|world number|league|top[-\s]|world no\.?\s?)\s?(?:\d+(?![\d.,]*\s?(?:m|bn|million|billion)\b)|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|forty|hundred)|(?:top|bottom)-(?:\w+)|(?:BBC|Radio|Sky|Channel|ITV|Five|Formula|Chapter|Act|Part|Book|Volume|Series|Season|Episode|League|Division|Pop|Generation|Apollo)\s+(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d+)(?:\s+Live)?)\b/gi;
// Capitalised words that may stand before a number without naming it ("About 300", "Since 2001").
const NOT_NAMES = new Set(
  ('About Around Some Nearly Almost Over Under Only Just More Less Fewer The A An In On At By For With From To Of And But Since After ' +
    'Before All Another Last Next First Those These Its Their His Her Our Than Up Down Until Till Between Within Also Were Was Is Are Had ' +
    'Has Have Mr Mrs Ms Dr Roughly Approximately Exactly Perhaps Each Every Both Nearer Around Another Total Totalling Some Including Plus ' +
    'Minus Or Nor Yet So If When While As Where Only Barely Fully Like Unlike Despite Among Against Per Via Approx Estimated Average Aged ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday ' +
    'Saturday Sunday Christmas Easter US UK EU UN Rs RM GMT BST EST CET UTC Brent').split(' '),
);
// At the start of a sentence only a name with an inner capital or hyphen ("PlayStation 3", "Half-Life 2"),
// or one followed by a verb ("Halo 2 sells …"), is taken for a name: "Nearly 300 …" is a count.
const NAME_AT_START = /^(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+-[A-Z][a-z]+)\s\d{1,4}\b|^[A-Z][a-z]+(?:['’]s)?\s\d{1,2}\s(?=(?:sells|sold|sweeps|wins|won|tops|topped|leads|led|beats|hits|gets|is|was|has|feels|dropped|drops|fell|falls|moved|moves|rose|climbed|took|takes|made|earned|grossed|opened|chip|console|game|review|launch|released?)\b|and\s+The\s+[A-Z])/;
// Age groups name who, not how many: "children under five", "the under 16 girls", "an under-21 side".
const AGE_GROUP = new RegExp(
  String.raw`\b(?:between\s+)?\d{1,2}\s+to\s+\d{1,2}[- ]year[- ]olds?\b|\b(?:between\s+)?the\s+ages\s+of\s+${SMALL}\s+(?:and|to)\s+${SMALL}\b|\b(?:people|adults|those|voters|users|workers)\s+(?:aged\s+)?(?:under|over)\s+\d{1,2}\b(?!\s*(?:%|per\s?cent|m\b|bn\b|million))|\baged\s+\d{1,2}\s+(?:or|and)\s+(?:over|under|above|older)\b|\b(?:those|people|adults|users)\s+aged\s+between\s+\d{1,2}\s+and\s+\d{1,2}\b|\bover[- ]\d{1,2}s\b|\bover\s+\d{1,2}-year-olds\b|\b(?:children|boys|girls|kids|babies|infants|pupils)\s+(?:aged\s+)?under\s+${SMALL}\b|\b(?:under|over)[- ]${SMALL}s?\s+(?:boys|girls|team|side|squad|players|international|level|ranks)\b`,
  'gi',
);
// Standards and software named with a version: "USB 2.0", "Bluetooth 1.2", "Web 2.0".
const VERSIONED = /\b(?:[A-Z]{2,6}|Bluetooth|Web|Wi-Fi|Firefox|Explorer|Windows|Mac OS X?)\s+\d{1,2}\.\d\b(?!\s*(?:%|per\s?cent|m\b|bn\b|million|billion))/g;
// A title that opens with a number word, mid-sentence: "…, Forty Shades of Blue won".
// "February 16 and 17": days of a month written after it; "World War 2", "Half-Life 2", the
// "Four-Kings" championship: numbers inside names.
const US_DAYS = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:\s*(?:,|and|or|to|-|–)\s*\d{1,2})+\b(?!\s*(?:%|per\s?cent|m\b|bn\b|million|billion|,\d))/g;
// "The 18 certificate", "at least a 15 rating": a film's age rating names who may watch, not how many.
// "the six-yard box", "the 18-yard line": places on a pitch.
const AGE_RATING = /\b(?:12A?|15|18)\s+(?:certificate|rating)\b|\b(?:six|18|six|10|22)-(?:yard|metre)\s+(?:box|line|area)\b/g;
// "Boeing 737-800", "Airbus A320": aircraft models, not figures.
// "the 737-800 had cut costs": a Boeing model by its number alone, beside an airline or a plane.
const AIRCRAFT = /(?<=\b(?:Boeing|Airbus|Embraer)\s)A?\d{3}(?:-\d{2,3})?[A-Z]?\b|\b7[0-8]7-\d{3}\b/g;
const ERA_YEARS = /\b\d{1,4}\s?(?:AD|BC|A\.D\.?|B\.C\.?)(?![A-Za-z])/g;
const NAMED_NUMBERS = /\bWorld War (?:1|2|One|Two|I|II)\b|\b\d{1,3}\s+(?:Cent|Music|Live|Extra)\b|\b\d{1,3}%\s+(?=[A-Z][a-z]+\b)(?!(?:In|On|At|The|A|An|And|But|Of|For|To|With|From)\b|[A-Z][a-z]+-[a-z])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+o['’]clock\b|\b\d{1,2}\s+O['’]clock\s+News\b|\bHot\s+\d{2,3}\b|\bXbox\s+\d\b|\b3(?=\s+spokes(?:person|man|woman)\b)|\b\d{1,3}\s+Downing\s+Street\b|(?<=\b[A-Z][a-z]+['’]s\s)\d{1,2}(?=[.,;:!?]|\s+(?:and|or)\s+[A-Z])|\b[A-Z][a-z]+-[A-Z][a-z]+\s+\d\b(?![\d.,%])|(?<=\b[A-Z][a-z]+\s)(?<!\b(?:About|Around|Some|Nearly|Almost|Over|Under|Only|Just|The|In|On|At|By|For|With|From|To|And|But|Since|After|Before|All|Another|Last|Next|First|Those|These|Its|Their|His|Her|Our|Up|Until|Between|Within|Also|Were|Was|Is|Are|Had|Has|Have|Each|Every|Both|Plus|Or|If|When|While|As|Where|Among|Against|Aged)\s)\d(?=\s[A-Z][a-z]+\b(?!\s+\d))|\b(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)-(?!(?:Thirds?|Quarters?|Halves|Fifths?|Sixths?|Tenths?|Year|Month|Week|Day|Hour|Minute|Point|Times?)\b)[A-Z][a-z]+\b/g;
const TITLE_NUMBER = /(?<=[a-z,]\s)(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundred|Thousand)\s+(?=[A-Z][a-z])/g;
// Words that hold a number and say no amount: "not in a million years", "in three dimensions", "£20 notes",
// "from one phone to another".
const IDIOMS = /\bin a million years\b|\b(?:half|one|two|three|four|five)-hour\s+mark\b|\bon\s+day\s+(?:one|two|three|four|five|six|seven|\d{1,2})\s+of\b|\bfrom\s+one\s+[a-z]+\s+to\s+another\b|\b(?:two|three|four)[- ]dimensions?(?:al)?\b|[£$€]\d+\s+(?:notes?|coins?|bills?)\b/gi;
// A year-like number is a count only when what follows is a thing counted ("2000 people").
const COUNT_AFTER =
  /^\s(?:people|jobs|workers|staff|employees|troops|soldiers|homes|houses|cars|vehicles|units|copies|members|fans|visitors|students|pupils|patients|children|cases|deaths|votes|tonnes|miles|metres|feet|acres|hectares|pages|words|names|signatures|applications|complaints|flights|passengers|computers|machines|phones|sites|shops|stores|branches|posts|places|beds|doctors|nurses|teachers|officers|police|shares|customers|users|subscribers|households|businesses|companies|firms|more|new|extra|additional|of)\b/i;

// Durations that only say which period another figure covers: "the three months to December", "the
// first nine months", "in the past 12 months", "a six-year high".
const PERIODS = new RegExp(
  String.raw`\b(?:the\s+(?:\w+\s+)?${SMALL}\s+(?:months?|weeks?|quarters?|years?|days?)\s+(?:to|up\s+to|ending|ended|through|until)\b|(?:first|second|opening|closing|(?<!\b(?:to|will|would|could|may|might|can|should)\s)last|past|previous|preceding|next|final|latest|coming|following)\s+(?:${SMALL}\s+(?:to|or)\s+)?${SMALL}\s+(?:months|weeks|quarters|years|days|hours|minutes)\b|(?<!\b(?:spanning|lasting|lasted|lasts|spent|spend|spends|spending|served|serving)\s)(?<!\b(?:spent|spend|spends|served)\s+(?:little|just)\s)(?:little\s+|just\s+)?over\s+(?:the\s+next\s+)?${SMALL}\s+(?:years|months|decades|weeks)\b(?!\s+of\b)|(?:twice|times?|again|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|only|most|least|fewest|biggest|largest|highest|lowest|best|worst|strongest|weakest|fastest|slowest)\b[^.;]{0,50}?\b(?:in|for)\s+(?:almost\s+|nearly\s+|over\s+|more\s+than\s+)?(?:${SMALL}\s+(?:days|weeks|months|years|decades)|a\s+(?:day|week|month|year|decade))\b|\bfirst\s+time\b[^.;]{0,80}?\bin\s+(?:almost\s+|nearly\s+|over\s+|more\s+than\s+)?${SMALL}\s+(?:days|weeks|months|years|decades)\b|\bover\s+the\s+${SMALL}\s+(?:days|weeks)\b(?!\s+(?:of|to|ending|ended)\b)|${SMALL}[- ](?:year|month|week|day)\s+(?:highs?|lows?|records?|peaks?|best|worst|period|history|existence|career|tragedy)\b|(?<=%\s)in\s+(?:just\s+|only\s+)?${SMALL}\s+(?:days|weeks|months|hours|sessions)\b|(?:^|[,;]\s*|\botherwise\s+)in\s+(?:${SMALL}\s+(?:or|to)\s+)?${SMALL}\s+(?:years|months|decades)(?:['’]\s+time)?(?=\s*,|\s+the\b))`,
  'gi',
);

/**
 * Spans of durations that only name a period ("the three months to December"). They are read as
 * figures first, because they give the figures they govern a span (spans.ts), and dropped after.
 */
export function periodSpans(s: string): Array<[number, number]> {
  return matchesOf(PERIODS, s).map((m) => [m.index, m.index + m[0].length]);
}

// A run of digits that starts a number (not the middle of "1,000" or "2.5").
const DIGIT_RUN = /(?<![\d,.])\d+/g;
// "No 9 prospects", "the No 10 shirt": "No" capitalised before a number numbers something.
const NUMBERED_BEFORE = /(?:\bNo\s+|\bMr\s+|\b(?:category|number|no\.|level|grade|class|stage|phase|round|group|page|chapter|section|article|clause|route|flight|platform|gate|room|junction|division|tier|zone|lane|exit|item|track|series|mark|model|version|type|game|match|leg|hole|lap|seed|versions?)\s+)$/i;
const INDEX_BEFORE = /\b(?:Dow(?: Jones)?|FTSE(?: All-Share)?|Nikkei|S&P|DAX|CAC|Hang Seng|Kospi|Sensex|Russell|Stoxx|Nasdaq|Xetra Dax|IBEX|AEX|ASX)\s+$/;
// A number names something when a capitalised word that is not a function word comes right before
// it inside the sentence, and no plural noun, unit or scale follows ("Boeing 737 and …", "the Nikkei 225 slipped").
const NAME_BEFORE = /\b([A-Z][A-Za-z&-]+)\s$/;
// After a name's number: no decimal, no unit or scale, no plural noun (but a verb in -s is fine).
const NOT_NAME_AFTER = /^(?:[,.]\d|\s?(?:%|per\s?cent|(?!(?:was|has|is|does|goes|says|sells|sweeps|wins|tops|leads|beats|hits|gets|faces|sees|takes|makes|feels|looks|seems|remains|comes|runs|plays|offers|features)\b)[a-z]{2,}s\b|million|billion|bn\b|m\b|-)|(?:cm|mm|km|kg|ft|mph|kph|kmh|GB|MB|MW|kW)\b)/;
// ("1834 - anything earlier": a dash with spaces after a year is punctuation, not a range.)
const YEAR_NOT_AFTER = /^(?:[,.]?\d|\s?(?:%|per\s?cent|[mkb]n?\b|million|billion|[×x])|-)/;

// "7-6 (8/6)": the tie-break of a set is a score, not a code.
function isTieBreak(s: string, m: RegExpExecArray): boolean {
  return /^\d{1,2}\/\d{1,2}$/.test(m[0]) && /\d[-–]\d{1,2}\s?\($/.test(s.slice(Math.max(0, m.index - 7), m.index)) && s[m.index + m[0].length] === ')';
}

/** Spans of the sentence holding numbers that name or label something; figures are not read there. */
export function labelSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (/\b(?:no-one|one-|top-|bottom-|(?:number|league|top|world|BBC|Radio|Sky|Channel|ITV|Five|Formula|Chapter|Act|Part|Book|Volume|Series|Season|Episode|Division|Pop|Generation|Apollo)\b)/i.test(s)) {
    for (const m of matchesOf(WORD_LABELS, s)) spans.push([m.index, m.index + m[0].length]);
  }
  if (/(?:est|best|worst) (?:[a-z]+ ){0,2}in /i.test(s)) for (const m of matchesOf(RARE_SINCE, s)) spans.push([m.index, m.index + m[0].length]);
  if (/\b(?:ago|earlier|later|before|after|beforehand|previously|prior|minutes?|to go|left|remaining|election|poll|vote|referendum|deadline|mins|seconds|time|since|into|in to|away|years on)\b/i.test(s)) for (const m of matchesOf(RELATIVE, s)) spans.push([m.index, m.index + m[0].length]);
  if (/\b(?:last|first|next|past|previous|final|opening) [a-z]/.test(s)) for (const m of matchesOf(REFERENCE_SETS, s)) spans.push([m.index, m.index + m[0].length]);
  if (s.includes(' at ') && LIST_CUE.test(s)) for (const m of matchesOf(LIST_PLACE, s)) spans.push([m.index, m.index + m[0].length]);
  if (/\b(?:places?|spots?|positions?)\b/i.test(s)) for (const m of matchesOf(CHART_MOVES, s)) spans.push([m.index, m.index + m[0].length]);
  if (/\bchart|\bto\s+number\s|\bnumber\s+\w+\s+(?:in\s+the\s+[A-Z]{2,3}\s+)?(?:and|or)\s/i.test(s)) for (const m of matchesOf(CHART_PLACES, s)) spans.push([m.index, m.index + m[0].length]);
  spans.push(...sportSpans(s));
  if (/[A-Za-z] \d{1,2}\.\d\b/.test(s)) for (const m of matchesOf(VERSIONED, s)) spans.push([m.index, m.index + m[0].length]);
  if (/\b(?:under|over)[- ]|year[- ]olds?|aged |ages of /i.test(s)) for (const m of matchesOf(AGE_GROUP, s)) spans.push([m.index, m.index + m[0].length]);
  if (/[a-z,]\s(?:T[a-z]+|F[a-z]+|S[a-z]+|E[a-z]+|N[a-z]+|H[a-z]+)\s[A-Z]/.test(s)) for (const m of matchesOf(TITLE_NUMBER, s)) spans.push([m.index, m.index + m[0].length]);
  if (/World War|Downing|[oO]['’]clock|Hot \d|3 spokes|Xbox \d|\d (?:Cent|Music|Live|Extra)\b|\d% [A-Z]|[a-z]-[A-Z]|(?:ary|ch|il|ay|ne|ly|st|er) \d|['’]s \d|[a-z] \d [A-Z]/.test(s)) for (const re of [US_DAYS, NAMED_NUMBERS]) for (const m of matchesOf(re, s)) spans.push([m.index, m.index + m[0].length]);
  if (/\d(?:m|K|km)\s|\d['’]s|\d\s(?:phone|handset|mobile)|\b(?:text|call|dial|ring)/.test(s)) for (const m of matchesOf(NAMED_RACES_AND_MODELS, s)) spans.push([m.index, m.index + m[0].length]);
  if (/Boeing|Airbus|Embraer|\b7[0-8]7-\d/.test(s)) for (const m of matchesOf(AIRCRAFT, s)) spans.push([m.index, m.index + m[0].length]);
  if (s.includes(' certificate') || s.includes(' rating') || s.includes('-yard ') || s.includes('-metre ')) for (const m of matchesOf(AGE_RATING, s)) spans.push([m.index, m.index + m[0].length]);
  if (/\d\s?(?:AD|BC|A\.D|B\.C)/.test(s)) for (const m of matchesOf(ERA_YEARS, s)) spans.push([m.index, m.index + m[0].length]);
  if (s.includes('million years') || s.includes('dimension') || s.includes(' notes') || s.includes(' coins') || s.includes(' bills') || s.includes(' to another') || s.includes('-hour mark') || s.includes('day ')) for (const m of matchesOf(IDIOMS, s)) spans.push([m.index, m.index + m[0].length]);
  // ("the two mile world record" has no digit, so races are looked for first.)
  if (/\dm\b|\d[.:]\d\d\b|mile\b/.test(s) && ATHLETICS.test(s)) for (const m of matchesOf(RACE_NUMBERS, s)) spans.push([m.index, m.index + m[0].length]);
  if (!/\d/.test(s)) return spans;
  // Cheap hints first: most sentences hold none of these shapes.
  // Betting odds ("the 6/4 favourite") are read as figures (numbers.ts), not masked as codes.
  const odds = ODDS_CUE.test(s);
  if (/[/&+=]|\d[-–]\d|\b0\d|\d (?:or|and|to) \d/.test(s)) for (const m of matchesOf(CODES, s)) if (!(odds && /^\d{1,3}\/\d{1,2}$/.test(m[0])) && !isTieBreak(s, m)) spans.push([m.index, m.index + m[0].length]);
  if (/\b(?:[01]\d|2[0-3])[0-5]\d\b/.test(s)) for (const m of matchesOf(CLOCK, s)) spans.push([m.index, m.index + m[0].length]);
  // "the 3230 and 7710" beside "Nokia handsets", "reports of 7610 owners": four-digit phone models.
  // "The 3 network", "the operator, 3.": the mobile operator named 3.
  if (PHONE_CONTEXT.test(s)) for (const m of matchesOf(PHONE_MODEL, s)) spans.push([m.index, m.index + m[0].length]);
  const atStart = NAME_AT_START.exec(s);
  if (atStart && !NOT_NAMES.has(atStart[0].split(' ')[0]!)) spans.push([0, atStart[0].length]);
  // The rest is decided at each run of digits by the words right around it: one pass over the
  // digits instead of a scan of the whole sentence per pattern.
  for (const m of matchesOf(DIGIT_RUN, s)) {
    const at = m.index;
    const end = at + m[0].length;
    const before = s.slice(Math.max(0, at - 28), at);
    const after = s.slice(end, end + 20);
    const label = NUMBERED_BEFORE.exec(before) ?? INDEX_BEFORE.exec(before);
    // "users number 100m": a scale after the number makes it an amount, not a label.
    // "versions 4.7 and earlier": a version keeps its decimals and is still a label.
    // "took the match 7-5": a score after the word, not the match's number.
    if (label && !/^[-–]\d/.test(after) && (/^versions?\s/i.test(label[0]) ? /^(?:\.\d+)*(?!\s*%)/.exec(after) : !/^(?:[,.]\d|\s*(?:%|per\s?cent)|\s?(?:m|bn|million|billion)\b)/i.test(after))) {
      // "moves to number 18 from 32": the earlier place is a place too.
      const and = /^(?:\.\d+)*\s+(?:and|from)\s+\d+\b|^(?:\.\d+)+/.exec(after);
      spans.push([at - label[0].length, end + (and ? and[0].length : 0)]);
      continue;
    }
    const name = NAME_BEFORE.exec(before);
    if (name && !NOT_NAMES.has(name[1]!) && m[0].length <= 4 && !NOT_NAME_AFTER.test(after) && /^[^.!?]\s$/.test(s.slice(Math.max(0, at - name[0].length - 2), at - name[0].length))) {
      // "Windows 95, 98, 2000 and XP": the bare numbers listed after a named one are names too.
      const list = /^(?:(?:,\s*|\s+(?:and|or)\s+)\d{1,4}\b(?![\d.,%]\d|\s*(?:%|per\s?cent|m\b|bn\b|million|billion)))+/.exec(s.slice(end, end + 40));
      spans.push([at - name[0].length, end + (list ? list[0].length : 0)]);
      continue;
    }
    // "for 2003/4": the second year of a fiscal year. "on Thursday 9": a day of the month.
    if (/^\d{1,2}$/.test(m[0]) && (/\b(?:19|20)\d\d\/$/.test(before) || /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+$/.test(before))) {
      spans.push([at, end]);
      continue;
    }
    // "70's and 80's music": a decade, not a count.
    if (/^\d0$/.test(m[0]) && /^['’]s\b/.test(after)) {
      spans.push([at, end + 2]);
      continue;
    }
    // "the 1606 act": an older year before a singular noun names which one.
    if (/^1[0-7]\d\d$/.test(m[0]) && /\bthe\s+$/i.test(before) && /^\s(?:[a-z]+(?<!s)|Act|Bill|Treaty|Charter|Rebellion|Rising|Parliament|Plot)\b/.test(after) && !COUNT_AFTER.test(after)) {
      spans.push([at, end]);
      continue;
    }
    // "since 1497", "in 1834": an older year is a year after a word that introduces one.
    if (/^1[0-7]\d\d$/.test(m[0]) && /\b(?:since|in|from|until|till|to|between|and|before|after|by|circa)\s+$/i.test(before) && !COUNT_AFTER.test(after) && !/^\s*(?:%|per\s?cent)/.test(after)) {
      spans.push([at, end]);
      continue;
    }
    if (/^(?:1[89]|20)\d\d$/.test(m[0]) && !YEAR_NOT_AFTER.test(after)) {
      // "more than 2000", "$2000", "No 2000": a quantity or a label someone else reads.
      if (/(?:\b(?:more than|less than|about|around|some|nearly|almost|over|under|up to|at least|roughly)|[$£€¥]|-)\s*$/i.test(before)) continue;
      if (COUNT_AFTER.test(after)) continue;
      spans.push([at, end]);
    }
  }
  return spans;
}
