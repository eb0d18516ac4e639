import { createHash } from 'node:crypto';
import type { Store, SqliteStore, Awaitable, Source, Article, Subscription, NewOutboxRow } from '../store/index.ts';
import { run, wait } from '../store/maybe-async.ts';
import { matchesFilter } from './filters.ts';

/**
 * A stable nonce from a dedupe key: the same delivery resent after a crash carries the same
 * nonce, so a platform that honours nonces (Discord's enforce_nonce) drops the second copy.
 * 25 characters, Discord's limit.
 */
export function nonceFor(dedupeKey: string): string {
  return 'ff' + createHash('sha256').update(dedupeKey).digest('base64url').slice(0, 23);
}

export const updateKey = (subscriptionId: number, articleId: number): string => `update:${subscriptionId}:${articleId}`;

/**
 * Queues one update per active subscription of the source's tenant whose filter the article
 * passes (tests and tools; a poll queues its articles' updates in the transaction that stores them).
 */
export function enqueueArticleUpdates(store: SqliteStore, now: Date, articleId: number, source: Pick<Source, 'tenant'>): number;
export function enqueueArticleUpdates(store: Store, now: Date, articleId: number, source: Pick<Source, 'tenant'>): Awaitable<number>;
export function enqueueArticleUpdates(store: Store, now: Date, articleId: number, source: Pick<Source, 'tenant'>): Awaitable<number> {
  return run(
    (function* () {
      const article = yield* wait(store.articles.get(articleId));
      if (!article) return 0;
      let queued = 0;
      for (const row of updatesFor(article, yield* wait(store.subscriptions.active(source.tenant)))) if (yield* wait(store.outbox.enqueue(row, now))) queued++;
      return queued;
    })(),
  );
}

/** The update rows an article makes: one per subscription whose filter it passes. */
export function updatesFor(article: Pick<Article, 'id' | 'title' | 'text'>, subs: readonly Subscription[]): NewOutboxRow[] {
  return subs
    .filter((sub) => matchesFilter(sub, article.title, article.text))
    .map((sub) => ({ subscriptionId: sub.id, articleId: article.id, kind: 'update', dedupeKey: updateKey(sub.id, article.id) }));
}
