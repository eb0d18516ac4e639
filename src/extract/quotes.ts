/**
 * Quotations and who said them. Quotes are found per paragraph (they often span sentences);
 * speakers come from the reporting sources next to the quote marks.
 */
import type { QuoteFact } from './types.ts';

/** A quoted stretch in paragraph offsets. `open`/`close` are -1/-1 when the mark is missing. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Whether the quote ran to the end of the paragraph without a closing mark. */
  unclosed: boolean;
}

/** Finds quoted stretches in one paragraph: curly or straight double quotes, tolerating a missing mark. */
export function findQuoteSpans(para: string, sentenceEnds: readonly number[] = []): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const firstOpen = para.indexOf('“');
  const firstClose = para.indexOf('”');
  if (firstOpen < 0 && firstClose < 0 && !para.includes('"')) return out;
  let open = -1;
  // A closing mark before any opening one: the quote began at the paragraph start.
  if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) open = 0;
  let straightOpen = -1;
  for (let i = open === 0 ? firstClose : 0; i < para.length; i++) {
    const c = para[i];
    if (c === '“' && open < 0) open = i + 1;
    else if (c === '”' && open >= 0) {
      out.push({ start: open, end: i, unclosed: false });
      open = -1;
    } else if (c === '"') {
      const role = straightRole(para, i);
      if (straightOpen < 0) {
        if (role !== 'close') straightOpen = i + 1;
      } else if (role === 'open') {
        // '"First sentence. "Second sentence."': a new paragraph of the same quote opens without the
        // last one being closed (the print convention), so the open quote ends where this one starts.
        out.push({ start: straightOpen, end: i, unclosed: false });
        straightOpen = i + 1;
      } else {
        out.push({ start: straightOpen, end: i, unclosed: false });
        straightOpen = -1;
      }
    }
  }
  if (open >= 0) out.push(unclosedFrom(open, para, sentenceEnds));
  if (straightOpen >= 0) out.push(unclosedFrom(straightOpen, para, sentenceEnds));
  return out.sort((a, b) => a.start - b.start);
}

// A straight mark opens when a space (or the paragraph start) is before it and a word after it,
// and closes when a word or punctuation is before it and a space or punctuation after it.
function straightRole(para: string, i: number): 'open' | 'close' | 'either' {
  const before = i === 0 ? ' ' : para[i - 1]!;
  const after = i + 1 < para.length ? para[i + 1]! : ' ';
  const opens = /[\s([—–-]/.test(before) && /[^\s,.;:!?)]/.test(after);
  const closes = /\S/.test(before) && /[\s,.;:!?)\]—–-]/.test(after);
  return opens && !closes ? 'open' : closes && !opens ? 'close' : 'either';
}

// A quote left open at a paragraph's start runs on into the next paragraph (the print convention).
// One left open mid-paragraph is far more often a merged or damaged paragraph than a run-on, and
// letting it swallow the rest would hide every later sentence's own source, so it ends with its sentence.
function unclosedFrom(open: number, para: string, sentenceEnds: readonly number[]): QuoteSpan {
  if (para.slice(0, open - 1).trim() === '') return { start: open, end: para.length, unclosed: true };
  const end = sentenceEnds.find((e) => e > open) ?? para.length;
  return { start: open, end, unclosed: end >= para.length };
}

export interface ParagraphSource {
  who: string;
  /** Offsets of the reporting verb in the paragraph. */
  start: number;
  end: number;
}

export interface PlacedQuote {
  span: QuoteSpan;
  text: string;
  speaker?: string;
}

/**
 * Gives each quote a speaker: a source right after the closing mark (`," the military said`),
 * right before the opening mark (`X said: "…"`), else the previous quote's speaker when the
 * quote continues it (`"A," X said. "B."`) or continues the previous paragraph.
 */
export function assignSpeakers(para: string, spans: readonly QuoteSpan[], sources: readonly ParagraphSource[], carried?: string): PlacedQuote[] {
  const out: PlacedQuote[] = [];
  let previous = carried;
  spans.forEach((span, i) => {
    const nextStart = spans[i + 1]?.start ?? para.length;
    const prevEnd = spans[i - 1]?.end ?? 0;
    const after = sources.find((s) => s.start >= span.end && s.start < Math.min(nextStart, span.end + 80));
    const before = sources.findLast((s) => s.end <= span.start && s.end >= prevEnd && /[:,]\s*["“]?$/.test(para.slice(s.end, span.start).trimEnd() || ':'));
    const speaker =
      after?.who ?? before?.who ?? colonSpeaker(para.slice(prevEnd, span.start)) ?? (isContinuation(para, span, prevEnd, i) ? previous : undefined) ?? reportedJustBefore(para, span, sources, prevEnd);
    const text = para.slice(span.start, span.end).trim().replace(/[,;:.!?\s]+$/, '');
    out.push({ span, text, ...(speaker ? { speaker } : {}) });
    if (speaker) previous = speaker;
  });
  return out;
}

// "- Rovers boss Tom Vale: "We had …"": a reaction introduced by its speaker's name and a colon, no verb.
const COLON_SPEAKER = /^(?:[-–•*]\s*)?((?:[\p{L}'’.&-]+\s+){0,4}?)(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s*:\s*["“]?\s*$/u;
const NOT_A_SPEAKER = /\b(?:is|was|are|were|has|have|had|will|would|the|a|an|in|on|at|of|for|to|and|but)$/i;
function colonSpeaker(before: string): string | undefined {
  const m = COLON_SPEAKER.exec(before.trim());
  if (!m || NOT_A_SPEAKER.test(m[1]!.trim())) return undefined;
  return m[2]!;
}

/**
 * "She added that a gap remained. "The average woman …"": a quote that opens the sentence after
 * one reporting what someone said, with no speaker of its own, goes on in that person's words.
 */
function reportedJustBefore(para: string, span: QuoteSpan, sources: readonly ParagraphSource[], prevEnd: number): string | undefined {
  const last = sources.findLast((s) => s.end <= span.start && s.start >= prevEnd);
  if (!last) return undefined;
  const between = para.slice(last.end, span.start).replace(/["“]$/, '');
  return between.length < 200 && /[.!?]\s*$/.test(between) && !/[.!?]\s/.test(between.trimEnd().slice(0, -1)) ? last.who : undefined;
}

function isContinuation(para: string, span: QuoteSpan, prevEnd: number, i: number): boolean {
  // First quote of the paragraph opening the paragraph: continues the last paragraph's speaker.
  if (i === 0) return span.start <= 1;
  return para.slice(prevEnd, span.start).trim().length < 80;
}

/** Builds quote facts, dropping scare quotes shorter than three words. */
export function quoteFacts(quotes: readonly PlacedQuote[], sentenceAt: (offset: number) => { index: number; text: string }): QuoteFact[] {
  const out: QuoteFact[] = [];
  for (const q of quotes) {
    if (q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < 3) continue;
    const at = sentenceAt(q.span.start);
    out.push({ kind: 'quote', sentenceIndex: at.index, sentence: at.text, text: q.text, ...(q.speaker ? { speaker: q.speaker } : {}) });
  }
  return out;
}
