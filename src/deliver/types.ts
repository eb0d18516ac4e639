import type { Reply } from '../reply/model.ts';

/** One message the outbox wants posted to one channel. */
export interface Delivery {
  id: number;
  subscriptionId: number;
  tenant: string;
  platform: string;
  channel: string;
  kind: 'update' | 'digest' | 'notice';
  reply: Reply;
  /** Stable per delivery; platforms that support it (Discord's enforce_nonce) use it to drop a resend after a crash. */
  nonce: string;
}

export type SendResult =
  | { ok: true }
  | {
      ok: false;
      /** A missing channel or permission: retrying will not help; the subscription is disabled. */
      permanent: boolean;
      error: string;
      retryAfterMs?: number;
    };

/** A platform's way of posting a delivery. The console prints; Discord and Slack post through their clients. */
export interface DeliverySink {
  platform: string;
  send(delivery: Delivery): Promise<SendResult>;
}
