import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry, runCommand } from '../../../commands/index.ts';
import type { Invocation } from '../../../commands/types.ts';
import { renderDiscord } from '../../../src/reply/discord.ts';
import type { FakeDiscord, RecordedRequest, WireJson } from '../../fakes/discord/server.ts';
import { PERMISSIONS, autocompleteInteraction, chatInputInteraction, snowflake } from '../../fakes/discord/payloads.ts';
import { startGatewayHarness } from './helpers.ts';
import type { GatewayHarness } from './helpers.ts';
import { seedGuild } from './seed.ts';

/** The real commands over the real discord.js client, answering from the sample feed ingested for the guild. */
let harness: GatewayHarness;
let fake: FakeDiscord;
const USER = '900000000000000042';

beforeAll(async () => {
  harness = await startGatewayHarness(registry, { seed: seedGuild });
  fake = harness.fake;
});

afterAll(async () => {
  expect(harness.services.log.entries.filter((e) => e.level === 'error')).toEqual([]);
  await harness?.stop();
});

interface Sent {
  id: string;
  token: string;
}

function send(name: string, options: unknown[] = [], extra: { permissions?: string; guildId?: string } = {}): Sent {
  const i = chatInputInteraction({ applicationId: fake.applicationId, guildId: fake.guildId, channelId: fake.channels[0]!, userId: USER, name, options, ...extra });
  fake.dispatch('INTERACTION_CREATE', i);
  return i;
}

/** The message the user ends up seeing: the immediate reply, or the edit of a deferred one. */
async function answer(i: Sent): Promise<{ data: WireJson; files: RecordedRequest['files'] }> {
  const cb = await fake.waitFor((r) => r.path === `/interactions/${i.id}/${i.token}/callback`);
  if (cb.body.type === 4) return { data: cb.body.data, files: cb.files };
  expect(cb.body.type).toBe(5);
  const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${i.token}/messages/@original`);
  return { data: edit.body, files: edit.files };
}

/** What the same command renders to when run directly, for comparing with what went over the wire. */
async function rendered(name: string, options: Record<string, string>, guildId = fake.guildId) {
  const invocation: Invocation = { platform: 'discord', tenant: guildId, channel: fake.channels[0], user: USER, isAdmin: false, allowLocalFiles: false };
  return renderDiscord(await runCommand(registry, { services: harness.services, invocation }, name, { options }));
}

async function expectSameAsRendered(name: string, options: Record<string, string>, wireOptions: unknown[]) {
  const { data, files } = await answer(send(name, wireOptions));
  const [page] = await rendered(name, options);
  expect(data.embeds).toEqual(page!.embeds);
  expect(data.allowed_mentions).toEqual({ parse: [] });
  expect(data.flags).toBe(page!.flags ?? undefined);
  expect(files.map((f) => f.name)).toEqual((page!.files ?? []).map((f) => f.name));
  return { data, page: page! };
}

describe('factfeed commands over the Discord gateway', () => {
  it('answers /figures prisoners with the cited figures from the guild’s feed', async () => {
    const { data } = await expectSameAsRendered('figures', { topic: 'prisoners' }, [{ name: 'topic', type: 3, value: 'prisoners' }]);
    const e = data.embeds[0];
    expect(e.title).toBe('Figures: prisoners');
    expect(e.color).toBe(0x5865f2);
    expect(e.description).toMatch(/971/);
    expect(e.description).toMatch(/\*\*Sources\*\*\n\\\[1\\\] \[[^\]]+\]\(<https:\/\/news\.example\.org\//);
  });

  it('answers /summary kursk', async () => {
    const { data } = await expectSameAsRendered('summary', { topic: 'kursk' }, [{ name: 'topic', type: 3, value: 'kursk' }]);
    expect(data.embeds[0].title).toMatch(/kursk/i);
    expect(data.embeds[0].description.length).toBeGreaterThan(100);
  });

  it('lists the guild’s sources with /sources', async () => {
    const { data } = await expectSameAsRendered('sources', {}, []);
    expect(JSON.stringify(data.embeds)).toMatch(/sample-feed\.xml|News Example/);
  });

  it('answers /help privately with every command', async () => {
    const { data } = await expectSameAsRendered('help', {}, []);
    expect(data.flags).toBe(64);
    for (const c of registry.all()) expect(data.embeds[0].description).toContain(`/${c.name}`);
  });

  it('refuses /source add to a member without Manage Server, privately', async () => {
    const { data } = await answer(send('source', [{ name: 'add', type: 1, options: [{ name: 'url', type: 3, value: 'https://feeds.example/rss' }] }]));
    expect(data.flags).toBe(64);
    expect(data.embeds[0].color).toBe(0xed4245);
    expect(data.embeds[0].description).toMatch(/Manage Server/);
    expect(harness.services.store.sources.list(fake.guildId).map((s) => s.url)).not.toContainEqual(expect.stringContaining('feeds.example'));
    expect(harness.services.store.sources.list(fake.guildId)).toHaveLength(1);
  });

  it('keeps each guild’s data its own: another guild finds no figures', async () => {
    const other = snowflake();
    const i = send('figures', [{ name: 'topic', type: 3, value: 'prisoners' }], { guildId: other, permissions: PERMISSIONS.manager });
    const { data } = await answer(i);
    expect(data.embeds[0].description).toMatch(/No figures/);
    expect(data.embeds[0].description).not.toMatch(/971/);
  });

  it('suggests known topics for /figures from partial input', async () => {
    const i = autocompleteInteraction({
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      channelId: fake.channels[0]!,
      name: 'figures',
      options: [{ name: 'topic', type: 3, value: 'kur', focused: true }],
    });
    fake.dispatch('INTERACTION_CREATE', i);
    const r = await fake.waitFor((x) => x.path === `/interactions/${i.id}/${i.token}/callback`);
    expect(r.body.type).toBe(8);
    const choices = r.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.value.toLowerCase()).toContain('kur');
  });
});
