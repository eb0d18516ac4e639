/**
 * A topic search as data, so each store compiles it to its own full-text syntax: SQLite's FTS5
 * MATCH or PostgreSQL's tsquery. It matches any of its phrases (a phrase of one word is a word), or
 * every word of `together` anywhere in the text; `titleOnly` looks at titles alone. Words hold only
 * lower-case letters and digits (query/search.ts builds them so), so user input cannot inject syntax.
 */
export interface MatchQuery {
  phrases: string[][];
  together: string[];
  titleOnly?: boolean;
}

export const isEmptyMatch = (q: MatchQuery): boolean => q.phrases.length === 0 && q.together.length === 0;

/** The FTS5 MATCH expression: `"oil prices" OR ("oil" AND "prices")`, under `title :` for titles. */
export function toFts5(q: MatchQuery): string {
  const any = [...q.phrases.map((p) => `"${p.join(' ')}"`), ...(q.together.length > 1 ? [`(${q.together.map((w) => `"${w}"`).join(' AND ')})`] : [])].join(' OR ');
  return q.titleOnly ? `title : (${any})` : any;
}

/**
 * The text of a to_tsquery('english', …): phrases as `<->` chains, `together` as `&`. `titleOnly`
 * is not part of it: PostgreSQL searches titles in a vector of their own (migration 002), which
 * its index answers whole, where a weight label would make it re-read every candidate's vector.
 * to_tsquery stems each word with the english configuration and drops its stop words, widening
 * the phrase distance across them as FTS5 does not need to (its porter tokenizer keeps stop words).
 */
export function toTsquery(q: MatchQuery): string {
  const any = [...q.phrases.map((p) => `(${p.join(' <-> ')})`), ...(q.together.length > 1 ? [`(${q.together.join(' & ')})`] : [])];
  return any.join(' | ');
}
