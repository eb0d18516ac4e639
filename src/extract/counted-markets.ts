/**
 * Markets' and budgets' shorthand for what money counts. A currency's rate is counted by the currency
 * it prices ("the pound traded at $1.95", "a euro that buys $1.25", "a peg holding the yuan around
 * 8.28 to the dollar"); a price shares change hands at by the shares ("buy back 30 million shares at
 * 410 rupees each"); money a company "made" or "earned" by its profit; a duty by what it is on ("5p on
 * a bottle of spirits"); a price in brackets by the noun before it; money "in cash" by the cash; and
 * money after a bound by what the bound is on ("any bid over £20m").
 */

import { countedAfter } from './counted.ts';

const CURRENCY = String.raw`(?:dollar|euro|pound|yen|greenback|sterling|yuan|euro\/dollar)`;
// The currency priced is the last one named before the figure that is not the one it is priced against.
const PRICED = new RegExp(String.raw`\b(?<!\b(?:against|to|versus|on|with|in)\s+(?:the\s+)?(?:US\s+|Japanese\s+|Chinese\s+|single\s+|European\s+)?)(?:the|a|an)\s+(?:US\s+|Japanese\s+|Chinese\s+|single\s+|European\s+)?(${CURRENCY})(?![\w/-])`, 'gi');
// A verb or a price word must tie the currency to the figure: a rate is traded, bought, hit or stood at.
const RATE_CUE = /\b(?:trad(?:e|es|ed|ing)|buy(?:s|ing)?|bought|hit|hitting|stood|standing|was\s+at|is\s+at|finish(?:ing|ed)?|clos(?:e|ed|ing)|rall(?:y|ied|ying)|peg|keeping|break\s+through|fell|rose|slipped|climbed|weakened|strengthened)\b/i;
// "0.5 of its shares and $2 in cash for each share": the form the money is paid in.
const PAID_IN = /^\s+in\s+(cash|stock|shares|bonds|cheques|notes|coins)(?=\s*(?:[,.;)]|$|\s+(?:for|to|per|from|on|as|or|and)\b))/i;
// "a higher rate on incomes over £150,000", "any bid over £20m": the money named before the bound.
const BOUND = /\b(fees?|earnings|incomes?|salar(?:y|ies)|pay|bids?|offers?|profits?|sums?|wages?|bonus(?:es)?|estates?|gifts?)\s+(?:of\s+)?(?:over|above|under|below|exceeding|topping|of\s+more\s+than|of\s+less\s+than)\s*$/i;
// "a euro that buys $1.25": the currency a relative clause prices.
const CURRENCY_THAT_BUYS = new RegExp(String.raw`\b(?:a|an|the)\s+(${CURRENCY})\s+(?:that|which)\s+(?:buys|bought|trades|traded|is\s+worth|was\s+worth)\s+$`, 'i');
const SHARES_AT = /\bshares\s+(?:each\s+)?(?:at|for)\s+(?:about\s+|around\s+|some\s+)?$/i;
const CHANGING_HANDS = /\bchang(?:ing|ed|es|e)\s+hands\s+at\s+(?:about\s+|around\s+)?$/i;
const EARNED = /\b(?:it|firm|company|group|bank|wing|division|arm|unit|business|[A-Z][\w&]+)\s+(?:had\s+|has\s+|have\s+)?(?:made|earned|netted)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$/;

// "put 2p a litre on diesel, 5p on a bottle of spirits and 9p on 20 cigars": a duty is counted by what it is on.
const DUTY_ON = /^(?:\s+(?:a|per)\s+[a-z]+)?\s+on\s+(?:(?:a|an|each|every)\s+(?:bottle|packet|pack|pint|litre|gallon|can)\s+of\s+|\d+\s+)?/i;
const DUTY_VERB = /\b(?:put|puts|putting|added|adds|adding|raised|raises|raising|increased|increases|froze|freezes|frozen|levied|levies)\b/i;
// "gold bars ($4) and magic swords ($2.50)": a price in brackets straight after what it is the price of.
const PRICE_IN_BRACKETS = /((?:\p{Ll}[\p{L}-]*\s+)?\p{Ll}[\p{L}-]*)\s+\(\s*$/u;

/**
 * What money counts, or undefined to keep what was read. `isMoney` says the figure is money, and
 * `counted` is what was read so far: the readings from the words right around the figure replace it;
 * a rate, a changing-hands price or earnings only fill an empty reading (or "level").
 */
export function marketCounted(s: string, qStart: number, end: number, isMoney: boolean, counted: string | undefined): string | undefined {
  const before = s.slice(Math.max(0, qStart - 50), qStart);
  if (isMoney && SHARES_AT.test(before)) return 'shares';
  const paidIn = isMoney ? PAID_IN.exec(s.slice(end, end + 20)) : null;
  if (paidIn) return paidIn[1]!.toLowerCase();
  const bound = isMoney ? BOUND.exec(s.slice(Math.max(0, qStart - 40), end).replace(/\s*[£$€]?[\d.,]+\S*$/, ' ')) : null;
  if (bound) return bound[1]!.toLowerCase();
  const dutyOn = isMoney && DUTY_VERB.test(s.slice(0, qStart)) ? DUTY_ON.exec(s.slice(end, end + 40)) : null;
  const onWhat = dutyOn && /\bon\s/.test(dutyOn[0]) ? countedAfter(s, end + dutyOn[0].length, true)?.text : undefined;
  if (onWhat) return onWhat;
  // (Not a restatement: no figure stands right before the bracket.)
  const bracketed = isMoney && /^\s*\)/.test(s.slice(end, end + 3)) ? PRICE_IN_BRACKETS.exec(before) : null;
  if (bracketed && !/\d\S*\s*\(\s*$/.test(before)) return bracketed[1];
  const buys = isMoney ? CURRENCY_THAT_BUYS.exec(before) : null;
  if (buys) return buys[1]!.toLowerCase();
  if (counted && !/^level$/i.test(counted)) return undefined;
  if (isMoney && CHANGING_HANDS.test(before)) return 'shares';
  if (isMoney && !counted && EARNED.test(before) && !/^\s+(?:in|from|on)\s+(?!the\s+(?:first|second|third|fourth|final|last)\b)(?:[a-z]+\s+){0,2}(?:sales|revenue|fees|takings)\b/i.test(s.slice(end, end + 40))) return 'profit';
  const rate = isMoney || /^\s+to\s+the\s+(?:US\s+)?(?:dollar|euro|pound)\b/i.test(s.slice(end, end + 20));
  if (!rate) return undefined;
  const window = s.slice(Math.max(0, qStart - 120), qStart);
  let last: RegExpExecArray | undefined;
  for (const m of window.matchAll(PRICED)) last = m;
  if (!last || !RATE_CUE.test(window.slice(Math.max(0, last.index - 20)))) return undefined;
  return last[1]!.toLowerCase();
}
