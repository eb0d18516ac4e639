import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../commands/index.ts';
import type { SlackMessage } from '../../../src/reply/slack.ts';
import type { RecordedCall } from '../../fakes/slack/server.ts';
import { FAKE_TEAM } from '../../fakes/slack/server.ts';
import { sendSlash, sign } from '../../fakes/slack/slash.ts';
import { SIGNING_SECRET, seedArticles, startSlackHarness } from './harness.ts';
import type { SlackHarness } from './harness.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness(registry);
  seedArticles(h.services, [
    {
      title: 'Border fighting: Kyiv counts its prisoners',
      link: 'https://news.example/a1?x=1&y=2',
      published: new Date('2025-05-25T10:00:00Z'),
      text: 'The Ukrainian military said on Sunday that its forces had captured 971 Russian soldiers in the Kursk region since the incursion started. <!everyone> *bold* claims circulated online.',
    },
  ]);
  h.fake.users.set('U0ADMIN', { id: 'U0ADMIN', is_admin: true });
  h.fake.users.set('U0MEMBER', { id: 'U0MEMBER' });
});

afterAll(() => h?.stop());

const responses = (id: string) => h.fake.waitFor((c) => c.method === 'response' && c.responseId === id);
const message = (c: RecordedCall) => c.body as unknown as SlackMessage;
const blockText = (m: SlackMessage): string =>
  m.blocks.map((b) => (b.type === 'section' ? b.text.text : b.type === 'header' ? b.text.text : b.type === 'context' ? b.elements.map((e) => e.text).join(' ') : '')).join('\n');

describe('Slack slash commands through Bolt', () => {
  it('acks a signed /figures at once and responds in the channel with the cited figure', async () => {
    const res = await h.slash({ command: '/figures', text: 'prisoners', user: 'U0MEMBER' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const [call] = await responses(res.responseId);
    const m = message(call!);
    expect(m.response_type).toBe('in_channel');
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Figures: prisoners' } });
    const text = blockText(m);
    expect(text).toContain('971 Russian soldiers captured');
    expect(text).toContain('[1] <https://news.example/a1?x=1&amp;y=2|Border fighting: Kyiv counts its prisoners> — Example News');
    expect(m.text).toContain('Figures: prisoners');
  });

  it('answers /help privately with every command', async () => {
    const res = await h.slash({ command: '/help', text: '' });
    const [call] = await responses(res.responseId);
    const m = message(call!);
    expect(m.response_type).toBe('ephemeral');
    for (const def of registry.all()) expect(blockText(m)).toContain(`/${def.name}`);
  });

  it('keeps <!everyone> and *bold* from a feed inert in the response', async () => {
    const res = await h.slash({ command: '/summary', text: 'kursk' });
    const [call] = await responses(res.responseId);
    const m = message(call!);
    const text = blockText(m) + m.text;
    expect(text).toContain('&lt;!everyone&gt;');
    expect(text).not.toMatch(/<!everyone>|<!channel>|<!here>|<@/);
    expect(text).not.toContain('*bold*');
    expect(text).toContain('\u200b*\u200bbold\u200b*\u200b');
  });

  it('rejects a bad signature with 401 and runs nothing', async () => {
    const before = h.fake.calls.length;
    const res = await sendSlash(
      h.endpoint,
      { command: '/figures', text: 'prisoners', responseUrl: h.fake.responseUrl('forged') },
      { secret: SIGNING_SECRET, signature: sign('wrong-secret', Math.floor(Date.now() / 1000), 'x') },
    );
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.calls.slice(before)).toEqual([]);
  });

  it('rejects a correctly signed but stale request (replay) with 401', async () => {
    const before = h.fake.calls.length;
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await sendSlash(h.endpoint, { command: '/help', responseUrl: h.fake.responseUrl('replayed') }, { secret: SIGNING_SECRET, timestamp: stale });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.calls.slice(before)).toEqual([]);
  });

  it('refuses /source add to a non-admin with a private message, adding nothing', async () => {
    const sources = h.services.store.sources.list(FAKE_TEAM).length;
    const res = await h.slash({ command: '/source', text: 'add https://other.example/feed.xml', user: 'U0MEMBER' });
    const [call] = await responses(res.responseId);
    const m = message(call!);
    expect(m.response_type).toBe('ephemeral');
    expect(blockText(m)).toContain('/source is for workspace admins.');
    expect(h.services.store.sources.list(FAKE_TEAM)).toHaveLength(sources);
  });

  it('lets a workspace admin run /source, asking users.info once within the cache window', async () => {
    const extra = h.services.store.sources.add({ tenant: FAKE_TEAM, url: 'https://gone.example/feed.xml', kind: 'url' }, new Date());
    const lookups = h.fake.callsTo('users.info').filter((c) => c.body.user === 'U0ADMIN').length;
    const first = await h.slash({ command: '/source', text: `remove ${extra.id}`, user: 'U0ADMIN' });
    expect(blockText(message((await responses(first.responseId))[0]!))).toContain(`Removed source #${extra.id}`);
    const second = await h.slash({ command: '/source', text: `remove ${extra.id}`, user: 'U0ADMIN' });
    expect(blockText(message((await responses(second.responseId))[0]!))).toContain(`No source "${extra.id}" here`);
    expect(h.fake.callsTo('users.info').filter((c) => c.body.user === 'U0ADMIN').length - lookups).toBe(1);
    // Once the cached answer is a minute old, the next command asks Slack again.
    h.clock.advance(61_000);
    const third = await h.slash({ command: '/help', user: 'U0ADMIN' });
    await responses(third.responseId);
    expect(h.fake.callsTo('users.info').filter((c) => c.body.user === 'U0ADMIN').length - lookups).toBe(2);
  });

  it('subscribes the channel Slack resolved from #news, by id, for this workspace', async () => {
    const res = await h.slash({ command: '/subscribe', text: '<#C0NEWS|news> include:kursk', user: 'U0ADMIN' });
    const m = message((await responses(res.responseId))[0]!);
    expect(blockText(m)).toContain('Subscribed #C0NEWS');
    const [sub] = h.services.store.subscriptions.list(FAKE_TEAM);
    expect(sub).toMatchObject({ tenant: FAKE_TEAM, platform: 'slack', channel: 'C0NEWS' });
  });

  it('answers a malformed option with a private error naming the command', async () => {
    const res = await h.slash({ command: '/source', text: 'add https://x.example/feed every:zero', user: 'U0ADMIN' });
    const m = message((await responses(res.responseId))[0]!);
    expect(m.response_type).toBe('ephemeral');
    expect(blockText(m)).toMatch(/\/source every must be a whole number/);
  });
});

describe('Slack logging', () => {
  it('logged no errors across the commands above (rejected signatures are warnings, not errors)', () => {
    expect(h.services.lines.filter((l) => l.startsWith('[error]'))).toEqual([]);
    expect(h.services.lines.some((l) => !l.startsWith('[debug]') && /signature|verif/i.test(l))).toBe(true);
  });
});
