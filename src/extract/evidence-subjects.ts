/**
 * A survey, a report or a set of figures as the subject of a verb of saying, with the words that
 * tell which one it is after it: "a survey for the charity suggests", "figures for the 2001 election
 * suggest", "an audit report on the ten largest contracts says", "results of a consultation showed".
 * The name reader stops at such words (they are no name), so these sources were lost.
 */

// Either case for the first letter ("Figures for 2001 suggest"); the regex cannot take the i flag, under
// which \p{Lu} would match lower-case words too.
const HEAD_WORDS = 'surveys?|polls?|reports?|study|studies|figures|data|statistics|research|results|findings|investigations?|inquiry|review|trawl|analysis|audit|census|minutes';
const HEADS = HEAD_WORDS.split('|')
  .map((h) => `[${h[0]!.toUpperCase()}${h[0]}]${h.slice(1)}`)
  .join('|');
/** Cheap test first: most text before a verb of saying holds none of the heads. */
const HEAD_HINT = new RegExp(HEAD_WORDS, 'i');
// What may follow the head before the verb: a phrase of "of", "for", "in", "on", "into", "by", or a
// participle ("carried out after …"), without a clause break or a verb of its own.
const TAIL = String.raw`(?:\s+(?:of|for|in|on|into|by|from|among|carried\s+out|conducted|published|released|commissioned)\b(?:[^,;:"“”()]|(?<=\d),(?=\d)){1,80}?)?`;
// Lower-case words that may qualify the head ("a new opinion poll", "separate government figures"); any
// other lower-case word there is more likely a verb ("they claim government figures"), so no match.
const MODIFIERS =
  'new|latest|recent|separate|joint|informal|official|government|opinion|consultation|independent|annual|monthly|quarterly|weekly|' +
  'test|growth|trade|borrowing|economic|industry|internal|preliminary|provisional|final|unemployment|inflation|sales|jobs|employment|' +
  'health|market|exit|private|public|national|international|online|telephone|postal|customer|consumer|business|staff|student|patient';
const EVIDENCE_BEFORE_VERB = new RegExp(
  String.raw`(?:^|[,;:]\s+|\b(?:that|and|but|while|with)\s+)((?:(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Tt]heir)\s+)*((?:(?:${MODIFIERS}|\p{Lu}[\p{L}'’&/-]*)\s+){0,4}?)(${HEADS}))${TAIL}\s*$`,
  'u',
);
const DETERMINER = /^(?:a|an|the|its|their)$/i;
const VERBISH = /^(?:is|was|were|are|has|have|had|will|would|could|can|may|might|should|who|which|that)$/i;

/** The survey or report that is the subject right before a verb, named as its words give it, or undefined. */
export function evidenceSubject(before: string): { who: string; start: number } | undefined {
  if (!HEAD_HINT.test(before)) return undefined;
  const m = EVIDENCE_BEFORE_VERB.exec(before);
  if (!m) return undefined;
  const np = m[1]!;
  const start = m.index + m[0].indexOf(np);
  const tail = before.slice(start + np.length);
  // "a survey by Quorvex found", "research carried out by Ipsos": the named body is the source, read as before.
  if (/\b(?:by|from)\s+(?:the\s+)?(?:\p{Ll}+['’]s\s+)?\p{Lu}/u.test(tail)) return undefined;
  const words = np.split(/\s+/).filter((w) => !DETERMINER.test(w));
  if (words.some((w) => VERBISH.test(w))) return undefined;
  // "Results of a consultation exercise showed": the results are the consultation's.
  if (/^(?:results|findings)$/i.test(m[3]!)) {
    const of = /^\s+of\s+(?:a|an|the)?\s*((?:[\p{L}'’&-]+\s*){1,4})/iu.exec(tail);
    if (of) return { who: of[1]!.trim(), start };
  }
  return { who: words.join(' '), start: start + np.indexOf(words[0]!) };
}
