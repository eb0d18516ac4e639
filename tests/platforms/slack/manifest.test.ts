import { describe, expect, it } from 'vitest';
import { registry } from '../../../commands/index.ts';
import { createRegistry } from '../../../commands/registry.ts';
import { slackManifest } from '../../../src/platforms/slack/manifest.ts';

describe('slackManifest', () => {
  it('lists every slash command from the definitions, pointing at the events endpoint, with escaping on', () => {
    const m = slackManifest(registry, { requestUrl: 'https://bot.example.org' });
    const commands = m.features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual(registry.all().map((d) => `/${d.name}`));
    for (const c of commands) {
      expect(c.url).toBe('https://bot.example.org/slack/events');
      expect(c.should_escape).toBe(true);
      expect(c.description.length).toBeGreaterThan(0);
    }
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('writes usage hints from the options, subcommands included', () => {
    const handler = () => ({ kind: 'ok' as const, sections: [], citations: [] });
    const small = createRegistry([
      { name: 'ask', description: 'Ask', adminOnly: false, options: [{ name: 'topic', description: 'T', type: 'string', required: true }], handler },
      {
        name: 'feed',
        description: 'Feeds',
        adminOnly: true,
        subcommands: [
          { name: 'add', description: 'Add', options: [{ name: 'url', description: 'U', type: 'string', required: true }, { name: 'every', description: 'E', type: 'integer' }] },
          { name: 'list', description: 'List' },
        ],
        handler,
      },
      { name: 'ping', description: 'Ping', adminOnly: false, handler },
    ]);
    const commands = slackManifest(small, { requestUrl: 'https://bot.example.org/slack/events' }).features.slash_commands;
    expect(commands.map((c) => c.usage_hint)).toEqual(['<topic>', 'add <url> [every] | list', undefined]);
  });

  it('asks for exactly the bot scopes factfeed uses', () => {
    expect(slackManifest(registry, { requestUrl: 'https://bot.example.org' }).oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'chat:write.public', 'users:read']);
  });

  it('builds a Socket Mode manifest without request URLs when no URL is given', () => {
    const m = slackManifest(registry);
    expect(m.settings.socket_mode_enabled).toBe(true);
    for (const c of m.features.slash_commands) expect(c.url).toBeUndefined();
  });

  it('keeps a request URL path that was given and refuses a non-http one', () => {
    expect(slackManifest(registry, { requestUrl: 'https://x.example/hooks/slack' }).features.slash_commands[0]!.url).toBe('https://x.example/hooks/slack');
    expect(() => slackManifest(registry, { requestUrl: 'ftp://x.example/' })).toThrow(/http/);
  });

  it('is plain JSON that survives a round trip', () => {
    const m = slackManifest(registry, { requestUrl: 'https://bot.example.org' });
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
