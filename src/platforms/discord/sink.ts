import { createHash } from 'node:crypto';
import { DiscordAPIError, RateLimitError, Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { Delivery, DeliverySink, SendResult } from '../../deliver/types.ts';
import type { Logger } from '../../log.ts';
import { renderDiscord } from '../../reply/discord.ts';
import { restPayload } from './payload.ts';
import { DISCORD_NONCE_WINDOW_MS, findPosted } from './already-posted.ts';

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
 * included). The nonce with enforce_nonce makes a resend soon after a crash a no-op on Discord's
 * side; after a longer gap, when Discord has forgotten the nonce, the channel is searched first.
 */
export function createDiscordSink(rest: REST | undefined, log: Logger): DeliverySink {
  return {
    platform: 'discord',
    nonceWindowMs: DISCORD_NONCE_WINDOW_MS,
    async send(delivery: Delivery): Promise<SendResult> {
      if (!rest) {
        return { ok: false, permanent: false, error: 'Posting to Discord needs DISCORD_TOKEN, which is not set' };
      }
      // Channel posts are public by nature; an ephemeral flag would be rejected.
      const pages = renderDiscord({ ...delivery.reply, ephemeral: false }).map((page, i) => {
        const nonce = pageNonce(delivery.nonce, i);
        return { nonce, ...restPayload(page, { nonce, enforce_nonce: true }) };
      });
      try {
        const posted = delivery.lookFirst ? await alreadyPosted(rest, delivery, pages, log) : [];
        for (const [i, { body, files }] of pages.entries()) {
          if (posted[i]) continue;
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

/** Which pages an unconfirmed earlier send already posted; when the channel cannot be read, none (the nonce is all that is left). */
async function alreadyPosted(rest: REST, delivery: Delivery, pages: Parameters<typeof findPosted>[2], log: Logger): Promise<boolean[]> {
  try {
    const found = await findPosted(rest, delivery.channel, pages);
    if (found.some(Boolean)) log.info('found an unconfirmed delivery already in its channel; not posting it again', { delivery: delivery.id, channel: delivery.channel, pages: found.filter(Boolean).length });
    return found;
  } catch (err) {
    log.warn('could not read the channel to look for an unconfirmed delivery; posting it again', { delivery: delivery.id, channel: delivery.channel, error: err instanceof Error ? err.message : String(err) });
    return [];
  }
}
