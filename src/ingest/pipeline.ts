import { setMaxListeners } from 'node:events';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Store, Feed } from '../store/index.ts';
import type { Extraction, ArticleInput } from '../extract/types.ts';
import { extractFacts } from '../extract/index.ts';
import { articleTopics } from '../extract/topics.ts';
import { FetchError, type FeedItem, type Fetcher, type ParsedFeed } from './types.ts';
import { parseFeed, readFeedFile } from './feed.ts';
import { redactUrl } from './url.ts';
import { keysOfItem } from './item-keys.ts';
import { createPageFetcher, type PageFetcher } from './pages.ts';
import { withFullText, type PreparedItem, type TeaserTally } from './teasers.ts';
import { recordPollFailure, recordPollSuccess } from './health.ts';
import { isStoreFailure } from '../store/failures.ts';
import { fanOutArticle, welcomeFollowers } from '../deliver/fanout.ts';
import type { ExtractPool } from './extract-pool.ts';

export interface IngestDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  fetch: Fetcher;
  /** Article pages go through this, shared by every poll so per-host limits hold across feeds; one per poll if absent. */
  pages?: PageFetcher;
  timeZone?: string;
  extract?: (input: ArticleInput) => Extraction;
  /** Extraction threads: when present (and `extract` is not), articles are extracted there, off this thread. */
  extractor?: ExtractPool | undefined;
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

/**
 * Article pages a poll has not fetched by then are left for a later poll: the items are stored as
 * teasers. A chat command passes a shorter budget so its answer comes in bounded time.
 */
export const POLL_FULL_TEXT_BUDGET_MS = 5 * 60_000;

export interface PollOptions {
  /** How long this poll may spend fetching article pages (default POLL_FULL_TEXT_BUDGET_MS). */
  fullTextBudgetMs?: number | undefined;
  /** Ends the page fetching early (the bot is stopping): items not fetched yet are stored as teasers. */
  signal?: AbortSignal | undefined;
}

/**
 * Fetches (or reads) one feed, stores what is new, and records the feed's health. The feed is
 * shared by every server that follows it, so this knows no server; announcing fans out in deliver/.
 */
export async function pollSource(deps: IngestDeps, source: Feed, options: PollOptions = {}): Promise<PollResult> {
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
    await storeAsReady(deps, source, items, { budgetMs: options.fullTextBudgetMs ?? POLL_FULL_TEXT_BUDGET_MS, signal: options.signal }, result);
    recordPollSuccess(deps.store, source, deps.clock.now(), validators);
    polled(deps, source);
    for (const warning of result.warnings) deps.log.warn(warning, { source: source.id, url: redactUrl(source.url) });
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : undefined;
    // A host that asked the feed fetch to wait gets no article page requests either, from any feed.
    if (retryAfterMs !== undefined && source.kind === 'url') deps.pages?.gate.holdOff(new URL(source.url).host, retryAfterMs);
    recordPollFailure(deps, source, message, deps.clock.now(), retryAfterMs);
    throw err;
  }
}

/**
 * Fetches the pages of teaser items (politely, through the page fetcher) and stores every item in
 * feed order as soon as it and all older items are ready: items that need no page are committed at
 * once, and a slow page holds back only the items after it. A crash or an exhausted budget loses
 * nothing already fetched.
 */
async function storeAsReady(
  deps: IngestDeps,
  source: Feed,
  oldestFirst: readonly FeedItem[],
  { budgetMs, signal: outer }: { budgetMs: number; signal: AbortSignal | undefined },
  result: PollResult,
): Promise<void> {
  // One controller, ended by the budget's own timer or by the caller, rather than AbortSignal.any over
  // AbortSignal.timeout: on Node 20 the timeout signal inside any() can be collected before it fires,
  // and a poll whose pages never answer then hung until each request's own 60 s timeout.
  const stop = new AbortController();
  const budget = setTimeout(() => stop.abort(new Error(`page budget of ${budgetMs} ms spent`)), budgetMs);
  const onOuter = (): void => stop.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  if (outer?.aborted) onOuter();
  const { signal } = stop;
  // Every queued page listens for the end of the budget; hundreds of listeners here are expected.
  setMaxListeners(0, signal);
  const pages = deps.pages ?? createPageFetcher({ fetch: deps.fetch, userAgent: 'factfeed' });
  const tally: TeaserTally = { abandoned: 0 };
  const announce = announcer(deps, source, oldestFirst);
  const n = oldestFirst.length;
  const prepared = oldestFirst.map((item, i) => {
    const page = settledFlag(withFullText({ store: deps.store, pages }, source, item, n - 1 - i, signal, { warnings: result.warnings, tally }));
    return { ...page, extracted: page.promise.then((ready) => extractAhead(deps, source, ready, outer)) };
  });
  try {
    let batch: Ready[] = [];
    for (const [i, p] of prepared.entries()) {
      // A page still loading ends the chunk (what is ready commits now); an extraction in flight
      // does not: it takes milliseconds, and a commit per article would cost more.
      if (batch.length >= STORE_CHUNK || (batch.length > 0 && !p.settled())) {
        storeChunk(deps, source, batch, result);
        batch = [];
      }
      batch.push({ item: await p.extracted, onNewArticle: announce(oldestFirst[i]!) });
    }
    if (batch.length > 0) storeChunk(deps, source, batch, result);
  } finally {
    // A poll that fails (the store) must not leave page fetches running behind it.
    clearTimeout(budget);
    outer?.removeEventListener('abort', onOuter);
    stop.abort();
  }
  if (tally.abandoned > 0) {
    const why = outer?.aborted ? 'before the bot stopped' : `within ${Math.round(budgetMs / 1000)} s`;
    result.warnings.unshift(`Kept the teasers of ${tally.abandoned} item${tally.abandoned === 1 ? '' : 's'} whose pages were not fetched ${why}; the next poll fetches the newest of them`);
  }
}

function settledFlag<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  void promise.finally(() => (done = true)).catch(() => undefined);
  return { promise, settled: () => done };
}

/** An item with its full text fetched (when it was a teaser) and its announcement hook, ready to store. */
interface Ready {
  item: ExtractedItem;
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

/**
 * Stores one item of a feed: new items are inserted with their facts; a known item whose text
 * changed is updated and its facts re-extracted; anything else is left alone. One transaction.
 */
export function storeItem(
  deps: IngestDeps,
  source: Feed,
  item: FeedItem & { fullTextFetched?: boolean; ahead?: ExtractedAhead },
  warnings: string[] = [],
): { status: StoreStatus; articleId: number } {
  const { store, clock } = deps;
  const keys = keysOfItem(item);
  const now = clock.now();
  const input = item.ahead?.input ?? inputOf(deps, item, now);
  const extract = item.ahead ? aheadExtractor(item.ahead, item, warnings) : safeExtractor(deps.extract ?? extractFacts, item, warnings);

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
        publishedAt: input.published.toISOString(),
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

function inputOf(deps: Pick<IngestDeps, 'timeZone'>, item: FeedItem, now: Date): ArticleInput {
  const published = item.published && !Number.isNaN(item.published.getTime()) ? item.published : now;
  return { title: item.title, text: item.text, published, timeZone: deps.timeZone ?? 'UTC' };
}

/** An extraction made in the pool before the item's transaction, or why it failed there. */
interface ExtractedAhead {
  input: ArticleInput;
  extraction?: Extraction;
  error?: string;
}

type ExtractedItem = PreparedItem & { ahead?: ExtractedAhead };

/**
 * Sends an item to the extraction threads while earlier items are stored, unless storing will not
 * need its facts (an item already stored with this text), there are no threads, or the bot is stopping.
 */
async function extractAhead(deps: IngestDeps, source: Feed, item: PreparedItem, stopping: AbortSignal | undefined): Promise<ExtractedItem> {
  // A bot that is stopping stores what it has on this thread rather than wait for threads to start.
  if (!deps.extractor || deps.extract || stopping?.aborted) return item;
  const existing = deps.store.articles.findExisting(source.id, keysOfItem(item));
  if (existing && existing.contentHash === keysOfItem(item).contentHash && existing.title === item.title) return item;
  const input = inputOf(deps, item, deps.clock.now());
  try {
    return { ...item, ahead: { input, extraction: await deps.extractor.extract(input) } };
  } catch (err) {
    return { ...item, ahead: { input, error: messageOf(err) } };
  }
}

/** The pool's extraction of an item, or, where it failed, none with the same warning as on this thread. */
function aheadExtractor(ahead: ExtractedAhead, item: FeedItem, warnings: string[]): (input: ArticleInput) => Extraction {
  return safeExtractor(() => {
    if (ahead.extraction) return ahead.extraction;
    throw new Error(ahead.error ?? 'no extraction');
  }, item, warnings);
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
