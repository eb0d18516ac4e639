import { describe, it, expect } from 'vitest';
import { storeItem } from '../../src/ingest/pipeline.ts';
import { createScheduler } from '../../src/deliver/scheduler.ts';
import { createSender } from '../../src/deliver/sender.ts';
import { nextFire, parseCron, validateDigestSchedule } from '../../src/deliver/cron.ts';
import { enqueueDigestNow } from '../../src/deliver/digests.ts';
import { useApp, recordingSink, type TestApp } from './helpers.ts';

const app = useApp();

describe('digest schedule instants', () => {
  const nine = parseCron('0 9 * * *');
  it.each([
    ['the day before spring-forward (UTC+2)', '2025-03-28T12:00:00Z', '2025-03-29T07:00:00.000Z'],
    ['the morning after spring-forward (UTC+3)', '2025-03-29T12:00:00Z', '2025-03-30T06:00:00.000Z'],
    ['the last summer-time morning', '2025-10-25T00:00:00Z', '2025-10-25T06:00:00.000Z'],
    ['the morning after fall-back (UTC+2)', '2025-10-25T12:00:00Z', '2025-10-26T07:00:00.000Z'],
  ])('fires 09:00 Europe/Kyiv at the right UTC instant on %s', (_label, after, expected) => {
    expect(nextFire(nine, 'Europe/Kyiv', new Date(after))?.toISOString()).toBe(expected);
  });

  it('fires a skipped wall time when the clock jumps past it, and a repeated one only the first time', () => {
    const half3 = parseCron('30 3 * * *');
    expect(nextFire(half3, 'Europe/Kyiv', new Date('2025-03-29T12:00:00Z'))?.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(nextFire(half3, 'Europe/Kyiv', new Date('2025-10-25T12:00:00Z'))?.toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(nextFire(half3, 'Europe/Kyiv', new Date('2025-10-26T00:30:00Z'))?.toISOString()).toBe('2025-10-27T01:30:00.000Z');
  });

  it('treats restricted day-of-month and day-of-week as either-or, like cron', () => {
    // 1 March 2025 is a Saturday: it matches the day of month, not Monday.
    const s = parseCron('0 9 1 * mon');
    expect(nextFire(s, 'UTC', new Date('2025-02-28T12:00:00Z'))?.toISOString()).toBe('2025-03-01T09:00:00.000Z');
    expect(nextFire(s, 'UTC', new Date('2025-03-01T12:00:00Z'))?.toISOString()).toBe('2025-03-03T09:00:00.000Z');
  });

  it.each([
    ['0 9 * *', 'UTC', /needs 5/],
    ['0 0 9 * * *', 'UTC', /needs 5/],
    ['61 9 * * *', 'UTC', /not a valid cron expression.*minute/],
    ['0 9 * * *', 'Mars/Olympus', /not a time zone/],
    ['*/30 * * * *', 'UTC', /more than once an hour/],
  ])('rejects "%s" in %s with a clear message', (cron, tz, message) => {
    expect(() => validateDigestSchedule(cron, tz, new Date('2025-03-10T00:00:00Z'))).toThrow(message);
  });
});

function seed(a: TestApp) {
  const { store, clock } = a.services;
  const source = store.sources.add({ tenant: 't1', url: 'https://wire.example.org/feed', kind: 'url', title: 'Wire' }, clock.now());
  const sub = store.subscriptions.upsert({ tenant: 't1', platform: 'console', channel: 'news', exclude: ['weather'] }, clock.now()).subscription;
  store.subscriptions.setDigest(sub.id, '0 9 * * *', 'Europe/Kyiv', nextFire(parseCron('0 9 * * *'), 'Europe/Kyiv', clock.now()), clock.now());
  let n = 0;
  const add = (title: string, text: string) =>
    storeItem({ ...a.services, onNewArticle: () => undefined }, store.feeds.get(source.feedId)!, {
      guid: `g${++n}`,
      link: `https://wire.example.org/${n}`,
      title,
      text,
      published: clock.now(),
      isTeaser: false,
    });
  return { sub, add };
}

const tickAt = async (a: TestApp, iso: string) => {
  a.clock.set(iso);
  const t = createScheduler({ ...a.services, concurrency: 1, poll: () => Promise.reject(new Error('no sources here')) }).tick();
  await (await t).done;
  return (await t).digests;
};

describe('digests', () => {
  it('sends one digest per slot even when the bot restarts around it, and nothing for an empty period', async () => {
    const a = app('2025-03-29T05:00:00Z');
    const { sub, add } = seed(a);
    a.clock.set('2025-03-29T06:10:00Z');
    add('Swap returns 150 prisoners of war', 'Ukraine said 150 prisoners of war came home on Saturday in the latest exchange.');
    add('Weather: rain at last', 'Forecasters expect 12 mm of rain.');
    expect(await tickAt(a, '2025-03-29T06:59:59Z')).toBe(0);
    expect(await tickAt(a, '2025-03-29T07:00:05Z')).toBe(1);

    // The process dies before sending; the restarted one finds the slot done and the row pending.
    const b = a.reopen();
    expect(await tickAt(b, '2025-03-29T07:00:30Z')).toBe(0);
    const sink = recordingSink();
    await createSender({ ...b.services, sink, postsPerMinute: 5 }).drain();
    expect(sink.sent.map((d) => d.kind)).toEqual(['digest']);
    const digest = sink.sent[0]!.reply;
    expect(digest.title).toBe('Digest: 1 new article');
    expect(digest.sections[0]!.lines[0]!.text).toBe('Swap returns 150 prisoners of war — Wire');
    expect(digest.citations[0]!.url).toBe('https://wire.example.org/1');
    expect(digest.sections.find((s) => s.heading === 'Notable figures')?.lines.map((l) => l.text).join(' ')).toMatch(/150/);
    expect(digest.intro).toContain('Europe/Kyiv');

    // Across the DST change the next slot is 06:00 UTC; an article after the slot waits for the one after.
    b.clock.set('2025-03-29T20:00:00Z');
    add('Kursk: new count of captives', 'The General Staff said 971 Russian soldiers had been captured.');
    expect(await tickAt(b, '2025-03-30T05:59:59Z')).toBe(0);
    expect(await tickAt(b, '2025-03-30T06:00:00Z')).toBe(1);
    b.clock.set('2025-03-30T06:00:20Z');
    add('Late story', 'Arrived after the slot.');
    expect(await tickAt(b, '2025-03-30T06:00:30Z')).toBe(0);
    const rows = b.services.store.outbox.forSubscription(sub.id);
    expect(rows.map((r) => r.dedupeKey)).toEqual([`digest:${sub.id}:2025-03-29T07:00:00.000Z`, `digest:${sub.id}:2025-03-30T06:00:00.000Z`]);

    // An empty day sends nothing but moves to the next slot.
    b.services.store.outbox.markSent(rows[1]!.id, b.clock.now());
    const late = await tickAt(b, '2025-03-31T06:00:00Z');
    expect(late).toBe(1); // the late story
    expect(await tickAt(b, '2025-04-01T06:00:00Z')).toBe(0);
    expect(b.services.store.subscriptions.get(sub.id)!.nextDigestAt).toBe('2025-04-02T06:00:00.000Z');
  });

  it('/digest now queues what arrived since the last digest, once, and nothing when the period is empty', async () => {
    const a = app('2025-03-29T05:00:00Z');
    const { sub, add } = seed(a);
    a.clock.advance(60_000);
    add('Swap returns 150 prisoners of war', 'Ukraine said 150 prisoners of war came home.');
    const fresh = () => a.services.store.subscriptions.get(sub.id)!;
    expect(await enqueueDigestNow(a.services.store, a.clock.now(), fresh())).toMatchObject({ queued: true, articles: 1 });
    a.clock.advance(60_000);
    expect(await enqueueDigestNow(a.services.store, a.clock.now(), fresh())).toMatchObject({ queued: false, articles: 0 });
    // The scheduled slot that follows has nothing left to cover.
    expect(await tickAt(a, '2025-03-29T07:00:00Z')).toBe(0);
  });
});
