import type { Feed } from './feeds.ts';
import type { OutboxRepo, OutboxRow } from './outbox.ts';
import type { WorkQueue } from './types.ts';

/**
 * Work on SQLite: one process owns the file, so what is due is simply what the repositories list;
 * the scheduler and sender keep what they have in hand for themselves, and releasing is nothing.
 */
export class SqliteWork implements WorkQueue {
  constructor(private readonly outbox: OutboxRepo) {}

  claimDue(): undefined {
    return undefined;
  }

  claimFeeds(feeds: readonly Feed[]): Feed[] {
    return [...feeds];
  }

  releaseFeed(): void {}

  readonly renewFeedEveryMs = undefined;

  renewFeed(): boolean {
    return true;
  }

  claimDeliveries(platform: string, now: Date, limit: number): OutboxRow[] {
    return this.outbox.due(platform, now, limit);
  }

  renewDelivery(): boolean {
    return true;
  }

  releaseDelivery(): void {}
}
