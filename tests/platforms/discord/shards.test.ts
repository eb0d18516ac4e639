import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordGateway } from '../../../src/platforms/discord/gateway.ts';
import { loadConfig, ConfigError } from '../../../src/config.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/server.ts';
import { discordServices } from './helpers.ts';
import { testRegistry } from './test-registry.ts';

let fake: FakeDiscord;
const { registry } = testRegistry();

beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(() => fake?.close());

/** The shards the real discord.js client identified as, in the order it connected them. */
async function identifiedShards(env: Record<string, string>): Promise<number[][]> {
  const before = fake.gatewayFrames.length;
  const services = discordServices(fake, env);
  const bot = await startDiscordGateway(services, registry);
  try {
    return fake.gatewayFrames
      .slice(before)
      .filter((f) => f.op === 2)
      .map((f) => (f.d as { shard?: number[] }).shard ?? [])
      .sort((a, b) => a[0]! - b[0]!);
  } finally {
    await bot.stop();
    services.cleanup();
  }
}

describe('Discord gateway sharding', () => {
  it('runs only the shards DISCORD_SHARD_IDS names, of the DISCORD_SHARDS the bot has', async () => {
    expect(await identifiedShards({ DISCORD_SHARDS: '3', DISCORD_SHARD_IDS: '0,2' })).toEqual([
      [0, 3],
      [2, 3],
    ]);
  });

  it('runs every shard of DISCORD_SHARDS without ids, and as many as Discord recommends for auto', async () => {
    expect(await identifiedShards({ DISCORD_SHARDS: '2' })).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // The fake Discord recommends one shard.
    expect(await identifiedShards({ DISCORD_SHARDS: 'auto' })).toEqual([[0, 1]]);
  });

  it('refuses shard settings that cannot work, naming each setting', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
        return '';
      } catch (err) {
        return err instanceof ConfigError ? err.message : String(err);
      }
    };
    expect(problems({ DISCORD_SHARDS: 'many' })).toMatch(/DISCORD_SHARDS: 'auto' or the bot's number of shards/);
    expect(problems({ DISCORD_SHARDS: 'auto', DISCORD_SHARD_IDS: '0' })).toMatch(/DISCORD_SHARD_IDS: needs DISCORD_SHARDS set to the bot's number/);
    expect(problems({ DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1,2' })).toMatch(/DISCORD_SHARD_IDS: each must be below DISCORD_SHARDS \(2\)/);
    expect(problems({ DISCORD_SHARD_IDS: 'one' })).toMatch(/DISCORD_SHARD_IDS: shard numbers separated by commas/);
    expect(loadConfig({ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '1, 3' }).discord.shards).toEqual({ count: 4, ids: [1, 3] });
  });
});
