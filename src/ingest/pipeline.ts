import { setMaxListeners } from 'node:events';
import type { Logger } from '../log.ts';
import type { Feed, Awaitable } from '../store/index.ts';
import { FetchError, type FeedItem, type Fetcher, type ParsedFeed } from './types.ts';
import { parseFeed, readFeedFile } from './feed.ts';
import { redactUrl } from './url.ts';
import { createPageFetcher, type PageFetcher } from './pages.ts';
import { withFullText, type TeaserTally } from './teasers.ts';
import { recordPollFailure, recordPollSuccess } from './health.ts';
import { welcomeFollowers } from '../deliver/fanout.ts';
import { storeItems, messageOf, type StoreItemsDeps, type StorableItem } from './store-items.ts';
import { extractAhead } from './extract-ahead.ts';

export { storeItem, type StoreStatus } from './store-items.ts';

export interface IngestDeps extends StoreItemsDeps {
  log: Logger;
  fetch: Fetcher;
  /** Article pages go through this, shared by every poll so per-host limits hold across feeds; one per poll if absent. */
  pages?: PageFetcher;
  /**
   * Called after each successful poll (a 304 included). Defaults to queueing the first
   * announcements of servers that started following the feed since the last poll.
   */
  onPolled?: ((feed: Feed) => Awaitable<unknown>) | undefined;
}

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
        await recordPollSuccess(deps.store, source, deps.clock.now());
        await polled(deps, source);
        return { ...result, notModified: true };
      }
      feed = await parseFeed(res.text(), source.url);
      validators = { etag: res.etag, lastModified: res.lastModified };
    }
    await deps.store.feeds.setTitle(source.id, feed.title ?? null, feed.link ?? null);
    // Oldest first, so article ids and deliveries follow publication order.
    const items = [...feed.items].sort((a, b) => (a.published?.getTime() ?? 0) - (b.published?.getTime() ?? 0));
    result.items = items.length;
    await storeAsReady(deps, source, items, { budgetMs: options.fullTextBudgetMs ?? POLL_FULL_TEXT_BUDGET_MS, signal: options.signal }, result);
    await recordPollSuccess(deps.store, source, deps.clock.now(), validators);
    await polled(deps, source);
    for (const warning of result.warnings) deps.log.warn(warning, { source: source.id, url: redactUrl(source.url) });
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : undefined;
    // A host that asked the feed fetch to wait gets no article page requests either, from any feed.
    if (retryAfterMs !== undefined && source.kind === 'url') deps.pages?.gate.holdOff(new URL(source.url).host, retryAfterMs);
    await recordPollFailure(deps, source, message, deps.clock.now(), retryAfterMs);
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
  const n = oldestFirst.length;
  const prepared = oldestFirst.map((item, i) => {
    const page = settledFlag(withFullText({ store: deps.store, pages }, source, item, n - 1 - i, signal, { warnings: result.warnings, tally }));
    return { ...page, extracted: page.promise.then((ready) => extractAhead(deps, source, ready, outer)) };
  });
  try {
    let batch: StorableItem[] = [];
    for (const p of prepared) {
      // A page still loading ends the chunk (what is ready commits now); an extraction in flight
      // does not: it takes milliseconds, and a commit per article would cost more.
      if (batch.length >= STORE_CHUNK || (batch.length > 0 && !p.settled())) {
        await storeChunk(deps, source, batch, result);
        batch = [];
      }
      batch.push(await p.extracted);
    }
    if (batch.length > 0) await storeChunk(deps, source, batch, result);
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

/** Items stored per transaction by a poll: one commit (and one full-text index flush) per chunk, not per article. */
export const STORE_CHUNK = 50;

/**
 * Stores a chunk of items (store-items.ts). One bad item never fails its feed: it is skipped with a
 * warning naming it, and the next poll tries it again. Only a failure of the store itself (disk
 * full, I/O) fails the poll, keeping the items before it, since every later item would fail the same way.
 */
async function storeChunk(deps: IngestDeps, source: Feed, chunk: readonly StorableItem[], result: PollResult): Promise<void> {
  for (const o of await storeItems(deps, source, chunk, result.warnings)) {
    if ('error' in o) {
      result.warnings.push(`Skipped item "${o.item.title}" (${o.item.guid ?? o.item.link ?? 'no id'}): it could not be stored (${messageOf(o.error)})`);
    } else if (o.status === 'new') {
      result.added++;
      result.newArticleIds.push(o.articleId);
    } else if (o.status === 'updated') result.updated++;
    else result.unchanged++;
  }
}

async function polled(deps: IngestDeps, feed: Feed): Promise<void> {
  if (deps.onPolled) await deps.onPolled(feed);
  else await welcomeFollowers(deps.store, deps.clock.now(), feed);
}
