/**
 * Topic filters: plain keywords and phrases, never user regular expressions (a pattern typed in
 * chat must not be able to hang the poller). Matching is case-insensitive on whole words.
 */

export interface TopicFilter {
  include: readonly string[];
  exclude: readonly string[];
}

const MAX_TERMS = 20;
const MAX_TERM_LENGTH = 60;

/**
 * Reads "kursk, prisoner exchange" or `"prisoner exchange" kursk` into terms: commas separate
 * terms; without commas, quoted phrases stay together and other words stand alone.
 */
export function parseTerms(input: string | undefined): string[] {
  const text = (input ?? '').trim();
  if (!text) return [];
  const raw = text.includes(',') ? text.split(',') : [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw) {
    const term = t.replace(/["']/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (!term || seen.has(term)) continue;
    if (term.length > MAX_TERM_LENGTH) throw new Error(`The filter term "${term.slice(0, 30)}…" is longer than ${MAX_TERM_LENGTH} characters`);
    seen.add(term);
    out.push(term);
  }
  if (out.length > MAX_TERMS) throw new Error(`At most ${MAX_TERMS} filter terms (got ${out.length})`);
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term as a whole-word matcher: letters or digits may not touch either end; inner spaces match any whitespace. */
function termPattern(term: string): RegExp {
  const body = term.split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

export function containsTerm(text: string, term: string): boolean {
  return termPattern(term).test(text);
}

/** True when the article should go to the channel: some include term matches (or none are set) and no exclude term does. */
export function matchesFilter(filter: TopicFilter, title: string, text: string): boolean {
  const haystack = `${title}\n${text}`;
  if (filter.exclude.some((t) => containsTerm(haystack, t))) return false;
  return filter.include.length === 0 || filter.include.some((t) => containsTerm(haystack, t));
}

/** "kursk, \"prisoner exchange\"" for showing a filter back to people. */
export function describeTerms(terms: readonly string[]): string {
  return terms.map((t) => (t.includes(' ') ? `"${t}"` : t)).join(', ');
}
