import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** Discord refuses to replay older requests; so do we, to blunt replay of a captured request. */
export const MAX_SIGNATURE_AGE_S = 5 * 60;

// An Ed25519 SubjectPublicKeyInfo is this fixed DER header followed by the 32 raw key bytes.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key (64 hex characters from the Developer Portal) as a KeyObject. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks Discord's Ed25519 signature over `timestamp + body`, and that the timestamp is recent.
 * `nowMs` comes from the injected clock.
 */
export function verifyDiscordRequest(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number,
): VerifyResult {
  if (!signatureHex || !timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex)) return { ok: false, reason: 'malformed signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  const age = nowMs / 1000 - Number(timestamp);
  if (Math.abs(age) > MAX_SIGNATURE_AGE_S) return { ok: false, reason: `timestamp is ${Math.round(age)} s off` };
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  const good = verify(null, message, key, Buffer.from(signatureHex, 'hex'));
  return good ? { ok: true } : { ok: false, reason: 'bad signature' };
}
