/**
 * What the extractors find in one article. Every fact carries the sentence it came from
 * (index into the article's sentence list and the sentence text) so answers can cite it.
 */
export interface ArticleInput {
  title: string;
  /** Plain text of the article body, paragraphs separated by blank lines. */
  text: string;
  /** When the article was published; relative dates ("Thursday", "last year") resolve against it. */
  published: Date;
  /** IANA time zone used to read the publication date's calendar day. Default UTC. */
  timeZone?: string;
}

interface FactBase {
  /** Index of the sentence in `splitSentences(title + body)`; the title is sentence 0. */
  sentenceIndex: number;
  sentence: string;
}

export interface FigureFact extends FactBase {
  kind: 'figure';
  /** The figure as written, e.g. "more than 900", "1,000-for-1,000", "$1.2bn". */
  raw: string;
  value: number;
  /** Upper bound of a range ("between 50 and 60" → value 50, valueHigh 60). */
  valueHigh?: number;
  /** '%', a currency code ('USD', 'EUR', 'GBP', 'UAH', 'RUB'), 'ratio', or a duration unit ('days','months','years'). */
  unit?: string;
  /** "more than", "nearly", "around", "at least", "up to", "hundreds of", … */
  qualifier?: string;
  /** What is counted, as written but trimmed: "Russian servicemen". */
  counted?: string;
  /** Normalised key of `counted` for grouping across articles: "russian soldier". */
  countedKey?: string;
  /** The event the figure belongs to, as a base verb/noun: "captured", "released", "returned", "killed". */
  event?: string;
  /** ISO date (YYYY-MM-DD) the figure refers to; for a period, its end. */
  date?: string;
  periodStart?: string;
  periodEnd?: string;
  /** Who says so: "the Ukrainian military", "Ukraine's General Staff". */
  attribution?: string;
  /** "reportedly", "may", "estimated" … */
  hedged?: boolean;
  /** "denied that 300 …" */
  negated?: boolean;
  /** "hundreds of", "tens of thousands": value and valueHigh are the span the words allow, not a count. */
  vague?: boolean;
  /** The stated movement of this quantity: "rose", "up 2%", "fell to", "slowed from 3.1% to 2.9%". */
  direction?: 'up' | 'down';
  /** Signed size of the movement when the level is stated too: +2 in "rose 2% to $11.1bn". */
  change?: number;
  /** Unit of `change`: '%', 'pp', 'points' or the figure's currency. */
  changeUnit?: string;
  /** The earlier level: $8.0bn in "climbed 3% to $8.2bn from $8.0bn". */
  previous?: number;
  /** When the earlier level applied, if the sentence says ("from 1.9% in May"). */
  previousDate?: string;
  /** This figure restates another of the same sentence in another unit: "(£600m)" after "$1.13bn". */
  conversion?: boolean;
  /** The figure is only the size of a movement ("jumped 76%", "lost 464,000 subscribers"), not a level. */
  isChange?: boolean;
  /** A headline figure that rounds this body value of its article ("1,000" for 971). */
  roundingOf?: number;
}

export interface DateFact extends FactBase {
  kind: 'date';
  raw: string;
  /** ISO date (YYYY-MM-DD); for a period, its end. */
  date: string;
  periodStart?: string;
  periodEnd?: string;
}

export interface QuoteFact extends FactBase {
  kind: 'quote';
  /** The quoted words without the quote marks. */
  text: string;
  speaker?: string;
}

export interface ClaimFact extends FactBase {
  kind: 'claim';
  /** The claim in the source's words, without the attribution verb: "it has liberated the Kursk region". */
  text: string;
  /** Who makes the claim: "Russia", "Ukraine's General Staff". */
  attribution: string;
  /** 'assert' for says/claims/insists; 'deny' for denies/rejects. */
  stance: 'assert' | 'deny';
  /** Normalised subject key for spotting disputes: "kursk control". Optional. */
  subjectKey?: string;
  date?: string;
}

export type Fact = FigureFact | DateFact | QuoteFact | ClaimFact;

export interface Extraction {
  sentences: string[];
  facts: Fact[];
  /** Normalised topic/entity keys found in the article ("kursk", "prisoner exchange"). */
  topics: string[];
}

/** A number as written in a sentence, before it is judged a figure (numbers.ts). */
export interface NumberMention {
  start: number;
  end: number;
  raw: string;
  value: number;
  valueHigh?: number;
  unit?: string;
  /** Set for vague counts: "hundreds of" → value 100, vague "hundreds of". */
  vague?: string;
}
