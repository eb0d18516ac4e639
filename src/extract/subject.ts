/**
 * What a number describes when nothing after it says so: the object of the verb before it or the
 * subject of its clause. No tagger: verbs, boundaries and asides are found by word lists and shapes.
 */
import { STOP, VERBS, type Counted } from './counted.ts';
import { matchesOf } from './scan.ts';
import { isFragment, phrase } from './subject-phrase.ts';

// Words that end a subject: auxiliaries and the verbs figures follow ("rose to", "was", "stood at").
const SUBJECT_END = new Set(
  (
    'is was were are be been has have had will would could can may might should must did does do ' +
    'rose rise rises fell fall falls climbed dropped grew grow reached hit stood stands totalled totaled came jumped slipped eased ' +
    'edged declined slowed accelerated averaged ranged cost costs topped exceeded remained remains stayed expanded shrank contracted ' +
    'gained lost soared plunged surged tumbled increased decreased unveiled pledged raised cut held kept set put puts received ' +
    'earn earns earned soaring surging jumping plunging tumbling easing edging slipping stay stays runs ran running operates operated number numbered stuck being ranging ranges gaining losing growing rising falling climbing dropping slipping sliding strengthening weakening amounted amounts now still also already then just nearly almost expect expects expected forecast forecasts see sees ' +
    'receive receives received spend spends invest invests find finds reach reaches take takes remain ' +
    // Present and bare forms, as after "saw profits slump" or in a headline.
    'saw slump slumps jump jumps climb climbs drop drops soar soars surge surges plunge plunges tumble tumbles slip slips dip dips ' +
    // "rates stand at 17.25%", "Beatles suits sell for $110,000".
    'stand sell sells fetch fetches fetched went goes gone'
  ).split(' '),
);
const AT_QUALIFIER = String.raw`(?:(?:about|around|some|nearly|almost|more than|over|up to|just|only|between)\s+)?`;
const VALUE_AT = new RegExp(String.raw`\b(?:valu|estimat)(?:e|es|ed|ing)\s+((?:[\p{L}'’-]+\s+){1,4}?)at\s*${AT_QUALIFIER}$`, 'u');
const VALUED_AT = new RegExp(String.raw`((?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+),\s+(?:which\s+(?:is|was|are|were)\s+)?valued\s+at\s*${AT_QUALIFIER}$`, 'u');
const REPORTED = /\b(?:said|says|say|told|reported|announced|claimed|warned|(?<!\b(?:an|is|are|was|were|be|been)\s)estimated(?!\s+at)|estimates?(?!\s+(?:at|of|for))|noted|added|showed|shows|show|found|suggested|think|thinks|thought|believe|believes|believed|predicts?|predicted|fears?|feared)\b(?![’'])(?:\s+that)?/gi;
const UP_DOWN = String.raw`(?:up|down)(?:\s+(?:just|only|by|about|around|nearly|almost|some))?`;
const UP_DOWN_END = new RegExp(String.raw`\s${UP_DOWN}\s*$`);
const BARE_UP_DOWN = new RegExp(String.raw`(?:^|[,:]\s|\s)(\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,3})\s+${UP_DOWN}\s*$`, 'u');
const OF_HEAD = /((?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s+of\s*$/u;

/** The head of "a cost of", "deep cuts of", "an average of just": the phrase a figure after "of" measures. */
export function ofHead(tail: string): string | undefined {
  // "an average of just above 2%": "just" belongs to the qualifier, not to the head.
  // "a record profit in 2003 of 12bn yen": a time between the head and "of" says when.
  const ofTail = tail.replace(/\s(?:just|only|well)\s*$/i, ' ').replace(/\s+(?:in\s+(?:19|20)\d\d|(?:last|this|next)\s+year|in\s+the\s+(?:first|second|third|fourth|last)\s+(?:quarter|half))(?=\s+of\s*$)/i, '');
  const of = /\sof\s*$/.test(ofTail) ? OF_HEAD.exec(ofTail.slice(-48)) : null;
  if (!of) return undefined;
  const words = of[1]!.split(/\s+/);
  // The word right before "of" is the head even when it can be a verb ("a cost of").
  const from = words.slice(0, -1).map((w) => w.toLowerCase()).findLastIndex((w) => STOP.has(w) || SUBJECT_END.has(w) || VERBS.has(w) || /ing$/.test(w));
  const head = words.slice(from + 1).join(' ');
  // "had an estimated worth of $1.4bn", "rising at a rate of 15%": a word for value or pace says
  // nothing; the subject says what.
  const pace = /\bat\s+(?:an?|the)\s+(?:\w+\s+){0,2}(?:rate|pace)\s+of\s*$/i.test(tail);
  // "by an average of £340", "up to a maximum of £500", "a total of": a statistic's name, not what it measures.
  return head && !pace && !/^(?:number|tally|count|average|maximum|minimum|equivalent|total|(?:annual|monthly|yearly|quarterly)\s+rate)$/i.test(head) && !/(?:^|\s)worth$/i.test(head) && !isFragment(head) ? head : undefined;
}

/**
 * What a number describes when nothing after it says so: the object of the verb before it ("cut its
 * key rate to 2.75%", "a cost of £45m") or else the clause subject ("Turnout was 67.4%", "Brent crude
 * fell 1.6% to $71.62", "Inflation rose to 2% …, up from 1.9%").
 */
const QUALIFIED = String.raw`(?:(?:just|only|about|around|some|nearly|almost|more\s+than|less\s+than|over|under)\s+)?`;
const WITH_AT = new RegExp(String.raw`\bwith\s+(?:the|its|their|his|her|a)\s+((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)\s+(?:currently\s+|now\s+|still\s+)?at\s+${QUALIFIED}$`, 'u');
// ("cap the number of new licences in Wales at 20": a place may follow what is counted.)
const NUMBER_TO = new RegExp(String.raw`\bthe\s+(?:number|total|count)\s+of\s+((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)(?:\s+in\s+(?:the\s+)?\p{Lu}[\p{L}]*)?\s+(?:to|at)\s+${QUALIFIED}$`, 'u');

export function countedBefore(sentence: string, start: number): Counted | undefined {
  // "the six largest economies (Argentina, Brazil, Chile and Peru) grew": a bracketed list is an aside
  // whose commas would split the subject.
  const raw = sentence.slice(0, start);
  const before = raw.includes('(') ? raw.replace(/\s\((?:[^()]*,[^()]*)\)(?=\s)/g, '') : raw;
  const tail = before.slice(-80); // the $-anchored patterns only need the words right before the figure
  // "an average of just above 2%": "just" belongs to the qualifier, not to the head.
  const head = ofHead(tail);
  if (head) return { text: head, end: start };
  // "…, with the largest bid currently at $322", "taken the number of entrants to 13": the named measure.
  // (The figure may start at the space before its qualifier, so the tail may end without one.)
  const named = tail.includes(' at') || tail.includes(' to') ? WITH_AT.exec(`${tail.trimEnd()} `) ?? NUMBER_TO.exec(`${tail.trimEnd()} `) : null;
  if (named && !named[1]!.split(/\s+/).some((w) => STOP.has(w.toLowerCase()) || /\d/.test(w))) return { text: named[1]!, end: start };
  // "at speeds of 4 GHz", "across distances up to 4km", "over a span of up to 30 metres": the measure.
  const measure = /\b(speeds?|distances?|range|depths?|heights?|temperatures?|lengths?|widths?|capacity)(?:\s+of)?(?:\s+(?:up\s+to|more\s+than|greater\s+than|over|about|around|nearly|almost|some))?\s*$/i.exec(tail);
  if (measure) return { text: measure[1]!, end: start };
  // "Priced at £149, the new player is …": the subject after the comma.
  const priced = /\bpriced\s+at\s+$/i.test(tail) ? /^[^,]{0,24},\s+(?:the\s+)?((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s+(?:is|was|will|has|goes|went|costs?)\b/u.exec(sentence.slice(start)) : null;
  if (priced) return { text: priced[1]!, end: start };
  // "a 20GB version for £99", "a season pass for 80 euros": what the money buys.
  const bought = tail.endsWith(' for ') ? /\b(?:a|an)\s+(?:\d[\p{L}\d.-]*\s+)?((?:\p{L}[\p{L}-]*\s+)?\p{L}[\p{L}-]*)\s+for\s+$/u.exec(tail) : null;
  const item = bought?.[1]!.split(' ') ?? [];
  if (bought && !item.some((w) => SUBJECT_END.has(w.toLowerCase()) || STOP.has(w.toLowerCase()) || /(?:ed|ing)$/.test(w))) return { text: bought[1]!, end: start };
  // "tax cuts worth £4bn", "the market was worth just $20m": what is worth it stands before "worth".
  const worth = tail.includes('worth') && /(?:^|\s)((?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+)\s+((?:is|was|are|were|be|been)\s+)?(?:estimated\s+)?worth\s+(?:(?:just|only|about|around|some|nearly|almost|more than|over|up to)\s+)?$/u.exec(tail);
  if (worth) {
    // "The market for streamed films was worth": the phrase from its last article, whose head comes first.
    const words = worth[1]!.split(/\s+/);
    const det = words.findLastIndex((w) => /^(?:the|a|an|its|their|his|her)$/i.test(w));
    // Without a verb ("tax cuts worth £4bn") the noun right before "worth" is what is worth it.
    const from = det >= 0 ? words.slice(det + 1) : words.slice(-4).filter((w) => !STOP.has(w.toLowerCase()) || w === 'of');
    const head = phrase(from.join(' '));
    if (head && !SUBJECT_END.has(head.toLowerCase())) return { text: head, end: start };
  }
  // "would value Harwick Athletic at £600m", "four contracts, valued at $300m": what the money prices.
  // "has estimated rebuilding costs at $3bn" in the same way.
  const value = tail.includes('valu') || tail.includes('estimat') ? VALUE_AT.exec(tail) ?? VALUED_AT.exec(tail) : null;
  if (value) {
    const head = phrase(value[1]!.split(/\s+/).filter((w) => !NUMBER_WORD.test(w)).join(' '));
    if (head) return { text: head, end: start };
  }
  // "Crop production up 24%" (a headline): a noun phrase right before "up" or "down", with no verb in it.
  // (The figure may start at the space before its qualifier: "down about 12%".)
  // ("with consumer demand up just 0.4%": a qualifier may stand between.)
  const bare = UP_DOWN_END.test(tail) ? BARE_UP_DOWN.exec(tail.slice(-60)) : null;
  if (bare) {
    // "sent Reynolds shares up 4.5%": the noun phrase after the last verb or function word.
    const words = bare[1]!.split(/\s+/);
    const from = words.findLastIndex((w) => SUBJECT_END.has(w.toLowerCase()) || VERBS.has(w.toLowerCase()) || STOP.has(w.toLowerCase()) || /(?:ed|ing|ly)$/.test(w)) + 1;
    // "…, with tin up 31%": "with" opens a clause of its own, as "and" does.
    if (from === 0 || (from < words.length && from > 0 && /^(?:sent|sending|sends|pushed|pushing|pushes|drove|driving|drives|took|taking|and|with)$/i.test(words[from - 1]!))) {
      if (from < words.length) return { text: words.slice(from).join(' '), end: start };
    }
  }
  const war = /\b(?:at|in)\s+(war|captivity|office|power|prison|detention|talks)\s+for\s*$/i.exec(tail);
  if (war) return { text: war[1]!, end: start };
  const windowStart = Math.max(0, before.length - 200);
  let clauseStart = windowStart;
  let reportAt = -1;
  for (const m of matchesOf(REPORTED, before.slice(windowStart))) {
    const end = windowStart + m.index + m[0].length;
    // "Group shares added 2.4%": "added" right before the figure is a gain, not a report.
    if (/^added$/i.test(m[0]) && /^\s*$/.test(before.slice(end))) continue;
    // "The deficit is thought to be 10%", "demand was predicted to be 14% above": a passive that raises
    // its subject, not a report by it.
    if (/\b(?:is|are|was|were|be|been|being)\s+$/i.test(before.slice(Math.max(0, windowStart + m.index - 8), windowStart + m.index)) && /^\s+to\b/i.test(before.slice(end))) continue;
    // "Fears of a slowdown cut 3%": a noun before "of", not a verb of saying.
    if (/^(?:fears?|estimates?|forecasts?|shows?)$/i.test(m[0]) && /^\s+of\b/i.test(before.slice(end))) continue;
    // "Profits showed a 4% fall to £2bn": a verb of showing with a noun phrase after it is no report.
    if (/^(?:show|shows|showed|shown|reported|reports|report)$/i.test(m[0]) && /^\s+an?\s*$/i.test(before.slice(end))) continue;
    clauseStart = end;
    reportAt = windowStart + m.index;
  }
  // "the shortfall, which she said would be 3%": the reported clause has no subject of its own; the
  // relative pronoun stands for the noun before the comma.
  if (reportAt > 0 && /^\s*(?:would|will|could|can|may|might|should|was|is|were|are)\b/i.test(before.slice(clauseStart))) {
    const rel = /([^,;:]{1,60}),\s*(?:which|that)\s+(?:he|she|it|they)\s+$/i.exec(before.slice(Math.max(0, reportAt - 80), reportAt));
    let last = rel ? rel[1]!.trim().split(/\s+/) : [];
    // "Margins were 11%, which it said could reach 12.5%": "which" stands for the measure, the subject.
    const verbAt = last.findIndex((w) => SUBJECT_END.has(w.toLowerCase()));
    if (verbAt > 0 && /\d/.test(last.slice(verbAt).join(' '))) last = last.slice(0, verbAt);
    const antecedent = rel ? antecedentOf(last, 2) : undefined;
    if (antecedent) return { text: antecedent, end: start };
  }
  // Clauses with the marks between them: chunk i stands between seps[i - 1] and seps[i].
  const parts = before.slice(clauseStart).split(/([;:]|,(?!\d)|\s[-—–]\s)/);
  const chunks = parts.filter((_, k) => k % 2 === 0);
  const seps = parts.filter((_, k) => k % 2 === 1);
  let continued = false;
  for (let i = chunks.length - 1; i >= 0; i--) {
    const chunk = chunks[i]!.trim();
    if (!chunk) continue;
    const words = chunk.split(/\s+/);
    // The verb chain nearest the figure governs it ("the agency published data showing Chile's
    // output grew 5.2%" → the output grew): its first word, after the clause's last boundary.
    let verb = words.findLastIndex((w, k) => isVerbAt(words, k));
    // "climbed 12% to reach £310m": the infinitive carries the movement on; its verb went before.
    if (verb >= 2 && /^(?:reach|hit|top)$/i.test(words[verb]!) && /^to$/i.test(words[verb - 1]!)) {
      const earlier = words.slice(0, verb - 1).findLastIndex((w, k) => isVerbAt(words, k));
      if (earlier >= 0) verb = earlier;
    }
    // "food prices - at 3.1% - climbed": read back from "at", a clause without a verb of its own
    // (a final plural is no headline verb there) is the subject.
    if (continued && (verb < 0 || (verb === words.length - 1 && !isVerbAt(words, verb, true)))) {
      const subject = phrase(chunk);
      return subject ? { text: subject, end: start } : undefined;
    }
    while (verb > 0 && (AUX.has(words[verb - 1]!.toLowerCase()) || /^(?:not|also|still|now|just|currently|already|always|never|often|usually|ever|since|sometimes|rarely|recently|finally|eventually|largely|broadly|generally|widely|again|probably|possibly|likely|expected|set|likely|due|able|almost|nearly|estimated|thought|believed|said|reported|understood|known|feared|projected|forecast|predicted|tipped|poised|scheduled|planned|bound|unlikely|certain)$/i.test(words[verb - 1]!))) verb--;
    // "on sales which fell 8% to …": the noun before a relative pronoun is what the clause counts.
    if (verb >= 2 && /^(?:which|that|who)$/i.test(words[verb - 1]!) && !TRANSITIVE.test(mainVerbAt(words, verb))) {
      const from = words.slice(0, verb - 1).findLastIndex((w, k) => STOP.has(w.toLowerCase()) || isVerbAt(words, k));
      const antecedent = phrase(words.slice(Math.max(from + 1, verb - 5), verb - 1).join(' '));
      if (antecedent) return { text: antecedent, end: start };
    }
    // "The number of homes linked to cable rose", "The amount of music a player can hold has
    // grown": a measure's name opens the clause, and a participle or relative clause inside it is no boundary.
    if (verb > 2 && MEASURE_HEAD.test(words.slice(0, 3).join(' ')) && !words.slice(0, verb).some((w, j) => /\d/.test(w) || (/^(?:and|but|while)$/i.test(w) && words.slice(3, j).some(pastVerb)))) {
      const rel = words.slice(0, verb).findIndex((w) => /^(?:which|that|who)$/i.test(w));
      const subject = phrase(words.slice(0, beforeAdverbs(words, rel < 0 ? verb : rel)).join(' '));
      if (subject) return { text: subject, end: start };
    }
    // A subject is a few words: look back no further than nine for the boundary before it.
    let boundary = -1;
    for (let k = verb - 1; k >= Math.max(0, verb - 9); k--) {
      // A plural noun before "to" looks like a headline verb; the subject runs across it.
      // A capitalised first word starts the subject ("Forecasts for Japanese growth were …").
      // "the UK's surplus with Ireland was": "with" a name after a noun belongs to the subject.
      const nounWith = /^with$/i.test(words[k]!) && k > 0 && /^\p{Lu}/u.test(words[k + 1] ?? '') && /^\p{Ll}{3,}$/u.test(words[k - 1]!) && !isVerbAt(words, k - 1, true) && !/(?:ed|ing|ly)$/.test(words[k - 1]!);
      if ((BOUNDARY_WORDS.has(words[k]!.toLowerCase()) && !nounWith) || (isVerbAt(words, k, true) && !(k === 0 && /^\p{Lu}/u.test(words[0]!)))) {
        boundary = k;
        break;
      }
      // "dropped by 0.2% and garden centre sales dipped": a figure and "and" close the clause before.
      // "… passed the 50,000 mark and the count of new worms rose": so does "and the" after a verb.
      const andThe = /^(?:the|its|their)$/i.test(words[k + 1] ?? '') && words.slice(1, k).some(pastVerb);
      if (k < verb - 2 && /^(?:and|but|while|whereas)$/i.test(words[k]!) && k > 0 && ((/\d/.test(words[k - 1]!) && !/^(?:19|20)\d\d$/.test(words[k - 1]!)) || (andThe && /^and$/i.test(words[k]!)))) {
        boundary = k;
        break;
      }
    }
    if (boundary < 0 && verb > 9) {
      boundary = verb - 10;
      // Never cut between a head and its "of": "the total cost | of the project …".
      while (boundary >= 0 && /^(?:of|to|for|in|on)$/i.test(words[boundary + 1]!)) boundary -= 2;
    }
    if (boundary >= 0 && verb - boundary > 1) {
      words.splice(0, boundary + 1);
      verb -= boundary + 1;
    }
    // "…, up from 53%", "…, at 42 percent", "…, trading at $68.37": the clause continues the previous one.
    if (verb === 0 && /^(?:up|down|from|compared|versus|against)$/i.test(words[0]!)) {
      continued = true;
      continue;
    }
    // "…, up 21.3% from the year before": the movement reads back to the clause before it.
    // "…, lifting profit for 2004 to 90m euros": a transitive -ing verb's object.
    if (verb < 0 && /ing$/.test(words[0]!) && TRANSITIVE.test(words[0]!)) {
      const object = phrase(objectWords(words, 1).join(' '));
      if (object) return { text: object, end: start };
    }
    if (verb < 0 && (/^(?:at|to|with|from|by|on|in|up|down)$/i.test(words[0]!) || /^\p{Ll}+ing$/u.test(words[0]!))) {
      continued = true;
      continue;
    }
    // "data showed imports at a record": what was shown is the subject of the figure.
    if (verb < 0 && i === 0 && clauseStart > windowStart) {
      const shown = phrase(chunk);
      return shown ? { text: shown, end: start } : undefined;
    }
    if (verb < 0) return undefined;
    // "Crude prices have rebounded, rising to $42.30": a participle goes on from the clause before,
    // whose subject is what it moves.
    // (A clause before that holds a figure lends that figure's measure instead: "growth of 3.6%, slipping to 2.9%".)
    // "Shares dipped on the news, but recovered to trade 6% higher": so does a second verb after "but".
    // (Only when that verb, or an infinitive right after it, is the clause's last: "and planned spending would" has its own.)
    const secondVerb = i > 0 && words.length > 1 && /^(?:but|and|then|yet)$/i.test(words[0]!) && pastVerb(words[1]!) && (verb === 1 || (verb === 3 && /^to$/i.test(words[2]!)));
    if (((verb === 0 && /^\p{Ll}+ing$/u.test(words[0]!)) || secondVerb) && i > 0 && !/\d/.test(chunks[i - 1]!)) {
      const prev = chunks[i - 1]!.trim().split(/\s+/);
      let v = prev.findIndex((w, k) => k > 0 && isVerbAt(prev, k));
      while (v > 0 && AUX.has(prev[v - 1]!.toLowerCase())) v--;
      const subject = v > 0 ? phrase(prev.slice(0, beforeAdverbs(prev, v)).join(' ')) : undefined;
      if (subject) return { text: subject, end: start };
    }
    // "Core inflation, which strips out energy, held at 2.3%": the subject sits before the aside.
    if (verb === 0 && i > 0) {
      // "The price of gas, a vital fuel, has risen": an aside or an apposition sits between.
      // So does anything between two dashes ("Growth - the main target of curbs - was 11.5%").
      // And a lone adverb ("The yen, meanwhile, had strengthened").
      // And a participle with its agent ("Dunmore Power, run by his brother, jumped 6%").
      while (i > 1 && (/^(?:which|who|that|where|a|an|on|in|at|for|after|under|according)\b|^(?:meanwhile|however|though|too|also|therefore|instead|\w+ly)$|^[a-z]+(?:ed|en)\s+by\b|^(?:based|run|owned|led|headed|chaired)\s+(?:in|by)\b/i.test(chunks[i - 1]!.trim()) || (dash(seps[i - 2]) && dash(seps[i - 1])))) i--;
      const subject = phrase(chunks[i - 1]!.trim());
      return subject ? { text: subject, end: start } : undefined;
    }
    // "the gadget, which costs $250": the relative pronoun stands for the noun before the comma.
    // A transitive verb has its own object ("which has cut its rate to 2%"), read below.
    // ("the rand, which had lost 9%": a transitive verb with no object before the figure, too.)
    if (verb === 1 && i > 0 && /^(?:which|that|who)$/i.test(words[0]!) && (!TRANSITIVE.test(mainVerbAt(words, verb)) || noObjectAfter(words, verb))) {
      const antecedent = antecedentOf(chunks[i - 1]!.trim().split(/\s+/), 3);
      if (antecedent) return { text: antecedent, end: start };
    }
    let k = verb + 1;
    if (AUX.has(words[verb]!.toLowerCase())) {
      while (k < words.length && (AUX.has(words[k]!.toLowerCase()) || /^(?:not|also|still|now|then|just)$/i.test(words[k]!))) k++;
      k++; // the main verb after an auxiliary
    }
    const main = (words[k - 1] ?? '').toLowerCase();
    const object = TRANSITIVE.test(main) ? objectWords(words, k) : [];
    // "bring debt down to": the particle is no part of the object.
    while (object.length && /^(?:to|at|by|of|from|around|about|with|on|in|for|back|down|up)$/i.test(object[object.length - 1]!)) object.pop();
    while (object.length && /^(?:back|up|down|out|off)$/i.test(object[0]!)) object.shift();
    // "lost more than $3 to $51.20": a qualifier before a figure is no object; the subject moved.
    while (object.length && /^(?:more|less|fewer|than|about|around|nearly|almost|some|over|under|just|only|an|a|another|further|extra|roughly)$/i.test(object[object.length - 1]!)) object.pop();
    const picked = phrase(object.join(' ')) ?? (verb > 0 ? phrase(words.slice(0, beforeAdverbs(words, verb)).join(' ')) : undefined);
    return picked ? { text: picked, end: start } : undefined;
  }
  return undefined;
}

/**
 * The noun a relative pronoun stands for, at the end of the words before it: from their last
 * determiner when it is near ("…, the gadget"), else the last `fallback` words.
 */
function antecedentOf(words: string[], fallback: number): string | undefined {
  const det = words.findLastIndex((w) => /^(?:the|a|an|its|their|his|her)$/i.test(w));
  if (det >= 0 && words.length - det <= 5) return phrase(words.slice(det).join(' '));
  // "Broadband lifted Acme's profits, which …": the object after the last verb, not the verb.
  const tail = words.slice(-fallback);
  const verb = tail.findLastIndex((w, k) => k < tail.length - 1 && pastVerb(w));
  return phrase(tail.slice(verb + 1).join(' '));
}

/** A word that may be a clause's own verb: "broke the barrier and the number of …". */
/** Nothing but a preposition or a qualifier follows the verb chain at `verb`: the figure is its object. */
function noObjectAfter(words: string[], verb: number): boolean {
  return words.slice(mainVerbIndex(words, verb) + 1).every((w) => /^(?:by|to|more|less|than|about|around|nearly|almost|some|over|under|just|only)$/i.test(w));
}

function pastVerb(w: string): boolean {
  return SUBJECT_END.has(w.toLowerCase()) || /^\p{Ll}+ed$|^(?:broke|took|made|won|saw|gave|got|went|came|became|began)$/u.test(w);
}

/** Where a subject ends before `verb`, short of the "more than" or "almost" that goes with the verb. */
function beforeAdverbs(words: string[], verb: number): number {
  let upTo = verb;
  while (upTo > 1 && /^(?:more|less|than|almost|nearly|just|also|still)$/i.test(words[upTo - 1]!)) upTo--;
  return upTo;
}
const MEASURE_HEAD = /^(?:the\s+)?(?:total\s+)?(?:numbers?|amount|proportion|volume|count)\s+of\b/i;
const ADVERBS = new Set('now still also already then just nearly almost'.split(' '));
const BOUNDARY_WORDS = new Set('that showing saying suggesting when while as if after because whereas but with'.split(' '));
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)$/i;
const AUX = new Set('is was were are be been being has have had will would could can may might should must shall did does do to'.split(' '));
// Verbs whose object, not subject, is what the figure measures ("cut its key rate to 2.75%").
const TRANSITIVE = /^(?:bring|brings|brought|bringing|taking|cut|cuts|cutting|slash|slashes|trim|trims|raising|reducing|boosting|increasing|lowering|lifting|slashing|trimming|pushed|pushes|pushing|raised?|raises|kept|keeps?|held|holds?|set|sets|put|puts|unveil(?:ed|s)?|pledged?|pledges|reported|reports|lost|loses|gained|gains|added|adds|spent|spends?|recorded|records|expects?|expected|lowered|lowers|lower|increased|increases|increase|reduced|reduces|reduce|boosted|boosts|boost|lifted|lifts|lift|doubled|double|trimmed|slashed|forecast|projected|estimated)$/i;

/** The words of a verb's object, up to the figure or a preposition. */
function objectWords(words: string[], from: number): string[] {
  const object: string[] = [];
  for (const w of words.slice(from)) {
    // "boost its 2004 dividend payment": a year inside the object is no figure.
    if ((/\d/.test(w) && !/^(?:19|20)\d\d$/.test(w)) || NUMBER_WORD.test(w) || /^(?:since|in|on|for|over|during|after|before|from|with|by|at|to)$/i.test(w)) break;
    object.push(w);
  }
  return object;
}

/** Where the verb chain at `verb` has its main verb: past its auxiliaries ("had been lost"). */
function mainVerbIndex(words: string[], verb: number): number {
  let m = verb;
  while (m < words.length - 1 && AUX.has(words[m]!.toLowerCase())) m++;
  return m;
}

function mainVerbAt(words: string[], verb: number): string {
  const m = mainVerbIndex(words, verb);
  return AUX.has(words[m]!.toLowerCase()) ? '' : words[m]!;
}

function dash(sep: string | undefined): boolean {
  return !!sep && /[-—–]/.test(sep);
}

function isVerbAt(words: string[], k: number, strict = false): boolean {
  const w = words[k]!;
  const l = w.toLowerCase();
  // "stay on hold at 4.75%": after a preposition only an -ing form can be a verb.
  if (k > 0 && !/ing$/.test(l) && /^(?:on|in|at|of|for|with|from|by|into)$/i.test(words[k - 1]!)) return false;
  // "grown more than expected": after "than" or "as", a participle is no verb of the clause.
  // ("… more than doubled to 4 million" is the clause's verb, though.)
  if (k > 0 && /^(?:than|as)$/i.test(words[k - 1]!) && !/^(?:doubled|tripled|trebled|quadrupled|halved)$/i.test(l)) return false;
  // "estimated rebuilding costs at $3bn": after an -ing word, "costs" is a noun.
  if (k > 0 && /^costs?$/.test(l) && /ing$/i.test(words[k - 1]!)) return false;
  // "the cost for every gigabyte": right after an article or a possessive, a word is a noun.
  if (k > 0 && /^(?:the|a|an|its|their|his|her|these|those)$/i.test(words[k - 1]!) && !AUX.has(l)) return false;
  // "rose in May to 2.6 million": the month, not the modal.
  if (w === 'May' && k > 0) return false;
  // "is running at just 50%": an adverb ends a subject only before the verb it modifies.
  if (ADVERBS.has(l)) return k + 1 < words.length && isVerbAt(words, k + 1, strict);
  // "the total cost of the project": before "of" a verb-like word is a noun.
  if (k + 1 < words.length && /^of$/i.test(words[k + 1]!) && !AUX.has(l)) return false;
  // "cutting costs by $1bn": the word after a transitive verb is its object.
  if (k > 0 && TRANSITIVE.test(words[k - 1]!)) return false;
  // "the rate of satisfied callers": after a preposition an -ed word is an adjective ("in fixed
  // assets"), but an -ing verb is not ("by cutting costs"); after an article, see above.
  const adjective = k > 0 && /ed$/.test(l) && /^(?:of|for|with|in|on|at|by|from)$/i.test(words[k - 1]!);
  if (SUBJECT_END.has(l) || (k > 0 && !adjective && (/^\p{Ll}+ed$/u.test(w) || TRANSITIVE.test(w)))) return true;
  // Headline verbs: "Turnout reaches 67.4%", "Inflation edges up to 2%". After a verb of its own
  // the clause has one already ("lifted its key rate by half a point to 4.5%").
  // "its total takings to": a plural in -ings is a noun.
  if (strict || k === 0 || !/^[a-z]{3,}s$/.test(w) || /(?:ss|us|is|ings)$/.test(l)) return false;
  if (k < words.length - 1 && !/^(?:to|by|up|down|below|above|over|under|past|near|\d.*)$/i.test(words[k + 1]!)) return false;
  return !words.slice(1, k).some((x, j) => isVerbAt(words, j + 1, true));
}
