import type { Store, Feed } from '../store/index.ts';
import { extractMainText } from './fulltext.ts';
import type { PageFetcher } from './pages.ts';
import { FetchError, type FeedItem } from './types.ts';
import { keysOfItem } from './item-keys.ts';

/**
 * Article pages are fetched for at most this many of a feed's newest items on a source's first
 * poll; older teasers are stored as teasers. Later polls fetch every item that is new, and retry a
 * failed page only among this many newest, so a big back catalogue is never walked page by page.
 */
export const FULL_TEXT_NEWEST = 20;

/** A teaser item after its page was (or was not) fetched. */
export type PreparedItem = FeedItem & { fullTextFetched: boolean };

export interface TeaserDeps {
  store: Store;
  pages: PageFetcher;
}

/** Counts what a poll left as teasers because its time budget ran out, to say so once rather than per item. */
export interface TeaserTally {
  abandoned: number;
}

/**
 * Replaces a teaser with the article page's main text; on failure keeps the teaser and says why.
 * `fromNewest` is the item's rank in its feed (0 = newest). Never throws.
 */
export async function withFullText(
  deps: TeaserDeps,
  source: Feed,
  item: FeedItem,
  fromNewest: number,
  signal: AbortSignal,
  out: { warnings: string[]; tally: TeaserTally },
): Promise<PreparedItem> {
  const teaser = { ...item, fullTextFetched: false };
  if (!item.isTeaser || !item.link || !/^https?:/i.test(item.link)) return teaser;
  const existing = await deps.store.articles.findExisting(source.id, keysOfItem(item));
  // A teaser already stored with its page's text needs no second page fetch.
  if (existing?.fullTextFetched) return { ...item, text: existing.text, fullTextFetched: true };
  if (fromNewest >= FULL_TEXT_NEWEST && (existing || !source.firstPollDone)) return teaser;
  if (signal.aborted) {
    out.tally.abandoned++;
    return teaser;
  }
  try {
    const page = await deps.pages.fetchPage(item.link, { userAgent: source.userAgent ?? undefined, signal });
    const main = extractMainText(page.text(), page.url);
    if (main && main.text.length > item.text.length) return { ...item, text: main.text, fullTextFetched: true };
    out.warnings.push(`No article text found at ${item.link}; kept the feed's teaser`);
  } catch (err) {
    if (signal.aborted) out.tally.abandoned++;
    else if (err instanceof FetchError && err.code === 'disallowed') out.warnings.push(`Kept the feed's teaser for ${item.link}: ${err.message.replace(/ \(.*\)$/, '')}`);
    else out.warnings.push(`Full text of ${item.link} unavailable (${err instanceof Error ? err.message : String(err)}); kept the feed's teaser`);
  }
  return teaser;
}
