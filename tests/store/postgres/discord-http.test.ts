import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { systemClock } from '../../../src/clock.ts';
import { silentLogger } from '../../../src/log.ts';
import { createPageFetcher } from '../../../src/ingest/pages.ts';
import { startDiscordHttp, type RunningDiscordHttp } from '../../../src/platforms/discord/http.ts';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/store.ts';
import { registry } from '../../../commands/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/server.ts';
import { PERMISSIONS, chatInputInteraction } from '../../fakes/discord/payloads.ts';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

const keys = generateKeyPairSync('ed25519');
const publicHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const noFetch = (url: string): Promise<never> => Promise.reject(new Error(`no fetching in this test (${url})`));

describePg('Discord HTTP interactions from several processes on one database', () => {
  let db: TestDatabase;
  let fake: FakeDiscord;
  const bots: Array<{ http: RunningDiscordHttp; store: PostgresStore }> = [];

  beforeAll(async () => {
    db = await freshDatabase();
    fake = await startFakeDiscord();
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({ FACTFEED_DATABASE_URL: db.url, DISCORD_PUBLIC_KEY: publicHex, DISCORD_HTTP_PORT: '0', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_BASE: fake.apiBase });
      const store = openPostgresStore(db.url, { maxConnections: 3 });
      await store.ready;
      const services = { config, store, clock: systemClock, log: silentLogger, fetch: noFetch, pages: createPageFetcher({ fetch: noFetch, userAgent: 'factfeed-test' }) };
      bots.push({ http: await startDiscordHttp(services, registry, { host: '127.0.0.1', port: 0 }), store });
    }
  });

  afterAll(async () => {
    for (const b of bots) {
      await b.http.stop();
      await b.store.close();
    }
    await fake?.close();
    await db?.drop();
  });

  /** A signed command, as Discord posts it to whichever process the load balancer picks. */
  async function ask(bot: RunningDiscordHttp, name: string, options: unknown[]): Promise<string> {
    const body = JSON.stringify(chatInputInteraction({ applicationId: fake.applicationId, guildId: fake.guildId, channelId: fake.channels[0]!, name, options, permissions: PERMISSIONS.manager }));
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`http://127.0.0.1:${bot.port}/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': sign(null, Buffer.from(ts + body), keys.privateKey).toString('hex'), 'x-signature-timestamp': ts },
      body,
    });
    expect(res.status).toBe(200);
    return JSON.stringify(await res.json());
  }

  it('answers each command from whichever process gets it, as one bot', async () => {
    const channel = fake.channels[0]!;
    expect(await ask(bots[0]!.http, 'subscribe', [{ name: 'channel', type: 7, value: channel }])).toMatch(/Subscribed/);
    // The other process sees the subscription the first one made: no state lives in either.
    expect(await ask(bots[1]!.http, 'unsubscribe', [{ name: 'channel', type: 7, value: channel }])).toMatch(/Unsubscribed/);
    expect(await ask(bots[0]!.http, 'unsubscribe', [{ name: 'channel', type: 7, value: channel }])).toMatch(/is not subscribed/);
  });
});
