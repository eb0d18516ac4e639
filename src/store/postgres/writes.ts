import type { Feed } from '../feeds.ts';
import type { Subscription } from '../subscriptions.ts';
import type { NewOutboxRow } from '../outbox.ts';
import type { ArticleWrite, FailureDecision, WriteOutcome, Writes } from '../types.ts';
import { PgFeeds } from './feeds.ts';
import { PgArticles } from './articles.ts';
import { PgFacts } from './facts.ts';
import { PgSubscriptions, PgOutbox } from './subscriptions.ts';
import { enqueueDelivery } from './outbox.ts';
import type { InTransaction } from './sources.ts';
import { one, type Queryable } from './query.ts';

/** The store's transactions on PostgreSQL (types.ts says what each does), each on one connection. */
export class PgWrites implements Writes {
  constructor(private readonly tx: InTransaction) {}

  saveArticles(writes: readonly ArticleWrite[], now: Date): Promise<WriteOutcome[]> {
    return this.tx(async (db) => {
      const out: WriteOutcome[] = [];
      for (const w of writes) {
        // A savepoint per write, so one that fails (a constraint, bad text) rolls back alone.
        await db.query('SAVEPOINT item');
        try {
          out.push({ ok: true, articleId: await saveOne(db, w, now) });
          await db.query('RELEASE SAVEPOINT item');
        } catch (error) {
          await db.query('ROLLBACK TO SAVEPOINT item');
          out.push({ ok: false, error });
        }
      }
      return out;
    });
  }

  recordPollFailure(
    feedId: number,
    now: Date,
    error: string,
    decide: (failingSince: Date) => FailureDecision,
    notices: (paused: Feed) => NewOutboxRow[],
  ): Promise<{ feed: Feed; pausedNow: boolean; notified: number }> {
    return this.tx(async (db) => {
      const feeds = new PgFeeds(db);
      const decision = decide(await feeds.startStreak(feedId, now));
      const updated = await feeds.markFailure(feedId, now, error, decision.nextPollAt, decision.pause);
      if (!updated.pausedAt || updated.pauseNotified) return { feed: updated, pausedNow: false, notified: 0 };
      const notified = await enqueueAll(db, notices(updated), now);
      await feeds.markPauseNotified(feedId);
      return { feed: (await feeds.get(feedId))!, pausedNow: true, notified };
    });
  }

  welcomeFollowers(followIds: readonly number[], rows: readonly NewOutboxRow[], now: Date): Promise<number> {
    return this.tx(async (db) => {
      const queued = await enqueueAll(db, rows, now);
      await db.query('UPDATE sources SET first_poll_done = true WHERE id = ANY($1::bigint[])', [followIds]);
      return queued;
    });
  }

  failPermanently(
    outboxId: number,
    subscriptionId: number,
    error: string,
    now: Date,
    notices: (disabled: Subscription) => NewOutboxRow[],
  ): Promise<{ disabled: Subscription | undefined; notified: number }> {
    return this.tx(async (db) => {
      const subs = new PgSubscriptions(db);
      await new PgOutbox(db).markFailed(outboxId, error, now);
      if (!(await subs.disable(subscriptionId, error, now))) return { disabled: undefined, notified: 0 };
      const disabled = (await subs.get(subscriptionId))!;
      return { disabled, notified: await enqueueAll(db, notices(disabled), now) };
    });
  }

  queueDigest(subscriptionId: number, slot: string | null, row: NewOutboxRow | undefined, coveredUntil: Date, nextAt: Date | null, now: Date): Promise<{ queued: boolean } | undefined> {
    return this.tx(async (db) => {
      // Compare-and-set on the slot: of several processes reaching it, the one whose update moves it
      // queues the digest; the others' updates wait on the row lock, then find it moved and do nothing.
      const moved = await db.query(
        `UPDATE subscriptions SET last_digest_at = $2, next_digest_at = $3
         WHERE id = $1 AND ($4::timestamptz IS NULL OR (next_digest_at = $4 AND disabled_at IS NULL AND digest_cron IS NOT NULL))`,
        [subscriptionId, coveredUntil.toISOString(), nextAt?.toISOString() ?? null, slot],
      );
      if (moved.rowCount !== 1) return undefined;
      return { queued: row ? await enqueueDelivery(db, row, now) : false };
    });
  }

  takeChannelSlot(outboxId: number, platform: string, channel: string, since: Date, now: Date, perMinute: number): Promise<boolean> {
    return this.tx(async (db) => {
      // One process at a time counts a channel's posts and takes a slot; the lock ends with the transaction.
      await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`factfeed pacing ${platform} ${channel}`]);
      // A post in flight is one another process holds (its claim's lease still running) and
      // recorded an attempt at since the window opened, not yet sent or given up.
      const taken = await one<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
         WHERE s.platform = $1 AND s.channel = $2 AND o.id <> $3
           AND (o.sent_at > $4 OR (o.sent_at IS NULL AND o.failed_at IS NULL AND o.attempted_at > $4 AND o.lease_until > now()))`,
        [platform, channel, outboxId, since.toISOString()],
      );
      if (taken!.n >= perMinute) return false;
      await db.query('UPDATE outbox SET attempted_at = $2 WHERE id = $1', [outboxId, now.toISOString()]);
      return true;
    });
  }
}

async function saveOne(db: Queryable, w: ArticleWrite, now: Date): Promise<number> {
  const articles = new PgArticles(db);
  const facts = new PgFacts(db);
  if (w.kind === 'update') {
    await articles.updateContent(w.id, w.content, now);
    await facts.setForArticle(w.id, w.facts);
    return w.id;
  }
  const id = await articles.insert(w.article, now);
  await facts.setForArticle(id, w.facts);
  await enqueueAll(db, w.deliveries(id), now);
  return id;
}

async function enqueueAll(db: Queryable, rows: readonly NewOutboxRow[], now: Date): Promise<number> {
  let queued = 0;
  for (const row of rows) if (await enqueueDelivery(db, row, now)) queued++;
  return queued;
}
