import type { Store, Feed, Subscription } from '../store/index.ts';
import type { Reply } from '../reply/model.ts';

/** What a notice row carries; the sender turns it into a Reply. */
export interface NoticePayload {
  title: string;
  text: string;
}

export function isNoticePayload(p: unknown): p is NoticePayload {
  return typeof p === 'object' && p !== null && typeof (p as NoticePayload).title === 'string' && typeof (p as NoticePayload).text === 'string';
}

export function noticeReply(p: NoticePayload): Reply {
  return { kind: 'info', title: p.title, intro: p.text, sections: [], citations: [] };
}

/**
 * Tells every active channel of every server following the feed, once, that the feed was paused;
 * each server hears of it under its own source number. The dedupe key names the pause moment, so a
 * later pause of the same feed is told again.
 */
export function enqueuePauseNotices(store: Store, now: Date, feed: Feed): number {
  const name = feed.title ?? feed.url;
  let queued = 0;
  for (const follow of store.sources.followers(feed.id)) {
    const payload: NoticePayload = {
      title: `Paused source #${follow.id}: ${name}`,
      text:
        `factfeed stopped polling ${feed.url} after ${feed.consecutiveFailures} failed attempts over a day. ` +
        `Last error: ${feed.lastError ?? 'unknown'}. Once the feed works again an admin can remove it with /source remove ${follow.id} and add it again.`,
    };
    for (const sub of store.subscriptions.active(follow.tenant)) {
      const key = `pause:${follow.id}:${feed.pausedAt ?? now.toISOString()}:${sub.id}`;
      if (store.outbox.enqueue({ subscriptionId: sub.id, kind: 'notice', dedupeKey: key, payload }, now)) queued++;
    }
  }
  return queued;
}

/**
 * After a channel's subscription is switched off (the bot may no longer post there), tells the
 * tenant's other channels on the same platform once, so an admin learns why posts stopped.
 */
export function enqueueDisabledNotices(store: Store, now: Date, disabled: Subscription, reason: string): number {
  const payload: NoticePayload = {
    title: `Stopped posting to channel ${disabled.channel}`,
    text: `Deliveries to ${disabled.channel} failed permanently (${reason}). Fix the channel or the bot's permissions, then run /subscribe ${disabled.channel} again.`,
  };
  let queued = 0;
  for (const sub of store.subscriptions.active(disabled.tenant)) {
    if (sub.id === disabled.id || sub.platform !== disabled.platform) continue;
    if (store.outbox.enqueue({ subscriptionId: sub.id, kind: 'notice', dedupeKey: `disabled:${disabled.id}:${disabled.disabledAt ?? now.toISOString()}:${sub.id}`, payload }, now)) queued++;
  }
  return queued;
}
