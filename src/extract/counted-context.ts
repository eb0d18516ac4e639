/**
 * What a figure counts, from words around it that the noun-phrase readers (counted.ts, subject.ts)
 * do not look at: "tax cuts worth £4bn", "£300m to settle charges", "pledged £1bn to a vaccine
 * fund", "dock workers, thousands of whom", "6,000 of those", "two million homeless", "a transfer
 * reported to be about £3m". Each returns the phrase or undefined.
 */
import { countedAfter } from './counted.ts';
import { ofHead } from './subject.ts';

const DET = String.raw`(?:(?:the|a|an|its|their|his|her|our|this|that)\s+)?`;
// "to settle charges", "to fund a bid", "on buying a stake": what money is for.
const PURPOSE = new RegExp(String.raw`^(?:\s*\([^()]{1,30}\))?\s+(?:to\s+(?:settle|fund|finance|cover|buy|acquire|pay\s+for|meet|fill|plug)|on\s+(?:buying|acquiring|building|developing|upgrading|funding))\s+${DET}`, 'i');
// "£5m is earmarked for subsidies", "£14m went on developing the technology": what the money is put to.
const PUT_TO = new RegExp(String.raw`^(?:\s*\([^()]{1,30}\))?\s+(?:(?:is|was|are|were|will\s+be|would\s+be|to\s+be|has\s+been|have\s+been|had\s+been)\s+(?:earmarked|set\s+aside|allocated|spent|used|needed|available|budgeted|invested)|went|goes|(?:will|would|could)\s+go)\s+(?:for|on)\s+(?:\p{Ll}+ing\s+(?=(?:the|a|an|its|their|his|her|our)\s))?${DET}`, 'iu');
// "pledged £300m to a malaria fund", "offered £700m (…) over ten years to a global water scheme".
const GIVEN_TO = new RegExp(String.raw`^(?:\s*\([^()]{1,30}\))?(?:\s+(?:over|in|for)\s+[\w ]{1,20}?)?\s+to\s+${DET}`, 'i');
const GIVING = /\b(?:pledges?|pledged|pledging|offers?|offered|offering|gives?|gave|giving|donates?|donated|donating|contributes?|contributed|grants?|granted|allocates?|allocated|awards?|awarded)\s+(?:(?:about|around|some|nearly|almost|more\s+than|up\s+to|a\s+further|an?\s+extra|another)\s+)?$/i;
// "tax cuts worth £4bn": the phrase before "worth" is what is worth the money.
const WORTH = /([\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2})\s+(?:worth|valued\s+at|totalling|totaling)\s+(?:(?:about|around|some|nearly|almost|more\s+than|up\s+to|an\s+estimated)\s+)?$/iu;
const COST = /\bcost(?:s|ing)?\s+(?:\p{Lu}[\p{L}-]*\s+)?(?:(?:about|around|some|nearly|almost|more\s+than|less\s+than|over|up\s+to|an\s+estimated|a\s+reported)\s+)?$/u;
const MAKING = /^(?:\s*\([^()]{1,30}\))?\s+to\s+(?:make|build|produce|stage|bring|develop|film|shoot|create|mount)\b/i;
const BOUGHT_FOR = /\b(?:bought|buy|buys|buying|sold|sell|sells|selling|acquired|acquire|acquires|acquiring)\s+(?:(?:the|its|a|an|their|his|her)\s+)?([\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3})\s+for\s+(?:(?:about|around|some|nearly|almost|more\s+than|up\s+to|just)\s+)?$/iu;
// "Day passes, on sale now priced at £45", "the handset, priced at $199".
const PRICED = /([\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2}?),?\s+(?:(?:is|are|was|were|will\s+be)\s+)?(?:(?:now|currently|already|also)\s+)?(?:(?:on\s+sale|available)\s+)?(?:at\s+)?priced\s+(?:at\s+)?(?:(?:about|around|just|only|from|up\s+to)\s+)?$/iu;
// "a transfer reported to be about £3m", "its debt, thought to be $2bn".
const SAID = 'rumoured|reported|said|thought|believed|estimated|expected|understood|put|set';
const SAID_TO_BE = new RegExp(String.raw`([\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2}?),?\s+(?:${SAID})\s+to\s+(?:be\s+)?(?:(?:about|around|some|nearly|almost|more\s+than|up\s+to|worth)\s+)?$`, 'iu');
// The cheap test before SAID_TO_BE, which is tried at every position of the words before a figure.
const SAID_HINT = new RegExp(String.raw`(?:${SAID})\s+to\s`);
// "farm workers, thousands of whom", "the plants, two of which".
const OF_WHOM = /^\s+of\s+(?:whom|which)\b/i;
const BEFORE_OF_WHOM = /([\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)\s*,\s*(?:(?:about|around|some|nearly|almost|more\s+than|only|just)\s+)?$/iu;
// "three million unemployed", "40 injured": a group named by an adjective.
const GROUP_ADJECTIVE = /^\s+(unemployed|homeless|injured|wounded|dead|missing|displaced|jobless|disabled|elderly|uninsured|unvaccinated)\b/i;
const RELATIVE = /(\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2}),?\s+which\s+(?:(?:it|they)\s+)?(?:(?:has|have|had|is|are|was|were)\s+)?(?:(?:\p{Ll}+ly|earlier|already|once)\s+)?(?:set|put|valued|estimated|exceeded|reached|totalled|totaled|topped|hit|passed)\s+(?:at\s+)?(?:(?:about|around|some|nearly|almost|more\s+than|over)\s+)?$/iu;
const DASH_LIST = /(\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2})\s+[-–—]\s+$/u;
const NOT_HEADS = /^(?:the|a|an|its|their|his|her|our|this|that|and|or|of|in|on|at|to|for|with|by|from|as|but|which|who|it|they|he|she|we|is|was|are|were|be|been|has|have|had)$/i;

/** The last words of a phrase, without a leading article or function word. */
function trimPhrase(p: string): string | undefined {
  const words = p.split(/\s+/).filter(Boolean);
  while (words.length && NOT_HEADS.test(words[0]!)) words.shift();
  if (!words.length || NOT_HEADS.test(words[words.length - 1]!)) return undefined;
  return words.join(' ');
}

/**
 * The counted phrase from the words around a figure at [start, end) (start at its qualifier), or
 * undefined. `money` says the figure is an amount of money; `previousCounted` is what the figure
 * before it in the sentence counts.
 */
export function countedFromContext(s: string, start: number, end: number, money: boolean, previousCounted: string | undefined): string | undefined {
  // The start may sit on the space before a qualifier: end `before` with exactly one space.
  const before = `${s.slice(Math.max(0, start - 60), start).trimEnd()} `;
  const after = s.slice(end, end + 80);
  if (money) {
    // "deep cuts of £35bn in public services": the head before "of" is what the money is.
    const of = ofHead(before);
    if (of) return of;
    // Each pattern below runs only where a cheap test says its words are there: most figures have none.
    const worth = /\b(?:worth|valued|totall?ing)\s/.test(before) ? WORTH.exec(before) : null;
    if (worth) return trimPhrase(worth[1]!);
    // "may get a fine up to 300,000 yuan": the noun the bound belongs to.
    const bounded = /^\s*up\s+to\b/i.test(s.slice(start, end)) ? /\b(?:a|an)\s+([a-z]{3,})\s+$/.exec(before) : null;
    if (bounded && !/(?:ed|ing|ly)$/.test(bounded[1]!)) return bounded[1]!;
    // "The film cost Sony $10m to make", "which reportedly cost $150m to make": what it cost.
    if (before.includes('cost') && COST.test(before) && MAKING.test(after)) return 'cost';
    // "bought the unit for $9.3bn": what changed hands.
    const bought = /\b(?:bought|buy|buys|buying|sold|sell|sells|selling|acquired|acquire|acquires|acquiring)\s/i.test(before) ? BOUGHT_FOR.exec(before) : null;
    if (bought) return trimPhrase(bought[1]!);
    const priced = before.includes('priced') ? PRICED.exec(before) : null;
    // "launched in Japan in early May priced $199": a place or a time is not what is priced.
    if (priced && !/\s(?:in|on|at|from|for)\s/i.test(` ${priced[1]!} `)) return trimPhrase(priced[1]!);
    const purpose = PURPOSE.exec(after);
    if (purpose) {
      // "on buying an 18.8% stake": past the stake's own size to the noun.
      const size = /^[\d.,]+%?\s+/.exec(s.slice(end + purpose[0].length));
      return countedAfter(s, end + purpose[0].length + (size?.[0].length ?? 0), true)?.text;
    }
    // "will pay $2bn as part of the settlement".
    const partOf = /^(?:\s*\([^()]{1,30}\))?\s+as\s+part\s+of\s+(?:(?:the|a|an|its|their)\s+)?/i.exec(after);
    if (partOf) return countedAfter(s, end + partOf[0].length, true)?.text;
    // "began paying dividends - $40m in 2001 and $900m in 2002": the plural before the dash.
    const dashed = /\b([a-z]{3,}s)\s+[-–—]\s+(?:(?:about|around|some|nearly|almost|just|only|over)\s+)?$/.exec(before);
    if (dashed && !/^(?:amounts|terms|levels|numbers|years|months|weeks|days|times|has|was|is|does)$/.test(dashed[1]!)) return dashed[1];
    const putTo = PUT_TO.exec(after);
    if (putTo) return countedAfter(s, end + putTo[0].length, true)?.text;
    const given = GIVEN_TO.exec(after);
    const to = given && GIVING.test(before) ? given : null;
    if (to) return countedAfter(s, end + to[0].length, true)?.text;
  }
  // "Of the 10 images, only one showed": a part of the group the figure before counted.
  if (previousCounted && /^\s*Of\s+(?:the|its|their|these|those)\s[^.;]{1,60},\s*(?:(?:only|just|about|some|nearly|almost)\s+)?$/i.test(s.slice(0, start))) return previousCounted;
  // "legal reserves, which it had set at $500m", "oil revenues which have exceeded $22bn": the relative
  // clause's figure measures what "which" stands for.
  const relative = before.includes('which') ? RELATIVE.exec(before) : null;
  if (relative) return trimPhrase(relative[1]!);
  // "The buyers - three from Peru, one from Chile": a list of the group named before the dash.
  const listed = /^\s+from\s+\p{Lu}/u.test(after) ? DASH_LIST.exec(before) : null;
  if (listed) return trimPhrase(listed[1]!);
  // "were each fined 1m euros": the money is a fine.
  if (money && /\bfined\s+$/i.test(before)) return 'fine';
  // "2kW worth of power", "$5m worth of shares": what the amount is of.
  const worthOf = /^\s?-?worth\s+of\s+/i.exec(after);
  if (worthOf) return countedAfter(s, end + worthOf[0].length, true)?.text;
  const said = /\bto\s+(?:be\s+)?(?:\S+\s+)?$/.test(before) && SAID_HINT.test(before) ? SAID_TO_BE.exec(before) : null;
  if (said && !/^(?:it|they|this|that|which|who)$/i.test(said[1]!.trim())) return trimPhrase(said[1]!);
  // "thousands of whom": a vague figure's raw text already holds the "of".
  if (OF_WHOM.test(after) || (/\bof$/i.test(s.slice(start, end)) && /^\s+(?:whom|which)\b/i.test(after))) {
    // "10 records in the vault, three of which": the group a figure before already counted.
    if (previousCounted) return previousCounted;
    const head = BEFORE_OF_WHOM.exec(before);
    if (head) return trimPhrase(head[1]!);
  }
  // "6,000 of those", "two of them": the group the figure before counted; with none, "those" itself
  // ("nearly half of those with a pension").
  // "half of those who die", "those with broadband": a group the words after "those" define.
  // "Nearly half (48%) of those polled": past a bracketed restatement (or its closing bracket).
  const ofThose = after.replace(/^\s*\([^()]{1,20}\)|^\)/, '');
  if (/^\s+of\s+those\s+(?:who|with|without|aged|under|over|\p{Ll}+ing|\p{Ll}+ed)\b/iu.test(ofThose)) return 'those';
  // "half of those phones": a noun after "those" names the group itself.
  const thoseNoun = /^\s+of\s+(?:those|these)\s+(?=\p{Ll})/iu.exec(after);
  const named = thoseNoun ? countedAfter(s, end + thoseNoun[0].length, true)?.text : undefined;
  if (named) return named;
  if (/^\s+of\s+(?:those|them|these)\b/i.test(after)) return previousCounted ?? (/^\s+of\s+those\b/i.test(after) ? 'those' : undefined);
  // "spend millions on video games": what the spending buys.
  const spentOn = /\bspen(?:d|ds|t|ding)\s+$/i.test(before) ? /^\s+on\s+/i.exec(after) : null;
  if (spentOn) return countedAfter(s, end + spentOn[0].length, true)?.text;
  const group = GROUP_ADJECTIVE.exec(after);
  if (group) return group[1]!;
  return undefined;
}
