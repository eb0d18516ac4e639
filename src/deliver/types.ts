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
  /**
   * An earlier send of this delivery got no recorded answer (a crash or an unclear failure), longer
   * ago than the platform remembers nonces: look in the channel for it before posting again.
   */
  lookFirst?: boolean | undefined;
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
  /**
   * How long the platform drops a repeated nonce by itself. Set only by sinks that can look for an
   * earlier copy of a delivery (Delivery.lookFirst); the others resend as before.
   */
  nonceWindowMs?: number;
}
