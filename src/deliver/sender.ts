import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Store, OutboxRow } from '../store/index.ts';
import type { Reply } from '../reply/model.ts';
import type { Delivery, DeliverySink, SendResult } from './types.ts';
import { buildUpdateReply } from './updates.ts';
import { buildDigestReply, type DigestPayload } from './digests.ts';
import { isNoticePayload, noticeReply, disabledNotices } from './notices.ts';
import { nonceFor } from './outbox.ts';
import { takeChannelSlot, retryDelayMs, MAX_ATTEMPTS } from './pacing.ts';

export interface SenderDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  sink: DeliverySink;
  /** Most posts per channel in any minute. */
  postsPerMinute: number;
  /** Testing only: wait this long before each send, to widen the window a crash test aims at. */
  sendDelayMs?: number | undefined;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** Left for a later drain because their channel had used its posts for this minute. */
  paced: number;
}

export interface Sender {
  /** Sends every due delivery that pacing allows; one drain at a time (a second call waits for the first). */
  drain(): Promise<DrainResult>;
  /** Drains every `everyMs` until stopped. */
  start(everyMs?: number): void;
  /** Stops the loop and waits for the send in flight, if any; no new send starts. */
  stop(): Promise<void>;
}

/** The message for a row, built now from the store; undefined when what it announces is gone. */
export async function replyFor(store: Store, row: OutboxRow): Promise<Reply | undefined> {
  if (row.kind === 'update') return row.articleId === null ? undefined : buildUpdateReply(store, row.articleId);
  if (row.kind === 'notice') return isNoticePayload(row.payload) ? noticeReply(row.payload) : undefined;
  const sub = await store.subscriptions.get(row.subscriptionId);
  const p = row.payload as DigestPayload | null;
  return sub && p?.since && p.until ? buildDigestReply(store, sub, p) : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Drains the outbox through a platform's sink. Each row is marked sent in its own transaction
 * right after the sink accepts it, so a crash loses nothing and can at worst resend the one
 * message in flight — which carries the same nonce, for platforms that drop repeats. Each attempt
 * is recorded first, so a resend after the platform's nonce window asks the sink to look first.
 */
export function createSender(deps: SenderDeps): Sender {
  const { store, clock, log, sink } = deps;
  let current: Promise<DrainResult> | undefined;
  let stopping = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function sendOne(row: OutboxRow, reply: Reply): Promise<SendResult> {
    const now = clock.now();
    const window = sink.nonceWindowMs;
    const lookFirst = window !== undefined && row.attemptedAt !== null && now.getTime() - Date.parse(row.attemptedAt) > window;
    const delivery: Delivery = { id: row.id, subscriptionId: row.subscriptionId, tenant: row.tenant, platform: row.platform, channel: row.channel, kind: row.kind, reply, nonce: nonceFor(row.dedupeKey), lookFirst };
    try {
      return await sink.send(delivery);
    } catch (err) {
      return { ok: false, permanent: false, error: `sink ${sink.platform} threw for channel ${row.channel}: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  async function onFailure(row: OutboxRow, result: Extract<SendResult, { ok: false }>, out: DrainResult): Promise<void> {
    const now = clock.now();
    if (result.permanent) {
      const siblings = await store.subscriptions.active(row.tenant);
      const { disabled, notified } = await store.writes.failPermanently(row.id, row.subscriptionId, result.error, now, (sub) => disabledNotices(sub, result.error, now, siblings));
      if (disabled) log.warn('switched off a subscription after a permanent delivery failure', { subscription: disabled.id, channel: disabled.channel, notices: notified, error: result.error });
      out.failed++;
    } else if (row.attempts + 1 >= MAX_ATTEMPTS) {
      await store.outbox.markFailed(row.id, result.error, now);
      log.error('gave up on a delivery after repeated failures', { delivery: row.id, channel: row.channel, attempts: row.attempts + 1, error: result.error });
      out.failed++;
    } else {
      await store.outbox.markRetry(row.id, result.error, new Date(now.getTime() + retryDelayMs(row.attempts + 1, result.retryAfterMs)));
      log.warn('delivery failed; will retry', { delivery: row.id, channel: row.channel, attempts: row.attempts + 1, error: result.error });
      out.retried++;
    }
  }

  async function drainOnce(): Promise<DrainResult> {
    const out: DrainResult = { sent: 0, retried: 0, failed: 0, paced: 0 };
    const full = new Set<string>();
    // Held by this process while it works through them: another process on the same database
    // (PostgreSQL) takes other rows, never these, unless this one dies and its lease runs out.
    const rows = await store.work.claimDeliveries(sink.platform, clock.now(), 100);
    try {
      await sendAll(rows, out, full);
    } finally {
      for (const row of rows) await store.work.releaseDelivery(row.id);
    }
    return out;
  }

  async function sendAll(rows: readonly OutboxRow[], out: DrainResult, full: Set<string>): Promise<void> {
    for (const row of rows) {
      if (stopping) break;
      // Once a channel is out of budget, its later rows wait too, so posts keep their order.
      if (full.has(row.channel)) {
        out.paced++;
        continue;
      }
      if ((await store.subscriptions.get(row.subscriptionId))?.disabledAt) continue;
      const reply = await replyFor(store, row);
      if (!reply) {
        await store.outbox.markFailed(row.id, `nothing to send: the ${row.kind} content is no longer stored`, clock.now());
        out.failed++;
        continue;
      }
      if (deps.sendDelayMs) {
        await sleep(deps.sendDelayMs);
        if (stopping) break;
      }
      // A drain of many rows can outlast its lease, and another process may have taken this row since:
      // hold it for another lease before sending, or leave it to whoever holds it now.
      if (!(await store.work.renewDelivery(row.id))) {
        log.warn('another process took a delivery this one had held too long; leaving it to them', { delivery: row.id, channel: row.channel });
        continue;
      }
      // The slot's attempt is committed before the platform sees anything: after a crash the row
      // says it may have gone out, and when; and another process counts it against the channel.
      if (!(await takeChannelSlot(store, row, clock.now(), deps.postsPerMinute))) {
        full.add(row.channel);
        out.paced++;
        continue;
      }
      const result = await sendOne(row, reply);
      if (result.ok) {
        await store.outbox.markSent(row.id, clock.now());
        out.sent++;
      } else await onFailure(row, result, out);
    }
  }

  const drain = async (): Promise<DrainResult> => {
    while (current) await current.catch(() => undefined);
    current = drainOnce();
    try {
      return await current;
    } finally {
      current = undefined;
    }
  };

  return {
    drain,
    start(everyMs = 2000) {
      stopping = false;
      const loop = async (): Promise<void> => {
        try {
          await drain();
        } catch (err) {
          log.error('outbox drain failed', { platform: sink.platform, error: err instanceof Error ? err.message : String(err) });
        }
        if (!stopping) timer = setTimeout(() => void loop(), everyMs);
      };
      timer = setTimeout(() => void loop(), 0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}
