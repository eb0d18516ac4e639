import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/clock.ts';
import { createSender } from '../../../src/deliver/sender.ts';
import { enqueueArticleUpdates } from '../../../src/deliver/outbox.ts';
import type { DeliverySink } from '../../../src/deliver/types.ts';
import { storeItem } from '../../../src/ingest/pipeline.ts';
import { DISCORD_NONCE_WINDOW_MS } from '../../../src/platforms/discord/already-posted.ts';
import { startGatewayHarness, type GatewayHarness } from './helpers.ts';
import { testRegistry } from './test-registry.ts';

let harness: GatewayHarness;
beforeAll(async () => {
  harness = await startGatewayHarness(testRegistry().registry);
});
afterAll(() => harness?.stop());

let n = 0;
/** One subscribed channel with one queued update, on the harness's real store; returns the outbox row id. */
function queueUpdate(clock: FakeClock): { channel: string; rowId: number } {
  const { store } = harness.services;
  const { fake } = harness;
  const channel = fake.channels[0]!;
  n++;
  // A tenant per test, so each update is queued to this one subscription only.
  const tenant = `${fake.guildId}-${n}`;
  const source = store.sources.add({ tenant, url: `https://wire.example.org/feed-${n}`, kind: 'url', title: 'Wire' }, clock.now());
  store.subscriptions.upsert({ tenant, platform: 'discord', channel }, clock.now());
  const { articleId } = storeItem({ ...harness.services, clock, onNewArticle: (id) => void enqueueArticleUpdates(store, clock.now(), id, source) }, store.feeds.get(source.feedId)!, {
    guid: `g${n}`,
    link: `https://wire.example.org/${n}`,
    title: `Exchange ${n}: 150 prisoners returned`,
    text: `Ukraine said 150 prisoners of war returned home on Friday in exchange number ${n}. Officials confirmed the swap.`,
    published: new Date('2025-03-01T09:00:00Z'),
    isTeaser: false,
  });
  const row = store.db.prepare('SELECT id FROM outbox WHERE article_id = ?').pluck().get(articleId) as number;
  return { channel, rowId: row };
}

/** A bot that dies while its message is in flight: the send never comes back, so the row is never marked. */
function dyingSink(reachesDiscord: boolean): DeliverySink {
  return {
    platform: 'discord',
    send: async (d) => {
      if (reachesDiscord) await harness.bot.sink.send(d);
      return new Promise(() => undefined);
    },
  };
}

const sender = (clock: FakeClock, sink: DeliverySink) => createSender({ ...harness.services, clock, sink, postsPerMinute: 60 });
const posts = (channel: string) => harness.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`).length;
const historyReads = (channel: string) => harness.fake.requests.filter((r) => r.method === 'GET' && r.path === `/channels/${channel}/messages`).length;
const inChannel = (channel: string, title: string) => (harness.fake.messages.get(channel) ?? []).filter((m) => m.embeds?.[0]?.title === title).length;

describe('an update in flight when the bot went down for longer than Discord remembers nonces', () => {
  it('is found in the channel and marked delivered instead of being posted a second time', async () => {
    const clock = new FakeClock('2025-03-01T10:00:00Z');
    const { channel, rowId } = queueUpdate(clock);
    void sender(clock, dyingSink(true)).drain();
    await harness.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages` && r.body?.embeds?.[0]?.title === `Exchange ${n}: 150 prisoners returned`);
    const postsBefore = posts(channel);

    clock.advance(DISCORD_NONCE_WINDOW_MS + 10 * 60_000);
    harness.fake.forgetNonces();
    const result = await sender(clock, harness.bot.sink).drain();

    expect(result.sent).toBe(1);
    expect(posts(channel)).toBe(postsBefore);
    expect(historyReads(channel)).toBeGreaterThan(0);
    expect(inChannel(channel, `Exchange ${n}: 150 prisoners returned`)).toBe(1);
    expect(harness.services.store.outbox.get(rowId)!.sentAt).not.toBeNull();
  });

  it('is posted once when it never reached Discord', async () => {
    const clock = new FakeClock('2025-03-01T10:00:00Z');
    const { channel, rowId } = queueUpdate(clock);
    const crashed = sender(clock, dyingSink(false));
    void crashed.drain();
    await new Promise((r) => setTimeout(r, 50));

    clock.advance(DISCORD_NONCE_WINDOW_MS + 10 * 60_000);
    harness.fake.forgetNonces();
    expect((await sender(clock, harness.bot.sink).drain()).sent).toBe(1);
    expect(inChannel(channel, `Exchange ${n}: 150 prisoners returned`)).toBe(1);
    expect(harness.services.store.outbox.get(rowId)!.sentAt).not.toBeNull();
  });

  it('within the nonce window leaves the repeat to Discord, which drops it, without reading the channel', async () => {
    const clock = new FakeClock('2025-03-01T10:00:00Z');
    const { channel } = queueUpdate(clock);
    void sender(clock, dyingSink(true)).drain();
    await harness.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages` && r.body?.embeds?.[0]?.title === `Exchange ${n}: 150 prisoners returned`);
    const reads = historyReads(channel);

    clock.advance(30_000);
    expect((await sender(clock, harness.bot.sink).drain()).sent).toBe(1);
    expect(historyReads(channel)).toBe(reads);
    expect(inChannel(channel, `Exchange ${n}: 150 prisoners returned`)).toBe(1);
  });

  it('is posted again when the bot may not read the channel (the limit the README states)', async () => {
    const clock = new FakeClock('2025-03-01T10:00:00Z');
    const { channel, rowId } = queueUpdate(clock);
    const title = `Exchange ${n}: 150 prisoners returned`;
    void sender(clock, dyingSink(true)).drain();
    await harness.fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages` && r.body?.embeds?.[0]?.title === title);

    clock.advance(DISCORD_NONCE_WINDOW_MS + 10 * 60_000);
    harness.fake.forgetNonces();
    harness.fake.respondOnce('GET', new RegExp(`^/channels/${channel}/messages$`), { status: 403, body: { message: 'Missing Access', code: 50001 } });
    expect((await sender(clock, harness.bot.sink).drain()).sent).toBe(1);
    expect(inChannel(channel, title)).toBe(2);
    expect(harness.services.store.outbox.get(rowId)!.sentAt).not.toBeNull();
    expect(harness.services.log.entries.some((e) => /could not read the channel/.test(e.msg))).toBe(true);
  });
});
