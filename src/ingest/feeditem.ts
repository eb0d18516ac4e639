import { collapseWhitespace } from './htmltext.ts';
import { normalizeUrl } from './url.ts';
import type { FeedItem } from './types.ts';

/** Rules shared by every feed format for turning an entry into a FeedItem. */

const TEASER_CHARS = 600;
const LONG_BODY_CHARS = 1500;
const TEASER_ENDING = /(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|read the full (story|article)|more\s*»)\s*[\]».)]*\s*$/i;

/**
 * A teaser is what a feed gives when the article itself lives on the page: no full body and a
 * short summary, or a shortish body that trails off with an ellipsis or "Read more". A long
 * body ending in "Read more" is a complete article with a link left at the bottom.
 */
export function isTeaser(fullText: string, text: string): boolean {
  if (TEASER_ENDING.test(text) && (fullText === '' || text.length < LONG_BODY_CHARS)) return true;
  return fullText === '' && text.length < TEASER_CHARS;
}

/** The stable key of an item: guid, else its normalized link, else its title. */
export function itemKey(item: Pick<FeedItem, 'guid' | 'link' | 'title'>): string {
  if (item.guid) return item.guid;
  if (item.link) return normalizeUrl(item.link);
  return `title:${item.title.toLowerCase()}`;
}

export function titleFromText(text: string): string {
  const words = collapseWhitespace(text).split(' ').filter(Boolean);
  if (words.length === 0) return '';
  return words.length <= 12 ? words.join(' ') : `${words.slice(0, 12).join(' ')}…`;
}

/** RFC 822 and ISO 8601 dates; a weekday name in another language does not stop the parse. */
export function parseDate(raw: string): Date | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  for (const attempt of [s, s.replace(/^[^\d,]*,\s*/, '')]) {
    const d = new Date(attempt);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return undefined;
}

export function resolveLink(link: string | undefined, base: string | undefined): string | undefined {
  if (link === undefined || link === '') return undefined;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

