import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../commands/registry.ts';
import { parseCommandLine } from '../../commands/parse.ts';
import { runCommand, runAutocomplete } from '../../commands/dispatch.ts';
import { CommandError, type CommandArgs, type CommandDefinition } from '../../commands/types.ts';
import { okReply } from '../../src/reply/model.ts';
import { silentLogger } from '../../src/log.ts';
import type { Services } from '../../src/services.ts';

const seen: CommandArgs[] = [];
const echo: CommandDefinition = {
  name: 'echo',
  description: 'Echo',
  adminOnly: false,
  options: [
    { name: 'text', description: 'What to say', type: 'string', required: true },
    { name: 'count', description: 'How many', type: 'integer', minValue: 1, maxValue: 5 },
  ],
  handler: (_ctx, args) => {
    seen.push(args);
    return okReply(`said ${String(args.options.text)}`);
  },
};
const admin: CommandDefinition = {
  name: 'admin',
  description: 'Admin only',
  adminOnly: true,
  subcommands: [{ name: 'go', description: 'Go', options: [{ name: 'where', description: 'Where', type: 'string', required: true }] }],
  autocomplete: () => [{ name: 'secret', value: 'secret' }],
  handler: () => okReply('went'),
};
const broken: CommandDefinition = {
  name: 'broken',
  description: 'Throws',
  adminOnly: false,
  options: [{ name: 'kind', description: 'user or bug', type: 'string', required: true }],
  handler: (_ctx, args) => {
    if (args.options.kind === 'user') throw new CommandError('That source does not exist.');
    throw new Error('SQLITE_CORRUPT at /secret/path');
  },
};
const registry = createRegistry([echo, admin, broken]);
const services = { log: silentLogger } as unknown as Services;
const ctx = (isAdmin = false) => ({ services, invocation: { platform: 'console' as const, tenant: 't', isAdmin, allowLocalFiles: false } });

describe('parseCommandLine', () => {
  it('gives the rest of the line to the last free text option, so topics need no quotes', () => {
    expect(parseCommandLine('/echo prisoners of war count:3', registry)).toEqual({ name: 'echo', args: { subcommand: undefined, options: { count: '3', text: 'prisoners of war' } } });
    expect(parseCommandLine('/admin go far north', registry)).toEqual({ name: 'admin', args: { subcommand: 'go', options: { where: 'far north' } } });
  });

  it('reads named option:value pairs and quoted phrases', () => {
    expect(parseCommandLine('/echo text:"hello there" count:2', registry)).toEqual({ name: 'echo', args: { subcommand: undefined, options: { text: 'hello there', count: '2' } } });
  });

  it('takes the first word after a command with subcommands as the subcommand', () => {
    expect(parseCommandLine('/admin go north', registry)).toEqual({ name: 'admin', args: { subcommand: 'go', options: { where: 'north' } } });
  });

  it('explains that a command starts with a slash', () => {
    expect(parseCommandLine('figures prisoners', registry)).toEqual({ error: expect.stringContaining('start with "/"') });
  });
});

describe('runCommand', () => {
  it('runs a handler with coerced, validated options', async () => {
    const reply = await runCommand(registry, ctx(), 'echo', { options: { count: '2', text: 'hi' } });
    expect(reply.intro).toBe('said hi');
    expect(seen.at(-1)?.options.count).toBe(2);
  });

  it('answers an unknown command with an error that names it', async () => {
    const reply = await runCommand(registry, ctx(), 'nope', { options: {} });
    expect(reply.kind).toBe('error');
    expect(reply.intro).toBe('Unknown command /nope.');
  });

  it('refuses a missing required option, naming it', async () => {
    const reply = await runCommand(registry, ctx(), 'echo', { options: { count: 1 } });
    expect(reply.kind).toBe('error');
    expect(reply.intro).toBe('/echo needs text: What to say');
  });

  it('refuses a bad option value and an unknown option', async () => {
    expect((await runCommand(registry, ctx(), 'echo', { options: { text: 'x', count: 'lots' } })).intro).toBe('/echo count must be a whole number (got "lots")');
    expect((await runCommand(registry, ctx(), 'echo', { options: { text: 'x', count: 9 } })).intro).toBe('/echo count must be at most 5');
    expect((await runCommand(registry, ctx(), 'echo', { options: { text: 'x', colour: 'red' } })).intro).toMatch(/has no option "colour"/);
  });

  it('refuses an admin command to a non-admin without running it', async () => {
    const reply = await runCommand(registry, ctx(false), 'admin', { subcommand: 'go', options: { where: 'x' } });
    expect(reply.kind).toBe('error');
    expect(reply.ephemeral).toBe(true);
    expect(reply.intro).toMatch(/for server admins/);
    expect((await runCommand(registry, ctx(true), 'admin', { subcommand: 'go', options: { where: 'x' } })).intro).toBe('went');
  });

  it('asks for a subcommand when none or an unknown one is given', async () => {
    expect((await runCommand(registry, ctx(true), 'admin', { options: {} })).intro).toBe('/admin needs a subcommand: go');
    expect((await runCommand(registry, ctx(true), 'admin', { subcommand: 'fly', options: {} })).intro).toMatch(/no subcommand "fly"/);
  });

  it('shows a CommandError as is but hides unexpected internals behind a logged message', async () => {
    expect((await runCommand(registry, ctx(), 'broken', { options: { kind: 'user' } })).intro).toBe('That source does not exist.');
    const hidden = await runCommand(registry, ctx(), 'broken', { options: { kind: 'bug' } });
    expect(hidden.intro).toBe('/broken failed unexpectedly; the error was logged.');
    expect(JSON.stringify(hidden)).not.toContain('/secret/path');
  });

  it('gives no autocomplete suggestions of an admin command to a non-admin', async () => {
    expect(await runAutocomplete(registry, ctx(false), 'admin', { option: 'where', value: '' })).toEqual([]);
    expect(await runAutocomplete(registry, ctx(true), 'admin', { option: 'where', value: '' })).toEqual([{ name: 'secret', value: 'secret' }]);
  });
});
