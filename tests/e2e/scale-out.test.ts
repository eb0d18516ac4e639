import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { nonceFor } from '../../src/deliver/outbox.ts';
import { rss } from '../deliver/helpers.ts';
import { describePg, freshDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../fakes/discord/server.ts';

const repo = join(import.meta.dirname, '../..');
const FEEDS = 200;
const ITEMS = 2;
/** One Discord channel per server, as snowflakes. */
const channelOf = (n: number): string => String(900_000_000_000_000_000n + BigInt(n));

const listen = async (server: http.Server): Promise<string> => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: http.Server): Promise<void> => {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
};

describePg('three bot processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  let feeds: http.Server;
  let discord: FakeDiscord;
  let feedsUrl = '';
  const fetched = new Map<number, number>();
  const bots: ChildProcess[] = [];
  const isPost = (r: RecordedRequest): boolean => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);
  /** Every post the bots made, repeats included: the nonce each carried and its channel. */
  const received = (): Array<{ nonce: string; channel: string }> =>
    discord.requests.filter(isPost).map((r) => ({ nonce: String((r.body as { nonce?: string }).nonce), channel: r.path.split('/')[2]! }));

  beforeAll(async () => {
    db = await freshDatabase();
    // 200 feeds of two articles each, one per server (tenant), each server with one channel.
    feeds = http.createServer((req, res) => {
      const n = Number(/^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? NaN);
      if (!Number.isInteger(n)) return void res.writeHead(404).end();
      fetched.set(n, (fetched.get(n) ?? 0) + 1);
      const items = Array.from({ length: ITEMS }, (_, i) => ({
        guid: `f${n}-${i}`,
        title: `Harbour ${n} report ${i}`,
        text: `The harbour of town ${n} handled ${100 + i} ships in March, officials said.`,
        date: `2025-03-0${i + 1}T08:00:00Z`,
      }));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items, `Wire ${n}`));
    });
    feedsUrl = await listen(feeds);
    discord = await startFakeDiscord({ channels: Array.from({ length: FEEDS }, (_, n) => channelOf(n)) });
    const store = openPostgresStore(db.url);
    const now = new Date();
    for (let n = 0; n < FEEDS; n++) {
      await store.sources.add({ tenant: `s${n}`, url: `${feedsUrl}/feeds/${n}.xml`, kind: 'url' }, now);
      await store.subscriptions.upsert({ tenant: `s${n}`, platform: 'discord', channel: channelOf(n) }, now);
    }
    await store.close();
  });

  afterAll(async () => {
    for (const b of bots) if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
    await close(feeds);
    await discord?.close();
    await db?.drop();
  });

  /** The real bot on the fake Discord (gateway and REST), posting each delivery to its channel. */
  function startBot(): ChildProcess {
    const child = spawn(process.execPath, ['bin/factfeed.js', 'start'], {
      cwd: repo,
      env: {
        PATH: process.env.PATH ?? '',
        FACTFEED_DATABASE_URL: db.url,
        FACTFEED_ALLOW_PRIVATE: '1',
        DISCORD_TOKEN: 'fake-bot-token',
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_BASE: discord.apiBase,
        // Slow sends and short leases: the kill lands mid-run, and what the dead process held comes back soon.
        FACTFEED_SEND_DELAY_MS: '25',
        FACTFEED_POLL_LEASE_SECONDS: '15',
        FACTFEED_SEND_LEASE_SECONDS: '5',
        FACTFEED_SAMPLE_FEED: '',
        FACTFEED_LOG_LEVEL: 'error',
      },
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    bots.push(child);
    return child;
  }

  async function counts(): Promise<{ articles: number; distinct: number; sent: number; pending: number; failed: number }> {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const a = (await c.query('SELECT count(*)::int AS n, count(DISTINCT (feed_id, guid))::int AS d FROM articles')).rows[0] as { n: number; d: number };
      const o = (await c.query('SELECT count(sent_at)::int AS sent, count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL)::int AS pending, count(failed_at)::int AS failed FROM outbox'))
        .rows[0] as { sent: number; pending: number; failed: number };
      return { articles: a.n, distinct: a.d, ...o };
    } finally {
      await c.end();
    }
  }

  async function waitFor(what: string, cond: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await cond())) {
      if (Date.now() > until) throw new Error(`timed out waiting until ${what}: ${JSON.stringify(await counts())}, ${received().length} received`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('stores every article once and delivers every post once (by nonce) when one of three is killed -9 mid-run', { timeout: 240_000 }, async () => {
    const [first] = [startBot(), startBot(), startBot()];
    await waitFor('a quarter of the posts arrived', () => received().length >= (FEEDS * ITEMS) / 4, 120_000);
    const exited = new Promise((r) => first!.once('exit', r));
    first!.kill('SIGKILL');
    await exited;
    // What the dead process held (feeds mid-poll, posts mid-drain) goes to the others once its leases run out.
    await waitFor('every article is stored and every post sent', async () => {
      const c = await counts();
      return c.articles === FEEDS * ITEMS && c.pending === 0 && c.sent === FEEDS * ITEMS;
    }, 150_000);
    const c = await counts();
    expect(c).toEqual({ articles: FEEDS * ITEMS, distinct: FEEDS * ITEMS, sent: FEEDS * ITEMS, pending: 0, failed: 0 });
    // Each post arrived; a resend after the kill carries the same nonce, which Discord drops.
    const keys = (await (async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query('SELECT dedupe_key FROM outbox')).rows as Array<{ dedupe_key: string }>;
      } finally {
        await client.end();
      }
    })()).map((r) => nonceFor(r.dedupe_key));
    const posts = received();
    expect(new Set(posts.map((r) => r.nonce))).toEqual(new Set(keys));
    const repeats = posts.length - new Set(posts.map((r) => r.nonce)).size;
    // At most the posts the dead process had in flight come twice; the live ones never overlap.
    expect(repeats).toBeLessThanOrEqual(1);
    expect(new Set(posts.map((r) => r.channel)).size).toBe(FEEDS);
    // What each channel shows: every article once, a repeated nonce having returned the first message.
    for (let n = 0; n < FEEDS; n++) expect(discord.messages.get(channelOf(n)) ?? [], `channel ${n}`).toHaveLength(ITEMS);
    // Every feed was fetched; twice at most, when the dead process had it mid-poll.
    expect(fetched.size).toBe(FEEDS);
    expect([...fetched.values()].every((n) => n <= 2)).toBe(true);
  });
});
