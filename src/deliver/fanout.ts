import type { Store, Feed } from '../store/index.ts';
import { enqueueUpdatesFor } from './outbox.ts';

/** A new follow announces at most this many of its feed's articles (the newest); the rest stay quiet. */
export const FIRST_POLL_ANNOUNCE = 3;

/**
 * Queues a new article of a shared feed for every server that follows it: each of their matching
 * subscriptions gets its own outbox row. Call inside the transaction that stores the article. A
 * follow whose first announcements are still to come is skipped here; welcomeFollowers covers it.
 */
export function fanOutArticle(store: Store, now: Date, articleId: number, feed: Pick<Feed, 'id'>): number {
  // Most stored articles go to no channel at all; only then is the article itself read.
  const channels = store.sources
    .followers(feed.id)
    .filter((f) => f.firstPollDone)
    .map((f) => ({ tenant: f.tenant, subs: store.subscriptions.active(f.tenant) }))
    .filter((c) => c.subs.length > 0);
  const article = channels.length > 0 ? store.articles.get(articleId) : undefined;
  if (!article) return 0;
  let queued = 0;
  for (const c of channels) queued += enqueueUpdatesFor(store, now, article, c.tenant, c.subs);
  return queued;
}

/**
 * After a poll, gives each follow still waiting for its first announcements the feed's newest few
 * articles, oldest of them first, and marks it done in the same transaction. That is the first-poll
 * cap per server: a feed added by one server announces its newest three there, and a server that
 * later follows a feed others already had gets the newest three too, never the back catalogue.
 */
export function welcomeFollowers(store: Store, now: Date, feed: Pick<Feed, 'id'>): number {
  const waiting = store.sources.waitingFollowers(feed.id);
  if (waiting.length === 0) return 0;
  const newest = store.articles.newestOfFeed(feed.id, FIRST_POLL_ANNOUNCE).reverse();
  return store.tx(() => {
    let queued = 0;
    for (const follow of waiting) {
      for (const article of newest) queued += enqueueUpdatesFor(store, now, article, follow.tenant);
      store.sources.markFirstPollDone(follow.id);
    }
    return queued;
  });
}
