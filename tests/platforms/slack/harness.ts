import type { CommandRegistry } from '../../../commands/registry.ts';
import { FakeClock } from '../../../src/clock.ts';
import { storeItem } from '../../../src/ingest/pipeline.ts';
import type { FeedItem } from '../../../src/ingest/types.ts';
import { createLogger } from '../../../src/log.ts';
import { startSlack } from '../../../src/platforms/slack/index.ts';
import type { RunningSlack, SlackOptions } from '../../../src/platforms/slack/index.ts';
import type { Services } from '../../../src/services.ts';
import type { SqliteStore } from '../../../src/store/index.ts';
import { testServices } from '../../helpers/services.ts';
import type { TestServices } from '../../helpers/services.ts';
import { FAKE_BOT_TOKEN, FAKE_TEAM, startFakeSlack } from '../../fakes/slack/server.ts';
import type { FakeSlack } from '../../fakes/slack/server.ts';
import { sendSlash } from '../../fakes/slack/slash.ts';
import type { SlashRequest } from '../../fakes/slack/slash.ts';

export const SIGNING_SECRET = 'fake-signing-secret-0123456789';

/** Every log line, as the real logger formats it, so tests can assert nothing failed quietly. */
export interface LogLines {
  lines: string[];
}

export interface SlackHarness {
  fake: FakeSlack;
  services: TestServices & LogLines;
  clock: FakeClock;
  bot: RunningSlack;
  endpoint: string;
  /** Sends a correctly signed slash command; the response_url is a fresh id on the fake. */
  slash(r: Omit<SlashRequest, 'responseUrl'>, responseId?: string): Promise<{ status: number; body: string; responseId: string }>;
  stop(): Promise<void>;
}

let responses = 0;

/** The real Bolt app on an ephemeral loopback port, its web-api client pointed at the fake Slack. */
export async function startSlackHarness(registry: CommandRegistry, options: SlackOptions = {}, env: Record<string, string> = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const lines: string[] = [];
  const clock = new FakeClock('2025-06-15T12:00:00Z');
  const services = testServices({
    env: { SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ...env },
    clock,
    log: createLogger('debug', (line) => void lines.push(line)),
    fetch: async (url) => {
      throw new Error(`test tried to fetch ${url}`);
    },
  });
  // Keep the web-api back-off short; Retry-After itself is still honoured in full.
  const bot = await startSlack(services, registry, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 } }, ...options });
  const endpoint = `http://127.0.0.1:${bot.port}/slack/events`;
  return {
    fake,
    services: Object.assign(services, { lines }),
    clock,
    bot,
    endpoint,
    async slash(r, responseId = `r${++responses}`) {
      const res = await sendSlash(endpoint, { ...r, responseUrl: fake.responseUrl(responseId) }, { secret: SIGNING_SECRET });
      return { ...res, responseId };
    },
    async stop() {
      await bot.stop();
      await fake.close();
      services.cleanup();
    },
  };
}

/** Stores articles for the fake team through the real ingest pipeline (extraction included). */
export function seedArticles(services: Services<SqliteStore>, items: (Omit<FeedItem, 'isTeaser'> & { isTeaser?: boolean })[], tenant = FAKE_TEAM): void {
  const source = services.store.sources.add({ tenant, url: 'https://news.example/feed.xml', kind: 'url', title: 'Example News' }, services.clock.now());
  const feed = services.store.feeds.get(source.feedId)!;
  for (const item of items) storeItem({ ...services, timeZone: 'UTC' }, feed, { isTeaser: false, ...item });
}
