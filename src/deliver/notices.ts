import type { Feed, Source, Subscription, NewOutboxRow } from '../store/index.ts';
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
 * The notices telling every active channel (`subs`) of every server following the feed that it was paused;
 * each server hears of it under its own source number. The dedupe key names the pause moment, so a
 * later pause of the same feed is told again.
 */
export function pauseNotices(feed: Feed, now: Date, channels: ReadonlyArray<{ follow: Source; subs: readonly Subscription[] }>): NewOutboxRow[] {
  const name = feed.title ?? feed.url;
  const rows: NewOutboxRow[] = [];
  for (const { follow, subs } of channels) {
    const payload: NoticePayload = {
      title: `Paused source #${follow.id}: ${name}`,
      text:
        `factfeed stopped polling ${feed.url} after ${feed.consecutiveFailures} failed attempts over a day. ` +
        `Last error: ${feed.lastError ?? 'unknown'}. Once the feed works again an admin can remove it with /source remove ${follow.id} and add it again.`,
    };
    for (const sub of subs) rows.push({ subscriptionId: sub.id, kind: 'notice', dedupeKey: `pause:${follow.id}:${feed.pausedAt ?? now.toISOString()}:${sub.id}`, payload });
  }
  return rows;
}

/**
 * After a channel's subscription is switched off (the bot may no longer post there), the notices telling
 * the tenant's other active channels (`siblings`) on the same platform, so an admin learns why posts stopped.
 */
export function disabledNotices(disabled: Subscription, reason: string, now: Date, siblings: readonly Subscription[]): NewOutboxRow[] {
  const payload: NoticePayload = {
    title: `Stopped posting to channel ${disabled.channel}`,
    text: `Deliveries to ${disabled.channel} failed permanently (${reason}). Fix the channel or the bot's permissions, then run /subscribe ${disabled.channel} again.`,
  };
  return siblings
    .filter((sub) => sub.id !== disabled.id && sub.platform === disabled.platform)
    .map((sub) => ({ subscriptionId: sub.id, kind: 'notice', dedupeKey: `disabled:${disabled.id}:${disabled.disabledAt ?? now.toISOString()}:${sub.id}`, payload }));
}
