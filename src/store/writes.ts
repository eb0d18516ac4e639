import type { Db } from './db.ts';
import type { FeedRepo, Feed } from './feeds.ts';
import type { SourceRepo } from './sources.ts';
import type { ArticleRepo } from './articles.ts';
import type { FactRepo } from './facts.ts';
import type { Subscription, SubscriptionRepo } from './subscriptions.ts';
import type { NewOutboxRow, OutboxRepo } from './outbox.ts';
import type { ArticleWrite, FailureDecision, WriteOutcome, Writes } from './types.ts';
import { isStoreFailure } from './failures.ts';

interface Repos {
  feeds: FeedRepo;
  sources: SourceRepo;
  articles: ArticleRepo;
  facts: FactRepo;
  subscriptions: SubscriptionRepo;
  outbox: OutboxRepo;
}

/** The SQLite store's transactions (types.ts says what each does); synchronous, as better-sqlite3 is. */
export class SqliteWrites implements Writes {
  constructor(
    private readonly db: Db,
    private readonly r: Repos,
  ) {}

  saveArticles(writes: readonly ArticleWrite[], now: Date): WriteOutcome[] {
    const out: WriteOutcome[] = [];
    let failure: { error: unknown } | undefined;
    // Each write in its own savepoint (a nested transaction), so a failing one rolls back alone.
    const one = this.db.transaction((w: ArticleWrite): number => this.saveOne(w, now));
    this.db.transaction(() => {
      for (const w of writes) {
        try {
          out.push({ ok: true, articleId: one(w) });
        } catch (error) {
          // The store itself failing: every later write would too. Keep what is stored so far.
          if (isStoreFailure(error)) {
            failure = { error };
            return;
          }
          out.push({ ok: false, error });
        }
      }
    })();
    if (failure !== undefined) throw failure.error;
    return out;
  }

  private saveOne(w: ArticleWrite, now: Date): number {
    if (w.kind === 'update') {
      this.r.articles.updateContent(w.id, w.content, now);
      this.r.facts.setForArticle(w.id, w.facts);
      return w.id;
    }
    const id = this.r.articles.insert(w.article, now);
    this.r.facts.setForArticle(id, w.facts);
    this.enqueueAll(w.deliveries(id), now);
    return id;
  }

  private enqueueAll(rows: readonly NewOutboxRow[], now: Date): number {
    let queued = 0;
    for (const row of rows) if (this.r.outbox.enqueue(row, now)) queued++;
    return queued;
  }

  recordPollFailure(
    feedId: number,
    now: Date,
    error: string,
    decide: (failingSince: Date) => FailureDecision,
    notices: (paused: Feed) => NewOutboxRow[],
  ): { feed: Feed; pausedNow: boolean; notified: number } {
    return this.db.transaction(() => {
      const decision = decide(this.r.feeds.startStreak(feedId, now));
      const updated = this.r.feeds.markFailure(feedId, now, error, decision.nextPollAt, decision.pause);
      if (!updated.pausedAt || updated.pauseNotified) return { feed: updated, pausedNow: false, notified: 0 };
      const notified = this.enqueueAll(notices(updated), now);
      this.r.feeds.markPauseNotified(feedId);
      return { feed: this.r.feeds.get(feedId)!, pausedNow: true, notified };
    })();
  }

  welcomeFollowers(followIds: readonly number[], rows: readonly NewOutboxRow[], now: Date): number {
    return this.db.transaction(() => {
      const queued = this.enqueueAll(rows, now);
      for (const id of followIds) this.r.sources.markFirstPollDone(id);
      return queued;
    })();
  }

  failPermanently(
    outboxId: number,
    subscriptionId: number,
    error: string,
    now: Date,
    notices: (disabled: Subscription) => NewOutboxRow[],
  ): { disabled: Subscription | undefined; notified: number } {
    return this.db.transaction(() => {
      this.r.outbox.markFailed(outboxId, error, now);
      if (!this.r.subscriptions.disable(subscriptionId, error, now)) return { disabled: undefined, notified: 0 };
      const disabled = this.r.subscriptions.get(subscriptionId)!;
      return { disabled, notified: this.enqueueAll(notices(disabled), now) };
    })();
  }

  queueDigest(subscriptionId: number, slot: string | null, row: NewOutboxRow | undefined, coveredUntil: Date, nextAt: Date | null, now: Date): { queued: boolean } | undefined {
    return this.db.transaction(() => {
      const sub = this.r.subscriptions.get(subscriptionId);
      if (!sub || (slot !== null && (sub.nextDigestAt !== slot || sub.disabledAt !== null || sub.digestCron === null))) return undefined;
      const queued = row ? this.r.outbox.enqueue(row, now) : false;
      this.r.subscriptions.markDigest(subscriptionId, coveredUntil, nextAt);
      return { queued };
    })();
  }

  /** One process owns the file, so the posts sent are all there is to count, and no lock is needed. */
  takeChannelSlot(outboxId: number, platform: string, channel: string, since: Date, now: Date, perMinute: number): boolean {
    if (this.r.outbox.sentToChannelSince(platform, channel, since).length >= perMinute) return false;
    this.r.outbox.markAttempted(outboxId, now);
    return true;
  }
}
