import type { Store, Feed, Article, NewOutboxRow, Awaitable } from '../store/index.ts';
import { run, wait } from '../store/maybe-async.ts';
import { updatesFor } from './outbox.ts';

/** A new follow announces at most this many of its feed's articles (the newest); the rest stay quiet. */
export const FIRST_POLL_ANNOUNCE = 3;

/** Where a feed's new articles go: each following server's active subscriptions. */
export type Audience = ReadonlyArray<{ tenant: string; subs: Awaited<ReturnType<Store['subscriptions']['active']>> }>;

/**
 * The channels a new article of the feed goes to, read once per poll: every server that follows it
 * (its first announcements done; welcomeFollowers covers the others) with its active subscriptions.
 */
export function audienceOf(store: Store, feed: Pick<Feed, 'id'>): Awaitable<Audience> {
  return run(
    (function* () {
      const followers = (yield* wait(store.sources.followers(feed.id))).filter((f) => f.firstPollDone);
      const out: Array<Audience[number]> = [];
      for (const f of followers) {
        const subs = yield* wait(store.subscriptions.active(f.tenant));
        if (subs.length > 0) out.push({ tenant: f.tenant, subs });
      }
      return out;
    })(),
  );
}

/** The outbox rows a new article makes: one per subscription, of every server, whose filter it passes. */
export function fanOutRows(article: Pick<Article, 'id' | 'title' | 'text'>, audience: Audience): NewOutboxRow[] {
  return audience.flatMap((c) => updatesFor(article, c.subs));
}

/** Queues an already stored article for every server that follows its feed (tests, tools). */
export async function fanOutArticle(store: Store, now: Date, articleId: number, feed: Pick<Feed, 'id'>): Promise<number> {
  const audience = await audienceOf(store, feed);
  const article = audience.length > 0 ? await store.articles.get(articleId) : undefined;
  if (!article) return 0;
  let queued = 0;
  for (const row of fanOutRows(article, audience)) if (await store.outbox.enqueue(row, now)) queued++;
  return queued;
}

/**
 * After a poll, gives each follow still waiting for its first announcements the feed's newest few
 * articles, oldest of them first, and marks it done in the same transaction. That is the first-poll
 * cap per server: a feed added by one server announces its newest three there, and a server that
 * later follows a feed others already had gets the newest three too, never the back catalogue.
 */
export async function welcomeFollowers(store: Store, now: Date, feed: Pick<Feed, 'id'>): Promise<number> {
  const waiting = await store.sources.waitingFollowers(feed.id);
  if (waiting.length === 0) return 0;
  const newest = (await store.articles.newestOfFeed(feed.id, FIRST_POLL_ANNOUNCE)).reverse();
  const rows: NewOutboxRow[] = [];
  for (const follow of waiting) {
    const subs = await store.subscriptions.active(follow.tenant);
    for (const article of newest) rows.push(...updatesFor(article, subs));
  }
  return store.writes.welcomeFollowers(
    waiting.map((f) => f.id),
    rows,
    now,
  );
}
