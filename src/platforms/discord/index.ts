import type { CommandRegistry } from '../../../commands/registry.ts';
import type { Services } from '../../services.ts';
import { startDiscordGateway } from './gateway.ts';
import type { DiscordGatewayOptions, RunningDiscord } from './gateway.ts';
import { startDiscordHttp } from './http.ts';
import type { DiscordHttpOptions } from './http.ts';

/**
 * Starts Discord in the mode the configuration asks for: HTTP interactions when a public key and
 * port are set (Discord calls us; no gateway connection), otherwise the gateway with the bot token.
 */
export async function startDiscord(
  services: Services,
  registry: CommandRegistry,
  options: { http?: DiscordHttpOptions; gateway?: DiscordGatewayOptions } = {},
): Promise<RunningDiscord> {
  const { token, publicKey, httpPort } = services.config.discord;
  if (publicKey && httpPort !== undefined) return startDiscordHttp(services, registry, options.http);
  if (token) return startDiscordGateway(services, registry, options.gateway);
  throw new Error('Discord needs DISCORD_TOKEN (gateway mode), or DISCORD_PUBLIC_KEY and DISCORD_HTTP_PORT (HTTP interactions mode)');
}

export { registerCommands, toDiscordCommand, MANAGE_GUILD_PERMISSION } from './register.ts';
export type { RegisterOptions, RegisterResult } from './register.ts';
export { startDiscordGateway } from './gateway.ts';
export type { RunningDiscord, DiscordGatewayOptions } from './gateway.ts';
export { startDiscordHttp } from './http.ts';
export type { DiscordHttpOptions, RunningDiscordHttp } from './http.ts';
export { createDiscordSink } from './sink.ts';
