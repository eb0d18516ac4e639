import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/platforms/discord/index.ts';
import { startDiscordGateway } from '../../../src/platforms/discord/gateway.ts';
import { startFakeDiscord } from '../../fakes/discord/server.ts';
import type { FakeDiscord } from '../../fakes/discord/server.ts';
import { discordServices } from './helpers.ts';
import { testRegistry } from './test-registry.ts';

let fake: FakeDiscord;
const { registry } = testRegistry();

beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(() => fake?.close());

describe('starting Discord', () => {
  it('connects with only the Guilds intent', async () => {
    const services = discordServices(fake);
    const bot = await startDiscord(services, registry);
    try {
      const identify = fake.gatewayFrames.find((f) => f.op === 2);
      expect((identify?.d as { intents: number }).intents).toBe(1);
    } finally {
      await bot.stop();
      services.cleanup();
    }
  });

  it('fails with a message naming Discord when the token is refused', async () => {
    const services = discordServices(fake, { DISCORD_TOKEN: 'revoked' });
    fake.respondOnce('GET', /^\/gateway\/bot$/, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    await expect(startDiscordGateway(services, registry)).rejects.toThrow(/Discord login failed/);
    services.cleanup();
  });

  it('picks HTTP interactions mode when a public key and port are set', async () => {
    const services = discordServices(fake, { DISCORD_TOKEN: '', DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_HTTP_PORT: '0' });
    const before = fake.requests.length;
    const bot = await startDiscord(services, registry, { http: { host: '127.0.0.1' } });
    try {
      expect(fake.requests.length).toBe(before);
      expect('port' in bot && typeof bot.port === 'number' && bot.port > 0).toBe(true);
      // Without a bot token the sink cannot post, and says why instead of pretending.
      const result = await bot.sink.send({ id: 1, subscriptionId: 1, tenant: 'g', platform: 'discord', channel: fake.channels[0]!, kind: 'notice', reply: { kind: 'info', sections: [], citations: [] }, nonce: 'n' });
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/DISCORD_TOKEN/) });
    } finally {
      await bot.stop();
      services.cleanup();
    }
  });

  it('explains which settings are missing when neither mode is configured', async () => {
    const services = discordServices(fake, { DISCORD_TOKEN: '' });
    await expect(startDiscord(services, registry)).rejects.toThrow(/DISCORD_TOKEN.*DISCORD_PUBLIC_KEY and DISCORD_HTTP_PORT/);
    services.cleanup();
  });
});
