import { createHash } from 'node:crypto';
import { DiscordAPIError, RateLimitError, Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { Delivery, DeliverySink, SendResult } from '../../deliver/types.ts';
import type { Logger } from '../../log.ts';
import { renderDiscord } from '../../reply/discord.ts';
import { restPayload } from './payload.ts';

/**
 * Discord error codes meaning the channel is gone or the bot may not post there: retrying cannot
 * help, so the subscription should be switched off.
 */
const PERMANENT_CODES = new Set([
  10003, // Unknown Channel
  10004, // Unknown Guild
  50001, // Missing Access
  50013, // Missing Permissions
  50007, // Cannot send messages to this user
]);

/** Discord caps nonces at 25 characters; longer ones (and every page after the first) are hashed. */
export function pageNonce(nonce: string, page: number): string {
  if (page === 0 && nonce.length <= 25) return nonce;
  return createHash('sha256').update(`${nonce}#${page}`).digest('base64url').slice(0, 25);
}

export function classifyError(err: unknown, channel: string): Extract<SendResult, { ok: false }> {
  if (err instanceof RateLimitError) {
    const retryAfterMs = Math.max(err.timeToReset, err.retryAfter);
    return { ok: false, permanent: false, error: `Discord rate-limited posts to channel ${channel} for ${Math.round(retryAfterMs / 1000)} s`, retryAfterMs };
  }
  if (err instanceof DiscordAPIError) {
    const permanent = PERMANENT_CODES.has(Number(err.code)) || err.status === 403 || err.status === 404;
    return { ok: false, permanent, error: `Discord refused the post to channel ${channel}: ${err.message} (code ${err.code}, HTTP ${err.status})` };
  }
  return { ok: false, permanent: false, error: `Posting to Discord channel ${channel} failed: ${err instanceof Error ? err.message : String(err)}` };
}

/**
 * Posts deliveries with the REST client, whose queue waits out Discord's rate limits (429s
 * included). The nonce with enforce_nonce makes a resend after a crash a no-op on Discord's side.
 */
export function createDiscordSink(rest: REST | undefined, log: Logger): DeliverySink {
  return {
    platform: 'discord',
    async send(delivery: Delivery): Promise<SendResult> {
      if (!rest) {
        return { ok: false, permanent: false, error: 'Posting to Discord needs DISCORD_TOKEN, which is not set' };
      }
      // Channel posts are public by nature; an ephemeral flag would be rejected.
      const pages = renderDiscord({ ...delivery.reply, ephemeral: false });
      try {
        for (const [i, page] of pages.entries()) {
          const { body, files } = restPayload(page, { nonce: pageNonce(delivery.nonce, i), enforce_nonce: true });
          await rest.post(Routes.channelMessages(delivery.channel), { body, ...(files ? { files } : {}) });
        }
        return { ok: true };
      } catch (err) {
        const result = classifyError(err, delivery.channel);
        log.warn('Discord delivery failed', { delivery: delivery.id, channel: delivery.channel, permanent: result.permanent, error: result.error });
        return result;
      }
    },
  };
}
