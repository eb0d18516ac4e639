import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { CommandRegistry } from '../../../commands/registry.ts';
import { runAutocomplete, runCommand } from '../../../commands/dispatch.ts';
import type { DiscordMessage } from '../../reply/discord.ts';
import type { Services } from '../../services.ts';
import type { RunningDiscord } from './gateway.ts';
import { outsideGuildReply, toArgs, toAutocompleteRequest, toInvocation } from './interaction.ts';
import type { RawOption } from './interaction.ts';
import { restPayload } from './payload.ts';
import { DEFAULT_DEFER_AFTER_MS, autocompleteDeadline, respondInTime } from './respond.ts';
import type { Responder } from './respond.ts';
import { createRest } from './rest.ts';
import { createDiscordSink } from './sink.ts';
import { discordPublicKey, verifyDiscordRequest } from './verify.ts';

export interface DiscordHttpOptions {
  /** Defaults to DISCORD_HTTP_PORT; 0 picks a free port. */
  port?: number;
  /** Discord must reach the endpoint (through an HTTPS proxy or tunnel), so all interfaces by default. */
  host?: string;
  deferAfterMs?: number;
  rest?: REST;
}

export interface RunningDiscordHttp extends RunningDiscord {
  port: number;
}

// Interaction payloads are a few kilobytes; anything this large is not from Discord.
const MAX_BODY_BYTES = 1024 * 1024;

/** The subset of an interaction payload factfeed reads. */
interface InteractionPayload {
  type: number;
  id: string;
  token: string;
  application_id: string;
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string };
  member?: { permissions?: string; user?: { id: string } };
  user?: { id: string };
  data?: { name: string; type?: number; options?: RawOption[]; resolved?: { attachments?: Record<string, { url: string }> } };
}

/**
 * HTTP interactions mode: Discord POSTs each interaction to this endpoint. Every request must carry
 * a valid Ed25519 signature from the application's key, or it gets 401 and nothing runs.
 */
export async function startDiscordHttp(services: Services, registry: CommandRegistry, options: DiscordHttpOptions = {}): Promise<RunningDiscordHttp> {
  const { config, log, clock } = services;
  if (!config.discord.publicKey) throw new Error('Discord HTTP mode needs DISCORD_PUBLIC_KEY (General Information → Public Key)');
  const key = discordPublicKey(config.discord.publicKey);
  const rest = options.rest ?? createRest(config);
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;

  const server = http.createServer((req, res) => {
    void onRequest(req, res).catch((err: unknown) => {
      log.error('Discord HTTP interaction failed', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) writeJson(res, 500, { error: 'internal error' });
    });
  });

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return void writeJson(res, 405, { error: 'POST interactions here' });
    const body = await readBody(req);
    if (!body) return void writeJson(res, 413, { error: 'body too large' });
    const header = (name: string): string | undefined => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const check = verifyDiscordRequest(key, header('x-signature-ed25519'), header('x-signature-timestamp'), body, clock.now().getTime());
    if (!check.ok) {
      log.warn('Discord HTTP request rejected', { reason: check.reason, from: req.socket.remoteAddress });
      return void writeJson(res, 401, { error: 'invalid request signature' });
    }
    let payload: InteractionPayload;
    try {
      payload = JSON.parse(body.toString('utf8')) as InteractionPayload;
    } catch {
      return void writeJson(res, 400, { error: 'body is not JSON' });
    }
    if (payload.type === 1) return void writeJson(res, 200, { type: 1 });
    if (payload.type === 2 && payload.data && (payload.data.type ?? 1) === 1) return command(payload, payload.data, res);
    if (payload.type === 4 && payload.data) return autocomplete(payload, payload.data, res);
    writeJson(res, 400, { error: `unsupported interaction type ${payload.type}` });
  }

  async function command(p: InteractionPayload, data: NonNullable<InteractionPayload['data']>, res: http.ServerResponse): Promise<void> {
    const invocation = toInvocation(who(p));
    const args = toArgs(data.options, (id) => data.resolved?.attachments?.[id]?.url);
    const work = invocation ? runCommand(registry, { services, invocation }, data.name, args) : Promise.resolve(outsideGuildReply());
    log.debug('Discord command (HTTP)', { command: data.name, guild: p.guild_id });
    await respondInTime(work, httpResponder(res, rest, p), { deferAfterMs, deferEphemeral: registry.get(data.name)?.adminOnly ?? true });
  }

  async function autocomplete(p: InteractionPayload, data: NonNullable<InteractionPayload['data']>, res: http.ServerResponse): Promise<void> {
    const invocation = toInvocation(who(p));
    const req = toAutocompleteRequest(data.options);
    const choices = invocation && req ? await autocompleteDeadline(runAutocomplete(registry, { services, invocation }, data.name, req)) : [];
    await writeJson(res, 200, { type: 8, data: { choices } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.discord.httpPort ?? 0, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log.info('Discord interactions endpoint listening', { port });

  return {
    port,
    sink: createDiscordSink(config.discord.token ? rest : undefined, log),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function who(p: InteractionPayload) {
  return { guildId: p.guild_id, channelId: p.channel_id ?? p.channel?.id, userId: p.member?.user?.id ?? p.user?.id, permissions: p.member?.permissions };
}

/** The first answer goes back on the HTTP response itself; everything after it through the interaction webhook. */
function httpResponder(res: http.ServerResponse, rest: REST, p: InteractionPayload): Responder {
  const original = Routes.webhookMessage(p.application_id, p.token, '@original');
  return {
    reply: (m) => writeCallback(res, m),
    defer: (ephemeral) => writeJson(res, 200, { type: 5, data: ephemeral ? { flags: 64 } : {} }),
    editOriginal: async ({ flags: _flags, ...m }) => void (await rest.patch(original, { ...restPayload(m), auth: false })),
    deleteOriginal: async () => void (await rest.delete(original, { auth: false })),
    followUp: async (m) => void (await rest.post(Routes.webhook(p.application_id, p.token), { ...restPayload(m), auth: false })),
  };
}

async function writeCallback(res: http.ServerResponse, message: DiscordMessage): Promise<void> {
  const { body } = restPayload(message);
  const payload = { type: 4, data: body };
  if (!message.files?.length) return writeJson(res, 200, payload);
  const form = new FormData();
  form.append('payload_json', JSON.stringify(payload));
  message.files.forEach((f, i) => form.append(`files[${i}]`, new Blob([Buffer.from(f.data)], { type: f.contentType }), f.name));
  // Let undici encode the multipart body rather than hand-rolling boundaries.
  const encoded = new Response(form);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  res.writeHead(200, { 'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data', 'content-length': bytes.length });
  await new Promise<void>((resolve) => res.end(bytes, resolve));
}

function writeJson(res: http.ServerResponse, status: number, value: unknown): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
  return new Promise<void>((resolve) => res.end(bytes, resolve));
}

/** The raw body (the signature covers exact bytes), or undefined when it exceeds the cap. */
async function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
