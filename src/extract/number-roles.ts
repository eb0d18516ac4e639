/**
 * What role a number plays before it is read as a figure: a reference to things already known ("the
 * two companies"), the pronoun "one", an age beside a name, or a line of page furniture.
 */
import type { NumberMention } from './numbers.ts';

/**
 * "the two companies", "its three biggest cities", "the firm's two main shareholders", "BBC One",
 * "League Two": a word number that points at things already known or names something, not a count.
 */
export function isReference(s: string, start: number, lead: string): boolean {
  if (/(?:\b(?:the|both|these|those|all|every|single|no|any|each|its|their|his|her|our|my|your)(?:\s+other)?|\w's)\s+$/i.test(lead)) return true;
  // Capitalised inside a sentence: part of a name ("Radio Five Live", "Three Kings").
  // A list bullet ("- Two crooks …") starts a sentence as well.
  return /^[A-Z]/.test(s[start]!) && start > 0 && !/(?:^|[.!?:"“‘(•*–—-]\s*)$/.test(s.slice(0, start).trimEnd() + ' ') && !/[.!?:"“‘(•*–—-]\s*$/.test(s.slice(0, start));
}

const INDEFINITE_ONE = /^\s+(?:(?:such|particular|certain)\b|(?:has|had|needs|may|might)\s|(?:ourselves|yourself|themselves|himself|herself|itself)\b|(?:(?:[a-z]+|seemingly\s+[a-z]+)\s+)?(?:analysts?|observer|commentator|musician|activist|punter|spectator|contestant|insider|critic|economist|trader|dealer|example|area|effect|goal|opinion|element|upside|downside|risk|criticism|viewpoint|reason|problem|factor|idea|explanation)\b)/i;

/** "one" as a pronoun or determiner: "a commercial one", "one that", "one thing", "one of". */
export function isPronounOne(lead: string, after: string): boolean {
  // "own at least one", "a one-year contract": a qualifier or a compound makes it a count.
  if (/\b(?:at\s+least|more\s+than|only|just|exactly)\s+$/i.test(lead) || /^-\p{L}/u.test(after)) return /^-off\b/i.test(after);
  // "strike for one day", "one day's notice", "a one day strike": a length of time, not "some day".
  if (/^\s+day(?:['’]s\b|\s+(?:strike|stoppage|walkout|event|visit|trip|meeting|summit|conference|course|ban)\b)/i.test(after) || (/\bfor\s+$/i.test(lead) && /^\s+day\b/i.test(after))) return false;
  if (/\b(?:a|an|the|this|that|which|especially|including|no|any|every|each|not|only)\s+(?:\w+\s+)?$/i.test(lead)) return true;
  // "said one analyst", "one key element", "One such example", "down on one knee", "one has to think":
  // someone or something unnamed, an idiom, or "one" as "a person", with no count in mind.
  // "one award for films and the other for plays": one of a pair.
  if (/^[^.;]{1,40}?\b(?:and|while|,)\s+the\s+other\b/i.test(after)) return true;
  if (INDEFINITE_ONE.test(after) || (/\b(?:on|in|to|with)\s+$/i.test(lead) && /^\s+(?:knee|eye|ear|side)\b/i.test(after))) return true;
  return /^(?:\s*[,.;:!?)'’"]|\s+(?:of|another|day|time|more\s+time|piece|way|hand|that|which|who|is|was|on|in|at|to|for|thing|point|stage|equipped|would|will|can|could|must|should|but)\b)/i.test(after);
}

/**
 * "raising the retirement age for staff from 60 to 65", "the minimum age of 21 … reduced to 18": an
 * age a rule sets, in years. Unlike an age beside a name it is the rule-maker's fact, not the writer's.
 */
export function isAgeLimit(s: string, n: NumberMention): boolean {
  if (!/^\d{1,3}$/.test(n.raw) || n.value < 1 || n.value > 110) return false;
  // ("the voting age to 16", with nothing between, is read as an age below.)
  return /\b(?:retirement|voting|pension|leaving|minimum|school-leaving)\s+age\s[^.;]{1,40}?\b(?:from|to)\s+(?:\d{1,3}\s+to\s+)?$/i.test(s.slice(Math.max(0, n.start - 70), n.start));
}

export function isStatedAge(s: string, n: NumberMention): boolean {
  if (n.value < 1 || n.value > 110) return false;
  const before = s.slice(Math.max(0, n.start - 40), n.start);
  // "aged 57", "aged over 19", "under the age of 10", "from the age of eight"
  // ("leaving the age for standing at 21": an age named, then set at the figure.)
  // ("cannot be made to retire before 60": the age one retires at.)
  const cue = /\bretire\s+(?:at|before|after|from)\s+$|\b(?:aged|age\s+(?:of|to|from))\s+(?:just\s+|only\s+|over\s+|under\s+|above\s+)?$|\bage\s+(?:for|limit\s+for)\s+[a-z\s]{1,30}?\bat\s+$/i.test(before);
  if (cue && /^[a-z]+$/i.test(n.raw)) return true;
  if (!/^\d{1,3}(?:\s*(?:to|-|–)\s*\d{1,3})?$/.test(n.raw)) return false; // "aged 18 to 99"
  if (cue) return true;
  // "children of 12, 13 and 14"
  if (/\b(?:kids|children|boys|girls|teenagers|youngsters|pupils)\s+of\s+(?:\d{1,2},?\s+(?:and\s+|or\s+)?)*$/i.test(before)) return true;
  // "I was 18 when", "I'm only 27 and", "At 34 I'm showing my age", "when she will be 34.": a person's age, told.
  const after = s.slice(n.end, n.end + 16);
  if (/\b(?:I['’]m|I\s+am|I\s+was|(?:he|she)(?:['’]s|\s+is|\s+was|\s+will\s+be|\s+turns|\s+turned)|(?:daughter|son|boy|girl|child|brother|sister|grandson|granddaughter)\s+who\s+(?:is|was))\s+(?:only\s+|just\s+|now\s+|not\s+)?$/.test(before) && /^(?:\s*[,.;!]|\s+[-–—]\s|\s+(?:and|but|when|now|at\s+the\s+time)\b)/.test(after)) return true;
  if (/^At\s+$/.test(before) && n.start === 3 && /^\s+(?:I|he|she)\b/.test(after)) return true;
  if (/[A-Z][\w'’-]+,\s?$/.test(before) && /^(?:,|\s[-–—]|\s?\(|[.;]|$)/.test(s.slice(n.end, n.end + 3))) return true;
  // "the veteran director, 70, took", "the Irish winger, 27, and": a person described, then the age between commas.
  return n.value >= 15 && /\b(?:[Tt]he|[Aa])\s+(?:[\w'’-]+\s+){0,3}(?:[a-z]+-)?(?:maker|star|striker|player|singer|actor|actress|director|veteran|defender|midfielder|forward|winger|keeper|goalkeeper|captain|manager|boss|coach|chairman|founder|father|mother|woman|man|boy|girl|musician|rapper|presenter|comedian|writer|author|novelist|politician|minister|executive|entrepreneur|international),\s$/.test(before) && /^,/.test(s.slice(n.end, n.end + 1));
}

/** A line of page furniture ("3,400 shares", "Share 1,204 · 12 comments"), not a sentence of news. */
export function isChromeLine(s: string): boolean {
  return /[·|•]/.test(s) || s.split(' ').length <= 4;
}
