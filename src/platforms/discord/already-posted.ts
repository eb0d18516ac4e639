import { Routes, type REST } from 'discord.js';

/**
 * Discord drops a repeated nonce for "a few minutes" only. A send left unconfirmed for longer than
 * this is looked for in the channel before it is posted again; within it the nonce is enough.
 */
export const DISCORD_NONCE_WINDOW_MS = 2 * 60_000;
/** How far back the channel is searched: the newest this many messages (Discord's maximum per request is 100). */
export const HISTORY_LIMIT = 50;

interface WireEmbed {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text?: string };
  fields?: { name?: string; value?: string }[];
}

interface WireMessage {
  author?: { id?: string };
  nonce?: string | number | null;
  content?: string;
  embeds?: WireEmbed[];
}

/**
 * What a message says, in the parts Discord hands back unchanged: the text and each embed's title,
 * description, link, footer and fields. Images are left out, since Discord rewrites their URLs.
 */
export function messageFingerprint(body: { content?: unknown; embeds?: unknown }): string {
  const plain = JSON.parse(JSON.stringify({ content: body.content ?? '', embeds: body.embeds ?? [] })) as { content: string; embeds: WireEmbed[] };
  return JSON.stringify([
    String(plain.content).trim(),
    plain.embeds.map((e) => [e.title ?? '', (e.description ?? '').trim(), e.url ?? '', e.footer?.text ?? '', (e.fields ?? []).map((f) => [f.name ?? '', f.value ?? ''])]),
  ]);
}

const botIds = new WeakMap<REST, Promise<string>>();

function botId(rest: REST): Promise<string> {
  let id = botIds.get(rest);
  if (!id) {
    id = (rest.get(Routes.user()) as Promise<{ id: string }>).then((u) => u.id);
    id.catch(() => botIds.delete(rest));
    botIds.set(rest, id);
  }
  return id;
}

/**
 * For each page of a delivery, whether the channel's newest messages already hold it: a message by
 * this bot carrying the page's nonce, or (since Discord does not return nonces in history) one by
 * this bot with the same text and embeds. Needs Read Message History in the channel.
 */
export async function findPosted(rest: REST, channel: string, pages: readonly { nonce: string; body: Record<string, unknown> }[]): Promise<boolean[]> {
  const [me, history] = await Promise.all([
    botId(rest),
    rest.get(Routes.channelMessages(channel), { query: new URLSearchParams({ limit: String(HISTORY_LIMIT) }) }) as Promise<WireMessage[]>,
  ]);
  const mine = history.filter((m) => m.author?.id === me);
  const nonces = new Set(mine.map((m) => String(m.nonce ?? '')));
  const prints = new Set(mine.map(messageFingerprint));
  return pages.map((p) => nonces.has(p.nonce) || prints.has(messageFingerprint(p.body)));
}
