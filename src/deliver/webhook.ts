import type { Logger } from '../log.ts';
import { renderText } from '../reply/text.ts';
import type { DeliverySink, SendResult } from './types.ts';

/**
 * Console-mode deliveries POSTed as JSON to a URL the operator configured
 * (FACTFEED_CONSOLE_WEBHOOK): handy for piping posts into another tool, and how the crash test
 * watches what the bot sends. The nonce lets the receiver drop a resend after a crash.
 */
export function createWebhookSink(url: string, log: Logger, timeoutMs = 10_000): DeliverySink {
  return {
    platform: 'console',
    async send(d): Promise<SendResult> {
      const body = JSON.stringify({ id: d.id, nonce: d.nonce, kind: d.kind, tenant: d.tenant, channel: d.channel, text: renderText(d.reply), reply: d.reply });
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs) });
        await res.body?.cancel();
        if (res.ok) return { ok: true };
        // A webhook that is gone or forbids us will not start working by itself.
        const permanent = [401, 403, 404, 410].includes(res.status);
        const retryAfter = Number(res.headers.get('retry-after'));
        return { ok: false, permanent, error: `webhook ${url} answered HTTP ${res.status} for channel ${d.channel}`, ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
      } catch (err) {
        log.warn('webhook delivery failed', { url, delivery: d.id, error: err instanceof Error ? err.message : String(err) });
        return { ok: false, permanent: false, error: `webhook ${url} unreachable for channel ${d.channel}: ${err instanceof Error ? err.message : String(err)}` };
      }
    },
  };
}
