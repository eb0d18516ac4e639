import { createPageFetcher } from '../../../src/ingest/pages.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Logger } from '../../../src/log.ts';
import { openStore, type SqliteStore } from '../../../src/store/index.ts';
import type { Services } from '../../../src/services.ts';
import type { Fetcher } from '../../../src/ingest/types.ts';
import type { CommandRegistry } from '../../../commands/registry.ts';
import { startDiscordGateway } from '../../../src/platforms/discord/gateway.ts';
import type { DiscordGatewayOptions, RunningDiscord } from '../../../src/platforms/discord/gateway.ts';
import { startFakeDiscord } from '../../fakes/discord/server.ts';
import type { FakeDiscord } from '../../fakes/discord/server.ts';

// Nothing in these tests may reach the network; a fetch attempt is a test failure.
const noFetch: Fetcher = async (url) => {
  throw new Error(`test tried to fetch ${url}`);
};

/** Services over a fresh temp SQLite file, configured to talk to the fake Discord. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields?: Record<string, unknown> | undefined;
}

/** A logger that keeps what it is told, so tests can assert nothing went wrong quietly. */
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (msg: string, fields?: Record<string, unknown>) => void entries.push({ level, msg, fields });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function discordServices(fake: FakeDiscord, env: Record<string, string> = {}): Services<SqliteStore> & { cleanup(): void; log: ReturnType<typeof recordingLogger> } {
  const dir = mkdtempSync(join(tmpdir(), 'factfeed-discord-'));
  const config = loadConfig({
    FACTFEED_DB: join(dir, 'test.db'),
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
    ...env,
  });
  const services = { config, store: openStore(config.dbPath), clock: systemClock, log: recordingLogger(), fetch: noFetch, pages: createPageFetcher({ fetch: noFetch, userAgent: 'factfeed-test' }) };
  return {
    ...services,
    cleanup() {
      services.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface GatewayHarness {
  fake: FakeDiscord;
  services: ReturnType<typeof discordServices>;
  bot: RunningDiscord;
  stop(): Promise<void>;
}

/** A fake Discord, services over a temp store, and the real gateway client connected to the fake. */
export async function startGatewayHarness(registry: CommandRegistry, options: DiscordGatewayOptions & { seed?: (s: Services<SqliteStore>, guildId: string) => Promise<void> } = {}): Promise<GatewayHarness> {
  const fake = await startFakeDiscord();
  const services = discordServices(fake);
  await options.seed?.(services, fake.guildId);
  const bot = await startDiscordGateway(services, registry, options);
  return {
    fake,
    services,
    bot,
    async stop() {
      await bot.stop();
      await fake.close();
      services.cleanup();
    },
  };
}
