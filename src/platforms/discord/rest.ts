import { REST } from 'discord.js';
import type { Config } from '../../config.ts';

/** discord.js wants the base without the version segment; accept either spelling from .env. */
export function restApiBase(config: Config): { api: string } | Record<string, never> {
  const base = config.discord.apiBase?.replace(/\/+$/, '').replace(/\/v\d+$/, '');
  return base ? { api: base } : {};
}

/** A standalone REST client (HTTP mode, registration), queued and rate-limited like the gateway client's. */
export function createRest(config: Config): REST {
  const rest = new REST(restApiBase(config));
  if (config.discord.token) rest.setToken(config.discord.token);
  return rest;
}
