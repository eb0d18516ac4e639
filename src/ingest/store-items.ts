import type { Store, SqliteStore, Feed, Article, ArticleWrite, Awaitable } from '../store/index.ts';
import type { Clock } from '../clock.ts';
import type { Extraction, ArticleInput } from '../extract/types.ts';
import { extractFacts } from '../extract/index.ts';
import { articleTopics } from '../extract/topics.ts';
import type { FeedItem } from './types.ts';
import { keysOfItem, type ItemKeys } from './item-keys.ts';
import { audienceOf, fanOutRows, type Audience } from '../deliver/fanout.ts';
import { run, wait, type Steps } from '../store/maybe-async.ts';
import type { ExtractPool } from './extract-pool.ts';
import { aheadExtraction, inputOf, type ExtractedAhead } from './extract-ahead.ts';

export type StoreStatus = 'new' | 'updated' | 'unchanged';

/** What storing items needs (IngestDeps has it). */
export interface StoreItemsDeps {
  store: Store;
  clock: Clock;
  timeZone?: string;
  extract?: (input: ArticleInput) => Extraction;
  /** Extraction threads: when present (and `extract` is not), a poll extracts its articles there (extract-ahead.ts). */
  extractor?: ExtractPool | undefined;
  /**
   * Called inside the transaction that stores a new article, so what it does commits or rolls back
   * with the article; it cannot wait (on PostgreSQL the transaction belongs to the store). Without
   * it, a new article is queued in that transaction for every matching subscription of every server
   * following the feed; pass a no-op to store without announcing.
   */
  onNewArticle?: ((articleId: number, feed: Feed) => void) | undefined;
}

/** An item to store; `ahead` is its extraction when the threads already made it. */
export type StorableItem = FeedItem & { fullTextFetched?: boolean; ahead?: ExtractedAhead };

/** How one item of a chunk turned out. */
export type ItemOutcome = { item: StorableItem; status: StoreStatus; articleId: number } | { item: StorableItem; error: unknown };

interface Planned {
  item: StorableItem;
  keys: ItemKeys;
  status: StoreStatus;
  articleId: number;
  write?: ArticleWrite;
}

/**
 * Stores a chunk of a feed's items, oldest first: what is new or changed is extracted, then written
 * in one store transaction (store.writes.saveArticles), where each item succeeds or fails alone. An
 * item that re-appears within the chunk (same guid, link or text) waits for the ones before it to
 * be stored, so it is recognised as the article they stored. A failure of the store itself throws.
 */
export function storeItems(deps: StoreItemsDeps, source: Feed, chunk: readonly StorableItem[], warnings: string[]): Awaitable<ItemOutcome[]> {
  return run(storeSteps(deps, source, chunk, warnings));
}

function* storeSteps(deps: StoreItemsDeps, source: Feed, chunk: readonly StorableItem[], warnings: string[]): Steps<ItemOutcome[]> {
  const audience: Audience = deps.onNewArticle ? [] : yield* wait(audienceOf(deps.store, source));
  const out: ItemOutcome[] = [];
  let pending: Planned[] = [];
  function* flush(): Steps<void> {
    const written = pending.filter((p) => p.write);
    const results = written.length > 0 ? yield* wait(deps.store.writes.saveArticles(written.map((p) => p.write!), deps.clock.now())) : [];
    const byPlan = new Map(written.map((p, i) => [p, results[i]]));
    for (const p of pending) {
      const r = byPlan.get(p);
      if (!p.write) out.push({ item: p.item, status: p.status, articleId: p.articleId });
      else if (r?.ok) out.push({ item: p.item, status: p.status, articleId: r.articleId });
      else out.push({ item: p.item, error: r ? r.error : new Error('not stored') });
    }
    pending = [];
  }
  for (const item of chunk) {
    const keys = keysOfItem(item);
    if (pending.some((p) => p.write && sameItem(p.keys, keys))) yield* flush();
    const existing = yield* wait(deps.store.articles.findExisting(source.id, keys));
    pending.push(plan(deps, source, item, keys, existing, audience, warnings));
  }
  yield* flush();
  return out;
}

const sameItem = (a: ItemKeys, b: ItemKeys): boolean =>
  (a.guid !== null && a.guid === b.guid) || (a.urlNorm !== null && a.urlNorm === b.urlNorm) || (a.titleHash === b.titleHash && a.contentHash === b.contentHash);

/** What storing one item takes: nothing (unchanged), an update with its facts re-extracted, or a new article. */
function plan(deps: StoreItemsDeps, source: Feed, item: StorableItem, keys: ItemKeys, existing: Article | undefined, audience: Audience, warnings: string[]): Planned {
  const extract = safeExtractor(item.ahead ? aheadExtraction(item.ahead) : (deps.extract ?? extractFacts), item, warnings);
  const input = item.ahead?.input ?? inputOf(deps.timeZone, item, deps.clock.now());
  const published = input.published;
  if (existing) {
    if (existing.contentHash === keys.contentHash && existing.title === item.title) return { item, keys, status: 'unchanged', articleId: existing.id };
    const extraction = extract(input);
    const content = { title: item.title, text: item.text, teaser: item.isTeaser ? item.text : existing.teaser, contentHash: keys.contentHash, topics: topicsOf(extraction, item) };
    return { item, keys, status: 'updated', articleId: existing.id, write: { kind: 'update', id: existing.id, content, facts: extraction.facts } };
  }
  const extraction = extract(input);
  const article = {
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
  };
  const hook = deps.onNewArticle;
  const deliveries = hook
    ? (id: number) => {
        hook(id, source);
        return [];
      }
    : (id: number) => fanOutRows({ id, title: article.title, text: article.text }, audience);
  return { item, keys, status: 'new', articleId: 0, write: { kind: 'new', article, facts: extraction.facts, deliveries } };
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

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function topicsOf(extraction: Extraction, item: FeedItem): string[] {
  return extraction.topics.length > 0 ? extraction.topics : articleTopics(item.title, item.text);
}

/** Stores one item of a feed (new, updated or unchanged); throws what kept it out. Synchronous on SQLite. */
export function storeItem(deps: StoreItemsDeps & { store: SqliteStore }, source: Feed, item: StorableItem, warnings?: string[]): { status: StoreStatus; articleId: number };
export function storeItem(deps: StoreItemsDeps, source: Feed, item: StorableItem, warnings?: string[]): Awaitable<{ status: StoreStatus; articleId: number }>;
export function storeItem(deps: StoreItemsDeps, source: Feed, item: StorableItem, warnings: string[] = []): Awaitable<{ status: StoreStatus; articleId: number }> {
  return run(
    (function* () {
      const [outcome] = yield* wait(storeItems(deps, source, [item], warnings));
      if (!outcome || 'error' in outcome) throw outcome?.error ?? new Error(`item "${item.title}" was not stored`);
      return { status: outcome.status, articleId: outcome.articleId };
    })(),
  );
}
