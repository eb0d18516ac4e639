import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../../src/reply/discord.ts';
import type { FakeDiscord, RecordedRequest } from '../../fakes/discord/server.ts';
import { PERMISSIONS, autocompleteInteraction, chatInputInteraction } from '../../fakes/discord/payloads.ts';
import { startGatewayHarness } from './helpers.ts';
import type { GatewayHarness } from './helpers.ts';
import { testRegistry } from './test-registry.ts';

let harness: GatewayHarness;
let fake: FakeDiscord;
const { registry, seen } = testRegistry({ slowMs: 400 });

beforeAll(async () => {
  harness = await startGatewayHarness(registry, { deferAfterMs: 150 });
  fake = harness.fake;
});

afterAll(async () => {
  // Every test above must have gone through without a logged failure.
  expect(harness.services.log.entries.filter((e) => e.level === 'error')).toEqual([]);
  await harness?.stop();
});

function send(name: string, options: unknown[] = [], extra: { permissions?: string; resolved?: Record<string, unknown> } = {}) {
  const i = chatInputInteraction({ applicationId: fake.applicationId, guildId: fake.guildId, channelId: fake.channels[0]!, name, options, ...extra });
  fake.dispatch('INTERACTION_CREATE', i);
  return i;
}

const callbackOf = (i: { id: string; token: string }) => (r: RecordedRequest) => r.path === `/interactions/${i.id}/${i.token}/callback`;
const webhookOf = (i: { token: string }) => (r: RecordedRequest) => r.path.startsWith(`/webhooks/${fake.applicationId}/${i.token}`);

const wire = (data: Record<string, unknown>) => ({ tts: false, enforce_nonce: false, allowed_mentions: { parse: [] }, attachments: [], ...data });

describe('gateway mode', () => {
  it('answers a fast command at once with a type 4 callback carrying the embed and no allowed mentions', async () => {
    const i = send('echo', [{ name: 'text', type: 3, value: 'hi' }]);
    const r = await fake.waitFor(callbackOf(i));
    expect(r.method).toBe('POST');
    expect(r.body).toEqual({ type: 4, data: wire({ embeds: [{ color: 0x5865f2, title: 'Echo', description: '• text=hi' }] }) });
  });

  it('passes the guild as tenant, the channel, the user, and channel/attachment options as id/URL', async () => {
    const att = '1300000000000000001';
    const chan = fake.channels[1]!;
    const i = send(
      'echo',
      [
        { name: 'text', type: 3, value: 'x' },
        { name: 'where', type: 7, value: chan },
        { name: 'file', type: 11, value: att },
        { name: 'n', type: 4, value: 3 },
      ],
      {
        resolved: {
          channels: { [chan]: { id: chan, type: 0, name: 'news', permissions: '0' } },
          attachments: { [att]: { id: att, filename: 'feeds.opml', size: 10, url: 'https://cdn.example/feeds.opml', proxy_url: 'https://cdn.example/p' } },
        },
      },
    );
    await fake.waitFor(callbackOf(i));
    const s = seen.find((x) => x.name === 'echo' && x.args.options.text === 'x')!;
    expect(s.args).toEqual({ subcommand: undefined, options: { text: 'x', where: chan, file: 'https://cdn.example/feeds.opml', n: 3 } });
    expect(s.invocation).toEqual({
      platform: 'discord',
      tenant: fake.guildId,
      channel: fake.channels[0],
      user: '900000000000000001',
      isAdmin: false,
      allowLocalFiles: false,
    });
  });

  it('defers a slow command within the window, then edits the deferred reply with the answer', async () => {
    const started = Date.now();
    const i = send('slow');
    const deferral = await fake.waitFor(callbackOf(i));
    expect(deferral.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(deferral.at - started).toBeLessThan(1000);
    const edit = await fake.waitFor((r) => webhookOf(i)(r) && r.method === 'PATCH');
    expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${i.token}/messages/@original`);
    expect(edit.body.embeds).toEqual([{ color: 0x5865f2, title: 'Slow', description: '• done at last' }]);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.at).toBeGreaterThanOrEqual(deferral.at);
  });

  it('replaces a public deferral with an ephemeral follow-up when the slow reply turns out private', async () => {
    const i = send('slow', [{ name: 'secret', type: 5, value: true }]);
    await fake.waitFor(callbackOf(i));
    await fake.waitFor((r) => webhookOf(i)(r) && r.method === 'DELETE');
    const follow = await fake.waitFor((r) => webhookOf(i)(r) && r.method === 'POST');
    expect(follow.body.flags).toBe(64);
    expect(follow.body.embeds[0].title).toBe('Slow');
  });

  it('refuses an admin command to a member without Manage Server, privately, without running it', async () => {
    const before = seen.filter((x) => x.name === 'digest').length;
    const i = send('digest', [{ name: 'off', type: 1, options: [] }]);
    const r = await fake.waitFor(callbackOf(i));
    expect(r.body.type).toBe(4);
    expect(r.body.data.flags).toBe(64);
    expect(r.body.data.embeds[0].color).toBe(0xed4245);
    expect(r.body.data.embeds[0].description).toMatch(/Manage Server/);
    expect(seen.filter((x) => x.name === 'digest')).toHaveLength(before);
  });

  it('runs an admin subcommand for a member with Manage Server', async () => {
    const i = send('digest', [{ name: 'set', type: 1, options: [{ name: 'cron', type: 3, value: '0 8 * * *' }] }], { permissions: PERMISSIONS.manager });
    const r = await fake.waitFor(callbackOf(i));
    expect(r.body.data.flags).toBe(64);
    expect(r.body.data.embeds[0].description).toBe('digest set');
    const s = seen.filter((x) => x.name === 'digest').at(-1)!;
    expect(s.args).toEqual({ subcommand: 'set', options: { cron: '0 8 * * *' } });
    expect(s.invocation.isAdmin).toBe(true);
  });

  it('answers autocomplete with at most 25 choices built from the partial input', async () => {
    const i = autocompleteInteraction({
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      channelId: fake.channels[0]!,
      name: 'echo',
      options: [{ name: 'text', type: 3, value: 'kur', focused: true }],
    });
    fake.dispatch('INTERACTION_CREATE', i);
    const r = await fake.waitFor(callbackOf(i));
    expect(r.body.type).toBe(8);
    expect(r.body.data.choices).toHaveLength(25);
    expect(r.body.data.choices[0]).toEqual({ name: 'topic kur0', value: 'kur0' });
  });

  it('delivers feed text with @everyone, role and user mentions and markdown inert', async () => {
    const i = send('feed');
    const r = await fake.waitFor(callbackOf(i));
    expect(r.body.data.allowed_mentions).toEqual({ parse: [] });
    const d: string = r.body.data.embeds[0].description;
    expect(d).not.toMatch(/@everyone|@here|<@&123>|<@456>|\*\*breaking|\[click\]\(/);
    expect(d).toContain('@\u200beveryone');
    expect(d).toContain('\\*\\*breaking\\*\\*');
    expect(d).toContain('[Hostile <\u200b@&1\\> title](<https://news.example/a%29b>)');
  });

  it('pages a huge reply into a reply plus follow-ups, each within the embed limits', async () => {
    const i = send('huge');
    const first = await fake.waitFor(callbackOf(i));
    const footer: string = first.body.data.embeds[0].footer.text;
    const pages = Number(/Page 1\/(\d+)/.exec(footer)![1]);
    expect(pages).toBeGreaterThan(1);
    const deadline = Date.now() + 3000;
    while (fake.requests.filter((r) => webhookOf(i)(r) && r.method === 'POST').length < pages - 1 && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 20));
    }
    const follows = fake.requests.filter((r) => webhookOf(i)(r) && r.method === 'POST');
    expect(follows).toHaveLength(pages - 1);
    for (const body of [first.body.data, ...follows.map((f) => f.body)]) {
      const e = body.embeds[0];
      expect(body.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
      expect(e.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(e.title.length + e.description.length + e.footer.text.length).toBeLessThanOrEqual(DISCORD_LIMITS.total);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    }
    expect(follows.map((f) => f.body.embeds[0].footer.text)).toEqual(Array.from({ length: pages - 1 }, (_, k) => `Page ${k + 2}/${pages}`));
  });

  it('uploads a reply attachment with the callback and shows it in the embed', async () => {
    const i = send('chart');
    const r = await fake.waitFor(callbackOf(i));
    expect(r.files.map((f) => [f.field, f.name, f.size])).toEqual([['files[0]', 'chart.png', 7]]);
    expect(r.body.data.embeds[0].image).toEqual({ url: 'attachment://chart.png' });
  });

  it('tells a user in a DM that factfeed works inside a server', async () => {
    const i = chatInputInteraction({ applicationId: fake.applicationId, channelId: '1400000000000000001', name: 'echo', options: [{ name: 'text', type: 3, value: 'dm' }] });
    fake.dispatch('INTERACTION_CREATE', i);
    const r = await fake.waitFor(callbackOf(i));
    expect(r.body.data.embeds[0].title).toBe('Error');
    expect(r.body.data.embeds[0].description).toMatch(/inside a server/);
    expect(seen.some((x) => x.args.options.text === 'dm')).toBe(false);
  });
});
