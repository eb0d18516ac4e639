import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/**
 * A fake of the Slack Web API (the few methods factfeed calls) and of slash-command response
 * URLs, on 127.0.0.1. The real @slack/web-api client and Bolt's respond() talk to it; every request
 * is recorded so tests can assert what Slack would have received.
 */

export interface RecordedCall {
  /** Web API method ("chat.postMessage") or "response" for a response_url post. */
  method: string;
  /** For response_url posts, the id in /response/<id>. */
  responseId?: string;
  token?: string | undefined;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export interface FakeSlack {
  /** Base for SLACK_API_URL, ending in /api/. */
  apiUrl: string;
  /** A response_url Bolt's respond() will post to; an id starting "expired" answers 404. */
  responseUrl(id: string): string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  users: Map<string, FakeUser>;
  /** The next call to `method` fails with this Slack error code (`{ ok: false, error }`). */
  failNext(method: string, error: string): void;
  /** The next call to `method` gets HTTP 429 with this Retry-After (seconds). */
  rateLimitNext(method: string, retryAfterSec: number): void;
  /**
   * Socket Mode: sends an envelope (e.g. type "slash_commands") to the connected app and returns its
   * id; the app's ack is recorded as a call with method "socket.ack".
   */
  sendEnvelope(type: string, payload: Record<string, unknown>): string;
  /** Resolves once `count` calls match, or rejects after `ms`. */
  waitFor(predicate: (c: RecordedCall) => boolean, count?: number, ms?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

export const FAKE_BOT_TOKEN = 'xoxb-fake-token';
export const FAKE_APP_TOKEN = 'xapp-fake-token';
export const FAKE_TEAM = 'T0FAKE';

export async function startFakeSlack(options: { token?: string } = {}): Promise<FakeSlack> {
  const token = options.token ?? FAKE_BOT_TOKEN;
  const calls: RecordedCall[] = [];
  const users = new Map<string, FakeUser>();
  const failures = new Map<string, string[]>();
  const limits = new Map<string, number[]>();
  const waiters: (() => void)[] = [];
  let ts = 1_700_000_000;
  let envelopes = 0;
  const sockets: WebSocket[] = [];
  const record = (call: Omit<RecordedCall, 'at'>): void => {
    calls.push({ ...call, at: Date.now() });
    for (const w of waiters.splice(0)) w();
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const body = parseBody(raw, req.headers['content-type'] ?? '');
      const response = /^\/response\/([^/]+)$/.exec(path);
      const method = response ? 'response' : path.replace(/^\/api\//, '');
      record({ method, ...(response ? { responseId: response[1] } : {}), token: auth ?? (body.token as string | undefined), body });

      // Slack answers an expired or overused response_url with 404; ids starting "expired" act so.
      if (response) return response[1]!.startsWith('expired') ? send(res, 404, { ok: false, error: 'expired_url' }) : send(res, 200, { ok: true });
      const limited = limits.get(method)?.shift();
      if (limited !== undefined) {
        res.writeHead(429, { 'retry-after': String(limited), 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      }
      const failure = failures.get(method)?.shift();
      if (failure) return send(res, 200, { ok: false, error: failure });
      // Socket Mode connects with the app-level token; everything else uses the bot token.
      const wanted = method === 'apps.connections.open' ? FAKE_APP_TOKEN : token;
      if ((auth ?? body.token) !== wanted) return send(res, 200, { ok: false, error: 'invalid_auth' });
      send(res, 200, answer(method, body));
    })();
  });

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.example/', team: 'Fake', user: 'factfeed', team_id: FAKE_TEAM, user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `${ts++}.000100`, message: { text: body.text } };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket` };
      case 'users.info': {
        const user = users.get(String(body.user));
        return user ? { ok: true, user: { is_admin: false, is_owner: false, is_primary_owner: false, ...user } } : { ok: false, error: 'user_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
      record({ method: 'socket.ack', responseId: msg.envelope_id, body: msg.payload ?? {} });
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0FACTFEED' } }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    users,
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    rateLimitNext(method, retryAfterSec) {
      limits.set(method, [...(limits.get(method) ?? []), retryAfterSec]);
    },
    sendEnvelope(type, payload) {
      const id = `env-${++envelopes}`;
      const ws = sockets.filter((x) => x.readyState === x.OPEN).at(-1);
      if (!ws) throw new Error('fake Slack: no Socket Mode connection');
      ws.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: true }));
      return id;
    },
    async waitFor(predicate, count = 1, ms = 3000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = calls.filter(predicate);
        if (found.length >= count) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`fake Slack: expected ${count} matching call(s), saw ${found.length} (all: ${calls.map((c) => c.method).join(', ')})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The web-api client sends forms with JSON-encoded fields (blocks); respond() sends JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v === 'true' ? true : v === 'false' ? false : v;
  }
  return out;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}
