import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandRegistry } from '../../../commands/registry.ts';
import { systemClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { storeItem } from '../../../src/ingest/pipeline.ts';
import type { FeedItem, Fetcher } from '../../../src/ingest/types.ts';
import type { Logger } from '../../../src/log.ts';
import { startSlack } from '../../../src/platforms/slack/index.ts';
import type { RunningSlack, SlackOptions } from '../../../src/platforms/slack/index.ts';
import type { Services } from '../../../src/services.ts';
import { openStore } from '../../../src/store/index.ts';
import { FAKE_BOT_TOKEN, FAKE_TEAM, startFakeSlack } from '../../fakes/slack/server.ts';
import type { FakeSlack } from '../../fakes/slack/server.ts';
import { sendSlash } from '../../fakes/slack/slash.ts';
import type { SlashRequest } from '../../fakes/slack/slash.ts';

export const SIGNING_SECRET = 'fake-signing-secret-0123456789';

// Nothing in these tests may reach the network; a fetch attempt is a test failure.
const noFetch: Fetcher = async (url) => {
  throw new Error(`test tried to fetch ${url}`);
};

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields?: Record<string, unknown> | undefined;
}

export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (msg: string, fields?: Record<string, unknown>) => void entries.push({ level, msg, fields });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface SlackHarness {
  fake: FakeSlack;
  services: Services & { log: ReturnType<typeof recordingLogger> };
  bot: RunningSlack;
  endpoint: string;
  /** Sends a correctly signed slash command; the response_url is a fresh id on the fake. */
  slash(r: Omit<SlashRequest, 'responseUrl'>, responseId?: string): Promise<{ status: number; body: string; responseId: string }>;
  stop(): Promise<void>;
}

let responses = 0;

/** The real Bolt app on an ephemeral loopback port, its web-api client pointed at the fake Slack. */
export async function startSlackHarness(registry: CommandRegistry, options: SlackOptions = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'factfeed-slack-'));
  const config = loadConfig({
    FACTFEED_DB: join(dir, 'test.db'),
    FACTFEED_SAMPLE_FEED: '',
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  const services = { config, store: openStore(config.dbPath), clock: systemClock, log: recordingLogger(), fetch: noFetch };
  // Keep the web-api back-off short; Retry-After itself is still honoured in full.
  const bot = await startSlack(services, registry, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 } }, ...options });
  const endpoint = `http://127.0.0.1:${bot.port}/slack/events`;
  return {
    fake,
    services,
    bot,
    endpoint,
    async slash(r, responseId = `r${++responses}`) {
      const res = await sendSlash(endpoint, { ...r, responseUrl: fake.responseUrl(responseId) }, { secret: SIGNING_SECRET });
      return { ...res, responseId };
    },
    async stop() {
      await bot.stop();
      await fake.close();
      services.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stores articles for the fake team through the real ingest pipeline (extraction included). */
export function seedArticles(services: Services, items: (Omit<FeedItem, 'isTeaser'> & { isTeaser?: boolean })[], tenant = FAKE_TEAM): void {
  const source = services.store.sources.add({ tenant, url: 'https://news.example/feed.xml', kind: 'url', title: 'Example News' }, services.clock.now());
  for (const item of items) storeItem({ ...services, timeZone: 'UTC' }, source, { isTeaser: false, ...item });
}
