import type { ArticleHit, TenantSearchApi } from '../store/index.ts';
import { isEmptyMatch, type MatchQuery } from '../store/match.ts';

export type { ArticleHit } from '../store/index.ts';
import { articleTopics, expandTopic, normalizeEntity } from '../extract/topics.ts';

/** The words of a user's topic and its expansions, ready for matching and for full-text search. */
export interface TopicQuery {
  topic: string;
  /** Lower-case terms (single words or phrases). */
  terms: string[];
  /** The topic's own significant words. */
  words: string[];
  /** The full-text search: any term as a phrase, or every word of a multi-word topic anywhere. */
  match: MatchQuery;
  /** The same for matching article titles, where the first word of a multi-word topic counts. */
  titleMatch: MatchQuery;
  /** Article topic keys the query names ("prisoners" → "prisoner of war"); empty for topics the vocabulary does not know. */
  keys: string[];
}

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function topicQuery(topic: string): TopicQuery {
  const asked = topic.trim().toLowerCase().replace(/\s+/g, ' ');
  // "Kursk Oblast", "the Kursk region" and "Kursk" are one place: ask about the entity itself.
  const entity = normalizeEntity(asked);
  const cleaned = entity !== asked && articleTopics(entity, '').includes(entity) ? entity : asked;
  const terms = [...new Set([cleaned, ...expandTopic(cleaned)].map((t) => wordsOf(t).join(' ')).filter((t) => t.length > 0))];
  // A multi-word topic ("oil prices") also matches text that has all its words apart ("price of oil").
  const words = wordsOf(cleaned).filter((w) => !STOPWORDS.has(w));
  const phrases = terms.map((t) => t.split(' '));
  const match: MatchQuery = { phrases, together: words.length > 1 ? words : [] };
  // Headlines are terse ("Oil falls below $70"): the distinguishing first word of a compound topic
  // ("oil" of "oil prices", not the generic "prices") is enough in a title.
  const titleMatch: MatchQuery = { phrases: [...phrases, ...(words.length > 1 ? [[words[0]!]] : [])], together: [], titleOnly: true };
  return { topic: cleaned, terms, words, match, titleMatch, keys: articleTopics(cleaned, '') };
}

const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'for', 'and', 'to', 'at', 'by']);

/** A headline names a compound topic by its distinguishing first word ("Oil falls" for oil prices). */
export function titleNamesTopic(title: string, q: TopicQuery): boolean {
  return mentionsTopic(title, q) || (q.words.length > 1 && mentions(title, q.words[0]!));
}

/** The text names the topic: one of its terms, or every word of a multi-word topic. */
export function mentionsTopic(text: string | null | undefined, q: TopicQuery): boolean {
  if (!text) return false;
  if (q.terms.some((t) => mentions(text, t))) return true;
  return q.words.length > 1 && q.words.every((w) => mentions(text, w));
}

/**
 * Lower-case fragments of which any text that names the topic (mentionsTopic) contains at least one,
 * each at the start of a word: a test that rules most texts out before any stemming. A stemmed word
 * is its word's prefix, up to a final "y" for "-ies" words.
 */
export function topicFragments(q: TopicQuery): string[] {
  const longest = (words: readonly string[]): string => words.reduce((a, b) => (b.length > a.length ? b : a), '');
  const groups = [...q.terms.map(wordsOf), ...(q.words.length > 1 ? [q.words] : [])];
  const all = [...new Set(groups.map((g) => stem(longest(g)).replace(/y$/, '')))];
  // Where "captive" starts a word, so does "captiv": a fragment that extends another adds nothing.
  return all.filter((f) => !all.some((g) => g !== f && f.startsWith(g)));
}

/**
 * Whether a fragment starts a word somewhere in the text (or in a JSON document of texts). Only
 * where it starts a word can the word's stem be the topic's: "aid" in "said" cannot name aid, and
 * passing on every "said" made /figures aid parse and stem three times the documents it needed to.
 */
export function mayMentionTopic(text: string | null | undefined, fragments: readonly string[]): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  for (const f of fragments) {
    for (let i = lower.indexOf(f); i >= 0; i = lower.indexOf(f, i + 1)) if (startsWord(lower, i)) return true;
  }
  return false;
}

/**
 * True unless the character before `i` is surely part of the same word: an ASCII letter or digit that
 * is not the end of a JSON escape ("\n", "\u00e9"). Any other character, ASCII or not, counts as
 * a possible boundary, so the test never rules out a text that names the topic.
 */
function startsWord(lower: string, i: number): boolean {
  const c = lower.charCodeAt(i - 1);
  const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return !wordChar || lower[i - 2] === '\\' || (lower[i - 6] === '\\' && lower[i - 5] === 'u');
}

/**
 * Whether an article is about the query: by its extracted topic keys when the query maps to known
 * keys, else by the query's words in its title.
 */
export function articleOnTopic(article: { title: string; topics: readonly string[] }, q: TopicQuery): boolean {
  if (q.keys.length > 0) return q.keys.some((k) => article.topics.includes(k));
  // Headlines are terse ("Oil falls below $70"): one word of an unknown multi-word topic is enough there.
  return mentionsTopic(article.title, q) || titleNamesTopic(article.title, q);
}

/** Crude English stem so "prisoners" in a query meets "prisoner" in text without a second FTS round trip. */
export function stem(word: string): string {
  return word.replace(/(ies)$/, 'y').replace(/(es|s)$/, '').replace(/(ing|ed)$/, '');
}

// One answer tests the same few hundred sentences against a dozen terms or more; splitting and
// stemming each text once rather than once per term was most of /figures' CPU time (see bench/).
const stemmed = new Map<string, string[]>();
function stemmedWords(text: string): string[] {
  let words = stemmed.get(text);
  if (!words) {
    if (stemmed.size >= 4096) stemmed.clear();
    words = wordsOf(text).map(stem);
    stemmed.set(text, words);
  }
  return words;
}

/** True when a term (word or phrase) occurs in the text as whole words, ignoring simple inflection. */
export function mentions(text: string | null | undefined, term: string): boolean {
  if (!text) return false;
  const hay = stemmedWords(text);
  const needle = stemmedWords(term);
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether the topic has any word to search for. */
export const searchable = (q: TopicQuery): boolean => !isEmptyMatch(q.match);

export async function searchArticles(search: TenantSearchApi, q: TopicQuery, limit: number): Promise<ArticleHit[]> {
  if (!searchable(q)) return [];
  // The newest matches, then the most pertinent of them: a headline naming the topic beats a passing
  // mention. Ranking a bounded window in code keeps the cost flat as the store grows (bm25 over every
  // match was most of /summary's time at 100k articles).
  // Stored order only approximates publication order (feeds are polled in any order), so sort the window.
  const hits = (await search.recentArticles(q.match, Math.max(limit * 4, 200))).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const score = (a: ArticleHit): number => (titleNamesTopic(a.title, q) ? 2 : 0) + (q.keys.some((k) => a.topics.split('|').includes(k)) ? 1 : 0);
  const ranked = hits.map((a, i) => ({ a, i, s: score(a) }));
  // The latest developments always make it in, whatever their headline says.
  const newest = ranked.filter((x) => x.s > 0).slice(0, Math.min(2, limit));
  const rest = ranked.filter((x) => !newest.includes(x)).sort((x, y) => y.s - x.s || x.i - y.i);
  return [...newest, ...rest].slice(0, limit).map((x) => x.a);
}
