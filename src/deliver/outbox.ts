import { createHash } from 'node:crypto';
import type { Store, Source } from '../store/index.ts';
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
  const subs = store.subscriptions.active(source.tenant);
  if (subs.length === 0) return 0;
  const article = store.articles.get(articleId);
  if (!article) return 0;
  let queued = 0;
  for (const sub of subs) {
    if (!matchesFilter(sub, article.title, article.text)) continue;
    if (store.outbox.enqueue({ subscriptionId: sub.id, articleId, kind: 'update', dedupeKey: updateKey(sub.id, articleId) }, now)) queued++;
  }
  return queued;
}
