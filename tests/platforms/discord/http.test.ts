import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/clock.ts';
import { startDiscordHttp } from '../../../src/platforms/discord/http.ts';
import type { RunningDiscordHttp } from '../../../src/platforms/discord/http.ts';
import { startFakeDiscord } from '../../fakes/discord/server.ts';
import type { FakeDiscord } from '../../fakes/discord/server.ts';
import { PERMISSIONS, autocompleteInteraction, chatInputInteraction } from '../../fakes/discord/payloads.ts';
import { discordServices } from './helpers.ts';
import { testRegistry } from './test-registry.ts';

let fake: FakeDiscord;
let services: ReturnType<typeof discordServices>;
let bot: RunningDiscordHttp;
const clock = new FakeClock('2025-06-01T12:00:00Z');
const { registry, seen } = testRegistry({ slowMs: 300 });
const keys = generateKeyPairSync('ed25519');
const otherKeys = generateKeyPairSync('ed25519');

/** The 32 raw public-key bytes as hex, the way the Developer Portal shows them. */
const rawHex = (key: KeyObject): string => key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

beforeAll(async () => {
  fake = await startFakeDiscord();
  services = discordServices(fake, { DISCORD_PUBLIC_KEY: rawHex(keys.publicKey), DISCORD_HTTP_PORT: '0' });
  services.clock = clock;
  bot = await startDiscordHttp(services, registry, { host: '127.0.0.1', port: 0, deferAfterMs: 100 });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  services?.cleanup();
});

interface PostOptions {
  key?: KeyObject;
  timestamp?: number;
  tamper?: (body: string) => string;
  headers?: Record<string, string>;
}

async function post(payload: unknown, o: PostOptions = {}): Promise<Response> {
  const body = JSON.stringify(payload);
  const ts = String(o.timestamp ?? Math.floor(clock.now().getTime() / 1000));
  const signature = sign(null, Buffer.from(ts + body), o.key ?? keys.privateKey).toString('hex');
  return fetch(`http://127.0.0.1:${bot.port}/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts, ...o.headers },
    body: o.tamper ? o.tamper(body) : body,
  });
}

const command = (name: string, options: unknown[] = [], permissions?: string) =>
  chatInputInteraction({ applicationId: fake.applicationId, guildId: fake.guildId, channelId: fake.channels[0]!, name, options, ...(permissions ? { permissions } : {}) });

describe('Discord HTTP interactions endpoint', () => {
  it('answers a signed PING with a PONG', async () => {
    const res = await post({ type: 1, id: '1', token: 't', application_id: fake.applicationId });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('runs a signed command and answers in the response body', async () => {
    const res = await post(command('echo', [{ name: 'text', type: 3, value: 'signed' }]));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      type: 4,
      data: { embeds: [{ color: 0x5865f2, title: 'Echo', description: '• text=signed' }], allowed_mentions: { parse: [] } },
    });
    expect(seen.at(-1)!.invocation).toMatchObject({ platform: 'discord', tenant: fake.guildId, isAdmin: false, allowLocalFiles: false });
  });

  it.each([
    ['signed with another key', { key: otherKeys.privateKey }],
    ['with a changed body', { tamper: (b: string) => b.replace('intruder', 'intrudes') }],
    ['with a stale timestamp', { timestamp: Math.floor(clock.now().getTime() / 1000) - 6 * 60 }],
    ['without a signature', { headers: { 'x-signature-ed25519': '' } }],
  ] as [string, PostOptions][])('rejects a request %s with 401 and runs nothing', async (_label, options) => {
    const before = seen.length;
    const res = await post(command('echo', [{ name: 'text', type: 3, value: 'intruder' }]), options);
    expect(res.status).toBe(401);
    expect(seen.length).toBe(before);
  });

  it('rejects an unsigned PING too', async () => {
    const res = await post({ type: 1 }, { key: otherKeys.privateKey });
    expect(res.status).toBe(401);
  });

  it('defers a slow command with type 5 and then edits the original through the webhook', async () => {
    const i = command('slow');
    const res = await post(i);
    expect(await res.json()).toEqual({ type: 5, data: {} });
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${i.token}/messages/@original`);
    expect(edit.body).toEqual({ embeds: [{ color: 0x5865f2, title: 'Slow', description: '• done at last' }], allowed_mentions: { parse: [] } });
    expect(edit.headers.authorization).toBeUndefined();
  });

  it('refuses an admin command to a plain member privately, and runs it for a manager', async () => {
    const refused = (await (await post(command('digest', [{ name: 'off', type: 1, options: [] }]))).json()) as { data: { flags: number } };
    expect(refused.data.flags).toBe(64);
    const ok = (await (await post(command('digest', [{ name: 'off', type: 1, options: [] }], PERMISSIONS.manager))).json()) as {
      data: { embeds: { description: string }[] };
    };
    expect(ok.data.embeds[0]!.description).toBe('digest off');
  });

  it('answers autocomplete with type 8 and at most 25 choices', async () => {
    const i = autocompleteInteraction({
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      channelId: fake.channels[0]!,
      name: 'echo',
      options: [{ name: 'text', type: 3, value: 'pri', focused: true }],
    });
    const body = (await (await post(i)).json()) as { type: number; data: { choices: unknown[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices).toHaveLength(25);
    expect(body.data.choices[0]).toEqual({ name: 'topic pri0', value: 'pri0' });
  });

  it('sends the pages after the first of a huge reply as webhook follow-ups', async () => {
    const i = command('huge');
    const first = (await (await post(i)).json()) as { data: { embeds: { footer: { text: string } }[] } };
    const pages = Number(/Page 1\/(\d+)/.exec(first.data.embeds[0]!.footer.text)![1]);
    await fake.waitFor((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${i.token}` && r.body.embeds[0].footer.text === `Page ${pages}/${pages}`);
    const follows = fake.requests.filter((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${i.token}`);
    expect(follows).toHaveLength(pages - 1);
  });

  it('answers with a multipart body when the reply carries a file', async () => {
    const res = await post(command('chart'));
    expect(res.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await res.formData();
    const payload = JSON.parse(String(form.get('payload_json')));
    expect(payload.type).toBe(4);
    expect(payload.data.attachments).toEqual([{ id: 0, filename: 'chart.png' }]);
    expect(payload.data.embeds[0].image).toEqual({ url: 'attachment://chart.png' });
    const file = form.get('files[0]') as File;
    expect(file.name).toBe('chart.png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71, 1, 2, 3]));
  });

  it('refuses anything but POST', async () => {
    const res = await fetch(`http://127.0.0.1:${bot.port}/interactions`);
    expect(res.status).toBe(405);
  });
});
