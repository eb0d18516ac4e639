import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/registry.ts';
import type { Delivery } from '../../../src/deliver/types.ts';
import { startSlack } from '../../../src/platforms/slack/index.ts';
import type { Reply } from '../../../src/reply/model.ts';
import { FAKE_TEAM } from '../../fakes/slack/server.ts';
import { startSlackHarness } from './harness.ts';
import type { SlackHarness } from './harness.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness(createRegistry([]));
});

afterAll(() => h?.stop());

const update: Reply = {
  kind: 'answer',
  title: 'New on kursk',
  sections: [{ lines: [{ text: '<!channel> 150 prisoners exchanged', cites: [1] }] }],
  citations: [{ n: 1, title: 'Swap', url: 'https://news.example/swap' }],
  ephemeral: true,
};

let nextId = 1;
function delivery(channel: string, reply: Reply = update): Delivery {
  const id = nextId++;
  return { id, subscriptionId: 7, tenant: FAKE_TEAM, platform: 'slack', channel, kind: 'update', reply, nonce: `d${id}` };
}

const postsTo = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

describe('Slack delivery sink', () => {
  it('posts to the subscription channel with rendered blocks, the bot token and no link previews', async () => {
    const result = await h.bot.sink.send(delivery('C0NEWS'));
    expect(result).toEqual({ ok: true });
    const [post] = postsTo('C0NEWS');
    expect(post).toBeDefined();
    expect(post!.token).toBe('xoxb-fake-token');
    expect(post!.body.unfurl_links).toBe(false);
    expect(post!.body.unfurl_media).toBe(false);
    // A channel post is public by nature; response_type means nothing to chat.postMessage.
    expect(post!.body.response_type).toBeUndefined();
    const blocks = post!.body.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'New on kursk' } });
    expect(JSON.stringify(blocks)).toContain('&lt;!channel&gt; 150 prisoners exchanged');
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    expect(String(post!.body.text)).toContain('New on kursk');
    expect(postsTo('C0OTHER')).toHaveLength(0);
  });

  it('posts a long update as several messages, in order, to the same channel', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({ text: `Update line ${i} `.repeat(20) }));
    const result = await h.bot.sink.send(delivery('C0LONG', { kind: 'answer', title: 'Digest', sections: [{ lines }], citations: [] }));
    expect(result).toEqual({ ok: true });
    const posts = postsTo('C0LONG');
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) expect((p.body.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(posts[0]!.body.blocks)).toContain('Update line 0 ');
    expect(JSON.stringify(posts.at(-1)!.body.blocks)).toContain('Update line 299 ');
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'missing_scope'])('reports %s as permanent so the subscription is disabled', async (code) => {
    h.fake.failNext('chat.postMessage', code);
    const result = await h.bot.sink.send(delivery('C0GONE'));
    expect(result).toMatchObject({ ok: false, permanent: true });
    expect(!result.ok && result.error).toBe(`Slack refused the post to channel C0GONE: ${code}`);
  });

  it('reports other Slack errors as temporary', async () => {
    h.fake.failNext('chat.postMessage', 'internal_error');
    const result = await h.bot.sink.send(delivery('C0NEWS'));
    expect(result).toMatchObject({ ok: false, permanent: false });
  });

  it('waits out a 429 for its Retry-After and then delivers', async () => {
    h.fake.rateLimitNext('chat.postMessage', 1);
    const started = Date.now();
    const result = await h.bot.sink.send(delivery('C0BUSY'));
    expect(result).toEqual({ ok: true });
    const attempts = h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0BUSY');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});

describe('Slack start-up', () => {
  it('refuses to start when Slack rejects the bot token, naming auth.test', async () => {
    h.fake.failNext('auth.test', 'invalid_auth');
    await expect(startSlack(h.services, createRegistry([]), { port: 0, host: '127.0.0.1' })).rejects.toThrow(/SLACK_BOT_TOKEN.*auth\.test.*invalid_auth/);
  });

  it('refuses to start without a signing secret or app token', async () => {
    const services = { ...h.services, config: { ...h.services.config, slack: { botToken: 'xoxb-x' } } };
    await expect(startSlack(services, createRegistry([]))).rejects.toThrow(/SLACK_SIGNING_SECRET/);
  });
});
