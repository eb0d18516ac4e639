/**
 * Sentence splitting for news text: paragraphs first, then sentence ends inside them.
 * Kept regex-only because it runs on every ingested article.
 */

export interface Segment {
  text: string;
  /** Index of the paragraph the sentence sits in; quotes never cross paragraphs. */
  paragraph: number;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREV = new Set(
  (
    'mr mrs ms dr gen lt col sgt capt maj adm cmdr gov sen rep rev prof st jr sr ' +
    'inc ltd co corp bros messrs mt ft no nos fig vol approx est dept univ pres ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec vs'
  ).split(' '),
);
// Dotted abbreviations ("U.S.") end a sentence only when a typical sentence opener follows.
const OPENERS = new Set(
  'the a an it he she they we i in on at but and this that these those its his her their however meanwhile after before when while as if there'.split(' '),
);
const CONNECTOR_END = /(?:,|;|\b(?:the|of|and|or|a|an|to|in|on|for|with|by|at|from|that|than|as|more|said|says)|[-–—])$/i;
/** Characters that finish a line (checked by hand: a $-anchored regex scans the whole paragraph). */
const TERMINAL_CHARS = '.!?:"”’)]';
const ODD_SPACE = /[^\S ]| {2}/;

/** Splits article text into sentences, in order. */
export function splitSentences(text: string): string[] {
  return segment(text).map((s) => s.text);
}

/** Like splitSentences but keeps which paragraph each sentence belongs to. */
export function segment(text: string): Segment[] {
  const out: Segment[] = [];
  paragraphs(text).forEach((para, p) => {
    for (const s of splitParagraph(para)) out.push({ text: s, paragraph: p });
  });
  return out;
}

function paragraphs(text: string): string[] {
  const out: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let current = '';
    for (const raw of block.split('\n')) {
      // Most lines are already single-spaced; replacing every space costs more than checking.
      const line = (ODD_SPACE.test(raw) ? raw.replace(/\s+/g, ' ') : raw).trim();
      if (!line) continue;
      // A single newline is a wrap unless the previous line is finished or looks like a heading.
      if (current && (TERMINAL_CHARS.includes(current[current.length - 1]!) || looksLikeHeading(current, line))) {
        out.push(current);
        current = line;
      } else {
        current = current ? `${current} ${line}` : line;
      }
    }
    if (current) out.push(current);
  }
  return out;
}

function looksLikeHeading(line: string, next: string): boolean {
  if (!/^[A-Z0-9"“‘(]/.test(next) || CONNECTOR_END.test(line)) return false;
  const words = line.split(' ');
  const capitalised = words.filter((w) => /^[A-Z0-9"“‘]/.test(w)).length;
  return (words.length <= 14 && capitalised >= words.length * 0.6) || words.length <= 6;
}

// A candidate end: terminal punctuation, optional closing quotes/brackets, whitespace,
// then something that can start a sentence.
const END = /([.!?…]+)(["”’')\]]*)(\s+)(?=["“‘'([]?[A-Z0-9])/g;

function splitParagraph(para: string): string[] {
  const out: string[] = [];
  let start = 0;
  END.lastIndex = 0;
  for (let m = END.exec(para); m; m = END.exec(para)) {
    const punctAt = m.index;
    const cut = m.index + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !m[2] && !endsSentence(para, punctAt, cut + m[3]!.length)) continue;
    const s = para.slice(start, cut).trim();
    if (s) out.push(s);
    start = cut + m[3]!.length;
  }
  const rest = para.slice(start).trim();
  if (rest) out.push(rest);
  return out.some((x) => x.length > MAX_SENTENCE) ? out.flatMap(capLength) : out;
}

// Flattened tables and run-on junk can make one "sentence" of many kilobytes; every per-sentence
// rule would then cost quadratic time, so overlong ones are cut at a comma, semicolon or space.
const MAX_SENTENCE = 600;
function capLength(s: string): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > MAX_SENTENCE) {
    const window = rest.slice(0, MAX_SENTENCE);
    const at = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '));
    const cut = at > MAX_SENTENCE / 2 ? at + 1 : window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') : MAX_SENTENCE;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

function endsSentence(para: string, dotAt: number, nextAt: number): boolean {
  const before = /([A-Za-z][A-Za-z.]*)$/.exec(para.slice(Math.max(0, dotAt - 12), dotAt));
  if (!before) return true;
  const word = before[1]!;
  const next = /^["“‘'([]?([A-Za-z0-9]+)/.exec(para.slice(nextAt, nextAt + 20))?.[1] ?? '';
  if (word.includes('.')) return OPENERS.has(next.toLowerCase()); // U.S., U.N., a.m.
  if (word.length === 1 && /[A-Z]/.test(word)) return false; // an initial: "J. Smith"
  const lower = word.toLowerCase();
  if (ABBREV.has(lower)) {
    // "Jan. 5" / "Gen. Syrskyi": never an end. "No." only continues before a digit.
    if (lower === 'no' || lower === 'nos') return !/^\d/.test(next);
    return false;
  }
  return true;
}
