import { once } from 'node:events';
import { Client, GatewayIntentBits, MessageFlags } from 'discord.js';
import { shardOptions } from './shards.ts';
import type { AutocompleteInteraction, ChatInputCommandInteraction, ClientOptions, Interaction } from 'discord.js';
import type { CommandRegistry } from '../../../commands/registry.ts';
import { runAutocomplete, runCommand } from '../../../commands/dispatch.ts';
import type { DeliverySink } from '../../deliver/types.ts';
import type { DiscordMessage } from '../../reply/discord.ts';
import type { Services } from '../../services.ts';
import { outsideGuildReply, toArgs, toAutocompleteRequest, toInvocation } from './interaction.ts';
import { DEFAULT_DEFER_AFTER_MS, autocompleteDeadline, respondInTime } from './respond.ts';
import type { Responder } from './respond.ts';
import { createDiscordSink } from './sink.ts';
import { restOptions } from './rest.ts';

export interface DiscordGatewayOptions {
  deferAfterMs?: number;
  /** Extra discord.js client options (tests shorten timeouts with these). */
  client?: Partial<ClientOptions>;
}

export interface RunningDiscord {
  stop(): Promise<void>;
  sink: DeliverySink;
}

/**
 * Gateway mode: one discord.js Client with only the Guilds intent (slash commands need no
 * message content or members). discord.js reconnects and resumes by itself.
 */
export async function startDiscordGateway(services: Services, registry: CommandRegistry, options: DiscordGatewayOptions = {}): Promise<RunningDiscord> {
  const { config, log } = services;
  const token = config.discord.token;
  if (!token) throw new Error('Discord gateway mode needs DISCORD_TOKEN (the bot token from the Developer Portal)');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: restOptions(config),
    ...shardOptions(config.discord.shards),
    ...options.client,
  });
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;

  client.on('interactionCreate', (interaction: Interaction) => {
    void handle(interaction).catch((err: unknown) =>
      log.error('Discord interaction failed', { id: interaction.id, guild: interaction.guildId, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  client.on('error', (err) => log.error('Discord client error', { error: err.message }));
  client.on('warn', (message) => log.warn('Discord client warning', { message }));
  client.on('shardDisconnect', (event, shard) => log.warn('Discord gateway disconnected; reconnecting', { shard, code: event.code }));
  client.on('shardResume', (shard) => log.info('Discord gateway resumed', { shard }));

  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) return command(interaction);
    if (interaction.isAutocomplete()) return autocomplete(interaction);
  }

  async function command(interaction: ChatInputCommandInteraction): Promise<void> {
    const invocation = toInvocation(who(interaction));
    const name = interaction.commandName;
    const work = invocation
      ? runCommand(registry, { services, invocation }, name, toArgs(interaction.options.data, (id) => interaction.options.resolved?.attachments?.get(id)?.url))
      : Promise.resolve(outsideGuildReply());
    log.debug('Discord command', { command: name, guild: interaction.guildId, user: interaction.user.id });
    await respondInTime(work, gatewayResponder(interaction), { deferAfterMs, deferEphemeral: registry.get(name)?.adminOnly ?? true });
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const invocation = toInvocation(who(interaction));
    const req = toAutocompleteRequest(interaction.options.data);
    const choices = invocation && req ? await autocompleteDeadline(runAutocomplete(registry, { services, invocation }, interaction.commandName, req)) : [];
    await interaction.respond(choices);
  }

  const ready = once(client, 'clientReady');
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw new Error(`Discord login failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  log.info('Discord gateway connected', { user: client.user?.tag, guilds: client.guilds.cache.size });

  return {
    sink: createDiscordSink(client.rest, log),
    stop: () => client.destroy(),
  };
}

function who(interaction: ChatInputCommandInteraction | AutocompleteInteraction) {
  return {
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    permissions: interaction.memberPermissions?.bitfield,
  };
}

function gatewayResponder(interaction: ChatInputCommandInteraction): Responder {
  return {
    reply: async (m) => void (await interaction.reply({ ...toJs(m), flags: m.flags === MessageFlags.Ephemeral ? MessageFlags.Ephemeral : undefined })),
    defer: async (ephemeral) => void (await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})),
    editOriginal: async (m) => void (await interaction.editReply(toJs(m))),
    deleteOriginal: () => interaction.deleteReply(),
    followUp: async (m) => void (await interaction.followUp({ ...toJs(m), flags: m.flags === MessageFlags.Ephemeral ? MessageFlags.Ephemeral : undefined })),
  };
}

function toJs(m: DiscordMessage) {
  return {
    embeds: m.embeds,
    allowedMentions: { parse: [] },
    files: (m.files ?? []).map((f) => ({ attachment: Buffer.from(f.data), name: f.name, description: f.description })),
  };
}
