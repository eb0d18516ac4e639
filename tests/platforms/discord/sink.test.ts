import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../../src/deliver/types.ts';
import type { RunningDiscord } from '../../../src/platforms/discord/gateway.ts';
import { pageNonce } from '../../../src/platforms/discord/sink.ts';
import type { Reply } from '../../../src/reply/model.ts';
import type { FakeDiscord } from '../../fakes/discord/server.ts';
import { startGatewayHarness } from './helpers.ts';
import type { GatewayHarness } from './helpers.ts';
import { testRegistry } from './test-registry.ts';

let harness: GatewayHarness;
let fake: FakeDiscord;
let bot: RunningDiscord;

beforeAll(async () => {
  harness = await startGatewayHarness(testRegistry().registry);
  ({ fake, bot } = harness);
});

afterAll(() => harness?.stop());

const update: Reply = {
  kind: 'answer',
  title: 'New on kursk',
  sections: [{ lines: [{ text: '@everyone 150 prisoners exchanged', cites: [1] }] }],
  citations: [{ n: 1, title: 'Swap', url: 'https://news.example/swap' }],
  ephemeral: true,
};

let nextId = 1;
function delivery(channel: string, reply: Reply = update): Delivery {
  const id = nextId++;
  return { id, subscriptionId: 7, tenant: fake.guildId, platform: 'discord', channel, kind: 'update', reply, nonce: `d${id}` };
}

const postsTo = (channel: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);

describe('Discord delivery sink', () => {
  it('posts an update to the subscription channel, public, with a nonce Discord enforces and no mentions', async () => {
    const d = delivery(fake.channels[1]!);
    const result = await bot.sink.send(d);
    expect(result).toEqual({ ok: true });
    const [post] = postsTo(fake.channels[1]!);
    expect(post).toBeDefined();
    expect(post!.body.nonce).toBe(d.nonce);
    expect(post!.body.enforce_nonce).toBe(true);
    expect(post!.body.allowed_mentions).toEqual({ parse: [] });
    expect(post!.body.flags).toBeUndefined();
    expect(post!.body.embeds[0].title).toBe('New on kursk');
    expect(post!.body.embeds[0].description).toContain('@\u200beveryone');
    expect(post!.headers.authorization).toBe('Bot fake-bot-token');
    expect(postsTo(fake.channels[0]!)).toHaveLength(0);
  });

  it('reports a deleted channel (10003) as permanent so the subscription is disabled', async () => {
    const result = await bot.sink.send(delivery('1999999999999999999'));
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ permanent: true });
    expect(!result.ok && result.error).toMatch(/1999999999999999999.*Unknown Channel/);
  });

  it('reports Missing Permissions (50013) as permanent', async () => {
    fake.respondOnce('POST', /^\/channels\/\d+\/messages$/, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    const result = await bot.sink.send(delivery(fake.channels[0]!));
    expect(result).toMatchObject({ ok: false, permanent: true });
  });

  it('reports a bad request as a failure worth retrying, not a permanent one', async () => {
    fake.respondOnce('POST', /^\/channels\/\d+\/messages$/, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const result = await bot.sink.send(delivery(fake.channels[0]!));
    expect(result).toMatchObject({ ok: false, permanent: false });
  });

  it('waits out a 429 for the time Discord asks, then posts successfully', async () => {
    const channel = fake.channels[0]!;
    fake.respondOnce('POST', new RegExp(`^/channels/${channel}/messages$`), {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.4, global: false },
      headers: { 'retry-after': '0.4', 'x-ratelimit-scope': 'user', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.4' },
    });
    const before = postsTo(channel).length;
    const started = Date.now();
    const result = await bot.sink.send(delivery(channel));
    expect(result).toEqual({ ok: true });
    const attempts = postsTo(channel).slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(380);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('hands a long rate-limit wait back to the outbox instead of blocking on it', async () => {
    const channel = fake.channels[1]!;
    fake.respondOnce('POST', new RegExp(`^/channels/${channel}/messages$`), {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 120, global: false },
      headers: { 'retry-after': '120', 'x-ratelimit-scope': 'shared', 'x-ratelimit-reset-after': '120' },
    });
    const started = Date.now();
    const result = await bot.sink.send(delivery(channel));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ ok: false, permanent: false });
    expect(!result.ok && result.retryAfterMs).toBeGreaterThanOrEqual(120_000);
  });

  it('posts every page of a long digest, each with its own nonce of at most 25 characters', async () => {
    const long: Reply = {
      kind: 'answer',
      title: 'Digest',
      sections: [{ lines: Array.from({ length: 150 }, (_, i) => ({ text: `item ${i} ` + 'news '.repeat(30) })) }],
      citations: [],
    };
    const channel = fake.channels[1]!;
    const before = postsTo(channel).length;
    const d = { ...delivery(channel, long), nonce: 'digest-guild-1200000000000000002-2024-08-14' };
    expect(await bot.sink.send(d)).toEqual({ ok: true });
    const posts = postsTo(channel).slice(before);
    expect(posts.length).toBeGreaterThan(1);
    const nonces = posts.map((p) => p.body.nonce as string);
    expect(new Set(nonces).size).toBe(posts.length);
    for (const n of nonces) expect(n.length).toBeLessThanOrEqual(25);
    expect(nonces).toEqual(posts.map((_, i) => pageNonce(d.nonce, i)));
  });
});
