import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands, toDiscordCommand } from '../../../src/platforms/discord/register.ts';
import { loadConfig } from '../../../src/config.ts';
import { startFakeDiscord } from '../../fakes/discord/server.ts';
import type { FakeDiscord, WireJson } from '../../fakes/discord/server.ts';
import { testRegistry } from './test-registry.ts';
import { registry as realRegistry } from '../../../commands/index.ts';

let fake: FakeDiscord;
const { registry } = testRegistry();

beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

const config = (env: Record<string, string> = {}) =>
  loadConfig({ DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_BASE: `${fake.apiBase}/v10`, ...env });

describe('Discord command registration', () => {
  it('turns options into typed Discord options with limits, autocomplete and postable channel types', () => {
    expect(toDiscordCommand(registry.get('echo')!)).toEqual({
      type: 1,
      name: 'echo',
      description: 'Echoes its options',
      options: [
        { type: 3, name: 'text', description: 'Some text', required: true, autocomplete: true },
        { type: 7, name: 'where', description: 'A channel', required: false, channel_types: [0, 5] },
        { type: 11, name: 'file', description: 'A file', required: false },
        { type: 4, name: 'n', description: 'A number', required: false, min_value: 1, max_value: 10 },
      ],
      default_member_permissions: null,
      dm_permission: false,
      contexts: [0],
      integration_types: [0],
    });
  });

  it('gives admin commands Manage Server as the default permission and subcommands type 1', () => {
    const json = toDiscordCommand(registry.get('digest')!);
    expect(json.default_member_permissions).toBe('32');
    expect(json.options).toEqual([
      { type: 1, name: 'set', description: 'Set it', options: [{ type: 3, name: 'cron', description: 'When', required: true }] },
      { type: 1, name: 'off', description: 'Stop it', options: [] },
    ]);
  });

  it('bulk-overwrites the guild commands when a guild is configured, identically on every run', async () => {
    const guild = fake.guildId;
    const first = await registerCommands(config({ DISCORD_GUILD_ID: guild }), registry);
    const second = await registerCommands(config({ DISCORD_GUILD_ID: guild }), registry);
    expect(first).toEqual(second);
    expect(first.scope).toBe('guild');
    expect(first.message).toMatch(/^Registered 6 commands in guild/);
    const puts = fake.requests.filter((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/guilds/${guild}/commands`);
    expect(puts).toHaveLength(2);
    expect(puts[0]!.body).toEqual(registry.all().map(toDiscordCommand));
    expect(puts[1]!.body).toEqual(puts[0]!.body);
    expect(puts[0]!.headers.authorization).toBe('Bot fake-bot-token');
  });

  it('registers globally when told to ignore the configured guild', async () => {
    const out = await registerCommands(config({ DISCORD_GUILD_ID: fake.guildId }), registry, { guildId: null });
    expect(out.scope).toBe('global');
    const put = await fake.waitFor((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/commands`);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(['echo', 'slow', 'digest', 'feed', 'huge', 'chart']);
  });

  it('names the missing setting instead of calling Discord without an application id', async () => {
    const before = fake.requests.length;
    await expect(registerCommands(loadConfig({ DISCORD_TOKEN: 't', DISCORD_API_BASE: fake.apiBase }), registry)).rejects.toThrow(/DISCORD_APPLICATION_ID/);
    expect(fake.requests.length).toBe(before);
  });

  it('reports which scope failed when Discord rejects the commands', async () => {
    fake.respondOnce('PUT', /commands$/, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    await expect(registerCommands(config(), registry)).rejects.toThrow(/Registering 6 Discord commands \(global scope\) failed: Invalid Form Body/);
  });

  it('produces valid Discord JSON for every real command, with Manage Server on exactly the admin ones', () => {
    const optionOk = (o: WireJson, where: string) => {
      expect(o.name, where).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(o.description.length, where).toBeGreaterThan(0);
      expect(o.description.length, where).toBeLessThanOrEqual(100);
      expect([3, 4, 5, 7, 10, 11], where).toContain(o.type);
      if (o.autocomplete) expect([3, 4, 10], where).toContain(o.type);
    };
    for (const def of realRegistry.all()) {
      const json = toDiscordCommand(def) as WireJson;
      expect(json.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(json.description.length).toBeLessThanOrEqual(100);
      expect(json.default_member_permissions).toBe(def.adminOnly ? '32' : null);
      expect(json.contexts).toEqual([0]);
      expect(json.options.length).toBeLessThanOrEqual(25);
      for (const o of json.options) {
        if (o.type === 1) o.options.forEach((so: unknown) => optionOk(so, `${def.name} ${o.name}`));
        else optionOk(o, def.name);
      }
      // Discord rejects a required option after an optional one.
      const leaves = json.options[0]?.type === 1 ? json.options.flatMap((o: WireJson) => [o.options]) : [json.options];
      for (const list of leaves) {
        const required = list.map((o: WireJson) => o.required);
        expect(required).toEqual([...required].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
      }
    }
    for (const name of ['figures', 'summary']) {
      const topic = (toDiscordCommand(realRegistry.get(name)!) as WireJson).options[0];
      expect(topic).toMatchObject({ name: 'topic', type: 3, required: true, autocomplete: true });
    }
    expect(realRegistry.all().filter((d) => d.adminOnly).map((d) => d.name)).toContain('source');
  });
});
