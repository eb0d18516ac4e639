import { REST } from 'discord.js';
import type { RESTOptions, RateLimitData } from 'discord.js';
import type { Config } from '../../config.ts';

/**
 * Short rate-limit waits are sat out by the REST queue. A long one on a channel post is thrown
 * instead (RateLimitError), so the delivery sink can hand the wait back to the outbox rather than
 * stall every other channel behind it.
 */
export const LONG_RATE_LIMIT_MS = 60_000;

export function rejectLongChannelWaits(data: RateLimitData): boolean {
  return data.route.startsWith('/channels/') && Math.max(data.timeToReset, data.retryAfter) > LONG_RATE_LIMIT_MS;
}

/** REST options shared by the gateway client and the standalone REST client. */
export function restOptions(config: Config): Partial<RESTOptions> {
  return { ...restApiBase(config), rejectOnRateLimit: rejectLongChannelWaits };
}

/** discord.js wants the base without the version segment; accept either spelling from .env. */
export function restApiBase(config: Config): { api: string } | Record<string, never> {
  const base = config.discord.apiBase?.replace(/\/+$/, '').replace(/\/v\d+$/, '');
  return base ? { api: base } : {};
}

/** A standalone REST client (HTTP mode, registration), queued and rate-limited like the gateway client's. */
export function createRest(config: Config): REST {
  const rest = new REST(restOptions(config));
  if (config.discord.token) rest.setToken(config.discord.token);
  return rest;
}
