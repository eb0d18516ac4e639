import type { Feed } from '../store/index.ts';
import type { Clock } from '../clock.ts';
import type { Store } from '../store/index.ts';
import type { ArticleInput, Extraction } from '../extract/types.ts';
import type { FeedItem } from './types.ts';
import type { ExtractPool } from './extract-pool.ts';
import { keysOfItem } from './item-keys.ts';

/** An extraction made in the pool before the item's transaction, or why it failed there. */
export interface ExtractedAhead {
  input: ArticleInput;
  extraction?: Extraction;
  error?: string;
}

/** What the extractor reads of an item: its text, and its date (or now, when the feed gave none). */
export function inputOf(timeZone: string | undefined, item: FeedItem, now: Date): ArticleInput {
  const published = item.published && !Number.isNaN(item.published.getTime()) ? item.published : now;
  return { title: item.title, text: item.text, published, timeZone: timeZone ?? 'UTC' };
}

interface AheadDeps {
  store: Store;
  clock: Clock;
  timeZone?: string | undefined;
  extract?: ((input: ArticleInput) => Extraction) | undefined;
  extractor?: ExtractPool | undefined;
}

/**
 * Sends an item to the extraction threads while earlier items are stored, unless storing will not
 * need its facts (an item already stored with this text), there are no threads, or the bot is
 * stopping (then it stores on this thread rather than wait for threads to start).
 */
export async function extractAhead<T extends FeedItem>(deps: AheadDeps, source: Feed, item: T, stopping: AbortSignal | undefined): Promise<T & { ahead?: ExtractedAhead }> {
  if (!deps.extractor || deps.extract || stopping?.aborted) return item;
  const keys = keysOfItem(item);
  const existing = await deps.store.articles.findExisting(source.id, keys);
  if (existing && existing.contentHash === keys.contentHash && existing.title === item.title) return item;
  const input = inputOf(deps.timeZone, item, deps.clock.now());
  try {
    return { ...item, ahead: { input, extraction: await deps.extractor.extract(input) } };
  } catch (err) {
    return { ...item, ahead: { input, error: err instanceof Error ? err.message : String(err) } };
  }
}

/** The pool's extraction as an extractor: its result, or its failure thrown again for the caller's warning. */
export function aheadExtraction(ahead: ExtractedAhead): (input: ArticleInput) => Extraction {
  return () => {
    if (ahead.extraction) return ahead.extraction;
    throw new Error(ahead.error ?? 'no extraction');
  };
}
