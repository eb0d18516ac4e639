import type { Store, Subscription, Article } from '../store/index.ts';
import type { Reply, ReplyLine } from '../reply/model.ts';
import { CitationList } from '../reply/citations.ts';
import { matchesFilter } from './filters.ts';
import { notableFigures, figureLine } from './updates.ts';
import { nextFire, parseCron } from './cron.ts';

/** The window a digest covers, fixed when it is queued so a resend shows the same thing. */
export interface DigestPayload {
  since: string;
  until: string;
}

export const digestKey = (subscriptionId: number, slot: Date): string => `digest:${subscriptionId}:${slot.toISOString()}`;

const LISTED = 15;
const FIGURES = 5;

/** Articles of the feeds the tenant follows stored in (since, until] that pass the subscription's filter, oldest first. */
export async function digestArticles(store: Store, sub: Subscription, since: string, until: string): Promise<Article[]> {
  return (await store.articles.listSince(sub.tenant, since, 1000)).filter((a) => a.fetchedAt <= until && matchesFilter(sub, a.title, a.text));
}

/** The next slot after now; null (digests stop) for a schedule that no longer parses, rather than retrying every tick. */
function nextSlot(cron: string, tz: string, now: Date): Date | null {
  try {
    return nextFire(parseCron(cron), tz, now);
  } catch {
    return null;
  }
}

function windowStart(sub: Subscription): string {
  return sub.lastDigestAt ?? sub.createdAt;
}

/**
 * Queues the digest of every subscription whose slot has come. Each slot is queued in one
 * transaction with moving the subscription to its next slot, so a restart around the slot
 * neither repeats nor skips it; the dedupe key (subscription + slot) backs that up. An empty
 * period queues nothing but still moves on. After downtime spanning several slots, one digest
 * covers them all.
 */
export async function enqueueDueDigests(store: Store, now: Date): Promise<number> {
  let queued = 0;
  for (const sub of await store.subscriptions.digestsDue(now)) {
    if (!sub.digestCron || !sub.nextDigestAt) continue;
    const slot = new Date(sub.nextDigestAt);
    const since = windowStart(sub);
    const articles = await digestArticles(store, sub, since, slot.toISOString());
    const payload: DigestPayload = { since, until: slot.toISOString() };
    const row = articles.length > 0 ? { subscriptionId: sub.id, kind: 'digest' as const, dedupeKey: digestKey(sub.id, slot), payload } : undefined;
    // Only if the slot is still the one read: another process (or tick) that queued it moved it on.
    const done = await store.writes.queueDigest(sub.id, sub.nextDigestAt, row, slot, nextSlot(sub.digestCron, sub.digestTz, now), now);
    if (done?.queued) queued++;
  }
  return queued;
}

/** `/digest now`: queues a digest of everything since the last one; nothing when the period is empty. */
export async function enqueueDigestNow(store: Store, now: Date, sub: Subscription): Promise<{ queued: boolean; articles: number; since: string }> {
  const since = windowStart(sub);
  const articles = await digestArticles(store, sub, since, now.toISOString());
  if (articles.length === 0) return { queued: false, articles: 0, since };
  const payload: DigestPayload = { since, until: now.toISOString() };
  const row = { subscriptionId: sub.id, kind: 'digest' as const, dedupeKey: `${digestKey(sub.id, now)}:now`, payload };
  const done = await store.writes.queueDigest(sub.id, null, row, now, sub.nextDigestAt ? new Date(sub.nextDigestAt) : null, now);
  return { queued: done?.queued ?? false, articles: articles.length, since };
}

function formatInZone(iso: string, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** The digest post: new articles with links, then the most notable new figures. Undefined when nothing is left to show. */
export async function buildDigestReply(store: Store, sub: Subscription, payload: DigestPayload): Promise<Reply | undefined> {
  const articles = await digestArticles(store, sub, payload.since, payload.until);
  if (articles.length === 0) return undefined;
  const citations = new CitationList();
  const feedName = new Map<number, string>();
  for (const feedId of new Set(articles.map((a) => a.feedId))) {
    const f = await store.feeds.get(feedId);
    feedName.set(feedId, f?.title ?? f?.url ?? `feed #${feedId}`);
  }
  const nameOf = (feedId: number): string => feedName.get(feedId) ?? `feed #${feedId}`;
  const newestFirst = [...articles].reverse();
  const cite = (a: Article): number => citations.cite({ id: a.id, title: a.title, url: a.url, published: a.publishedAt, source: nameOf(a.feedId) });
  const articleLines: ReplyLine[] = newestFirst.slice(0, LISTED).map((a) => ({ text: `${a.title} — ${nameOf(a.feedId)}`, cites: [cite(a)] }));
  if (articles.length > LISTED) articleLines.push({ text: `…and ${articles.length - LISTED} more` });
  const byId = new Map(articles.map((a) => [a.id, a]));
  const figures = notableFigures(await store.facts.forArticles(newestFirst.map((a) => a.id), ['figure']), FIGURES);
  const figureLines: ReplyLine[] = figures.map((f) => ({ text: figureLine(f), cites: [cite(byId.get(f.articleId)!)] }));
  const n = articles.length;
  return {
    kind: 'info',
    title: `Digest: ${n} new article${n === 1 ? '' : 's'}`,
    intro: `What arrived between ${formatInZone(payload.since, sub.digestTz)} and ${formatInZone(payload.until, sub.digestTz)} (${sub.digestTz}).`,
    sections: [{ heading: 'New articles', lines: articleLines }, ...(figureLines.length > 0 ? [{ heading: 'Notable figures', lines: figureLines }] : [])],
    citations: citations.list(),
    data: { articles: articles.map((a) => a.id), since: payload.since, until: payload.until },
  };
}
