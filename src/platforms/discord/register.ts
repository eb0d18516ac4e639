import { Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { CommandRegistry } from '../../../commands/registry.ts';
import type { CommandDefinition, CommandOption, OptionType } from '../../../commands/types.ts';
import type { Config } from '../../config.ts';
import { createRest } from './rest.ts';
import { OptionTypes } from './interaction.ts';

/** Manage Server, as Discord's permission bit string. */
export const MANAGE_GUILD_PERMISSION = '32';

const TYPE: Record<OptionType, number> = {
  string: OptionTypes.string,
  integer: OptionTypes.integer,
  number: OptionTypes.number,
  boolean: OptionTypes.boolean,
  channel: OptionTypes.channel,
  attachment: OptionTypes.attachment,
};

// Text and announcement channels: the only kinds factfeed can post updates to.
const POSTABLE_CHANNEL_TYPES = [0, 5];

export type DiscordCommandJson = Record<string, unknown> & { name: string };

function optionJson(o: CommandOption): Record<string, unknown> {
  const json: Record<string, unknown> = { type: TYPE[o.type], name: o.name, description: o.description, required: o.required ?? false };
  if (o.autocomplete) json.autocomplete = true;
  if (o.choices) json.choices = o.choices.map((c) => ({ name: c.name, value: c.value }));
  if (o.minLength !== undefined) json.min_length = o.minLength;
  if (o.maxLength !== undefined) json.max_length = o.maxLength;
  if (o.minValue !== undefined) json.min_value = o.minValue;
  if (o.maxValue !== undefined) json.max_value = o.maxValue;
  if (o.type === 'channel') json.channel_types = POSTABLE_CHANNEL_TYPES;
  return json;
}

/**
 * A definition as Discord application command JSON. Every command is guild-only (contexts [0]):
 * sources and subscriptions belong to a server, so a DM has nothing to answer from. Admin commands
 * default to Manage Server; the dispatcher checks again when run, since servers can override it.
 */
export function toDiscordCommand(def: CommandDefinition): DiscordCommandJson {
  const options = def.subcommands
    ? def.subcommands.map((s) => ({ type: OptionTypes.subcommand, name: s.name, description: s.description, options: (s.options ?? []).map(optionJson) }))
    : (def.options ?? []).map(optionJson);
  return {
    type: 1,
    name: def.name,
    description: def.description,
    options,
    default_member_permissions: def.adminOnly ? MANAGE_GUILD_PERMISSION : null,
    dm_permission: false,
    contexts: [0],
    integration_types: [0],
  };
}

export interface RegisterOptions {
  /** One guild (updates instantly) instead of global (can take up to an hour). Defaults to DISCORD_GUILD_ID; null forces global. */
  guildId?: string | null | undefined;
  rest?: REST;
}

export interface RegisterResult {
  scope: 'global' | 'guild';
  guildId?: string | undefined;
  names: string[];
  /** One line for the CLI to print. */
  message: string;
}

/** Overwrites the application's command set with the registry's, so running it twice changes nothing. */
export async function registerCommands(config: Config, registry: CommandRegistry, options: RegisterOptions = {}): Promise<RegisterResult> {
  const { token, applicationId } = config.discord;
  if (!applicationId) throw new Error('Registering Discord commands needs DISCORD_APPLICATION_ID (General Information → Application ID)');
  if (!token && !options.rest) throw new Error('Registering Discord commands needs DISCORD_TOKEN (Bot → Token)');
  const rest = options.rest ?? createRest(config);
  const guildId = options.guildId === null ? undefined : (options.guildId ?? config.discord.guildId);
  const body = registry.all().map(toDiscordCommand);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  try {
    await rest.put(route, { body });
  } catch (err) {
    const where = guildId ? `guild ${guildId}` : 'global scope';
    throw new Error(`Registering ${body.length} Discord commands (${where}) failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const names = body.map((c) => c.name);
  const message = guildId
    ? `Registered ${names.length} commands in guild ${guildId} (available now): ${names.map((n) => '/' + n).join(' ')}`
    : `Registered ${names.length} global commands (may take up to an hour to appear): ${names.map((n) => '/' + n).join(' ')}`;
  return { scope: guildId ? 'guild' : 'global', guildId, names, message };
}
