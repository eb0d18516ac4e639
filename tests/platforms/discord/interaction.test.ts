import { describe, expect, it } from 'vitest';
import { isAdminFromPermissions, toArgs, toAutocompleteRequest, toInvocation } from '../../../src/platforms/discord/interaction.ts';

describe('interaction parsing', () => {
  it('counts Manage Server or Administrator as admin, and nothing else', () => {
    expect(isAdminFromPermissions(String(1n << 5n))).toBe(true);
    expect(isAdminFromPermissions(1n << 3n)).toBe(true);
    expect(isAdminFromPermissions(String((1n << 10n) | (1n << 11n) | (1n << 13n)))).toBe(false);
    expect(isAdminFromPermissions(undefined)).toBe(false);
  });

  it('has no tenant outside a guild', () => {
    expect(toInvocation({ guildId: null, channelId: 'c', userId: 'u', permissions: String(1n << 5n) })).toBeUndefined();
  });

  it('flattens a subcommand group and subcommand into one subcommand name', () => {
    const args = toArgs([{ name: 'digest', type: 2, options: [{ name: 'set', type: 1, options: [{ name: 'cron', type: 3, value: '0 8 * * *' }] }] }], () => undefined);
    expect(args).toEqual({ subcommand: 'digest set', options: { cron: '0 8 * * *' } });
  });

  it('drops an attachment that did not resolve rather than passing its bare id', () => {
    expect(toArgs([{ name: 'file', type: 11, value: '123' }], () => undefined).options).toEqual({ file: undefined });
  });

  it('finds the focused option inside a subcommand for autocomplete', () => {
    const req = toAutocompleteRequest([{ name: 'remove', type: 1, options: [{ name: 'source', type: 3, value: 'bb', focused: true }] }]);
    expect(req).toEqual({ subcommand: 'remove', option: 'source', value: 'bb' });
  });
});
