import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { guildPayload, messagePayload, snowflake, userPayload } from './payloads.ts';

/**
 * A small Discord on 127.0.0.1 for tests: REST under /api/v10 that records every request, and a
 * gateway that says HELLO, answers IDENTIFY with READY + GUILD_CREATE, and pushes
 * INTERACTION_CREATE on demand. Point discord.js at it with `rest: { api: fake.apiBase }`.
 */

/**
 * Wire JSON as recorded. Tests dig into it and assert on what they find, so it is typed loosely on
 * purpose: a wrong guess about its shape fails an assertion rather than the compiler.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type WireJson = any;

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (or multipart `payload_json`); undefined when there was none. */
  body: WireJson;
  files: { field: string; name: string; size: number; type: string }[];
  at: number;
}

export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Override {
  method: string;
  path: RegExp;
  response: CannedResponse;
}

export interface FakeDiscordOptions {
  applicationId?: string;
  guildId?: string;
  /** Channels that exist; posting anywhere else gets 404 Unknown Channel (10003). */
  channels?: string[];
}

export interface FakeDiscord {
  apiBase: string;
  gatewayUrl: string;
  applicationId: string;
  guildId: string;
  channels: string[];
  botUser: Record<string, unknown>;
  requests: RecordedRequest[];
  /** Every frame clients sent on the gateway (IDENTIFY, heartbeats), in order. */
  gatewayFrames: { op: number; d: unknown }[];
  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** The next request matching method + path gets this response instead of the normal one. */
  respondOnce(method: string, path: RegExp, response: CannedResponse): void;
  /** Messages posted to each channel, oldest first, as Discord stores them. */
  messages: Map<string, WireJson[]>;
  /** Forgets every nonce, as Discord does a few minutes after a post: a repeat then makes a second message. */
  forgetNonces(): void;
  /** Sends an INTERACTION_CREATE dispatch to every identified gateway connection. */
  dispatch(event: string, data: unknown): void;
  identified: Promise<void>;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? snowflake();
  const guildId = options.guildId ?? snowflake();
  const channels = options.channels ?? [snowflake(), snowflake()];
  const botUser = userPayload(applicationId, 'factfeed', true);
  const requests: RecordedRequest[] = [];
  const gatewayFrames: { op: number; d: unknown }[] = [];
  const waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  const overrides: Override[] = [];
  const messages = new Map<string, WireJson[]>();
  // enforce_nonce: a repeat of a remembered nonce in the same channel returns the first message.
  const nonces = new Map<string, WireJson>();
  const sockets = new Set<WebSocket>();
  let markIdentified!: () => void;
  const identified = new Promise<void>((resolve) => (markIdentified = resolve));
  let seq = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(err), code: 0 }));
    });
  });
  const wss = new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  function record(r: RecordedRequest): void {
    requests.push(r);
    for (const w of [...waiters]) {
      if (w.match(r)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(r);
      }
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', origin);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const { body, files } = await parseBody(req.headers, raw);
    record({ method, path, query: url.searchParams, headers: req.headers, body, files, at: Date.now() });

    const override = overrides.find((o) => o.method === method && o.path.test(path));
    if (override) {
      overrides.splice(overrides.indexOf(override), 1);
      return send(res, override.response);
    }
    send(res, route(method, path, body, url.searchParams));
  }

  function route(method: string, path: string, body: WireJson, query: URLSearchParams): CannedResponse {
    const ok = (b: unknown): CannedResponse => ({ status: 200, body: b });
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      // Shards may identify together, so a sharded client connects without Discord's 5-second spacing.
      return ok({ url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 } });
    }
    if (method === 'GET' && path === '/users/@me') return ok(botUser);
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (/^\/webhooks\/\d+\/[^/]+(\/messages\/(@original|\d+))?$/.test(path)) {
      if (method === 'DELETE') return { status: 204 };
      return ok(messagePayload(snowflake(), channels[0]!, botUser, body ?? {}));
    }
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      if (!channels.includes(m[1]!)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      const key = body?.enforce_nonce && body.nonce !== undefined ? `${m[1]}:${body.nonce}` : undefined;
      if (key && nonces.has(key)) return ok(nonces.get(key));
      const message = messagePayload(snowflake(), m[1]!, botUser, body ?? {});
      if (key) nonces.set(key, message);
      messages.set(m[1]!, [...(messages.get(m[1]!) ?? []), message]);
      return ok(message);
    }
    if (method === 'GET' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      if (!channels.includes(m[1]!)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      const limit = Math.min(100, Number(query.get('limit') ?? 50));
      // Newest first, and without nonces: Discord returns a nonce only when the message is created.
      return ok((messages.get(m[1]!) ?? []).slice(-limit).reverse().map(({ nonce: _nonce, ...rest }: WireJson) => rest));
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return ok((body as unknown[]).map((c) => ({ id: snowflake(), application_id: applicationId, version: snowflake(), ...(c as object) })));
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (data) => {
      const packet = JSON.parse(String(data)) as { op: number; d: unknown };
      gatewayFrames.push(packet);
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        const session = snowflake();
        sendDispatch(socket, 'READY', {
          v: 10,
          user: botUser,
          guilds: [{ id: guildId, unavailable: true }],
          session_id: session,
          resume_gateway_url: gatewayUrl,
          application: { id: applicationId, flags: 0 },
          // The shard the client identified as (discord.js sends it when it shards).
          shard: (packet.d as { shard?: [number, number] }).shard ?? [0, 1],
        });
        sendDispatch(socket, 'GUILD_CREATE', guildPayload(guildId, channels));
        (socket as WebSocket & { identified?: boolean }).identified = true;
        markIdentified();
      }
    });
  });

  function sendDispatch(socket: WebSocket, t: string, d: unknown): void {
    seq += 1;
    socket.send(JSON.stringify({ op: 0, t, s: seq, d }));
  }

  return {
    apiBase: `${origin}/api`,
    gatewayUrl,
    applicationId,
    guildId,
    channels,
    botUser,
    requests,
    gatewayFrames,
    identified,
    waitFor(match, timeoutMs = 5000) {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    messages,
    forgetNonces: () => nonces.clear(),
    respondOnce(method, path, response) {
      overrides.push({ method, path, response });
    },
    dispatch(event, data) {
      for (const s of sockets) if ((s as WebSocket & { identified?: boolean }).identified) sendDispatch(s, event, data);
    },
    async close() {
      for (const s of sockets) s.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: http.ServerResponse, r: CannedResponse): void {
  const headers = { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers };
  res.writeHead(r.status, headers);
  res.end(r.body !== undefined ? JSON.stringify(r.body) : undefined);
}

async function parseBody(headers: http.IncomingHttpHeaders, raw: Buffer): Promise<Pick<RecordedRequest, 'body' | 'files'>> {
  const type = headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) {
    // undici's Request knows how to parse multipart, which saves writing a parser here.
    const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: RecordedRequest['files'] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (field === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') files.push({ field, name: value.name, size: value.size, type: value.type });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}
