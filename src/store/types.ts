import type { Fact } from '../extract/types.ts';
import type { Feed, FeedRepo } from './feeds.ts';
import type { SourceRepo } from './sources.ts';
import type { ArticleRepo, NewArticle } from './articles.ts';
import type { FactRepo, FactRow, FigureFilter } from './facts.ts';
import type { SettingsRepo } from './settings.ts';
import type { Subscription, SubscriptionRepo } from './subscriptions.ts';
import type { NewOutboxRow, OutboxRepo, OutboxRow } from './outbox.ts';
import type { ArticleHit } from './tenant-search.ts';
import type { MatchQuery } from './match.ts';

/** A value now (SQLite answers synchronously) or later (PostgreSQL); callers always await it. */
export type Awaitable<T> = T | Promise<T>;

/**
 * A repository as the rest of factfeed sees it: the SQLite repository's methods, each of which may
 * answer later. SQLite's classes satisfy it as they are, so its hot paths pay no promise per call;
 * PostgreSQL's implement it with promises.
 */
export type Repo<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Awaitable<R> : T[K] };

/** One answer's searches for one tenant (see tenant-search.ts). */
export interface TenantSearchApi {
  recentFigures(match: MatchQuery, limit: number, filter?: FigureFilter): Awaitable<FactRow[]>;
  recentTitleFigures(match: MatchQuery, articleLimit: number): Awaitable<FactRow[]>;
  recentArticles(match: MatchQuery, limit: number): Awaitable<ArticleHit[]>;
}

export interface SearchApi {
  forTenant(tenant: string): TenantSearchApi;
  /** The tenant's most frequent recent article topics containing `typed` (autocomplete). */
  topicCounts(tenant: string, recent: number): Awaitable<Map<string, number>>;
}

/** What a poll stores for one item; see Writes.saveArticles. */
export type ArticleWrite =
  | { kind: 'new'; article: NewArticle; facts: readonly Fact[]; deliveries: (articleId: number) => NewOutboxRow[] }
  | { kind: 'update'; id: number; content: { title: string; text: string; teaser: string | null; contentHash: string; topics: string[] }; facts: readonly Fact[] };

/** Each write's outcome: its article id, or the error that kept it out (the others were stored). */
export type WriteOutcome = { ok: true; articleId: number } | { ok: false; error: unknown };

/** What a failed poll decides once it knows when the failure streak began. */
export interface FailureDecision {
  nextPollAt: Date | null;
  pause: boolean;
}

/**
 * The writes that must happen together, each run by the store as one transaction. They take plain
 * functions for the decisions made inside (which deliveries an article makes, when to poll again),
 * so neither store needs a transaction that spans the caller's code.
 */
export interface Writes {
  /**
   * Stores a poll's items together (one commit, so SQLite flushes its full-text index once), each
   * on its own: one that fails is rolled back alone and reported. A failure of the store itself
   * stops there, keeping the items before it, and is thrown.
   */
  saveArticles(writes: readonly ArticleWrite[], now: Date): Awaitable<WriteOutcome[]>;
  /** Records a failed poll: the streak, the decision, and when it pauses the feed, its notices (once). */
  recordPollFailure(
    feedId: number,
    now: Date,
    error: string,
    decide: (failingSince: Date) => FailureDecision,
    notices: (paused: Feed) => NewOutboxRow[],
  ): Awaitable<{ feed: Feed; pausedNow: boolean; notified: number }>;
  /** Queues a follow's first announcements and marks each follow done. */
  welcomeFollowers(followIds: readonly number[], rows: readonly NewOutboxRow[], now: Date): Awaitable<number>;
  /** Gives up on a delivery for good and switches its subscription off, telling its other channels (once). */
  failPermanently(outboxId: number, subscriptionId: number, error: string, now: Date, notices: (disabled: Subscription) => NewOutboxRow[]): Awaitable<{ disabled: Subscription | undefined; notified: number }>;
  /**
   * Moves a subscription's digest window on to `coveredUntil` (and its next slot to `nextAt`) and
   * queues `row` with it, only if its next slot is still `slot` (null: whatever it is), so a slot is
   * queued once however many processes reach it. Undefined when another got there first.
   */
  queueDigest(subscriptionId: number, slot: string | null, row: NewOutboxRow | undefined, coveredUntil: Date, nextAt: Date | null, now: Date): Awaitable<{ queued: boolean } | undefined>;
  /**
   * Takes one of a channel's `perMinute` posts since `since` for delivery `outboxId` and records
   * its attempt at `now` (before it goes out, see the sender), or takes nothing and says so when
   * the channel has used them all. Posts sent count, and so do posts another process has taken
   * a slot for and is sending now: two processes cannot both take a channel's last slot.
   */
  takeChannelSlot(outboxId: number, platform: string, channel: string, since: Date, now: Date, perMinute: number): Awaitable<boolean>;
}

/**
 * Work that several processes on one database share, each piece done by one of them: due feed polls
 * and due deliveries. On SQLite one process owns the file and holds everything it lists.
 */
export interface WorkQueue {
  /**
   * Up to `limit` due feeds (unpaused, followed, by dueAt()), most overdue first, now held by this
   * process, none of `skip`. Undefined where the store leaves picking to the scheduler (SQLite: it
   * lists the feeds and picks in memory, which is cheapest for one process owning the file).
   */
  claimDue(now: Date, limit: number, skip: readonly number[]): Awaitable<Feed[] | undefined>;
  /** Of the feeds the scheduler picked as due, those this process now holds; the others are someone else's. */
  claimFeeds(due: readonly Feed[], now: Date): Awaitable<Feed[]>;
  /** Lets go of a feed once its poll is recorded. */
  releaseFeed(id: number): Awaitable<void>;
  /** How often a poll still running must renew its feed's claim; undefined where claims never run out (SQLite). */
  readonly renewFeedEveryMs: number | undefined;
  /** Keeps a feed this process is polling for another lease; false when it had lost it to another process. */
  renewFeed(id: number): Awaitable<boolean>;
  /** Up to `limit` deliveries of the platform due by `now`, oldest first, held by this process. */
  claimDeliveries(platform: string, now: Date, limit: number): Awaitable<OutboxRow[]>;
  /**
   * Keeps a delivery held for another lease right before it is sent; false when another process
   * took it after this one's lease ran out (a long drain), so this one must not send it.
   */
  renewDelivery(id: number): Awaitable<boolean>;
  /** Lets go of a delivery once it is sent, retried, failed or left for later. */
  releaseDelivery(id: number): Awaitable<void>;
}

/** The one handle the rest of factfeed gets: repositories over SQLite or PostgreSQL. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the store lives, for messages: the SQLite file, or the PostgreSQL URL without its password. */
  readonly path: string;
  feeds: Repo<FeedRepo>;
  sources: Repo<SourceRepo>;
  articles: Repo<ArticleRepo>;
  facts: Repo<FactRepo>;
  settings: Repo<SettingsRepo>;
  subscriptions: Repo<SubscriptionRepo>;
  outbox: Repo<OutboxRepo>;
  search: SearchApi;
  writes: Writes;
  work: WorkQueue;
  close(): Awaitable<void>;
}
