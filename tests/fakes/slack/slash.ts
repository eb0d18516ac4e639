import { createHmac } from 'node:crypto';
import { FAKE_TEAM } from './server.ts';

/**
 * Builds and sends slash-command requests the way Slack does: a form body signed with the app's
 * signing secret (`v0=` + HMAC-SHA256 over `v0:<timestamp>:<body>`).
 */

export interface SlashRequest {
  command: string;
  text?: string;
  user?: string;
  channel?: string;
  team?: string;
  responseUrl: string;
}

export function slashBody(r: SlashRequest): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: r.team ?? FAKE_TEAM,
    team_domain: 'fake',
    channel_id: r.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: r.user ?? 'U0MEMBER',
    user_name: 'member',
    command: r.command,
    text: r.text ?? '',
    api_app_id: 'A0FACTFEED',
    is_enterprise_install: 'false',
    response_url: r.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

export function sign(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

export interface SendOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
}

/** POSTs a signed slash command to Bolt's endpoint and returns the HTTP status and body. */
export async function sendSlash(endpoint: string, r: SlashRequest, o: SendOptions): Promise<{ status: number; body: string }> {
  const body = slashBody(r);
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': o.signature ?? sign(o.secret, timestamp, body),
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}
