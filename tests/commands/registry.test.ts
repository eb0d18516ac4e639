import { describe, expect, it } from 'vitest';
import { createRegistry, validateDefinition } from '../../commands/registry.ts';
import { definitions, registry } from '../../commands/index.ts';
import type { CommandDefinition } from '../../commands/types.ts';
import { okReply } from '../../src/reply/model.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { renderText } from '../../src/reply/text.ts';
import { testServices } from '../helpers/services.ts';

const cmd = (over: Partial<CommandDefinition>): CommandDefinition => ({
  name: 'demo',
  description: 'A demo command',
  adminOnly: false,
  handler: () => okReply('ok'),
  ...over,
});

describe('command registry', () => {
  it('loads every shipped command without a problem', () => {
    for (const def of definitions) expect(validateDefinition(def)).toEqual([]);
    expect(registry.get('figures')?.name).toBe('figures');
  });

  it('rejects two commands with the same name at load', () => {
    expect(() => createRegistry([cmd({}), cmd({})])).toThrow(/\/demo: defined twice/);
  });

  it('rejects a malformed command, listing every problem', () => {
    const bad = cmd({ name: 'Bad Name', description: '', options: [{ name: 'x', description: 'x', type: 'string' }, { name: 'y', description: 'y', type: 'string', required: true }] });
    const problems = validateDefinition(bad);
    expect(problems.some((p) => p.includes('name must be'))).toBe(true);
    expect(problems.some((p) => p.includes('description must be'))).toBe(true);
    expect(problems.some((p) => p.includes('required option "y" comes after an optional one'))).toBe(true);
    expect(() => createRegistry([bad])).toThrow(/Invalid command definitions/);
  });

  it('rejects autocomplete on an option when the command has no autocomplete handler', () => {
    expect(validateDefinition(cmd({ options: [{ name: 'topic', description: 't', type: 'string', autocomplete: true }] }))).toEqual([
      '/demo: option "topic" asks for autocomplete but the command has no autocomplete handler',
    ]);
  });

  it('rejects a command with both options and subcommands', () => {
    expect(validateDefinition(cmd({ options: [], subcommands: [{ name: 'a', description: 'a' }] }))).toContain('/demo: has both options and subcommands');
  });
});

describe('/help', () => {
  it('says "(admins)" once for each admin command', async () => {
    const t = testServices();
    try {
      const text = renderText(await runLine(t, registry, '/help'));
      expect(text).toMatch(/\/subscribe .*\(admins\)/);
      expect(text).not.toMatch(/\(admins\)\s*\(admins\)/);
    } finally {
      t.cleanup();
    }
  });
});
