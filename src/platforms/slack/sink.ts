import type { webApi } from '@slack/bolt';
import type { Delivery, DeliverySink, SendResult } from '../../deliver/types.ts';
import type { Logger } from '../../log.ts';
import { renderSlack } from '../../reply/slack.ts';

/**
 * Slack error codes meaning the channel is gone or the bot may not post there: retrying cannot
 * help, so the subscription should be switched off.
 */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
  // A workspace policy forbids the post (announcement-only or read-only channel).
  'restricted_action',
  'restricted_action_read_only_channel',
]);

/** The one call the sink makes; a WebClient satisfies it. */
export interface PostMessageClient {
  chat: { postMessage(args: webApi.ChatPostMessageArguments): Promise<webApi.ChatPostMessageResponse> };
}

function slackErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; data?: { error?: unknown } };
  return e.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

export function classifySlackError(err: unknown, channel: string): Extract<SendResult, { ok: false }> {
  const code = slackErrorCode(err);
  if (code) {
    return { ok: false, permanent: PERMANENT_ERRORS.has(code), error: `Slack refused the post to channel ${channel}: ${code}` };
  }
  return { ok: false, permanent: false, error: `Posting to Slack channel ${channel} failed: ${err instanceof Error ? err.message : String(err)}` };
}

/**
 * Posts deliveries with chat.postMessage. The web-api client waits out 429s itself (it honours
 * Retry-After), so a rate limit only surfaces here once its retries are spent. Link previews are
 * off: a digest citing ten articles would otherwise unfurl ten cards.
 */
export function createSlackSink(client: PostMessageClient, log: Logger): DeliverySink {
  return {
    platform: 'slack',
    async send(delivery: Delivery): Promise<SendResult> {
      const messages = renderSlack({ ...delivery.reply, ephemeral: false });
      try {
        for (const m of messages) {
          await client.chat.postMessage({ channel: delivery.channel, text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false });
        }
        return { ok: true };
      } catch (err) {
        const result = classifySlackError(err, delivery.channel);
        log.warn('Slack delivery failed', { delivery: delivery.id, channel: delivery.channel, permanent: result.permanent, error: result.error });
        return result;
      }
    },
  };
}
