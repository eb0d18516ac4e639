/**
 * A subject or object read from the words before a figure, trimmed to the noun phrase it names:
 * no opening time, article or conjunction, and nothing that is a clause fragment. Used by
 * subject.ts.
 */

const LEADING = /^(?:(?:the|a|an|its|their|his|her|our|this|that|these|those|now|then|still|although|though|while|whereas|because|since|but|and|however|meanwhile)\s+)+/i;
// "In July sales dropped": a time that opens the clause is no part of its subject.
const OPENING_TIME = /^(?:(?:in|on|by|since|during|from|until|last|this|next|early|late)\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d)\s+(?=\S)/i;

export function phrase(text: string): string | undefined {
  // "By 2019 poverty …": the opening time goes before a year is dropped from the phrase below.
  text = text.replace(/^["“‘'(]+/, '').replace(OPENING_TIME, '');
  // "the number of tourists hurt or missing after the storm": what is numbered is the head, however long.
  text = text.replace(/^(?:the\s+)?(?:total\s+)?numbers?\s+of\s+/i, '');
  // "their latest estimate of repair costs was …": an estimate's figure is of what it estimates.
  text = text.replace(/^(?:(?:the|its|their|his|her|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:estimates?|projections?)\s+of\s+(?=\p{Ll})/iu, '');
  // "the overall bill for the 12 schemes": the head comes before "of" and its number.
  if (/\b(?:19|20)\d\d\s/.test(text)) text = text.replace(/\b(?:19|20)\d\d\s+/g, ''); // "its 2004 dividend payment"
  const hasDigit = /\d/.test(text);
  if (hasDigit) text = text.replace(/\s+of\s+.*$/, '');
  // "the overall bill for the three-year plan to renew its fleet": an infinitive ends the phrase,
  // and a phrase still too long keeps its head before "of".
  if (text.includes(' to ')) text = text.replace(/\s+to\s+[a-z]+\b.*$/, '');
  if (text.length > 40 && text.split(' ').length > 8) text = text.replace(/\s+of\s+.*$/, '');
  let t = text.replace(LEADING, '').replace(/^(?:and|but|while|whereas|(?:the\s+)?number of|(?:the\s+)?total of)\s+/i, '').trim();
  // "Annual profits at a large US retailer", "a takeover bid for the LSE": the head comes first.
  t = t.replace(/\s+(?:at|in|for|from|on|with|by)\s+.*$/i, '');
  const n = t ? t.split(' ').length : 0;
  // A list bullet ("- Do 200 hours …") leaves a subject of punctuation only: that names nothing.
  // "six of its nine policymakers voting": a share of a group is a figure of its own, not a subject.
  if (/\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+of\s+(?:its|their|the|his|her)\s/i.test(t)) return undefined;
  // "£154m)": the tail of a bracketed restatement names nothing.
  if (/[£$€¥]\d|\d[mk]?\)|^\)/.test(t)) return undefined;
  if (!n || n > 8 || /^(?:a|an|the|it|they|he|she|we|this|that|there|which|who|what|them|us|i|you)$/i.test(t) || (hasDigit && /(?:^|\s)(?<!\p{Lu}\p{L}*\s)[\d.,%]+(?:\s|$)/u.test(t)) || !/\p{L}/u.test(t)) return undefined;
  return isFragment(t) ? undefined : t;
}

// Words a noun phrase cannot hold, and words it cannot start with: what is left around them is a
// clause fragment ("which it previously", "It has already", "running at"), which names nothing.
const NOT_IN_PHRASE = new Set('it they he she we i you which who whom has have had having is was were are could would will can may might should not if however thereafter perhaps already previously worth'.split(' '));
const NOT_FIRST = new Set('in on at from to by with into out up down over under through and but or so than then there here'.split(' '));
export function isFragment(t: string): boolean {
  const words = t.toLowerCase().split(' ');
  if (NOT_FIRST.has(words[0]!) || words.some((w) => NOT_IN_PHRASE.has(w))) return true;
  const last = words[words.length - 1]!;
  return words.length === 1 && /ly$/.test(last);
}
