import { hash as digest } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Store, Feed } from '../store/index.ts';
import type { Extraction, ArticleInput } from '../extract/types.ts';
import { extractFacts } from '../extract/index.ts';
import { articleTopics } from '../extract/topics.ts';
import type { FeedItem, Fetcher, ParsedFeed } from './types.ts';
import { parseFeed, readFeedFile } from './feed.ts';
import { extractMainText } from './fulltext.ts';
import { normalizeUrl, redactUrl } from './url.ts';
import { recordPollFailure, recordPollSuccess } from './health.ts';
import { isStoreFailure } from '../store/failures.ts';
import { fanOutArticle, welcomeFollowers } from '../deliver/fanout.ts';

export interface IngestDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  fetch: Fetcher;
  timeZone?: string;
  extract?: (input: ArticleInput) => Extraction;
  /**
   * Called inside the transaction that stores a new article, so whatever it writes (outbox rows)
   * commits or rolls back together with the article. Defaults to queueing one update per matching
   * subscription of every server following the feed; pass a no-op to store without announcing.
   */
  onNewArticle?: (articleId: number, feed: Feed) => void;
  /**
   * Called after each successful poll (a 304 included). Defaults to queueing the first
   * announcements of servers that started following the feed since the last poll.
   */
  onPolled?: (feed: Feed) => void;
}

export type StoreStatus = 'new' | 'updated' | 'unchanged';

export interface PollResult {
  feedId: number;
  notModified: boolean;
  items: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Articles stored for the first time by this poll, oldest first. */
  newArticleIds: number[];
  /** Problems with single items (full text unavailable, …) that did not stop the poll. */
  warnings: string[];
}

// The one-shot crypto.hash skips building a Hash object per call (two calls per stored item).
const hash = (s: string): string => digest('sha1', s, 'hex');
// Every run of whitespace becomes one space. Single spaces are left alone (the pattern skips them),
// which gives the same string as replacing /\s+/ but runs about 3× faster on article-length text.
const fold = (s: string): string => s.toLowerCase().replace(/\s{2,}|[^\S ]/g, ' ').trim();

/**
 * Fetches (or reads) one feed, stores what is new, and records the feed's health. The feed is
 * shared by every server that follows it, so this knows no server; announcing fans out in deliver/.
 */
export async function pollSource(deps: IngestDeps, source: Feed): Promise<PollResult> {
  const result: PollResult = { feedId: source.id, notModified: false, items: 0, added: 0, updated: 0, unchanged: 0, newArticleIds: [], warnings: [] };
  try {
    let feed: ParsedFeed;
    let validators: { etag?: string | undefined; lastModified?: string | undefined } = {};
    if (source.kind === 'file') {
      feed = await parseFeed(await readFeedFile(source.url), source.url);
    } else {
      const res = await deps.fetch(source.url, {
        etag: source.etag ?? undefined,
        lastModified: source.lastModified ?? undefined,
        userAgent: source.userAgent ?? undefined,
        accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      });
      if (res.notModified) {
        recordPollSuccess(deps.store, source, deps.clock.now());
        polled(deps, source);
        return { ...result, notModified: true };
      }
      feed = await parseFeed(res.text(), source.url);
      validators = { etag: res.etag, lastModified: res.lastModified };
    }
    deps.store.feeds.setTitle(source.id, feed.title ?? null, feed.link ?? null);
    // Oldest first, so article ids and deliveries follow publication order.
    const items = [...feed.items].sort((a, b) => (a.published?.getTime() ?? 0) - (b.published?.getTime() ?? 0));
    result.items = items.length;
    const announce = announcer(deps, source, items);
    const ready: Ready[] = [];
    for (const item of items) ready.push({ item: await withFullText(deps, source, item, result.warnings), onNewArticle: announce(item) });
    for (let start = 0; start < ready.length; start += STORE_CHUNK) {
      storeChunk(deps, source, ready.slice(start, start + STORE_CHUNK), result);
    }
    recordPollSuccess(deps.store, source, deps.clock.now(), validators);
    polled(deps, source);
    for (const warning of result.warnings) deps.log.warn(warning, { source: source.id, url: redactUrl(source.url) });
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    recordPollFailure(deps, source, message, deps.clock.now());
    throw err;
  }
}

/** An item with its full text fetched (when it was a teaser) and its announcement hook, ready to store. */
interface Ready {
  item: FeedItem & { fullTextFetched: boolean };
  onNewArticle: IngestDeps['onNewArticle'];
}

/** Items stored per transaction by a poll: one commit (and one full-text index flush) per chunk, not per article. */
export const STORE_CHUNK = 50;

/**
 * Stores items in one transaction, each in its own savepoint (storeItem's nested tx), so a failing
 * item rolls back alone. One bad item never fails its feed: it is skipped with a warning naming it,
 * and the next poll tries it again. Only a failure of the store itself (disk full, I/O) fails the
 * poll, keeping the items before it, since every later item would fail the same way.
 */
function storeChunk(deps: IngestDeps, source: Feed, chunk: readonly Ready[], result: PollResult): void {
  let failure: { error: unknown } | undefined;
  deps.store.tx(() => {
    for (const { item, onNewArticle } of chunk) {
      let outcome: { status: StoreStatus; articleId: number };
      try {
        outcome = storeItem({ ...deps, onNewArticle }, source, item, result.warnings);
      } catch (error) {
        if (isStoreFailure(error)) {
          failure = { error };
          return;
        }
        result.warnings.push(`Skipped item "${item.title}" (${item.guid ?? item.link ?? 'no id'}): it could not be stored (${messageOf(error)})`);
        continue;
      }
      if (outcome.status === 'new') {
        result.added++;
        result.newArticleIds.push(outcome.articleId);
      } else if (outcome.status === 'updated') result.updated++;
      else result.unchanged++;
    }
  });
  if (failure !== undefined) throw failure.error;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));


/**
 * Every new item announces itself to the feed's followers. The first-poll cap (only the newest few)
 * is per follower, so deliver/fanout.ts applies it: a follower still waiting for its first
 * announcements gets them from `polled` instead.
 */
function announcer(deps: IngestDeps, _source: Feed, _oldestFirst: readonly FeedItem[]): (item: FeedItem) => IngestDeps['onNewArticle'] {
  const hook = deps.onNewArticle ?? ((articleId: number, feed: Feed) => void fanOutArticle(deps.store, deps.clock.now(), articleId, feed));
  return () => hook;
}

function polled(deps: IngestDeps, feed: Feed): void {
  if (deps.onPolled) deps.onPolled(feed);
  else welcomeFollowers(deps.store, deps.clock.now(), feed);
}

/** Replaces a teaser with the article page's main text; on failure keeps the teaser and says why. */
async function withFullText(deps: IngestDeps, source: Feed, item: FeedItem, warnings: string[]): Promise<FeedItem & { fullTextFetched: boolean }> {
  if (!item.isTeaser || !item.link || !/^https?:/i.test(item.link)) return { ...item, fullTextFetched: false };
  // A teaser already stored unchanged needs no second page fetch.
  const existing = deps.store.articles.findExisting(source.id, keysOf(item));
  if (existing?.fullTextFetched) return { ...item, text: existing.text, fullTextFetched: true };
  try {
    const page = await deps.fetch(item.link, { userAgent: source.userAgent ?? undefined, accept: 'text/html,application/xhtml+xml' });
    const main = extractMainText(page.text(), page.url);
    if (main && main.text.length > item.text.length) return { ...item, text: main.text, fullTextFetched: true };
    warnings.push(`No article text found at ${item.link}; kept the feed's teaser`);
  } catch (err) {
    warnings.push(`Full text of ${item.link} unavailable (${err instanceof Error ? err.message : String(err)}); kept the feed's teaser`);
  }
  return { ...item, fullTextFetched: false };
}

function keysOf(item: FeedItem): { guid: string | null; urlNorm: string | null; titleHash: string; contentHash: string } {
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

/**
 * Stores one item of a feed: new items are inserted with their facts; a known item whose text
 * changed is updated and its facts re-extracted; anything else is left alone. One transaction.
 */
export function storeItem(
  deps: IngestDeps,
  source: Feed,
  item: FeedItem & { fullTextFetched?: boolean },
  warnings: string[] = [],
): { status: StoreStatus; articleId: number } {
  const { store, clock } = deps;
  const extract = safeExtractor(deps.extract ?? extractFacts, item, warnings);
  const keys = keysOf(item);
  const now = clock.now();
  const published = item.published && !Number.isNaN(item.published.getTime()) ? item.published : now;
  const input: ArticleInput = { title: item.title, text: item.text, published, timeZone: deps.timeZone ?? 'UTC' };

  const existing = store.articles.findExisting(source.id, keys);
  if (existing) {
    if (existing.contentHash === keys.contentHash && existing.title === item.title) return { status: 'unchanged', articleId: existing.id };
    const extraction = extract(input);
    store.tx(() => {
      store.articles.updateContent(
        existing.id,
        { title: item.title, text: item.text, teaser: item.isTeaser ? item.text : existing.teaser, contentHash: keys.contentHash, topics: topicsOf(extraction, item) },
        now,
      );
      store.facts.setForArticle(existing.id, extraction.facts);
    });
    return { status: 'updated', articleId: existing.id };
  }

  const extraction = extract(input);
  const articleId = store.tx(() => {
    const id = store.articles.insert(
      {
        feedId: source.id,
        guid: keys.guid,
        url: item.link ?? null,
        urlNorm: keys.urlNorm,
        title: item.title,
        author: item.author ?? null,
        publishedAt: published.toISOString(),
        teaser: item.isTeaser ? item.text : null,
        text: item.text,
        contentHash: keys.contentHash,
        titleHash: keys.titleHash,
        fullTextFetched: item.fullTextFetched ?? false,
        topics: topicsOf(extraction, item),
      },
      now,
    );
    store.facts.setForArticle(id, extraction.facts);
    deps.onNewArticle?.(id, source);
    return id;
  });
  return { status: 'new', articleId };
}

/**
 * The extractor, made safe for one item: an article it throws on is stored without facts (its text
 * stays searchable) and a warning names it, instead of the error stopping the feed.
 */
function safeExtractor(extract: (input: ArticleInput) => Extraction, item: FeedItem, warnings: string[]): (input: ArticleInput) => Extraction {
  return (input) => {
    try {
      return extract(input);
    } catch (err) {
      warnings.push(`Stored item "${item.title}" (${item.guid ?? item.link ?? 'no id'}) without facts: extraction failed (${messageOf(err)})`);
      return { sentences: [], facts: [], topics: [] };
    }
  };
}

function topicsOf(extraction: Extraction, item: FeedItem): string[] {
  return extraction.topics.length > 0 ? extraction.topics : articleTopics(item.title, item.text);
}
