import { createHash } from 'node:crypto';
import type { Store, Source, Article, Subscription } from '../store/index.ts';
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
 * passes. Call inside the transaction that stores the article, so both commit or neither does.
 */
export function enqueueArticleUpdates(store: Store, now: Date, articleId: number, source: Pick<Source, 'tenant'>): number {
  const article = store.articles.get(articleId);
  return article ? enqueueUpdatesFor(store, now, article, source.tenant) : 0;
}

/**
 * The same for an article already read, so fanning one article out to many servers reads it once;
 * `subs` when the caller already has the tenant's active subscriptions.
 */
export function enqueueUpdatesFor(
  store: Store,
  now: Date,
  article: Pick<Article, 'id' | 'title' | 'text'>,
  tenant: string,
  subs: readonly Subscription[] = store.subscriptions.active(tenant),
): number {
  let queued = 0;
  for (const sub of subs) {
    if (!matchesFilter(sub, article.title, article.text)) continue;
    if (store.outbox.enqueue({ subscriptionId: sub.id, articleId: article.id, kind: 'update', dedupeKey: updateKey(sub.id, article.id) }, now)) queued++;
  }
  return queued;
}
