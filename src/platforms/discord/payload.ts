import type { RawFile } from 'discord.js';
import type { DiscordMessage } from '../../reply/discord.ts';

/** A rendered page as a REST request: JSON body plus multipart files, attachments listed by index. */
export function restPayload(message: DiscordMessage, extra: Record<string, unknown> = {}): { body: Record<string, unknown>; files?: RawFile[] } {
  const { files, ...json } = message;
  const body: Record<string, unknown> = { ...json, ...extra };
  if (!files || files.length === 0) return { body };
  body.attachments = files.map((f, id) => ({ id, filename: f.name, ...(f.description ? { description: f.description } : {}) }));
  return { body, files: files.map((f) => ({ name: f.name, data: Buffer.from(f.data), contentType: f.contentType })) };
}
